package diskspace

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/syncbuf"
)

// fakeFree is a free-space function whose answer a test sets.
type fakeFree struct {
	bytes atomic.Uint64
	err   atomic.Pointer[error]
}

func (f *fakeFree) read(string) (uint64, error) {
	if e := f.err.Load(); e != nil {
		return 0, *e
	}
	return f.bytes.Load(), nil
}

func TestGuardLowAndBack(t *testing.T) {
	var f fakeFree
	f.bytes.Store(1 << 30)
	var logs syncbuf.Buffer
	var observed atomic.Uint64
	g := New("/data", 64<<20, Options{Free: f.read, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		Observe: func(free uint64, low bool) { observed.Store(free) }})
	if err := g.Check(); err != nil {
		t.Fatalf("Check with 1 GiB free = %v, want nil", err)
	}
	f.bytes.Store(1000)
	for range 3 {
		err := g.Check()
		var low *LowError
		if !errors.As(err, &low) || low.Free != 1000 || low.Dir != "/data" || !errors.Is(err, lumen.ErrUnavailable) {
			t.Fatalf("Check with 1000 bytes free = %v, want a LowError wrapping ErrUnavailable", err)
		}
		if !strings.Contains(err.Error(), "no space left on /data: 1000 bytes free") {
			t.Errorf("error = %q", err)
		}
	}
	if n := strings.Count(logs.String(), "level=ERROR"); n != 1 {
		t.Errorf("ERROR lines = %d, want one for the whole low period:\n%s", n, logs.String())
	}
	if observed.Load() != 1000 {
		t.Errorf("observed %d, want 1000", observed.Load())
	}

	// Wait holds until space returns.
	done := make(chan error, 1)
	go func() { done <- g.Wait(context.Background(), time.Millisecond) }()
	select {
	case err := <-done:
		t.Fatalf("Wait returned %v while space is low", err)
	case <-time.After(20 * time.Millisecond):
	}
	f.bytes.Store(100 << 20)
	if err := <-done; err != nil {
		t.Fatalf("Wait after space returned = %v", err)
	}
	if !strings.Contains(logs.String(), "indexing resumes") {
		t.Errorf("no INFO on resuming:\n%s", logs.String())
	}

	// Wait gives up with the LowError when its context ends.
	f.bytes.Store(10)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := g.Wait(ctx, time.Millisecond); !errors.As(err, new(*LowError)) {
		t.Errorf("Wait with a cancelled context = %v, want the LowError", err)
	}
}

func TestGuardOffAndUnknown(t *testing.T) {
	var f fakeFree
	if err := New("/data", 0, Options{Free: f.read}).Check(); err != nil {
		t.Errorf("guard off: Check = %v", err)
	}
	e := errors.New("statfs: permission denied")
	f.err.Store(&e)
	if err := New("/data", 1, Options{Free: f.read}).Check(); err != nil {
		t.Errorf("free space unknown: Check = %v, want nil (nothing held back)", err)
	}
	var nilGuard *Guard
	if err := nilGuard.Check(); err != nil {
		t.Errorf("nil guard: Check = %v", err)
	}
}

// A fatal Watch returns as soon as space runs low, also when another
// Check saw it first.
func TestWatchFatal(t *testing.T) {
	var f fakeFree
	f.bytes.Store(1 << 30)
	g := New("/data", 64<<20, Options{Free: f.read})
	done := make(chan error, 1)
	go func() { done <- g.Watch(context.Background(), time.Hour, true) }()
	// Whether Watch reads before or after this, it must see the low space.
	f.bytes.Store(5)
	if err := g.Check(); err == nil {
		t.Fatal("Check passed with 5 bytes free")
	}
	select {
	case err := <-done:
		if !errors.As(err, new(*LowError)) {
			t.Errorf("Watch = %v, want the LowError", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not return when space ran low")
	}

	// Not fatal: it runs until its context ends.
	ctx, cancel := context.WithCancel(context.Background())
	go func() { done <- g.Watch(ctx, time.Millisecond, false) }()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Watch(not fatal) = %v, want nil", err)
	}
}

func TestFreeOfARealDirectory(t *testing.T) {
	n, err := Free(t.TempDir())
	if errors.Is(err, ErrUnsupported) {
		t.Skip(err)
	}
	if err != nil || n == 0 {
		t.Errorf("Free(temp dir) = %d, %v", n, err)
	}
	if _, err := Free("/does/not/exist"); err == nil {
		t.Error("Free of a missing directory gave no error")
	}
}
