// Package auth keeps Lumen's API tokens and browser sessions. A token names
// who acts (its name goes on every decision made with it) and what it may do
// (a role: reader, curator or admin). Tokens are shown once, when created,
// and stored only as a SHA-256 hash in a key-value bucket of the system of
// record, so every process that serves the API shares them and a revocation
// takes effect everywhere at the next request. Sessions let the pages sign
// in with a token once and carry a cookie afterwards.
//
// The package knows nothing of HTTP or NATS: it works on a small Store.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/lumen-research/lumen"
)

// Store is a key-value bucket (bus.KV satisfies it).
type Store interface {
	Get(ctx context.Context, key string) ([]byte, uint64, error)
	Update(ctx context.Context, key string, value []byte, rev uint64) (uint64, error)
	Delete(ctx context.Context, key string) error
	Each(ctx context.Context, prefix string, fn func(key string, value []byte) error) error
}

// tokenPrefix starts every token, so that a leaked one is recognisable.
const tokenPrefix = "lumen"

var namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$`)

// Token is a stored token: everything but the secret.
type Token struct {
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Hash      string    `json:"hash"` // SHA-256 of the whole token, hex
	Created   time.Time `json:"created"`
	Revoked   bool      `json:"revoked,omitempty"`
	RevokedAt time.Time `json:"revoked_at,omitzero"`
}

// Tokens creates, lists, revokes and checks tokens.
type Tokens struct {
	store Store
	now   func() time.Time
}

// NewTokens returns the tokens kept in store.
func NewTokens(store Store) *Tokens { return &Tokens{store: store, now: time.Now} }

func tokenKey(name string) string { return "token." + name }

// Create makes a token for name with role and returns it; this is the only
// time the token is seen. A name in use by a live token is refused; a
// revoked token's name may be reused.
func (t *Tokens) Create(ctx context.Context, name, role string) (string, error) {
	if !namePattern.MatchString(name) {
		return "", lumen.Invalidf("name", "%q must be 1-64 letters, digits, '-' or '_'", name)
	}
	if !slices.Contains(lumen.Roles, role) {
		return "", lumen.Invalidf("role", "%q is not one of %s", role, strings.Join(lumen.Roles, ", "))
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	token := tokenPrefix + "." + name + "." + hex.EncodeToString(secret)
	rec := Token{Name: name, Role: role, Hash: hashToken(token), Created: t.now().UTC()}
	data, err := json.Marshal(rec)
	if err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	var rev uint64
	if old, r, err := t.get(ctx, name); err == nil {
		if !old.Revoked {
			return "", lumen.Invalidf("name", "a token named %q exists; revoke it first or choose another name", name)
		}
		rev = r
	} else if !errors.Is(err, lumen.ErrNotFound) {
		return "", err
	}
	if _, err := t.store.Update(ctx, tokenKey(name), data, rev); err != nil {
		if errors.Is(err, lumen.ErrConflict) {
			return "", lumen.Invalidf("name", "a token named %q was just created by someone else", name)
		}
		return "", fmt.Errorf("create token %s: %w", name, err)
	}
	return token, nil
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func (t *Tokens) get(ctx context.Context, name string) (Token, uint64, error) {
	data, rev, err := t.store.Get(ctx, tokenKey(name))
	if err != nil {
		return Token{}, 0, err
	}
	var rec Token
	if err := json.Unmarshal(data, &rec); err != nil {
		return Token{}, 0, fmt.Errorf("token %s: %w", name, err)
	}
	return rec, rev, nil
}

// List returns every token (revoked ones included), by name.
func (t *Tokens) List(ctx context.Context) ([]Token, error) {
	var out []Token
	err := t.store.Each(ctx, "token.", func(key string, value []byte) error {
		var rec Token
		if err := json.Unmarshal(value, &rec); err != nil {
			return fmt.Errorf("token %s: %w", key, err)
		}
		out = append(out, rec)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Token) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// ErrRevoked: the token was revoked already.
var ErrRevoked = errors.New("revoked already")

// Revoke revokes the named token: requests with it, and sessions signed in
// with it, are refused from then on. The record stays, for the audit trail.
func (t *Tokens) Revoke(ctx context.Context, name string) error {
	for {
		rec, rev, err := t.get(ctx, name)
		if errors.Is(err, lumen.ErrNotFound) {
			return fmt.Errorf("no token named %q: %w", name, lumen.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("revoke %s: %w", name, err)
		}
		if rec.Revoked {
			return fmt.Errorf("the token %q was revoked already, at %s: %w", name, rec.RevokedAt.Format(time.RFC3339), ErrRevoked)
		}
		rec.Revoked, rec.RevokedAt = true, t.now().UTC()
		data, err := json.Marshal(rec)
		if err != nil {
			return fmt.Errorf("revoke %s: %w", name, err)
		}
		_, err = t.store.Update(ctx, tokenKey(name), data, rev)
		if errors.Is(err, lumen.ErrConflict) {
			continue
		}
		if err != nil {
			return fmt.Errorf("revoke %s: %w", name, err)
		}
		return nil
	}
}

// Authenticate returns who the token belongs to. A malformed, unknown or
// revoked token gives an error wrapping lumen.ErrUnauthorized. The token's
// hash is compared in constant time.
func (t *Tokens) Authenticate(ctx context.Context, token string) (lumen.Principal, error) {
	prefix, rest, ok := strings.Cut(token, ".")
	name, _, ok2 := strings.Cut(rest, ".")
	if !ok || !ok2 || prefix != tokenPrefix || !namePattern.MatchString(name) {
		return lumen.Principal{}, fmt.Errorf("malformed token: %w", lumen.ErrUnauthorized)
	}
	rec, _, err := t.get(ctx, name)
	if errors.Is(err, lumen.ErrNotFound) {
		return lumen.Principal{}, fmt.Errorf("unknown token: %w", lumen.ErrUnauthorized)
	}
	if err != nil {
		return lumen.Principal{}, fmt.Errorf("check token: %w: %w", lumen.ErrUnavailable, err)
	}
	if subtle.ConstantTimeCompare([]byte(hashToken(token)), []byte(rec.Hash)) != 1 {
		return lumen.Principal{}, fmt.Errorf("unknown token: %w", lumen.ErrUnauthorized)
	}
	if rec.Revoked {
		return lumen.Principal{}, fmt.Errorf("token %s was revoked: %w", name, lumen.ErrUnauthorized)
	}
	return lumen.Principal{Name: rec.Name, Role: rec.Role}, nil
}

// Principal returns who the live token of that name and hash belongs to
// (for a session signed in with it). A token of the same name created
// since (after a revocation) has another hash: it is not the session's.
func (t *Tokens) Principal(ctx context.Context, name, hash string) (lumen.Principal, error) {
	rec, _, err := t.get(ctx, name)
	if errors.Is(err, lumen.ErrNotFound) {
		return lumen.Principal{}, fmt.Errorf("token %s no longer exists: %w", name, lumen.ErrUnauthorized)
	}
	if err != nil {
		return lumen.Principal{}, fmt.Errorf("check token: %w: %w", lumen.ErrUnavailable, err)
	}
	if subtle.ConstantTimeCompare([]byte(hash), []byte(rec.Hash)) != 1 {
		return lumen.Principal{}, fmt.Errorf("the token %s signed in with was revoked and replaced: %w", name, lumen.ErrUnauthorized)
	}
	if rec.Revoked {
		return lumen.Principal{}, fmt.Errorf("token %s was revoked: %w", name, lumen.ErrUnauthorized)
	}
	return lumen.Principal{Name: rec.Name, Role: rec.Role}, nil
}
