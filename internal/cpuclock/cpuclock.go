// Package cpuclock reads the CPU time the process has used. Benchmarks and
// `lumen bench` report it beside wall time, which other processes on a
// shared machine disturb much more.
package cpuclock

import "time"

// Process is the CPU time (user and system) the process has used so far, or
// 0 where the platform does not report it.
func Process() time.Duration { return process() }
