// Package schedule runs jobs on cron schedules. It wraps robfig/cron (the
// only package that imports it) with what Lumen needs: each job's panics are
// recovered and logged, a run is skipped while the previous run of the same
// job is still going, specs may carry a CRON_TZ= prefix, and shutdown cancels
// the running jobs' context and waits for them.
package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/lumen-research/lumen"
)

// aliases are descriptors robfig/cron lacks.
var aliases = map[string]string{
	"@nightly": lumen.DefaultSchedule,
}

func normalize(spec string) string {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return lumen.DefaultSchedule
	}
	// Keep a CRON_TZ=/TZ= prefix in front of an alias.
	prefix, rest := "", spec
	if strings.HasPrefix(spec, "CRON_TZ=") || strings.HasPrefix(spec, "TZ=") {
		if i := strings.IndexByte(spec, ' '); i > 0 {
			prefix, rest = spec[:i+1], strings.TrimSpace(spec[i+1:])
		}
	}
	if a, ok := aliases[rest]; ok {
		return prefix + a
	}
	return spec
}

// Parse checks a spec: a standard 5-field cron expression, a descriptor
// (@daily, @hourly, @every 6h, @nightly = 02:00), optionally prefixed with
// CRON_TZ=Area/City. Empty means nightly at 02:00 local time. A spec that
// never fires (30 February) is refused. A spec that is
// wrong gives an error, never a panic: robfig/cron panics on some (a time
// zone prefix with nothing after it), so Parse refuses those first and
// recovers from any it does not know of.
func Parse(spec string) (s cron.Schedule, err error) {
	norm := normalize(spec)
	if tz, rest, ok := cutTZ(norm); ok {
		if tz == "" {
			return nil, fmt.Errorf("schedule %q: the time zone after %s is empty", spec, strings.SplitN(norm, "=", 2)[0]+"=")
		}
		if strings.TrimSpace(rest) == "" {
			return nil, fmt.Errorf("schedule %q: a time zone but no schedule after it (e.g. \"%s 0 2 * * *\")", spec, strings.Fields(norm)[0])
		}
	}
	body := norm
	if _, rest, ok := cutTZ(norm); ok {
		body = strings.TrimSpace(rest)
	}
	if d, ok := strings.CutPrefix(body, "@every "); ok {
		if v, err := time.ParseDuration(strings.TrimSpace(d)); err == nil && v <= 0 {
			return nil, fmt.Errorf("schedule %q: the interval must be positive", spec)
		}
	}
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("schedule %q: not a cron expression (%v)", spec, p)
		}
	}()
	s, err = cron.ParseStandard(norm)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %w", spec, err)
	}
	// robfig/cron takes a day that no month has (30 February) and then
	// never runs it; Next says so with the zero time.
	if s.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("schedule %q: never fires (no such day, e.g. 30 February or 31 April)", spec)
	}
	return s, nil
}

// cutTZ splits a CRON_TZ= or TZ= prefix off spec.
func cutTZ(spec string) (tz, rest string, ok bool) {
	for _, p := range []string{"CRON_TZ=", "TZ="} {
		if after, found := strings.CutPrefix(spec, p); found {
			tz, rest, _ = strings.Cut(after, " ")
			return tz, rest, true
		}
	}
	return "", "", false
}

// Next returns the next time spec fires after t.
func Next(spec string, t time.Time) (time.Time, error) {
	s, err := Parse(spec)
	if err != nil {
		return time.Time{}, err
	}
	return s.Next(t), nil
}

// Scheduler runs jobs on their schedules until its Run returns.
type Scheduler struct {
	c   *cron.Cron
	log *slog.Logger

	ctx    context.Context
	cancel context.CancelFunc

	loc  *time.Location
	mu   sync.Mutex
	jobs map[string]job
}

type job struct {
	id    cron.EntryID
	sched cron.Schedule
}

// New returns a Scheduler using loc for specs without CRON_TZ (nil: local).
func New(log *slog.Logger, loc *time.Location) *Scheduler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if loc == nil {
		loc = time.Local
	}
	log = log.With("component", "scheduler")
	cl := cronLogger{log}
	ctx, cancel := context.WithCancel(context.Background())
	return &Scheduler{
		// Recover must be inside SkipIfStillRunning: a panic that escaped
		// the skip wrapper would leave its semaphore taken, and every later
		// run of the job would be skipped.
		c: cron.New(cron.WithLocation(loc), cron.WithLogger(cl),
			cron.WithChain(cron.SkipIfStillRunning(cl), cron.Recover(cl))),
		loc: loc,
		log: log, ctx: ctx, cancel: cancel, jobs: map[string]job{},
	}
}

// Add schedules fn under name. fn gets a context that is cancelled when the
// scheduler stops.
func (s *Scheduler) Add(name, spec string, fn func(ctx context.Context)) error {
	sched, err := Parse(spec)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.jobs[name]; dup {
		return fmt.Errorf("schedule %s: a job with this name exists", name)
	}
	id := s.c.Schedule(sched, cron.FuncJob(func() {
		s.log.Info("job started", "job", name)
		start := time.Now()
		fn(s.ctx)
		s.log.Info("job finished", "job", name, "took", time.Since(start).Round(time.Millisecond))
	}))
	s.jobs[name] = job{id: id, sched: sched}
	return nil
}

// NextRun returns when the named job runs next (zero if there is no such job).
func (s *Scheduler) NextRun(name string) time.Time {
	s.mu.Lock()
	j, ok := s.jobs[name]
	s.mu.Unlock()
	if !ok {
		return time.Time{}
	}
	if next := s.c.Entry(j.id).Next; !next.IsZero() {
		return next
	}
	return j.sched.Next(time.Now().In(s.loc))
}

// Run starts the schedule and blocks until ctx is done; then it stops
// starting jobs, cancels the running ones and waits for them to return.
func (s *Scheduler) Run(ctx context.Context) error {
	s.c.Start()
	s.mu.Lock()
	for name, j := range s.jobs {
		s.log.Info("job scheduled", "job", name, "next", s.c.Entry(j.id).Next.Format(time.RFC3339))
	}
	s.mu.Unlock()
	<-ctx.Done()
	stopped := s.c.Stop()
	s.cancel()
	<-stopped.Done()
	return nil
}

// cronLogger adapts slog to cron.Logger.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug(msg, kv...) }
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error(msg, append(kv, "err", err)...)
}
