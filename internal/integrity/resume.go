package integrity

import (
	"context"
	"fmt"

	"github.com/lumen-research/lumen/internal/bus"
)

// ResumeTagger returns where a tagger consumer that must be recreated
// resumes: the first message of the articles stream whose version has no
// tagging in the tagged stream (everything before it is tagged), or the end
// of the stream.
func ResumeTagger(ctx context.Context, s Streams) (uint64, error) {
	tagged := map[string]version{}
	if _, err := s.Scan(ctx, bus.StreamTagged, true, func(r bus.Record) error {
		tagged[r.Key()] = version{fetchedAt: r.FetchedAt()}
		return nil
	}); err != nil {
		return 0, fmt.Errorf("resume tagger: %w", err)
	}
	var first, last uint64
	if _, err := s.Scan(ctx, bus.StreamArticles, true, func(r bus.Record) error {
		last = r.Seq
		t, ok := tagged[r.Key()]
		if first == 0 && (!ok || t.fetchedAt.Before(r.FetchedAt())) {
			first = r.Seq
		}
		return nil
	}); err != nil {
		return 0, fmt.Errorf("resume tagger: %w", err)
	}
	if first == 0 {
		return last + 1, nil
	}
	return first, nil
}
