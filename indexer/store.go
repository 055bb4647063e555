package indexer

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/lumen-research/lumen"
)

// States of an index.
const (
	StateOK         = "ok"
	StateRebuilding = "rebuilding"
	StateDamaged    = "damaged"
)

// store is the bleve index an Index works on, behind a guard: a panic in
// bleve or below (bolt, zap segments) becomes an error wrapping ErrDamaged;
// an error a query gets from the index data rather than from the query
// marks the index damaged instead of passing for a bad query; and the index
// can be swapped for a rebuilt one while searches run. Its methods are
// those of bleve.Index.
type store struct {
	dir   string
	empty bleve.Index // an empty in-memory index with the same mapping
	// readOnly: opened by OpenReadOnly. bleve opened read-only accepts a
	// batch and then waits for ever for a persister that does not run, so
	// every write is refused here first.
	readOnly bool

	mu     sync.RWMutex
	cur    bleve.Index // nil while there is no usable index
	state  string
	reason error
	// damaged is signalled (without blocking) when the index is found
	// damaged while in use, so that its owner can rebuild it.
	damaged chan struct{}

	verifyMu   sync.Mutex
	verifiedAt time.Time // when the files last verified after a failed query
}

var _ bleve.Index = (*store)(nil)

func (s *store) errReadOnly() error {
	return fmt.Errorf("index %s is open read-only", s.dir)
}

func newStore(dir string, cur bleve.Index) (*store, error) {
	empty, err := bleve.NewMemOnly(newMapping())
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	st := &store{dir: dir, empty: empty, cur: cur, state: StateOK, damaged: make(chan struct{}, 1)}
	if cur == nil {
		st.state = StateRebuilding
	}
	return st, nil
}

// get returns the current index, or an error wrapping lumen.ErrUnavailable
// that says why there is none. The read lock is held on success.
func (s *store) get() (bleve.Index, error) {
	s.mu.RLock()
	if s.cur != nil && s.state == StateOK {
		return s.cur, nil
	}
	err := s.unavailable()
	s.mu.RUnlock()
	return nil, err
}

func (s *store) unavailable() error {
	switch {
	case s.state == StateRebuilding && s.reason != nil:
		return fmt.Errorf("index %s (%v): %w", s.state, s.reason, lumen.ErrUnavailable)
	case s.state == StateRebuilding:
		return fmt.Errorf("index %s: %w", s.state, lumen.ErrUnavailable)
	default:
		return fmt.Errorf("index %s: %w: %w", s.state, lumen.ErrUnavailable, s.reason)
	}
}

// status returns the state and why.
func (s *store) status() (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state, s.reason
}

func (s *store) setState(state string, reason error) {
	s.mu.Lock()
	s.state, s.reason = state, reason
	s.mu.Unlock()
}

// markDamaged records that the index in use is damaged (once) and signals
// the owner. It returns the error to give the caller.
func (s *store) markDamaged(cause error) error {
	s.mu.Lock()
	first := s.state == StateOK
	if first {
		// Name the damaged file if the files say which.
		var de *DamageError
		if !errors.As(cause, &de) || de.File == "" {
			if verr := verifyFiles(s.dir, liveMinAge); verr != nil {
				cause = fmt.Errorf("%w (%w)", cause, verr)
			}
		}
		s.state, s.reason = StateDamaged, cause
	}
	reason := s.reason
	s.mu.Unlock()
	if first {
		select {
		case s.damaged <- struct{}{}:
		default:
		}
	}
	return fmt.Errorf("%w: %w", lumen.ErrUnavailable, reason)
}

// recoverTo turns a panic of op into a damage error in *err. Use it as
// `defer s.recoverTo("search", &err)` in methods that hold the read lock,
// after the deferred unlock (so it runs first).
func (s *store) recoverTo(op string, err *error) {
	if p := recover(); p != nil {
		cause := &DamageError{Op: op, Err: fmt.Errorf("panic: %v", p), Stack: string(debug.Stack())}
		s.mu.RUnlock() // markDamaged takes the write lock
		*err = s.markDamaged(cause)
		s.mu.RLock() // for the deferred RUnlock
	}
}

// swap replaces the current index (closing it) with next, and returns the
// state to ok.
func (s *store) swap(next bleve.Index) error {
	s.verifyMu.Lock()
	s.verifiedAt = time.Time{} // another index's files
	s.verifyMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if s.cur != nil {
		err = closeGuarded(s.cur)
	}
	s.cur, s.state, s.reason = next, StateOK, nil
	return err
}

// detach closes and forgets the current index, for a rebuild to replace
// its files; state says why (rebuilding).
func (s *store) detach(state string, reason error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var err error
	if s.cur != nil {
		err = closeGuarded(s.cur)
		s.cur = nil
	}
	s.state, s.reason = state, reason
	return err
}

func closeGuarded(ix bleve.Index) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("close index: panic: %v", p)
		}
	}()
	return ix.Close()
}

