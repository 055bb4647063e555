package lumen

import (
	"errors"
	"fmt"
)

// Sentinel errors that callers tell apart. Detail travels in wrapping errors;
// test with errors.Is.
var (
	// ErrNotFound: the article, claim or record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input (a query, a configuration value, an event) is malformed.
	ErrInvalid = errors.New("invalid input")
	// ErrConflict: the edit is based on a stale version.
	ErrConflict = errors.New("conflict")
	// ErrUnauthorized: the caller did not say who it is, or its token is
	// unknown or revoked.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrForbidden: the caller is known but its role does not allow this.
	ErrForbidden = errors.New("forbidden")
	// ErrPreconditionRequired: an edit must say which version it is based on.
	ErrPreconditionRequired = errors.New("precondition required")
	// ErrUnavailable: a dependency (NATS, the index) is not ready.
	ErrUnavailable = errors.New("unavailable")
)

// InvalidError says which field or parameter of an input is wrong and why. It
// unwraps to ErrInvalid.
type InvalidError struct {
	Field  string // e.g. "sources[2].urls[0]" or "q"
	Reason string
}

// Invalidf returns an *InvalidError for field with a formatted reason.
func Invalidf(field, format string, args ...any) *InvalidError {
	return &InvalidError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

func (e *InvalidError) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return e.Field + ": " + e.Reason
}

// Unwrap lets errors.Is(err, ErrInvalid) match.
func (e *InvalidError) Unwrap() error { return ErrInvalid }
