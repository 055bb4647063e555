package bus

// Kill closes b's connection at once, as the death of its process would:
// nothing held is acknowledged or given back.
func Kill(b *Bus) { b.nc.Close() }
