package cpuclock

import (
	"runtime"
	"testing"
)

func TestProcessAdvancesWithWork(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" || runtime.GOOS == "js" {
		t.Skip("no CPU clock on", runtime.GOOS)
	}
	before := Process()
	x := 0
	for i := 0; Process()-before <= 0 && i < 1e9; i++ {
		x += i
	}
	if Process() <= before {
		t.Fatalf("CPU time did not advance: %v then %v (x=%d)", before, Process(), x)
	}
}
