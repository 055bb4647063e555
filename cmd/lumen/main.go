// Command lumen crawls research literature, tags its claims and serves them
// for search and review. One binary runs every role: `lumen run` all of them
// in one process with an embedded NATS server, or `lumen crawl`, `lumen work`
// and `lumen serve` one role each against an external NATS cluster.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/lumen-research/lumen"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := runGuarded(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "lumen:", err)
	}
	os.Exit(exitCode(err))
}

// runGuarded is run with a panic turned into an error wrapping errPanic
// (exit status 3), its stack printed: a panic must not pass for a usage
// error (the Go runtime exits with 2 on an unrecovered panic).
func runGuarded(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "lumen: panic: %v\n%s", p, debug.Stack())
			err = fmt.Errorf("panic: %v: %w", p, errPanic)
		}
	}()
	return run(ctx, args, getenv, stdin, stdout, stderr)
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2 // usage or configuration error: the message names the field
	exitPanic   = 3 // a bug: a panic was recovered
	exitDamaged = 4 // lumen check found damage (repaired or not)
)

// exitCode is 0 on success, 2 for usage and configuration errors, 3 for a
// recovered panic, 4 for damage found by lumen check, 1 otherwise.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errPanic):
		return exitPanic
	case errors.Is(err, errDamaged):
		return exitDamaged
	case errors.Is(err, errUsage), errors.Is(err, lumen.ErrInvalid):
		return exitUsage
	default:
		return exitFailure
	}
}

var (
	errUsage = errors.New("usage error")
	// errPanic marks an error recovered from a panic.
	errPanic = errors.New("internal error")
	// errDamaged: lumen check found the data damaged.
	errDamaged = errors.New("data damaged")
)

// usageError wraps a message so that it exits with status 2.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%s: %w", fmt.Sprintf(format, args...), errUsage)
}

const usage = `Lumen turns research literature into searchable, reviewed claims.

Usage:
  lumen <command> [flags] [arguments]

Commands:
  demo      serve a bundled sample site, crawl it through the whole pipeline, and serve the results
  run       run every role in one process: scheduler, crawler, tagger, indexer and HTTP API
  crawl     crawl the configured sources on their schedules, or once (--once), or one site (--seed URL)
  work      run a tagging worker against NATS (scale out by running more)
  serve     run the indexer and the HTTP API
  reindex   rebuild the search index from the articles stored in JetStream, without re-crawling
  check     verify the streams, buckets, consumers and index against each other (--repair fixes what it can)
  deadletters  list the messages no consumer could handle; replay them after a fix
  replicas     set the copies of every stream and bucket on a NATS cluster (the only way to lower them)
  tag       tag a text or HTML file (or stdin) and print the mentions and claims as JSON
  eval      score the tagger against a gold set of labelled sentences, or (--reviews) against curators' decisions
  export    write every claim (jsonl, csv) or article (ris, bibtex, csljson) a search selects
  export-gold  write the curators' decisions as a gold set (the format lumen eval reads)
  token     create, list and revoke API tokens (roles reader, curator, admin)
  bench     measure search (bench search) or the whole ingest pipeline (bench ingest) against plain bleve
  config    print the default configuration (a starting point for --config)
  version   print the version

Run "lumen <command> -h" for the flags of a command.
`

// run is the whole program: main only wires the process's environment in.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError("no command given")
	}
	e := &env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "demo":
		return cmdDemo(ctx, e, rest)
	case "run":
		return cmdRun(ctx, e, rest)
	case "crawl":
		return cmdCrawl(ctx, e, rest)
	case "work":
		return cmdWork(ctx, e, rest)
	case "serve":
		return cmdServe(ctx, e, rest)
	case "reindex":
		return cmdReindex(ctx, e, rest)
	case "check":
		return cmdCheck(ctx, e, rest)
	case "deadletters":
		return cmdDeadLetters(ctx, e, rest)
	case "replicas":
		return cmdReplicas(ctx, e, rest)
	case "tag":
		return cmdTag(ctx, e, rest)
	case "eval":
		if hasFlag(rest, "reviews") {
			return cmdEvalReviews(ctx, e, rest)
		}
		return cmdEval(ctx, e, rest)
	case "bench":
		return cmdBench(ctx, e, rest)
	case "export":
		return cmdExport(ctx, e, rest)
	case "export-gold":
		return cmdExportGold(ctx, e, rest)
	case "token":
		return cmdToken(ctx, e, rest)
	case "config":
		switch {
		case len(rest) == 1 && (rest[0] == "-h" || rest[0] == "-help" || rest[0] == "--help"):
			fmt.Fprintln(stdout, "Usage: lumen config\n\nPrints the default configuration, with a comment on every key: a starting point for --config.")
			return nil
		case len(rest) > 0:
			return usageError("lumen config takes no arguments or flags: it prints the default configuration, a starting point for --config")
		}
		_, err := stdout.Write(configYAML())
		return err
	case "version", "-version", "--version":
		switch {
		case len(rest) == 1 && (rest[0] == "-h" || rest[0] == "-help" || rest[0] == "--help"):
			fmt.Fprintln(stdout, "Usage: lumen version\n\nPrints the version.")
			return nil
		case len(rest) > 0:
			// Like every other command, an unknown flag or argument is a
			// usage error (qa4: version --bogus exited 0).
			return usageError("lumen version takes no arguments or flags")
		}
		fmt.Fprintln(stdout, "lumen", version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprint(stderr, usage)
		return usageError("unknown command %q", cmd)
	}
}

// env is the process environment a command runs in.
type env struct {
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
}

// hasFlag reports whether args carry the boolean flag name (-name, --name,
// or with =true).
func hasFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		a = strings.TrimLeft(a, "-")
		if a == name || a == name+"=true" {
			return true
		}
	}
	return false
}
