package schedule

import (
	"context"
	"sync/atomic"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, spec := range []string{"", "0 2 * * *", "CRON_TZ=Europe/Berlin 0 2 * * *", "TZ=UTC 30 3 * * 1-5", "@daily", "@nightly",
		"CRON_TZ=America/New_York @nightly", "@every 6h", "*/15 * * * *", "0 0 29 2 *"} {
		if _, err := Parse(spec); err != nil {
			t.Errorf("Parse(%q) = %v", spec, err)
		}
	}
	for _, spec := range []string{"nightly", "0 2 * *", "61 * * * *", "CRON_TZ=Mars/Olympus 0 2 * * *", "@sometimes", "0 2 * * * * *",
		// robfig/cron panics on these by itself.
		"CRON_TZ=Europe/Berlin", "TZ=UTC", "CRON_TZ=", "TZ=", "CRON_TZ=UTC   ", "CRON_TZ= 0 2 * * *", "@every", "@every -1s", "@every 0s",
		// Days no month has: robfig/cron takes them and never fires (qa2).
		"0 0 30 2 *", "0 3 31 4,6,9,11 *", "CRON_TZ=UTC 0 0 30 2 *"} {
		if _, err := Parse(spec); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", spec)
		}
	}
}

// FuzzParse: no spec makes Parse panic (robfig/cron panics on some); the
// seed corpus runs in plain go test.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"0 2 * * *", "CRON_TZ=Europe/Berlin", "TZ=UTC 0 2 * * *", "@every 1h", "@nightly", "*/0 * * * *",
		"0-99 * * * *", "CRON_TZ=UTC @every", "@every 1h1h", "5-1 * * * *", "* * * * 8", "0 0 31 2 *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		s, err := Parse(spec)
		if err == nil && s == nil {
			t.Errorf("Parse(%q) = nil, nil", spec)
		}
	})
}

func TestNext(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database")
	}
	from := time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		spec string
		want time.Time
	}{
		{"CRON_TZ=UTC 0 2 * * *", time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)},
		{"CRON_TZ=Europe/Berlin 0 2 * * *", time.Date(2026, 11, 23, 2, 0, 0, 0, berlin)},
		{"CRON_TZ=UTC @nightly", time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		got, err := Next(tt.spec, from)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("Next(%q) = %v, %v; want %v", tt.spec, got, err, tt.want)
		}
	}
	// No spec: nightly at 02:00 in the scheduler's zone (here, the local one).
	got, _ := Next("", from)
	if l := got.In(time.Local); l.Hour() != 2 || l.Minute() != 0 {
		t.Errorf("Next(\"\") = %v, want 02:00 local", got)
	}
}

// Panics are recovered, a run is skipped while the previous one goes on, and
// stopping cancels the running job and waits for it.
func TestSchedulerRecoversSkipsAndStops(t *testing.T) {
	s := New(nil, time.UTC)
	var panics, runs, starts atomic.Int32
	var cancelled atomic.Bool
	if err := s.Add("panicky", "@every 1s", func(ctx context.Context) {
		panics.Add(1)
		panic("boom")
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("slow", "@every 1s", func(ctx context.Context) {
		starts.Add(1)
		// Runs until Run is stopped: however slowly a loaded machine
		// ticks, every later tick finds it running.
		select {
		case <-time.After(time.Minute):
			runs.Add(1)
		case <-ctx.Done():
			cancelled.Store(true)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("slow", "@daily", func(context.Context) {}); err == nil {
		t.Error("a second job with the same name was accepted")
	}
	if s.NextRun("slow").IsZero() {
		t.Error("NextRun is zero")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		s.Run(ctx)
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for panics.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	// The slow job started with the panicky one's first run and has
	// been due again since.
	for starts.Load() < 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(1200 * time.Millisecond)
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if panics.Load() < 2 {
		t.Errorf("panicking job ran %d times, want the scheduler to survive and run it again", panics.Load())
	}
	if starts.Load() != 1 {
		t.Errorf("slow job started %d times while running, want 1 (later runs skipped)", starts.Load())
	}
	if !cancelled.Load() || runs.Load() != 0 {
		t.Error("the running job was not cancelled when Run returned")
	}
}
