//go:build linux || darwin || freebsd

package diskspace

import (
	"fmt"
	"syscall"
)

// Free returns the bytes available to an unprivileged process on the file
// system holding dir (statfs's f_bavail: root's reserve left out).
func Free(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("statfs %s: %w", dir, err)
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}
