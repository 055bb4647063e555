package syncbuf_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/lumen-research/lumen/internal/syncbuf"
)

// TestConcurrentWrites runs under -race: writers and a reader at once.
func TestConcurrentWrites(t *testing.T) {
	var b syncbuf.Buffer
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				b.Write([]byte("x"))
				_ = b.String()
			}
		})
	}
	wg.Wait()
	if got := b.String(); got != strings.Repeat("x", 400) {
		t.Errorf("String() has %d bytes, want 400", len(got))
	}
}
