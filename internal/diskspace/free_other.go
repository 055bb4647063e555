//go:build !(linux || darwin || freebsd)

package diskspace

// Free returns ErrUnsupported: this system's free space is not read, and a
// Guard then holds nothing back.
func Free(dir string) (uint64, error) { return 0, ErrUnsupported }
