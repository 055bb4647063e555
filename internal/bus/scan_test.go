package bus_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/bus"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

// The leader's next message skips what was deleted, ends past the last
// message, and carries the message's subject, headers and data.
func TestLeaderNext(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	for i := range 3 {
		if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(i, fmt.Sprintf("text %d", i)), TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	// Article 0 again: the stream keeps its latest only, so sequence 1 goes.
	if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(0, "text 0, changed"), TaxonomyVersion: "t"}); err != nil {
		t.Fatal(err)
	}
	r, ok, err := bus.LeaderNext(b, bus.StreamTagged, 1)
	if err != nil || !ok || r.Seq != 2 || !strings.HasPrefix(r.Subject, bus.SubjectTagged+".") || len(r.Data) == 0 || r.MsgID() == "" {
		t.Fatalf("LeaderNext(1) = seq %d subject %q, %d bytes, msg id %q, %v, %v; want sequence 2, a tagged message with its headers",
			r.Seq, r.Subject, len(r.Data), r.MsgID(), ok, err)
	}
	if r, ok, err := bus.LeaderNext(b, bus.StreamTagged, 4); err != nil || !ok || r.Seq != 4 {
		t.Errorf("LeaderNext(4) = seq %d, %v, %v; want 4", r.Seq, ok, err)
	}
	if r, ok, err := bus.LeaderNext(b, bus.StreamTagged, 5); err != nil || ok {
		t.Errorf("LeaderNext(5) = seq %d, %v, %v; want none", r.Seq, ok, err)
	}
	if _, _, err := bus.LeaderNext(b, "NO_SUCH_STREAM", 1); err == nil {
		t.Error("LeaderNext on a stream that does not exist: no error")
	}
}

// A node's store wiped and the node back: scans that start at once, while
// it catches up from the others (and a scan's consumer may be placed on
// it), still read the whole stream, exactly once each.
func TestScanWhileAReplicaCatchesUp(t *testing.T) {
	if testing.Short() {
		t.Skip("a 3-node cluster")
	}
	ctx := context.Background()
	const articles = 600
	c, b, text := taggedCluster(t, articles, "Probiotics may ease eczema in infants. ", 100)
	// Every third article again: holes in the stream, as re-tagging leaves.
	for i := 0; i < articles; i += 3 {
		if err := b.PublishTagged(ctx, lumen.ArticleTagged{Article: article(i, fmt.Sprint(i, "again ", text)), TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	// Read from the leader alone (no consumer placed on it): the same.
	restore := bus.NoPlacement()
	var seqs []uint64
	err := b.ReplayTaggedSeqs(ctx, func(_ lumen.ArticleTagged, seq uint64) error {
		seqs = append(seqs, seq)
		return nil
	})
	restore()
	if err != nil || len(seqs) != articles || !slices.IsSorted(seqs) {
		t.Fatalf("scan read from the leader: %d messages, sorted %v, %v; want %d in order", len(seqs), slices.IsSorted(seqs), err, articles)
	}
	for round := range 3 {
		c.Wipe(round % 3)
		c.Restart(round % 3)
		c.WaitReady()
		for scan := range 4 {
			seen := map[string]int{}
			err := b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error {
				seen[ev.Article.ID]++
				return nil
			})
			if err != nil {
				t.Fatalf("round %d, scan %d: %v", round, scan, err)
			}
			for id, n := range seen {
				if n != 1 {
					t.Errorf("round %d, scan %d: article %s seen %d times", round, scan, id, n)
				}
			}
			if len(seen) != articles {
				t.Fatalf("round %d, scan %d: %d articles, want %d", round, scan, len(seen), articles)
			}
		}
	}
}

// The stream's leader steps down twice while a scan reads it: the scan
// still reads the whole stream, exactly once each.
func TestScanWhileTheLeaderStepsDown(t *testing.T) {
	if testing.Short() {
		t.Skip("a 3-node cluster")
	}
	ctx := context.Background()
	const articles = 400
	c, b, _ := taggedCluster(t, articles, "Fibre may lower CRP in adults with psoriasis. ", 50)
	nc, err := nats.Connect(c.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	stepDowns := 0
	stepDown := func() {
		// (a leader just elected may not answer at once)
		for range 5 {
			msg, err := nc.Request("$JS.API.STREAM.LEADER.STEPDOWN."+bus.StreamTagged, nil, 5*time.Second)
			if err == nil && strings.Contains(string(msg.Data), `"success":true`) {
				stepDowns++
				return
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	seen := map[string]int{}
	n := 0
	err = b.ReplayTagged(ctx, func(ev lumen.ArticleTagged) error {
		seen[ev.Article.ID]++
		if n++; n == articles/4 || n == articles/2 {
			stepDown()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("article %s seen %d times", id, k)
		}
	}
	if len(seen) != articles {
		t.Errorf("%d articles, want %d", len(seen), articles)
	}
	if stepDowns == 0 {
		t.Error("the leader never stepped down")
	}
	t.Logf("the leader stepped down %d times during the scan", stepDowns)
}

// taggedCluster starts a 3-node cluster and publishes n tagged articles,
// each of a number and sentence repeated times, on streams of three copies;
// it returns the cluster, the bus and the repeated text.
func taggedCluster(t *testing.T, n int, sentence string, times int) (*bustest.Cluster, *bus.Bus, string) {
	t.Helper()
	c := bustest.StartCluster(t, 3)
	b := bustest.ConnectWith(t, bus.Options{URL: c.URL(), Replicas: 3})
	text := strings.Repeat(sentence, times)
	for i := range n {
		if err := b.PublishTagged(context.Background(), lumen.ArticleTagged{Article: article(i, fmt.Sprint(i, text)), TaxonomyVersion: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	return c, b, text
}
