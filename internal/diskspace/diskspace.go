// Package diskspace watches the free space of the file system that holds
// Lumen's data directory, so that the index stops taking batches before a
// full disk leaves it half-written: bleve persists segments in goroutines
// of its own, and a write that fails there can end in a panic that no
// caller can recover (qa4: "assignment to entry in nil map" in zapx, the
// process dead). Waiting with the messages unacknowledged loses nothing:
// JetStream redelivers them once space returns.
//
// It is not a quota and does not free space; it reads what the operating
// system reports (statfs on Linux, macOS and FreeBSD). Where that is not
// available the free space is unknown and nothing is held back.
package diskspace

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
)

// ErrUnsupported is Free's error where the system gives no free space.
var ErrUnsupported = errors.New("free space is not known on this system")

// LowError says the data directory has less free space than the minimum.
// It wraps lumen.ErrUnavailable: the work is retried once space returns.
type LowError struct {
	Dir  string
	Free uint64 // bytes available
	Min  uint64 // the minimum (indexer.min_free_bytes)
}

func (e *LowError) Error() string {
	return fmt.Sprintf("no space left on %s: %d bytes free (indexer.min_free_bytes is %d)", e.Dir, e.Free, e.Min)
}

func (e *LowError) Unwrap() error { return lumen.ErrUnavailable }

// Options configure a Guard; every field may be left zero.
type Options struct {
	// Free reads the bytes available on the file system holding dir;
	// nil is the system's (Free). Tests inject their own.
	Free func(dir string) (uint64, error)
	// Logger gets one ERROR when space runs low and one INFO when it
	// returns.
	Logger *slog.Logger
	// Observe is called after each reading: the bytes free, and whether
	// they are below the minimum (for metrics).
	Observe func(free uint64, low bool)
}

// Guard tells whether the data directory has room for more index writes.
// Its methods are safe for concurrent use.
type Guard struct {
	dir     string
	min     uint64
	free    func(string) (uint64, error)
	log     *slog.Logger
	observe func(uint64, bool)
	low     chan struct{} // receives when space runs low

	mu      sync.Mutex
	isLow   bool
	warned  bool // an unreadable free space was logged
	lastErr *LowError
}

// New returns a Guard of dir that holds writes back below min bytes free;
// min 0 turns it off (Check always passes).
func New(dir string, min uint64, o Options) *Guard {
	g := &Guard{dir: dir, min: min, free: o.Free, log: o.Logger, observe: o.Observe, low: make(chan struct{}, 1)}
	if g.free == nil {
		g.free = Free
	}
	if g.log == nil {
		g.log = slog.New(slog.DiscardHandler)
	}
	return g
}

// Check reads the free space now. It returns nil when there is enough, when
// the guard is off, or when the free space cannot be read (logged once:
// an unknown is no reason to stop indexing); else a *LowError.
func (g *Guard) Check() error {
	if g == nil || g.min == 0 {
		return nil
	}
	free, err := g.free(g.dir)
	g.mu.Lock()
	defer g.mu.Unlock()
	if err != nil {
		if !g.warned && !errors.Is(err, ErrUnsupported) {
			g.log.Warn("free space of the data directory unknown; indexing is not held back for it", "path", g.dir, "err", err)
		}
		g.warned = true
		return nil
	}
	low := free < g.min
	if g.observe != nil {
		g.observe(free, low)
	}
	switch {
	case low && !g.isLow:
		g.log.Error("no space left on the data directory: indexing paused until space is freed (messages stay in JetStream)",
			"path", g.dir, "free_bytes", free, "min_free_bytes", g.min)
		select {
		case g.low <- struct{}{}:
		default:
		}
	case !low && g.isLow:
		g.log.Info("space freed on the data directory: indexing resumes", "path", g.dir, "free_bytes", free)
	}
	g.isLow = low
	if !low {
		g.lastErr = nil
		return nil
	}
	g.lastErr = &LowError{Dir: g.dir, Free: free, Min: g.min}
	return g.lastErr
}

// Ready is Check for a readiness probe.
func (g *Guard) Ready(context.Context) error { return g.Check() }

// Wait returns nil as soon as Check passes, reading again every poll; when
// ctx ends first it returns the last LowError.
func (g *Guard) Wait(ctx context.Context, poll time.Duration) error {
	err := g.Check()
	if err == nil {
		return nil
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return err
		case <-t.C:
		}
		if err = g.Check(); err == nil {
			return nil
		}
	}
}

// Watch reads the free space every interval until ctx ends, so that the
// metrics and the log follow it while nothing is written. With fatal, it
// returns the LowError as soon as space runs low (a one-shot command that
// cannot wait for an operator), whether seen here or by another Check.
func (g *Guard) Watch(ctx context.Context, interval time.Duration, fatal bool) error {
	if g == nil || g.min == 0 {
		<-ctx.Done()
		return nil
	}
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := g.Check(); err != nil && fatal {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-g.low:
		}
	}
}
