//go:build unix

package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The docker-compose "cluster" profile, as processes (no Docker engine
// here): three nats-server processes built from the module and started with
// config/nats-cluster.conf as the compose file starts them, and lumen serve,
// two workers and a crawl as processes against them with nats.replicas 3.
// A node is killed with SIGKILL after the ingest and its store wiped: a
// reindex from the cluster is whole. It builds nats-server and takes some
// seconds, so it runs when asked: LUMEN_TOPOLOGY=1 go test -run
// TestComposeClusterTopology ./cmd/lumen
func TestComposeClusterTopology(t *testing.T) {
	if os.Getenv("LUMEN_TOPOLOGY") == "" {
		t.Skip("set LUMEN_TOPOLOGY=1 to run the compose cluster topology with processes")
	}
	realData(t)
	want := fixtureClaims(t)
	dir := t.TempDir()
	natsBin := filepath.Join(dir, "nats-server")
	if out, err := exec.Command("go", "build", "-o", natsBin, "github.com/nats-io/nats-server/v2").CombinedOutput(); err != nil {
		t.Fatalf("build nats-server: %v\n%s", err, out)
	}
	conf, err := filepath.Abs(filepath.Join("..", "..", "config", "nats-cluster.conf"))
	if err != nil {
		t.Fatal(err)
	}
	port := func() int {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		return ln.Addr().(*net.TCPAddr).Port
	}
	type node struct {
		env  []string
		cmd  *exec.Cmd
		log  string
		port int
	}
	var nodes []*node
	var routes []string
	for range 3 {
		routes = append(routes, fmt.Sprintf("nats-route://127.0.0.1:%d", port()))
	}
	var urls []string
	for i := range 3 {
		n := &node{port: port(), log: filepath.Join(dir, fmt.Sprintf("nats%d.log", i+1))}
		n.env = append(os.Environ(), "NATS_NAME=nats"+strconv.Itoa(i+1), "NATS_STORE="+filepath.Join(dir, fmt.Sprintf("store%d", i+1)),
			"NATS_PORT="+strconv.Itoa(n.port), "NATS_HTTP_PORT="+strconv.Itoa(port()),
			"NATS_CLUSTER_PORT="+strings.TrimPrefix(routes[i], "nats-route://127.0.0.1:"),
			"NATS_ROUTE_1="+routes[0], "NATS_ROUTE_2="+routes[1], "NATS_ROUTE_3="+routes[2])
		urls = append(urls, fmt.Sprintf("nats://127.0.0.1:%d", n.port))
		nodes = append(nodes, n)
	}
	start := func(n *node) {
		f, err := os.OpenFile(n.log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		n.cmd = exec.Command(natsBin, "-c", conf)
		n.cmd.Env, n.cmd.Stdout, n.cmd.Stderr = n.env, f, f
		if err := n.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	kill := func(n *node) {
		if n.cmd != nil && n.cmd.Process != nil {
			n.cmd.Process.Kill()
			n.cmd.Wait()
		}
	}
	for _, n := range nodes {
		start(n)
	}
	t.Cleanup(func() {
		for _, n := range nodes {
			kill(n)
		}
	})
	natsURL := strings.Join(urls, ",")
	cfg := filepath.Join(dir, "lumen.yaml")
	if err := os.WriteFile(cfg, []byte("nats:\n  replicas: 3\ncrawler:\n  host_delay: 1ms\n  host_concurrency: 4\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	// The roles, each a process of its own.
	var roles []*exec.Cmd
	t.Cleanup(func() {
		if t.Failed() {
			logs, _ := filepath.Glob(filepath.Join(dir, "*.log"))
			for _, l := range logs {
				b, _ := os.ReadFile(l)
				t.Logf("%s:\n%s", filepath.Base(l), b)
			}
		}
	})
	t.Cleanup(func() {
		for _, r := range roles {
			r.Process.Signal(os.Interrupt)
			r.Wait()
		}
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port())
	data := filepath.Join(dir, "serve-data")
	for _, args := range [][]string{
		{"serve", "--nats", natsURL, "--config", cfg, "--data", data, "--addr", addr, "--log-level", "warn"},
		{"work", "--nats", natsURL, "--config", cfg, "--log-level", "warn"},
		{"work", "--nats", natsURL, "--config", cfg, "--log-level", "warn"},
	} {
		r := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
		r.Env = append(os.Environ(), "LUMEN_TEST_MAIN=1")
		f, _ := os.Create(filepath.Join(dir, args[0]+strconv.Itoa(len(roles))+".log"))
		r.Stdout, r.Stderr = f, f
		if err := r.Start(); err != nil {
			t.Fatal(err)
		}
		roles = append(roles, r)
	}
	out, stderr, err := lumenCmd(t, "", "crawl", "--once", "--seed", fixture.site.URL+"/", "--allow-private", "--nats", natsURL, "--config", cfg, "--log-level", "warn")
	if err != nil {
		t.Fatalf("crawl against the 3-process cluster: %v\n%s%s", err, out, stderr)
	}
	base := "http://" + addr
	waitHTTP(t, base)
	waitClaims(t, base, "size=1", uint64(want))
	waitReady(t, base)

	// SIGKILL a node, wipe its store, start it again: nothing is lost.
	kill(nodes[0])
	if err := os.RemoveAll(filepath.Join(dir, "store1")); err != nil {
		t.Fatal(err)
	}
	start(nodes[0])
	deadline := time.Now().Add(60 * time.Second)
	for {
		out, stderr, err = lumenCmd(t, "", "reindex", "--nats", natsURL, "--config", cfg, "--data", filepath.Join(dir, "reindex"), "--log-level", "warn", "--force")
		if err == nil && strings.Contains(out, "index rebuilt: "+strconv.Itoa(fixtureArticles)+" articles, "+strconv.Itoa(want)+" claims") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("reindex after a node was killed and wiped: %v\n%s%s", err, out, stderr)
		}
		time.Sleep(time.Second)
	}
	if got := totalClaims(t, base); got != want {
		t.Errorf("serve after a node was killed and wiped: %d claims, want %d", got, want)
	}
}

// waitHTTP waits until a server answers at base.
func waitHTTP(t *testing.T, base string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing answers at %s after 60s: %v", base, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
