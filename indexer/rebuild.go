package indexer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
)

// ErrSmaller means a rebuilt index would hold fewer articles than the index
// it replaces: the streams it was rebuilt from have lost articles. A
// *SmallerError has the counts.
var ErrSmaller = errors.New("the rebuilt index would be smaller than the current one")

// SmallerError is a refused rebuild.
type SmallerError struct {
	Articles, Before uint64
}

func (e *SmallerError) Error() string {
	return fmt.Sprintf("the rebuilt index would hold %d articles, the current one %d: the streams it was rebuilt from have lost articles", e.Articles, e.Before)
}

// Unwrap lets errors.Is match ErrSmaller.
func (e *SmallerError) Unwrap() error { return ErrSmaller }

// Source replays one stream into an index being built. Rebuild runs the
// sources in order: the tagged articles first, then whatever applies to
// them (the curators' decisions, say).
type Source func(ctx context.Context, b *Builder) error

// TaggedSource replays ArticleTagged events, each with its stream sequence.
func TaggedSource(replay func(ctx context.Context, fn func(ev lumen.ArticleTagged, seq uint64) error) error) Source {
	return func(ctx context.Context, b *Builder) error {
		if err := replay(ctx, func(ev lumen.ArticleTagged, seq uint64) error { return b.AddTagged(ctx, ev, seq) }); err != nil {
			return err
		}
		return b.Flush(ctx)
	}
}

// ReviewReplayer calls fn for every curator decision, in the order made.
type ReviewReplayer func(ctx context.Context, fn func(lumen.ReviewDecision) error) error

