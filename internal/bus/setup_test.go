package bus_test

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// Several roles starting at once against one server (lumen serve, lumen work
// twice, lumen crawl) all set up the same streams, consumers and buckets:
// each gets them, none fails, and under -race the server shows no data race
// (updating a stream while another client creates a consumer on it does).
func TestConcurrentSetup(t *testing.T) {
	srv := bustest.StartServer(t, t.TempDir())
	var g errgroup.Group
	for range 6 {
		g.Go(func() error {
			b, err := bus.Connect(t.Context(), bus.Options{Server: srv, Name: t.Name()})
			if err != nil {
				return err
			}
			defer b.Close()
			if err := b.EnsureConsumers(t.Context()); err != nil {
				return err
			}
			_, err = b.KV(t.Context(), "lumen_state")
			return err
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
}

// A stream left by an older version with another configuration is brought to
// the current one, keeping its messages.
func TestSetupUpdatesChangedStream(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	js := bustest.JetStream(t, srv)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: bus.StreamArticles, Subjects: []string{bus.SubjectFetched + ".*"}, MaxMsgsPerSubject: 5,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, bus.SubjectFetched+".old", []byte(`{}`)); err != nil {
		t.Fatal(err)
	}

	bustest.Connect(t, srv)
	s, err := js.Stream(ctx, bus.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	info := s.CachedInfo()
	if info.Config.MaxMsgsPerSubject != 1 || info.Config.MaxMsgSize != bus.MaxPayload {
		t.Errorf("stream config not updated: %+v", info.Config)
	}
	if info.State.Msgs != 1 {
		t.Errorf("stream holds %d messages after the update, want 1", info.State.Msgs)
	}
}

// A read-only bus (lumen check, token list) creates what is missing but
// changes no existing stream's configuration.
func TestReadOnlySetupChangesNothing(t *testing.T) {
	ctx := context.Background()
	srv := bustest.StartServer(t, t.TempDir())
	js := bustest.JetStream(t, srv)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: bus.StreamArticles, Subjects: []string{bus.SubjectFetched + ".*"}, MaxMsgsPerSubject: 5,
	}); err != nil {
		t.Fatal(err)
	}
	b := bustest.ConnectWith(t, bus.Options{Server: srv, ReadOnly: true})
	s, err := js.Stream(ctx, bus.StreamArticles)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.CachedInfo().Config.MaxMsgsPerSubject; got != 5 {
		t.Errorf("a read-only bus changed %s: max_msgs_per_subject = %d, want 5 as it was", bus.StreamArticles, got)
	}
	if _, err := js.Stream(ctx, bus.StreamTagged); err != nil {
		t.Errorf("a missing stream was not created: %v", err)
	}
	if _, err := js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: "lumen_ro", History: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.KV(ctx, "lumen_ro"); err != nil {
		t.Fatal(err)
	}
	kv, err := js.KeyValue(ctx, "lumen_ro")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := kv.Status(ctx); err != nil || st.History() != 5 {
		t.Errorf("a read-only bus changed bucket lumen_ro: history %d, %v; want 5", st.History(), err)
	}
}
