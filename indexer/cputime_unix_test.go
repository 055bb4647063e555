//go:build unix

package indexer

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used: the
// indexing benchmarks report it beside wall time, which a shared machine's
// load disturbs much more.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
