// Package bustest starts an in-process NATS server with JetStream on a
// temporary directory, for tests of the packages that use the bus.
package bustest

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/lumen-research/lumen/internal/bus"
)

// Start returns a bus on a fresh embedded server; both are closed when the
// test ends.
func Start(tb testing.TB) *bus.Bus {
	tb.Helper()
	srv := StartServer(tb, tb.TempDir())
	return Connect(tb, srv)
}

// StartServer starts an embedded server storing under dir; it is shut down
// when the test ends (shutting it down earlier is fine).
func StartServer(tb testing.TB, dir string) *bus.Server {
	tb.Helper()
	srv, err := bus.StartServer(bus.ServerOptions{Dir: dir})
	if err != nil {
		tb.Fatalf("start nats: %v", err)
	}
	tb.Cleanup(srv.Shutdown)
	return srv
}

// Connect connects to srv; the connection is closed when the test ends.
func Connect(tb testing.TB, srv *bus.Server) *bus.Bus {
	tb.Helper()
	return ConnectWith(tb, bus.Options{Server: srv})
}

// ConnectWith connects with opts (Name defaults to the test's); the
// connection is closed when the test ends.
func ConnectWith(tb testing.TB, opts bus.Options) *bus.Bus {
	tb.Helper()
	if opts.Name == "" {
		opts.Name = tb.Name()
	}
	b, err := bus.Connect(context.Background(), opts)
	if err != nil {
		tb.Fatalf("connect nats: %v", err)
	}
	tb.Cleanup(func() { b.Close() })
	return b
}

// JetStream returns a plain JetStream client of srv, for tests that set up
// or break the server's state behind a bus's back; its connection is closed
// when the test ends.
func JetStream(tb testing.TB, srv *bus.Server) jetstream.JetStream {
	tb.Helper()
	nc, err := nats.Connect("", srv.ConnectOption())
	if err != nil {
		tb.Fatalf("connect nats: %v", err)
	}
	tb.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		tb.Fatalf("jetstream: %v", err)
	}
	return js
}
