package auth_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lumen-research/lumen"
	"github.com/lumen-research/lumen/internal/auth"
	"github.com/lumen-research/lumen/internal/bus/bustest"
)

func TestTokens(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	kv, err := b.KV(ctx, "tokens")
	if err != nil {
		t.Fatal(err)
	}
	tokens := auth.NewTokens(kv)
	tok, err := tokens.Create(ctx, "alice", lumen.RoleCurator)
	if err != nil {
		t.Fatal(err)
	}
	p, err := tokens.Authenticate(ctx, tok)
	if err != nil || p != (lumen.Principal{Name: "alice", Role: lumen.RoleCurator}) {
		t.Fatalf("Authenticate = %+v, %v", p, err)
	}
	// Only a hash is stored: the stored record does not contain the secret.
	raw, _, _ := kv.Get(ctx, "token.alice")
	if strings.Contains(string(raw), tok[strings.LastIndex(tok, ".")+1:]) {
		t.Errorf("stored record %s holds the token's secret", raw)
	}
	for _, bad := range []string{"", "lumen", "lumen.alice", tok + "0", tok[:len(tok)-1] + "x", "lumen.bob." + tok[len("lumen.alice."):], "bearer " + tok} {
		if _, err := tokens.Authenticate(ctx, bad); !errors.Is(err, lumen.ErrUnauthorized) {
			t.Errorf("Authenticate(%q) = %v, want ErrUnauthorized", bad, err)
		}
	}
	if _, err := tokens.Create(ctx, "alice", lumen.RoleAdmin); !errors.Is(err, lumen.ErrInvalid) {
		t.Errorf("second token named alice = %v, want refused", err)
	}
	for _, tt := range [][2]string{{"", "reader"}, {"a b", "reader"}, {"x", "root"}} {
		if _, err := tokens.Create(ctx, tt[0], tt[1]); !errors.Is(err, lumen.ErrInvalid) {
			t.Errorf("Create(%q, %q) = %v, want invalid", tt[0], tt[1], err)
		}
	}
	if err := tokens.Revoke(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	if _, err := tokens.Authenticate(ctx, tok); !errors.Is(err, lumen.ErrUnauthorized) {
		t.Errorf("revoked token = %v, want ErrUnauthorized", err)
	}
	if err := tokens.Revoke(ctx, "nobody"); !errors.Is(err, lumen.ErrNotFound) || strings.Contains(err.Error(), "lumen_tokens") {
		t.Errorf("Revoke(nobody) = %v, want ErrNotFound without the bucket's name", err)
	}
	if err := tokens.Revoke(ctx, "alice"); !errors.Is(err, auth.ErrRevoked) {
		t.Errorf("Revoke of a revoked token = %v, want ErrRevoked", err)
	}
	// A revoked name may be given a new token; the old one stays dead.
	tok2, err := tokens.Create(ctx, "alice", lumen.RoleAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if p, err := tokens.Authenticate(ctx, tok2); err != nil || p.Role != lumen.RoleAdmin {
		t.Errorf("new token = %+v, %v", p, err)
	}
	if _, err := tokens.Authenticate(ctx, tok); !errors.Is(err, lumen.ErrUnauthorized) {
		t.Errorf("old token after re-creation = %v, want ErrUnauthorized", err)
	}
	list, err := tokens.List(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "alice" || list[0].Revoked {
		t.Errorf("List = %+v, %v", list, err)
	}
}

func TestSessions(t *testing.T) {
	ctx := context.Background()
	b := bustest.Start(t)
	kv, _ := b.KV(ctx, "tokens")
	skv, err := b.KVWithTTL(ctx, "sessions", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	tokens := auth.NewTokens(kv)
	sessions := auth.NewSessions(skv, tokens, time.Hour)
	tok, _ := tokens.Create(ctx, "carol", lumen.RoleCurator)
	if _, _, err := sessions.SignIn(ctx, "lumen.carol.00"); !errors.Is(err, lumen.ErrUnauthorized) {
		t.Errorf("SignIn with a wrong token = %v", err)
	}
	sess, p, err := sessions.SignIn(ctx, tok)
	if err != nil || p.Name != "carol" || len(sess.ID) != 64 || sess.CSRF == "" {
		t.Fatalf("SignIn = %+v %+v %v", sess, p, err)
	}
	got, p, err := sessions.Get(ctx, sess.ID)
	if err != nil || p.Name != "carol" || !got.CheckCSRF(sess.CSRF) || got.CheckCSRF("x") || got.CheckCSRF("") {
		t.Fatalf("Get = %+v %+v %v", got, p, err)
	}
	// Revoking the token ends its sessions.
	if err := tokens.Revoke(ctx, "carol"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sessions.Get(ctx, sess.ID); !errors.Is(err, lumen.ErrUnauthorized) {
		t.Errorf("session of a revoked token = %v, want ErrUnauthorized", err)
	}
	// A new token of the same name (the leaked one rotated) is another
	// token: the revoked one's sessions stay dead, whatever its role.
	for _, role := range []string{lumen.RoleCurator, lumen.RoleAdmin} {
		if _, err := tokens.Create(ctx, "carol", role); err != nil {
			t.Fatal(err)
		}
		if _, p, err := sessions.Get(ctx, sess.ID); !errors.Is(err, lumen.ErrUnauthorized) {
			t.Errorf("session of a revoked token, after a new %s token of the same name = %+v, %v; want ErrUnauthorized", role, p, err)
		}
		if err := tokens.Revoke(ctx, "carol"); err != nil {
			t.Fatal(err)
		}
	}
	tok, _ = tokens.Create(ctx, "dave", lumen.RoleReader)
	sess, _, _ = sessions.SignIn(ctx, tok)
	if err := sessions.SignOut(ctx, sess.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sessions.Get(ctx, sess.ID); !errors.Is(err, lumen.ErrUnauthorized) {
		t.Errorf("signed-out session = %v, want ErrUnauthorized", err)
	}
}
