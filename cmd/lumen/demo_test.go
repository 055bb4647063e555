//go:build unix

package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A demo that fails on a data directory another demo holds leaves the
// sample site's address hint alone (qa2: it rewrote it first, and the next
// demo's articles all came out as duplicates at a dead port).
func TestDemoKeepsTheSiteHintOfAHeldDirectory(t *testing.T) {
	data := t.TempDir()
	taken, err := net.Listen("tcp", "127.0.0.1:0") // where the holding demo's site is
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	hint := filepath.Join(data, "demo-site-addr")
	want := taken.Addr().String() + "\n"
	if err := os.WriteFile(hint, []byte(want), 0o644); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockData(data)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, _, err := lumenCmd(t, "", "demo", "--data", data, "--addr", "127.0.0.1:0", "--log-level", "error"); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("demo on a held data directory: %v, want it refused", err)
	}
	if b, _ := os.ReadFile(hint); string(b) != want {
		t.Errorf("demo-site-addr = %q after a demo that could not start, want %q kept", b, want)
	}
}
