package bustest

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/lumen-research/lumen/internal/bus"
)

// Cluster is a cluster of in-process nats-servers with JetStream on
// loopback, each storing under a directory of its own, that a test can kill,
// restart and wipe node by node.
type Cluster struct {
	tb    testing.TB
	mu    sync.Mutex
	nodes []*clusterNode
}

type clusterNode struct {
	name        string
	dir         string
	port, route int
	srv         *server.Server
}

// StartCluster starts an n-node cluster and waits until JetStream has a
// meta leader; it is shut down when the test ends.
func StartCluster(tb testing.TB, n int) *Cluster {
	tb.Helper()
	c := &Cluster{tb: tb}
	for i := range n {
		c.nodes = append(c.nodes, &clusterNode{name: fmt.Sprintf("n%d", i+1), dir: tb.TempDir(), port: freePort(tb), route: freePort(tb)})
	}
	for i := range c.nodes {
		c.start(i)
	}
	tb.Cleanup(func() {
		for i := range c.nodes {
			c.Kill(i)
		}
	})
	c.WaitReady()
	return c
}

func freePort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// start starts node i. A node that is not ready in time is shut down and
// started again on new ports, up to three times: freePort's port is free
// only when it is asked for, and another process (go test runs packages at
// once) can take it before the server binds it, which nats-server without a
// logger reports nowhere. New ports leave the other nodes' stale route to
// this node unused; this node's own routes join it to them.
func (c *Cluster) start(i int) {
	c.tb.Helper()
	const attempts = 3
	for attempt := 1; ; attempt++ {
		srv := c.newServer(i)
		go srv.Start()
		if srv.ReadyForConnections(20 * time.Second) {
			c.mu.Lock()
			c.nodes[i].srv = srv
			c.mu.Unlock()
			return
		}
		srv.Shutdown()
		srv.WaitForShutdown()
		if attempt == attempts {
			c.tb.Fatalf("node %s not ready after %d attempts of 20s", c.nodes[i].name, attempts)
		}
		port, route := freePort(c.tb), freePort(c.tb)
		c.tb.Logf("node %s not ready in 20s (is a port taken?); starting it on ports %d and %d", c.nodes[i].name, port, route)
		c.mu.Lock()
		c.nodes[i].port, c.nodes[i].route = port, route
		c.mu.Unlock()
	}
}

func (c *Cluster) newServer(i int) *server.Server {
	c.tb.Helper()
	c.mu.Lock()
	nd := *c.nodes[i]
	var routes []*url.URL
	for _, o := range c.nodes {
		routes = append(routes, &url.URL{Scheme: "nats-route", Host: fmt.Sprintf("127.0.0.1:%d", o.route)})
	}
	c.mu.Unlock()
	opts := &server.Options{
		ServerName: nd.name, Host: "127.0.0.1", Port: nd.port,
		JetStream: true, StoreDir: nd.dir, MaxPayload: bus.MaxPayload, NoSigs: true,
		Cluster: server.ClusterOpts{Name: "lumen-test", Host: "127.0.0.1", Port: nd.route},
		Routes:  routes,
	}
	srv, err := server.NewServer(opts)
	if err != nil {
		c.tb.Fatalf("node %s: %v", nd.name, err)
	}
	return srv
}

// URL is the client URL of every node, comma-separated, as nats.go and
// lumen --nats take it.
func (c *Cluster) URL() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var us []string
	for _, nd := range c.nodes {
		us = append(us, fmt.Sprintf("nats://127.0.0.1:%d", nd.port))
	}
	return strings.Join(us, ",")
}

// Kill shuts node i down (its store stays).
func (c *Cluster) Kill(i int) {
	c.mu.Lock()
	srv := c.nodes[i].srv
	c.nodes[i].srv = nil
	c.mu.Unlock()
	if srv != nil {
		srv.Shutdown()
		srv.WaitForShutdown()
	}
}

// Restart starts node i again on its store.
func (c *Cluster) Restart(i int) { c.start(i) }

// Wipe kills node i and deletes its store.
func (c *Cluster) Wipe(i int) {
	c.Kill(i)
	if err := os.RemoveAll(c.nodes[i].dir); err != nil {
		c.tb.Fatal(err)
	}
	if err := os.MkdirAll(c.nodes[i].dir, 0o755); err != nil {
		c.tb.Fatal(err)
	}
}

// WaitReady waits until every running node sees a JetStream meta leader and
// is current with it, and the leader counts every running node as a peer
// that streams can be placed on (online, with stats).
func (c *Cluster) WaitReady() {
	c.tb.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		ok, running, placeable := true, 0, 0
		c.mu.Lock()
		for _, nd := range c.nodes {
			if nd.srv == nil {
				continue
			}
			running++
			if !nd.srv.JetStreamIsClustered() || !nd.srv.JetStreamIsCurrent() {
				ok = false
			}
			// the meta leader's view of the peers that are online with
			// stats: a stream of N replicas is placed only on those
			// ("no suitable peers for placement" until every node reports)
			placeable = max(placeable, len(nd.srv.JetStreamClusterPeers()))
		}
		c.mu.Unlock()
		ok = ok && placeable >= running
		if ok {
			return
		}
		if time.Now().After(deadline) {
			c.tb.Fatal("the cluster has no JetStream meta leader with every running node as a peer after 60s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
