package bus

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen"
)

// KV is a JetStream key-value bucket. Keys are dot-separated tokens of
// letters, digits and "-_=/"; callers hash anything else.
type KV struct {
	name string
	kv   jetstream.KeyValue
	bus  *Bus
	// fromLeader: Get, Each and Keys read from the bucket's leader
	// (ReadFromLeader).
	fromLeader bool
}

// KVOption sets how a bucket is read.
type KVOption func(*KV)

// ReadFromLeader makes Get, Each and Keys read from the bucket's leader,
// so that they see every write made before them: a token revoked a moment
// ago stays revoked, a lease just taken is seen. Without it Get makes a
// direct get, which any replica may answer once it is nearly in sync:
// cheaper (one server answers, and JetStream's API queue is not used), but
// a replica still catching up (a node just restored) answers with what it
// has, an older value or none; Each and Keys read through a consumer that
// may sit on such a replica. On one server they read the same. Each and
// Keys ask the leader once per key (eachFromLeader): for small buckets.
func ReadFromLeader() KVOption { return func(k *KV) { k.fromLeader = true } }

// KV opens (creating if needed) the named bucket. Buckets are kept on disk
// with the streams and hold only the latest value of each key.
func (b *Bus) KV(ctx context.Context, bucket string, opts ...KVOption) (*KV, error) {
	return b.kv(ctx, bucket, 0, opts)
}

// KVWithTTL opens (creating if needed) a bucket whose entries expire ttl
// after they were last written (leases, sessions).
func (b *Bus) KVWithTTL(ctx context.Context, bucket string, ttl time.Duration, opts ...KVOption) (*KV, error) {
	return b.kv(ctx, bucket, ttl, opts)
}

func (b *Bus) kv(ctx context.Context, bucket string, ttl time.Duration, opts []KVOption) (*KV, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	with := func(k *KV) *KV {
		if len(opts) == 0 {
			return k
		}
		k2 := *k
		for _, o := range opts {
			o(&k2)
		}
		return &k2
	}
	if kv, ok := b.kvs[bucket]; ok {
		return with(kv), nil
	}
	cfg := jetstream.KeyValueConfig{
		Bucket:   bucket,
		History:  1,
		Storage:  jetstream.FileStorage,
		Replicas: b.replicas,
		TTL:      ttl,
	}
	// Create, and update only a bucket configured otherwise: see
	// ensureStream, also for why the copies are never lowered here and a
	// read-only bus changes nothing.
	kv, err := b.js.CreateKeyValue(ctx, cfg)
	if errors.Is(err, jetstream.ErrBucketExists) {
		kv, err = b.js.KeyValue(ctx, bucket)
		if err == nil && !b.readOnly {
			kv, err = b.updateKV(ctx, cfg)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("key-value bucket %s: %w", bucket, err)
	}
	k := &KV{name: bucket, kv: kv, bus: b}
	b.kvs[bucket] = k
	return with(k), nil
}

// updateKV brings an existing bucket to cfg, keeping copies it has beyond
// cfg.Replicas.
func (b *Bus) updateKV(ctx context.Context, cfg jetstream.KeyValueConfig) (jetstream.KeyValue, error) {
	s, err := b.js.Stream(ctx, "KV_"+cfg.Bucket)
	if err != nil {
		return nil, err
	}
	if have := s.CachedInfo().Config.Replicas; have > cfg.Replicas {
		cfg.Replicas = b.keepReplicas(s.CachedInfo().Config.Name, have)
		kv, err := b.js.CreateKeyValue(ctx, cfg) // idempotent when only the copies differed
		if !errors.Is(err, jetstream.ErrBucketExists) {
			return kv, err
		}
	}
	return b.js.UpdateKeyValue(ctx, cfg)
}

// Get returns the value and revision of key, or an error wrapping
// lumen.ErrNotFound. A bucket opened with ReadFromLeader reads from its
// leader.
func (k *KV) Get(ctx context.Context, key string) ([]byte, uint64, error) {
	if !k.fromLeader {
		e, err := retry(ctx, func(ctx context.Context) (jetstream.KeyValueEntry, error) { return k.kv.Get(ctx, key) })
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return nil, 0, fmt.Errorf("%s %s: %w", k.name, key, lumen.ErrNotFound)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s get %s: %w", k.name, key, err)
		}
		return e.Value(), e.Revision(), nil
	}
	if !validKey(key) {
		return nil, 0, fmt.Errorf("%s get %q: %w", k.name, key, jetstream.ErrInvalidKey)
	}
	// STREAM.MSG.GET with last_by_subj, which only the leader answers
	// (nats.go's Get makes a direct get).
	r, ok, err := k.bus.leaderGet(ctx, "KV_"+k.name, struct {
		LastFor string `json:"last_by_subj"`
	}{"$KV." + k.name + "." + key})
	if err != nil {
		return nil, 0, fmt.Errorf("%s get %s: %w", k.name, key, err)
	}
	if op := r.Header.Get(kvOperation); !ok || op == "DEL" || op == "PURGE" || r.Header.Get(markerReason) != "" {
		return nil, 0, fmt.Errorf("%s %s: %w", k.name, key, lumen.ErrNotFound)
	}
	return r.Data, r.Seq, nil
}

// markerReason marks the delete marker a bucket with limit markers leaves
// when a key expires or is removed (as nats.go reads it).
const markerReason = "Nats-Marker-Reason"

// kvOperation is the header that marks a key-value delete or purge.
const kvOperation = "KV-Operation"

