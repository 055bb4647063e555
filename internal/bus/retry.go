package bus

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// retryFor bounds how long an operation is retried through a passing
// failure of the NATS cluster (a node down, a stream leader being elected).
const retryFor = 30 * time.Second

// transient reports errors a cluster gives while a node is down or a
// stream elects a new leader: worth retrying.
func transient(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, nats.ErrTimeout) || errors.Is(err, nats.ErrNoResponders) || errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrConnectionReconnecting) {
		return true
	}
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && apiErr.Code == 503 {
		return true // "JetStream system temporarily unavailable", no stream leader
	}
	return strings.Contains(err.Error(), "no responders") || strings.Contains(err.Error(), "leader")
}

// retry runs fn until it succeeds, fails for good, or retryFor (or ctx)
// runs out; each attempt gets a context of its own so that a hung request
// to a dead node does not use up the whole budget. Only idempotent
// operations are retried: publishes carry a message id the stream
// de-duplicates on, and key-value writes set a value.
func retry[T any](ctx context.Context, fn func(ctx context.Context) (T, error)) (T, error) {
	deadline := time.Now().Add(retryFor)
	wait := 100 * time.Millisecond
	for {
		actx, cancel := context.WithTimeout(ctx, 5*time.Second)
		v, err := fn(actx)
		cancel()
		if err == nil || !transient(err) || ctx.Err() != nil || time.Now().After(deadline) {
			return v, err
		}
		if !sleep(ctx, wait) {
			return v, err
		}
		wait = min(wait*2, time.Second)
	}
}