// SearchInContext runs req. An error that the same request does not get
// from an empty index comes from the index data: the index is marked
// damaged and the error wraps lumen.ErrUnavailable.
func (s *store) SearchInContext(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("search", &err)
	res, err = cur.SearchInContext(ctx, req)
	if err == nil || ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return res, err
	}
	if _, qerr := s.empty.SearchInContext(ctx, req); qerr != nil {
		return nil, err // the query's fault
	}
	// The empty index runs it, but some queries fail only against real
	// terms (an automaton bleve builds when it meets a term dictionary).
	// Damage is in the files: if they verify, the query is at fault.
	if s.filesVerify() {
		return nil, fmt.Errorf("%w: the query cannot run on this index (%v)", lumen.ErrInvalid, err)
	}
	s.mu.RUnlock()
	err = s.markDamaged(&DamageError{Op: "search", Err: err})
	s.mu.RLock()
	return nil, err
}

// verifyEvery bounds how often a failing query makes the store verify the
// index files (each time, every segment's checksum): within it, files that
// verified are taken to be whole, so that a stream of failing queries does
// not keep the disk busy. Damage that appears meanwhile is found by the
// next verification or by the data check of serve and run.
const verifyEvery = time.Minute

// filesVerify reports whether the index files verify (or verified within
// verifyEvery).
func (s *store) filesVerify() bool {
	s.verifyMu.Lock()
	defer s.verifyMu.Unlock()
	if !s.verifiedAt.IsZero() && time.Since(s.verifiedAt) < verifyEvery {
		return true
	}
	if err := verifyFiles(s.dir, liveMinAge); err != nil {
		return false
	}
	s.verifiedAt = time.Now()
	return true
}

// Search runs req.
func (s *store) Search(req *bleve.SearchRequest) (*bleve.SearchResult, error) {
	return s.SearchInContext(context.Background(), req)
}

// Batch commits b.
func (s *store) Batch(b *bleve.Batch) (err error) {
	if s.readOnly {
		return s.errReadOnly()
	}
	cur, err := s.get()
	if err != nil {
		return err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("batch", &err)
	return cur.Batch(b)
}

// NewBatch returns a batch for the current index (or, when there is none,
// one that Batch will refuse).
func (s *store) NewBatch() *bleve.Batch {
	cur, err := s.get()
	if err != nil {
		return s.empty.NewBatch()
	}
	defer s.mu.RUnlock()
	return cur.NewBatch()
}

func (s *store) Index(id string, data any) (err error) {
	if s.readOnly {
		return s.errReadOnly()
	}
	cur, err := s.get()
	if err != nil {
		return err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("index", &err)
	return cur.Index(id, data)
}

func (s *store) Delete(id string) (err error) {
	if s.readOnly {
		return s.errReadOnly()
	}
	cur, err := s.get()
	if err != nil {
		return err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("delete", &err)
	return cur.Delete(id)
}

func (s *store) Document(id string) (d index.Document, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("document", &err)
	return cur.Document(id)
}

func (s *store) DocCount() (n uint64, err error) {
	cur, err := s.get()
	if err != nil {
		return 0, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("count", &err)
	return cur.DocCount()
}

func (s *store) Fields() (f []string, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("fields", &err)
	return cur.Fields()
}

func (s *store) FieldDict(field string) (d index.FieldDict, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("field dictionary", &err)
	return cur.FieldDict(field)
}

func (s *store) FieldDictRange(field string, start, end []byte) (d index.FieldDict, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("field dictionary", &err)
	return cur.FieldDictRange(field, start, end)
}

func (s *store) FieldDictPrefix(field string, prefix []byte) (d index.FieldDict, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("field dictionary", &err)
	return cur.FieldDictPrefix(field, prefix)
}

// Close closes the current index and the empty one.
func (s *store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	if s.cur != nil {
		errs = append(errs, closeGuarded(s.cur))
		s.cur = nil
	}
	errs = append(errs, s.empty.Close())
	s.state, s.reason = StateDamaged, errors.New("closed")
	return errors.Join(errs...)
}

func (s *store) Mapping() mapping.IndexMapping { return s.empty.Mapping() }

func (s *store) Stats() *bleve.IndexStat {
	cur, err := s.get()
	if err != nil {
		return s.empty.Stats()
	}
	defer s.mu.RUnlock()
	return cur.Stats()
}

func (s *store) StatsMap() map[string]any {
	cur, err := s.get()
	if err != nil {
		return map[string]any{}
	}
	defer s.mu.RUnlock()
	return cur.StatsMap()
}

func (s *store) GetInternal(key []byte) (v []byte, err error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("get internal", &err)
	return cur.GetInternal(key)
}

func (s *store) SetInternal(key, val []byte) (err error) {
	if s.readOnly {
		return s.errReadOnly()
	}
	cur, err := s.get()
	if err != nil {
		return err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("set internal", &err)
	return cur.SetInternal(key, val)
}

func (s *store) DeleteInternal(key []byte) (err error) {
	if s.readOnly {
		return s.errReadOnly()
	}
	cur, err := s.get()
	if err != nil {
		return err
	}
	defer s.mu.RUnlock()
	defer s.recoverTo("delete internal", &err)
	return cur.DeleteInternal(key)
}

func (s *store) Name() string { return s.dir }

func (s *store) SetName(string) {}

func (s *store) Advanced() (index.Index, error) {
	cur, err := s.get()
	if err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	return cur.Advanced()
}
