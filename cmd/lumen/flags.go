package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/config"
	"github.com/lumen-research/lumen/internal/schedule"
)

// common holds the flags every long-running command takes.
type common struct {
	fs         *flag.FlagSet
	configPath string
	data       string
	addr       string
	natsURL    string
	logLevel   string
	logFormat  string
	hidden     map[string]bool // flags left out of the help
}

// newFlags returns a flag set for a command with the common flags. serves
// says whether the command serves HTTP by default (and so takes --addr with
// the default address).
func newFlags(e *env, name, synopsis string, serves bool) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet("lumen "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	c := &common{fs: fs}
	fs.StringVar(&c.configPath, "config", "", "configuration `file` (YAML); also LUMEN_CONFIG; default: the built-in configuration")
	fs.StringVar(&c.data, "data", "", "data `directory` (JetStream store and search index); also LUMEN_DATA (default ./data)")
	if serves {
		fs.StringVar(&c.addr, "addr", "", "HTTP listen `host:port`; also LUMEN_ADDR (default 127.0.0.1:8080)")
	} else {
		fs.StringVar(&c.addr, "addr", "", "serve /healthz, /readyz and /metrics on `host:port`; also LUMEN_ADDR, or addr in the configuration when not 127.0.0.1:8080 (default: not served)")
	}
	fs.StringVar(&c.natsURL, "nats", "", "external NATS `URL` with JetStream, e.g. nats://127.0.0.1:4222; also LUMEN_NATS_URL (default: embedded server)")
	fs.StringVar(&c.logLevel, "log-level", "", "log `level`: debug, info, warn, error (default info)")
	fs.StringVar(&c.logFormat, "log-format", "text", "log `format`: text or json")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: lumen %s\n\n", synopsis)
		c.printDefaults()
	}
	return fs, c
}

// hide leaves common flags the command refuses out of its help (they stay
// defined, so that giving one is refused with why, not as unknown).
func (c *common) hide(names ...string) {
	if c.hidden == nil {
		c.hidden = map[string]bool{}
	}
	for _, n := range names {
		c.hidden[n] = true
	}
}

// printDefaults prints the flags the command takes, as PrintDefaults.
func (c *common) printDefaults() {
	vis := flag.NewFlagSet(c.fs.Name(), flag.ContinueOnError)
	vis.SetOutput(c.fs.Output())
	c.fs.VisitAll(func(f *flag.Flag) {
		if !c.hidden[f.Name] {
			vis.Var(f.Value, f.Name, f.Usage)
			vis.Lookup(f.Name).DefValue = f.DefValue
		}
	})
	vis.PrintDefaults()
}

// parse parses args, allowing flags after positional arguments, and returns
// the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%v: %w", err, errUsage)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// load reads the configuration: defaults, the file, LUMEN_* variables, then
// the flags that were given; and validates it, including every source's
// schedule.
func (c *common) load(e *env) (config.Config, error) {
	path := c.configPath
	if path == "" {
		path = e.getenv("LUMEN_CONFIG")
	}
	cfg, err := config.Load(path, e.getenv)
	if err != nil {
		return cfg, fmt.Errorf("%w: %w", err, lumen.ErrInvalid)
	}
	c.fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "data":
			cfg.Data = c.data
		case "addr":
			cfg.Addr = c.addr
		case "nats":
			cfg.NATS.URL = c.natsURL
		case "log-level":
			cfg.LogLevel = c.logLevel
		}
	})
	if c.logFormat != "text" && c.logFormat != "json" {
		return cfg, usageError("--log-format %q: must be text or json", c.logFormat)
	}
	if err := validate(&cfg); err != nil {
		return cfg, err
	}
	setMemoryLimit(cfg, e.getenv)
	return cfg, nil
}

// setMemoryLimit applies memory_limit unless GOMEMLIMIT is set (the runtime
// has read that one already).
func setMemoryLimit(cfg config.Config, getenv func(string) string) {
	if getenv("GOMEMLIMIT") != "" {
		return
	}
	if n, err := config.ParseSize(cfg.MemoryLimit); err == nil && n > 0 {
		debug.SetMemoryLimit(n)
	}
}

func validate(cfg *config.Config) error {
	errs := []error{cfg.Validate()}
	for i, s := range cfg.Sources {
		if _, err := schedule.Parse(s.Schedule); err != nil {
			errs = append(errs, lumen.Invalidf(fmt.Sprintf("sources[%d].schedule", i), "%v", err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("invalid configuration:\n%w", err)
	}
	return nil
}

// visited returns the names of the flags given on the command line.
func visited(fs *flag.FlagSet) map[string]bool {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	return given
}

// levelGiven reports whether the log level was set by flag or environment.
func (c *common) levelGiven(e *env) bool {
	given := e.getenv("LUMEN_LOG_LEVEL") != ""
	c.fs.Visit(func(f *flag.Flag) {
		if f.Name == "log-level" {
			given = true
		}
	})
	return given
}

// addrGiven reports whether --addr was on the command line.
func (c *common) addrGiven() bool {
	given := false
	c.fs.Visit(func(f *flag.Flag) {
		if f.Name == "addr" {
			given = true
		}
	})
	return given
}

// healthAddr is where lumen crawl and lumen work serve /healthz, /readyz
// and /metrics, and whether they do: at --addr, else at LUMEN_ADDR, else at
// the configuration's addr when it names another address than the
// default. The default itself (127.0.0.1:8080, also in the shipped
// default.yaml) is lumen serve's: taken by a crawler or a worker on the same
// host sharing that configuration, it would keep one of them from starting.
func (c *common) healthAddr(e *env, cfg config.Config) (string, bool) {
	if c.addrGiven() || e.getenv("LUMEN_ADDR") != "" {
		return cfg.Addr, true
	}
	if cfg.Addr != "" && cfg.Addr != config.Defaults().Addr {
		return cfg.Addr, true
	}
	return "", false
}

func (c *common) logger(e *env, cfg config.Config) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: lvl}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(e.stderr, opts))
	}
	return slog.New(slog.NewTextHandler(e.stderr, opts))
}

func configYAML() []byte { return config.DefaultYAML() }

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// shutdownTimeout bounds an orderly shutdown.
const shutdownTimeout = 30 * time.Second

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func joinReasons(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s=%d", k, v))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// parseNoArgs parses the flags of a command that takes no arguments, and
// refuses any (a stray word is a mistake, never ignored).
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("%s takes no arguments (%q)", fs.Name(), pos[0])
	}
	return nil
}
