package bus

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// MaxPayload is the largest message the embedded server accepts. Articles are
// capped well below it by the crawler; external servers should be configured
// with at least this (see docker-compose.yml).
const MaxPayload = 8 << 20

// ServerOptions configure the embedded NATS server.
type ServerOptions struct {
	// Dir is where JetStream stores streams and key-value buckets.
	Dir string
	// Listen is "host:port" for client connections from other processes; empty
	// means in-process connections only (nothing listens on the network).
	Listen string
	Logger *slog.Logger
}

// Server is an embedded nats-server with JetStream.
type Server struct {
	ns  *server.Server
	dir string // the JetStream store directory
	log *serverLogger
}

// StartServer starts an embedded nats-server with JetStream storing under
// opts.Dir and waits until it accepts connections.
func StartServer(opts ServerOptions) (*Server, error) {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create nats dir: %w", err)
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("nats dir: %w", err)
	}
	sopts := &server.Options{
		ServerName: "lumen",
		JetStream:  true,
		StoreDir:   dir,
		MaxPayload: MaxPayload,
		NoSigs:     true,
		// A crash of the process (not of the machine) loses nothing that was
		// acknowledged; fsync every few seconds bounds what a power loss costs.
		SyncInterval: 5 * time.Second,
	}
	if opts.Listen == "" {
		sopts.DontListen = true
	} else {
		host, port, err := net.SplitHostPort(opts.Listen)
		if err != nil {
			return nil, fmt.Errorf("nats listen address %q: %w", opts.Listen, err)
		}
		p, err := strconv.Atoi(port)
		if err != nil {
			return nil, fmt.Errorf("nats listen port %q: %w", port, err)
		}
		if p == 0 {
			p = server.RANDOM_PORT
		}
		sopts.Host, sopts.Port = host, p
	}
	ns, err := server.NewServer(sopts)
	if err != nil {
		return nil, fmt.Errorf("new nats server: %w", err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	sl := &serverLogger{l: log.With("component", "nats-server")}
	// Always set: the logger is how damage the server finds while loading
	// its store reaches the integrity check.
	ns.SetLoggerV2(sl, false, false, false)
	go ns.Start()
	if !ns.ReadyForConnections(30 * time.Second) {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, errors.New("embedded nats server did not become ready within 30s (is another lumen using this data directory?)")
	}
	if !ns.JetStreamEnabled() {
		ns.Shutdown()
		ns.WaitForShutdown()
		return nil, errors.New("embedded nats server started without JetStream (check the data directory is writable)")
	}
	return &Server{ns: ns, dir: dir, log: sl}, nil
}

// ConnectOption returns the nats option that connects in-process to s.
func (s *Server) ConnectOption() nats.Option { return nats.InProcessServer(s.ns) }

// ClientURL is the URL other processes use to connect, or "" when the server
// does not listen on the network.
func (s *Server) ClientURL() string {
	if s.ns.Addr() == nil {
		return ""
	}
	return s.ns.ClientURL()
}

// Shutdown stops the server and waits until it has stopped.
func (s *Server) Shutdown() {
	s.ns.Shutdown()
	s.ns.WaitForShutdown()
}

// removeConsumerStore removes what the server stored of a consumer it does
// not have loaded (because it could not load it).
func (s *Server) removeConsumerStore(stream, durable string) error {
	if !safeName(stream) || !safeName(durable) {
		return fmt.Errorf("remove consumer store: bad name %q/%q", stream, durable)
	}
	dir := filepath.Join(s.dir, "jetstream", server.DEFAULT_GLOBAL_ACCOUNT, "streams", stream, "obs", durable)
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("remove consumer store: %w", err)
	}
	return nil
}

func safeName(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, `/\`)
}

func (s *Server) notes() []Note {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return append([]Note(nil), s.log.damage...)
}

// serverLogger routes nats-server's printf-style logs to slog, and keeps the
// warnings and errors that report damage to the store.
type serverLogger struct {
	l *slog.Logger

	mu     sync.Mutex
	damage []Note
}

// damageWords mark the server's reports of a damaged store (corrupt
// records or blocks, lost data, state it could not load).
var damageWords = []string{"corrupt", "lost", "checksum", "inconsisten", "error adding consumer", "error creating store",
	"error recreating stream", "error restoring", "truncat"}

func (l *serverLogger) keep(msg string) {
	lower := strings.ToLower(msg)
	if strings.Contains(lower, "temporary storage directory") {
		return // a store under /tmp, as in tests
	}
	for _, w := range damageWords {
		if strings.Contains(lower, w) {
			l.mu.Lock()
			if len(l.damage) < 100 {
				l.damage = append(l.damage, Note{Kind: NoteServerDamage, Detail: strings.TrimSpace(msg), At: time.Now().UTC()})
			}
			l.mu.Unlock()
			return
		}
	}
}

func (l *serverLogger) Noticef(format string, v ...any) { l.l.Debug(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Warnf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	l.keep(msg)
	l.l.Warn(msg)
}
func (l *serverLogger) Fatalf(format string, v ...any) { l.l.Error(fmt.Sprintf(format, v...)) }
func (l *serverLogger) Errorf(format string, v ...any) {
	msg := fmt.Sprintf(format, v...)
	l.keep(msg)
	l.l.Error(msg)
}
func (l *serverLogger) Debugf(format string, v ...any) {}
func (l *serverLogger) Tracef(format string, v ...any) {}