// ReviewsSource applies every curator decision to the index being built, in
// batches of the builder's size: the source that follows TaggedSource, so
// that every decision is reproduced on the rebuilt claims.
func ReviewsSource(replay ReviewReplayer) Source {
	return func(ctx context.Context, b *Builder) error {
		if err := b.Flush(ctx); err != nil {
			return err
		}
		batch := make([]lumen.ReviewDecision, 0, b.batchSize)
		flush := func() error {
			st, err := b.ix.ApplyReviews(ctx, batch)
			b.mu.Lock()
			b.stats.Decisions += st.Decisions
			b.mu.Unlock()
			batch = batch[:0]
			return err
		}
		err := replay(ctx, func(d lumen.ReviewDecision) error {
			batch = append(batch, d)
			if len(batch) >= b.batchSize {
				return flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
		return b.Flush(ctx)
	}
}

// Builder feeds an index being built. Batches are applied by a goroutine
// of their own while the source reads on, and bleve persists each in the
// background while the next is analysed (the index is built with unsafe
// batches: nothing is durable until Flush, and nothing needs to be before
// the index is swapped in); at most maxUnpersisted batches wait for it, so
// that memory stays bounded.
type Builder struct {
	ctx       context.Context // the build's: the applying goroutine's
	ix        *Index
	batchSize int
	events    []lumen.ArticleTagged
	seqs      []uint64

	work    chan builderBatch
	done    chan struct{}
	slots   chan struct{} // one per batch applied and not yet persisted
	mu      sync.Mutex
	stats   ApplyStats
	err     error
	started bool

	highWater uint64
}

type builderBatch struct {
	events []lumen.ArticleTagged
	seqs   []uint64
}

const maxUnpersisted = 2

func newBuilder(ctx context.Context, ix *Index, batchSize int) *Builder {
	return &Builder{ctx: ctx, ix: ix, batchSize: max(batchSize, 1), slots: make(chan struct{}, maxUnpersisted)}
}

// SetHighWater records seq as the highest tagged-stream sequence the new
// index holds (for sources that cannot say it per event).
func (b *Builder) SetHighWater(seq uint64) { b.highWater = max(b.highWater, seq) }

// Index is the index being built, for sources that apply other events than
// ArticleTagged. Call Flush first.
func (b *Builder) Index() *Index { return b.ix }

// AddTagged adds an event read at stream sequence seq. Events are applied
// in batches without reading what is indexed: each article must come once
// (the tagged stream keeps one event per article).
func (b *Builder) AddTagged(ctx context.Context, ev lumen.ArticleTagged, seq uint64) error {
	if err := b.failed(); err != nil {
		return err
	}
	b.events = append(b.events, ev)
	b.seqs = append(b.seqs, seq)
	if len(b.events) >= b.batchSize {
		return b.submit(ctx)
	}
	return nil
}

func (b *Builder) failed() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

func (b *Builder) fail(err error) {
	b.mu.Lock()
	if b.err == nil {
		b.err = err
	}
	b.mu.Unlock()
}

// submit hands the events added so far to the applying goroutine.
func (b *Builder) submit(ctx context.Context) error {
	if len(b.events) == 0 {
		return nil
	}
	if !b.started {
		b.started = true
		b.work, b.done = make(chan builderBatch), make(chan struct{})
		go b.apply(b.ctx)
	}
	select {
	case b.work <- builderBatch{b.events, b.seqs}:
	case <-ctx.Done():
		return ctx.Err()
	}
	b.events = make([]lumen.ArticleTagged, 0, b.batchSize)
	b.seqs = make([]uint64, 0, b.batchSize)
	return nil
}

// apply is the goroutine that owns the bleve batches of the new index.
func (b *Builder) apply(ctx context.Context) {
	defer close(b.done)
	for bb := range b.work {
		if b.failed() != nil {
			continue // drain
		}
		select {
		case b.slots <- struct{}{}:
		case <-ctx.Done():
			b.fail(ctx.Err())
			continue
		}
		persisted := func(err error) {
			if err != nil {
				b.fail(fmt.Errorf("persist: %w", err))
			}
			<-b.slots
		}
		b.ix.mu.Lock()
		st, err := b.ix.applyBatch(ctx, bb.events, bb.seqs, true, persisted)
		b.ix.mu.Unlock()
		b.mu.Lock()
		b.stats.Articles += st.Articles
		b.stats.Claims += st.Claims
		b.stats.Stale += st.Stale
		b.stats.Invalid += st.Invalid
		b.mu.Unlock()
		if err != nil {
			b.fail(err)
		}
	}
}

// Flush applies the events added so far and waits until everything applied
// is persisted.
func (b *Builder) Flush(ctx context.Context) error {
	if b.highWater > 0 && len(b.events) > 0 {
		b.seqs[len(b.seqs)-1] = max(b.seqs[len(b.seqs)-1], b.highWater)
		b.highWater = 0
	}
	if err := b.submit(ctx); err != nil {
		return err
	}
	if b.started {
		close(b.work)
		<-b.done
		b.started = false
	}
	for range maxUnpersisted { // every batch applied is persisted
		select {
		case b.slots <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	for range maxUnpersisted {
		<-b.slots
	}
	return b.failed()
}

// persistAll waits until everything written to the new index is persisted,
// including what sources wrote through Index() (the curators' decisions):
// the index takes unsafe batches, and bleve persists its snapshots in order,
// so a last batch persisted means all are.
func (b *Builder) persistAll(ctx context.Context) error {
	done := make(chan error, 1)
	batch := b.ix.idx.NewBatch()
	batch.SetInternal([]byte("lumen_built_at"), []byte(time.Now().UTC().Format(time.RFC3339Nano)))
	batch.SetPersistedCallback(func(err error) { done <- err })
	if err := b.ix.idx.Batch(batch); err != nil {
		return fmt.Errorf("persist: %w", err)
	}
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("persist: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (b *Builder) statsSoFar() ApplyStats {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stats
}

// RebuildOptions configure a rebuild.
type RebuildOptions struct {
	Sources   []Source
	BatchSize int // events per bleve batch (default 512)
	// Force replaces the index even when the rebuilt one has fewer articles
	// than it had (see ErrSmaller).
	Force bool
	// Progress, if set, is told the articles applied so far.
	Progress func(articles int)
	Logger   *slog.Logger
}

// RebuildStats says what a rebuild did.
type RebuildStats struct {
	ApplyStats
	// Before is the article count of the index replaced, from its
	// manifest; -1 when unknown.
	Before int64
	// Kept is where the replaced index was moved when it was damaged (it
	// is kept for inspection), or "".
	Kept string
}

// Rebuild builds a new index in dir from the sources, in a new directory
// beside it, and only when that succeeded puts it in dir's place. It never
// opens the index in dir (which may be damaged, or in use by nobody but
// missing); when the new index has fewer articles than dir's manifest
// says the old one had, it refuses with a *SmallerError unless opts.Force.
// The caller must hold the data directory (no process has dir open).
func Rebuild(ctx context.Context, dir string, opts RebuildOptions) (RebuildStats, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return RebuildStats{}, fmt.Errorf("rebuild: %w", err)
	}
	before := int64(-1)
	if m, ok := readManifest(dir); ok {
		before = int64(m.Articles)
	}
	tmp, st, err := build(ctx, dir, opts, nil)
	st.Before = before
	if err != nil {
		return st, err
	}
	if before >= 0 && uint64(st.Articles) < uint64(before) && !opts.Force {
		os.RemoveAll(tmp)
		return st, fmt.Errorf("rebuild: %w", &SmallerError{Articles: uint64(st.Articles), Before: uint64(before)})
	}
	damaged := false
	if Exists(dir) {
		var de *DamageError
		damaged = errors.As(Verify(dir), &de)
	}
	kept, err := replaceDir(dir, tmp, damaged)
	st.Kept = kept
	if err != nil {
		return st, err
	}
	return st, writeManifest(dir, manifest{Articles: uint64(st.Articles), Claims: uint64(st.Claims), Updated: time.Now().UTC()})
}

// Rebuild builds a new index from the sources while ix stays in use (it
// answers searches from the old index if that is usable, and with
// "rebuilding" otherwise), then swaps it in. A damaged or missing index is
// replaced whatever the count; a usable one only when the rebuilt one is
// not smaller, unless opts.Force. While a usable index is rebuilt, Apply
// waits, so that nothing applied to the old index misses the new one.
func (ix *Index) Rebuild(ctx context.Context, opts RebuildOptions) (RebuildStats, error) {
	state, reason := ix.idx.status()
	usable := state == StateOK
	if usable {
		ix.mu.Lock()
		defer ix.mu.Unlock()
	}
	before := int64(-1)
	if usable {
		if a, _, err := ix.Counts(ctx); err == nil {
			before = int64(a)
		}
	} else {
		if reason == nil {
			reason = errors.New("the index is being rebuilt")
		}
		ix.idx.setState(StateRebuilding, reason)
		if m, ok := readManifest(ix.path); ok {
			before = int64(m.Articles)
		}
	}
	ix.progress.Store(0)
	progress := opts.Progress
	opts.Progress = func(n int) {
		ix.progress.Store(int64(n))
		if progress != nil {
			progress(n)
		}
	}
	tmp, st, err := build(ctx, ix.path, opts, nil)
	st.Before = before
	if err != nil {
		if !usable {
			ix.idx.setState(StateRebuilding, fmt.Errorf("%w; the rebuild failed: %w", reason, err))
		}
		return st, err
	}
	if usable && before >= 0 && uint64(st.Articles) < uint64(before) && !opts.Force {
		os.RemoveAll(tmp)
		return st, fmt.Errorf("rebuild: %w", &SmallerError{Articles: uint64(st.Articles), Before: uint64(before)})
	}
	if !usable {
		ix.mu.Lock() // no Apply while the files change
		defer ix.mu.Unlock()
	}
	closeErr := ix.idx.detach(StateRebuilding, errors.New("swapping the rebuilt index in"))
	kept, err := replaceDir(ix.path, tmp, !usable)
	st.Kept = kept
	if err != nil {
		ix.idx.setState(StateDamaged, err)
		return st, err
	}
	next, err := openBleve(ix.path)
	if err != nil {
		ix.idx.setState(StateDamaged, err)
		return st, fmt.Errorf("rebuild: open the rebuilt index: %w", err)
	}
	if err := ix.idx.swap(next); err != nil {
		closeErr = errors.Join(closeErr, err)
	}
	if closeErr != nil && opts.Logger != nil {
		opts.Logger.Warn("closing the replaced index", "err", closeErr)
	}
	return st, writeManifest(ix.path, manifest{Articles: uint64(st.Articles), Claims: uint64(st.Claims), Updated: time.Now().UTC()})
}

// build builds an index from opts.Sources in a new directory beside dir and
// returns it, closed.
func build(ctx context.Context, dir string, opts RebuildOptions, config map[string]any) (string, RebuildStats, error) {
	var st RebuildStats
	tmp := dir + ".new"
	if err := os.RemoveAll(tmp); err != nil {
		return "", st, fmt.Errorf("rebuild: remove %s: %w", tmp, err)
	}
	if config == nil {
		// Unsafe batches: Batch returns before the segment is persisted;
		// Builder waits for persistence itself (see Builder).
		config = map[string]any{"unsafe_batch": true}
	}
	idx, err := createBleve(tmp, config)
	if err != nil {
		return "", st, fmt.Errorf("rebuild: %w", err)
	}
	s, err := newStore(tmp, idx)
	if err != nil {
		idx.Close()
		os.RemoveAll(tmp)
		return "", st, fmt.Errorf("rebuild: %w", err)
	}
	nix := &Index{idx: s, path: tmp}
	batchSize := opts.BatchSize
	if batchSize <= 0 {
		batchSize = 512
	}
	b := newBuilder(ctx, nix, batchSize)
	for _, src := range opts.Sources {
		if err = src(ctx, b); err != nil {
			break
		}
		if opts.Progress != nil {
			opts.Progress(b.statsSoFar().Articles)
		}
	}
	if ferr := b.Flush(ctx); err == nil {
		err = ferr
	}
	if err == nil {
		err = b.persistAll(ctx)
	}
	st.ApplyStats = b.statsSoFar()
	if cerr := nix.idx.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		os.RemoveAll(tmp)
		return "", st, fmt.Errorf("rebuild: %w", err)
	}
	return tmp, st, nil
}

// replaceDir puts the directory tmp in dir's place. The old dir is removed,
// or, when it is damaged, kept as dir.damaged (replacing an older one) and
// returned.
func replaceDir(dir, tmp string, keepOld bool) (string, error) {
	old := dir + ".old"
	if keepOld {
		old = dir + ".damaged"
	}
	if err := os.RemoveAll(old); err != nil {
		return "", fmt.Errorf("rebuild: remove %s: %w", old, err)
	}
	moved := false
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return "", fmt.Errorf("rebuild: move the old index aside: %w", err)
		}
		moved = true
	}
	if err := os.Rename(tmp, dir); err != nil {
		return "", fmt.Errorf("rebuild: move the new index in place: %w", err)
	}
	if !moved {
		return "", nil
	}
	if keepOld {
		return old, nil
	}
	if err := os.RemoveAll(old); err != nil {
		return "", fmt.Errorf("rebuild: remove the old index: %w", err)
	}
	return "", nil
}

// manifest records an index's size beside it (dir.manifest.json), so that a
// rebuild can tell, without opening the index, that the streams now hold
// less than the index did.
type manifest struct {
	Articles uint64    `json:"articles"`
	Claims   uint64    `json:"claims"`
	Updated  time.Time `json:"updated"`
}

func manifestPath(dir string) string { return dir + ".manifest.json" }

func readManifest(dir string) (manifest, bool) {
	var m manifest
	b, err := os.ReadFile(manifestPath(dir))
	if err != nil || json.Unmarshal(b, &m) != nil {
		return m, false
	}
	return m, true
}

func writeManifest(dir string, m manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tmp := manifestPath(dir) + ".tmp" + strconv.Itoa(os.Getpid())
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write index manifest: %w", err)
	}
	if err := os.Rename(tmp, manifestPath(dir)); err != nil {
		return fmt.Errorf("write index manifest: %w", err)
	}
	return nil
}

// WriteManifest records the index's current counts beside it. An index
// smaller than its manifest says keeps the manifest: the counts only grow
// (articles are never deleted), so a smaller count means loss, and the
// manifest keeps the larger figure as evidence until a rebuild or check
// settles it.
func (ix *Index) WriteManifest(ctx context.Context) error {
	if state, _ := ix.idx.status(); state != StateOK {
		return nil
	}
	a, c, err := ix.Counts(ctx)
	if err != nil {
		return err
	}
	if m, ok := readManifest(ix.path); ok && m.Articles > a {
		return nil
	}
	return writeManifest(ix.path, manifest{Articles: a, Claims: c, Updated: time.Now().UTC()})
}

// ManifestArticles returns the article count recorded beside the index in
// dir, and whether there is one.
func ManifestArticles(dir string) (uint64, bool) {
	m, ok := readManifest(dir)
	return m.Articles, ok
}

var _ = fs.ErrNotExist
