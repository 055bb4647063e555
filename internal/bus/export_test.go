package bus

import "context"

// Kill closes b's connection at once, as the death of its process would:
// nothing held is acknowledged or given back.
func Kill(b *Bus) { b.nc.Close() }

// LeaderNext is leaderNext: a stream's first message at sequence from or
// after, as its leader holds it.
func LeaderNext(b *Bus, stream string, from uint64) (Record, bool, error) {
	return b.leaderNext(context.Background(), stream, from)
}

// NoPlacement makes every scan of a replicated stream fail to place its
// consumer on the leader, so that it reads from the leader directly, until
// the returned function is called.
func NoPlacement() (restore func()) {
	old := placeTries
	placeTries = 0
	return func() { placeTries = old }
}
