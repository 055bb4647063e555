package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
)

// The indexer lease: each index (indexer.name) is fed by durable consumers
// of its own, and two lumen serve sharing a name would silently split the
// articles and curators' decisions between their indexes. A process that
// runs an indexer holds a lease on its name in a bucket whose entries expire
// (renewed every indexerLeaseTTL/3); a second process that finds the name
// held refuses to start, naming indexer.name.
const (
	bucketIndexers   = "lumen_indexers"
	indexerLeaseTTL  = 6 * time.Second
	indexerLeasePoll = 250 * time.Millisecond
)

// leaseHolder is what a lease says of the process that holds it.
type leaseHolder struct {
	Host  string    `json:"host"`
	PID   int       `json:"pid"`
	Data  string    `json:"data"`
	Since time.Time `json:"since"`
}

func (h leaseHolder) String() string {
	return fmt.Sprintf("pid %d on %s, data %s, since %s", h.PID, h.Host, h.Data, h.Since.Format(time.RFC3339))
}

// sameDataDir reports whether h is an earlier process on this data
// directory of this host (one that crashed: the data directory's lock
// keeps two from running at once).
func (h leaseHolder) sameDataDir(o leaseHolder) bool { return h.Host == o.Host && h.Data == o.Data }

type indexerLease struct {
	kv    *bus.KV
	key   string // the index's consumer name
	name  string // indexer.name, for messages
	value []byte
	log   *slog.Logger

	mu   sync.Mutex
	rev  uint64 // 0: not held
	lost error
}

// claimIndexer takes the lease on this process's index name, waiting up to
// a lease's lifetime for one left by a process that is gone, and refuses
// when another live process holds it.
func (a *app) claimIndexer(ctx context.Context) error {
	kv, err := a.bus.KVWithTTL(ctx, bucketIndexers, indexerLeaseTTL, bus.ReadFromLeader())
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	data, _ := filepath.Abs(a.cfg.Data)
	me := leaseHolder{Host: host, PID: os.Getpid(), Data: data, Since: time.Now().UTC()}
	value, err := json.Marshal(me)
	if err != nil {
		return err
	}
	l := &indexerLease{kv: kv, key: a.bus.IndexerConsumer(), name: a.cfg.Indexer.Name, value: value, log: a.log.With("component", "indexer-lease")}
	deadline := time.Now().Add(indexerLeaseTTL + 2*indexerLeasePoll)
	waiting := false
	for {
		rev, err := kv.Update(ctx, l.key, value, 0)
		if err == nil {
			l.rev = rev
			a.lease = l
			return nil
		}
		if !errors.Is(err, lumen.ErrConflict) {
			// NATS busy (a cluster electing the bucket's leader): try
			// again while the wait lasts.
			if time.Now().After(deadline) {
				return fmt.Errorf("indexer lease: %w", err)
			}
			if err := sleepCtx(ctx, indexerLeasePoll); err != nil {
				return err
			}
			continue
		}
		cur, crev, err := kv.Get(ctx, l.key)
		switch {
		case errors.Is(err, lumen.ErrNotFound):
			continue // expired meanwhile
		case err != nil && time.Now().After(deadline):
			return fmt.Errorf("indexer lease: %w", err)
		case err != nil:
			if err := sleepCtx(ctx, indexerLeasePoll); err != nil {
				return err
			}
			continue
		}
		var other leaseHolder
		_ = json.Unmarshal(cur, &other)
		if other.sameDataDir(me) {
			// This process restarted after a crash: take its lease over.
			if rev, err := kv.Update(ctx, l.key, value, crev); err == nil {
				l.rev = rev
				a.lease = l
				return nil
			}
			continue
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: %w", l.inUse(other), errUsage)
		}
		if !waiting {
			waiting = true
			l.log.Info("the index name is held by another process: waiting for its lease to expire (if it is gone)",
				"indexer_name", a.cfg.Indexer.Name, "held_by", other.String(), "for", indexerLeaseTTL)
		}
		if err := sleepCtx(ctx, indexerLeasePoll); err != nil {
			return err
		}
	}
}

// sleepCtx waits d, or less when ctx is done (its error).
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (l *indexerLease) inUse(other leaseHolder) string {
	name := fmt.Sprintf("indexer name %q", l.name)
	if l.name == "" {
		name = "the default indexer name (none set)"
	}
	return fmt.Sprintf("%s is in use by another lumen serve (%s): two would split the articles and decisions between their indexes; "+
		"give each lumen serve on one NATS an indexer.name of its own (LUMEN_INDEXER_NAME)", name, other)
}

// run renews the lease until ctx is done, then gives it up. A lease found
// taken by another process (this one was cut off from NATS longer than the
// lease lasts) makes ready fail until it can be taken back.
func (l *indexerLease) run(ctx context.Context) error {
	t := time.NewTicker(indexerLeaseTTL / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			l.release()
			return nil
		case <-t.C:
			l.renew(ctx)
		}
	}
}

func (l *indexerLease) renew(ctx context.Context) {
	l.mu.Lock()
	rev := l.rev
	l.mu.Unlock()
	n, err := l.kv.Update(ctx, l.key, l.value, rev)
	if errors.Is(err, lumen.ErrConflict) && rev != 0 {
		// Expired while NATS was away, or taken: take it again if free.
		n, err = l.kv.Update(ctx, l.key, l.value, 0)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case err == nil:
		if l.lost != nil {
			l.log.Info("indexer lease taken back", "indexer_name", l.name)
		}
		l.rev, l.lost = n, nil
	case errors.Is(err, lumen.ErrConflict):
		var other leaseHolder
		if cur, _, gerr := l.kv.Get(ctx, l.key); gerr == nil {
			_ = json.Unmarshal(cur, &other)
		}
		if l.lost == nil {
			l.log.Error("indexer lease lost to another process", "indexer_name", l.name, "held_by", other.String())
		}
		l.rev, l.lost = 0, errors.New(l.inUse(other))
	default:
		l.log.Debug("indexer lease not renewed", "err", err) // NATS away: /readyz says so
	}
}

func (l *indexerLease) release() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.rev == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if cur, rev, err := l.kv.Get(ctx, l.key); err == nil && rev == l.rev && string(cur) == string(l.value) {
		_ = l.kv.Delete(ctx, l.key)
	}
	l.rev = 0
}

// ready is the "indexer" readiness check.
func (l *indexerLease) ready(context.Context) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lost != nil {
		return fmt.Errorf("%w: %w", l.lost, lumen.ErrUnavailable)
	}
	return nil
}
