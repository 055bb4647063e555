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
	"time"

	"github.com/lumen-research/lumen"
)

// Session is a browser's sign-in: the token it signed in with (by name, so
// that revoking the token ends the session) and the CSRF token its forms
// must carry.
type Session struct {
	ID    string `json:"-"` // the cookie value; stored only hashed
	Token string `json:"token"`
	// TokenHash is the hash of the very token signed in with: a token of
	// the same name created after a revocation is another token, and
	// does not bring the sessions of the revoked one back.
	TokenHash string    `json:"token_hash"`
	CSRF      string    `json:"csrf"`
	Created   time.Time `json:"created"`
	Expires   time.Time `json:"expires"`
}

// Sessions keeps sessions in a Store. Expired ones are refused; the bucket
// should also expire them (a bucket TTL at least as long as ttl).
type Sessions struct {
	store  Store
	tokens *Tokens
	ttl    time.Duration
	now    func() time.Time
}

// NewSessions returns sessions lasting ttl, signed in with tokens.
func NewSessions(store Store, tokens *Tokens, ttl time.Duration) *Sessions {
	return &Sessions{store: store, tokens: tokens, ttl: ttl, now: time.Now}
}

func sessionKey(id string) string {
	sum := sha256.Sum256([]byte(id))
	return "session." + hex.EncodeToString(sum[:16])
}

func randomHex(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// SignIn checks token and starts a session for it.
func (s *Sessions) SignIn(ctx context.Context, token string) (Session, lumen.Principal, error) {
	p, err := s.tokens.Authenticate(ctx, token)
	if err != nil {
		return Session{}, p, err
	}
	hash := hashToken(token)
	id, err := randomHex(32)
	if err != nil {
		return Session{}, p, fmt.Errorf("sign in: %w", err)
	}
	csrf, err := randomHex(32)
	if err != nil {
		return Session{}, p, fmt.Errorf("sign in: %w", err)
	}
	now := s.now().UTC()
	sess := Session{ID: id, Token: p.Name, TokenHash: hash, CSRF: csrf, Created: now, Expires: now.Add(s.ttl)}
	data, err := json.Marshal(sess)
	if err != nil {
		return Session{}, p, fmt.Errorf("sign in: %w", err)
	}
	if _, err := s.store.Update(ctx, sessionKey(id), data, 0); err != nil {
		return Session{}, p, fmt.Errorf("sign in: %w", err)
	}
	return sess, p, nil
}

// Get returns the live session with that cookie value and who it acts for.
// An unknown or expired session, or one whose token was revoked, gives an
// error wrapping lumen.ErrUnauthorized.
func (s *Sessions) Get(ctx context.Context, id string) (Session, lumen.Principal, error) {
	if len(id) != 64 {
		return Session{}, lumen.Principal{}, fmt.Errorf("no session: %w", lumen.ErrUnauthorized)
	}
	data, _, err := s.store.Get(ctx, sessionKey(id))
	if errors.Is(err, lumen.ErrNotFound) {
		return Session{}, lumen.Principal{}, fmt.Errorf("session expired or signed out: %w", lumen.ErrUnauthorized)
	}
	if err != nil {
		return Session{}, lumen.Principal{}, fmt.Errorf("read session: %w: %w", lumen.ErrUnavailable, err)
	}
	var sess Session
	if err := json.Unmarshal(data, &sess); err != nil {
		return Session{}, lumen.Principal{}, fmt.Errorf("session unreadable: %w", lumen.ErrUnauthorized)
	}
	if !s.now().Before(sess.Expires) {
		return Session{}, lumen.Principal{}, fmt.Errorf("session expired: %w", lumen.ErrUnauthorized)
	}
	sess.ID = id
	p, err := s.tokens.Principal(ctx, sess.Token, sess.TokenHash)
	if err != nil {
		return Session{}, p, err
	}
	return sess, p, nil
}

// SignOut ends the session.
func (s *Sessions) SignOut(ctx context.Context, id string) error {
	if len(id) != 64 {
		return nil
	}
	return s.store.Delete(ctx, sessionKey(id))
}

// CheckCSRF reports whether got is the session's CSRF token (in constant time).
func (sess Session) CheckCSRF(got string) bool {
	return sess.CSRF != "" && subtle.ConstantTimeCompare([]byte(got), []byte(sess.CSRF)) == 1
}