// validKey reports whether key is a key nats.go accepts: tokens of
// letters, digits and "-_=/" separated by single dots, none at either end.
// A wildcard would make a read by subject match other keys.
func validKey(key string) bool {
	if key == "" || key[0] == '.' || key[len(key)-1] == '.' || strings.Contains(key, "..") {
		return false
	}
	for _, c := range key {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.ContainsRune("-_=/.", c):
		default:
			return false
		}
	}
	return true
}

// Put stores value under key and returns the new revision.
func (k *KV) Put(ctx context.Context, key string, value []byte) (uint64, error) {
	rev, err := retry(ctx, func(ctx context.Context) (uint64, error) { return k.kv.Put(ctx, key, value) })
	if err != nil {
		return 0, fmt.Errorf("%s put %s: %w", k.name, key, err)
	}
	return rev, nil
}

// Update stores value under key only if its current revision is rev (0: only
// if the key does not exist). A stale revision gives an error wrapping
// lumen.ErrConflict.
func (k *KV) Update(ctx context.Context, key string, value []byte, rev uint64) (uint64, error) {
	var (
		n   uint64
		err error
	)
	if rev == 0 {
		n, err = k.kv.Create(ctx, key, value)
	} else {
		n, err = k.kv.Update(ctx, key, value, rev)
	}
	var apiErr *jetstream.APIError
	if errors.Is(err, jetstream.ErrKeyExists) || errors.As(err, &apiErr) && apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence {
		return 0, fmt.Errorf("%s update %s: %w", k.name, key, lumen.ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("%s update %s: %w", k.name, key, err)
	}
	return n, nil
}

// Delete removes key.
func (k *KV) Delete(ctx context.Context, key string) error {
	if _, err := retry(ctx, func(ctx context.Context) (struct{}, error) { return struct{}{}, k.kv.Delete(ctx, key) }); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("%s delete %s: %w", k.name, key, err)
	}
	return nil
}

// Keys returns every key in the bucket. A bucket opened with
// ReadFromLeader reads them from its leader (see Each).
func (k *KV) Keys(ctx context.Context) ([]string, error) {
	if k.fromLeader {
		var keys []string
		err := k.eachFromLeader(ctx, "", func(key string, _ []byte) error {
			keys = append(keys, key)
			return nil
		})
		return keys, err
	}
	l, err := k.kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s keys: %w", k.name, err)
	}
	defer l.Stop()
	var keys []string
	for key := range l.Keys() {
		keys = append(keys, key)
	}
	return keys, nil
}

// Each calls fn with every key that starts with prefix, and its value. A
// non-empty prefix must end with "." (it is matched as whole key tokens).
func (k *KV) Each(ctx context.Context, prefix string, fn func(key string, value []byte) error) error {
	if k.fromLeader {
		return k.eachFromLeader(ctx, prefix, fn)
	}
	var (
		w   jetstream.KeyWatcher
		err error
	)
	if prefix == "" {
		w, err = k.kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	} else {
		w, err = k.kv.Watch(ctx, prefix+">", jetstream.IgnoreDeletes())
	}
	if err != nil {
		return fmt.Errorf("%s watch %s: %w", k.name, prefix, err)
	}
	defer w.Stop()
	for {
		select {
		case e, ok := <-w.Updates():
			if !ok || e == nil { // nil marks the end of the initial values
				return nil
			}
			if err := fn(e.Key(), e.Value()); err != nil {
				return err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// eachFromLeader is Each for a bucket opened with ReadFromLeader: a watcher
// reads through a consumer that the server may place on a replica still
// catching up, so the bucket's leader is asked for each message in turn
// (STREAM.MSG.GET, next_by_subj): one request per key, deleted keys'
// markers included, for the small buckets that need it (tokens, sessions,
// leases). The keys are read to the end before fn sees any, each with its
// last value, in the order they were written. A key written during the
// read moves to the end of the stream, so the read goes on past the last
// message it started from, by as many messages as the bucket then held at
// most: a bucket rewritten faster than that may lose a key rewritten
// during the read, and is not one to read this way.
func (k *KV) eachFromLeader(ctx context.Context, prefix string, fn func(key string, value []byte) error) error {
	if prefix != "" && (!strings.HasSuffix(prefix, ".") || !validKey(strings.TrimSuffix(prefix, "."))) {
		return fmt.Errorf("%s each %q: %w", k.name, prefix, jetstream.ErrInvalidKey)
	}
	subjects := "$KV." + k.name + "."
	type entry struct {
		seq   uint64
		value []byte
	}
	info, err := k.bus.leaderInfo(ctx, "KV_"+k.name)
	if err != nil {
		return fmt.Errorf("%s each %s: %w", k.name, prefix, err)
	}
	end, beyond := info.State.LastSeq, info.State.Msgs
	last := map[string]entry{}
	for seq := uint64(1); ; {
		r, ok, err := k.bus.leaderGet(ctx, "KV_"+k.name, struct {
			Seq     uint64 `json:"seq"`
			NextFor string `json:"next_by_subj"`
		}{seq, subjects + prefix + ">"})
		if err != nil {
			return fmt.Errorf("%s each %s: %w", k.name, prefix, err)
		}
		if !ok {
			break
		}
		if r.Seq > end {
			if beyond == 0 {
				break
			}
			beyond--
		}
		key := strings.TrimPrefix(r.Subject, subjects)
		if op := r.Header.Get(kvOperation); op == "DEL" || op == "PURGE" || r.Header.Get(markerReason) != "" {
			delete(last, key)
		} else {
			last[key] = entry{r.Seq, r.Data}
		}
		seq = r.Seq + 1
	}
	keys := slices.SortedFunc(maps.Keys(last), func(a, b string) int { return cmp.Compare(last[a].seq, last[b].seq) })
	for _, key := range keys {
		if err := fn(key, last[key].value); err != nil {
			return err
		}
	}
	return nil
}
