//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockData takes an exclusive lock on the data directory, so that two lumen
// processes never open the same JetStream store or index (nats-server does
// not lock its store directory). The lock is released when the returned
// function is called or the process exits.
func lockData(dir string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	path := filepath.Join(dir, "lumen.lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock data directory: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("data directory %s is in use by another lumen process (stop it, or give this one another --data directory)", dir)
		}
		return nil, fmt.Errorf("lock data directory: %w", err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// lockDataRead locks the data directory for a command that only reads it
// (lumen export). Where the lock file cannot be written (a read-only file
// system: a snapshot or a backup mounted read-only; or a directory this
// user may not write), it takes a shared lock on the lock file as it is,
// which a running lumen's exclusive lock still refuses, or, when there is
// none, no lock (nothing can write there); readOnly then says to open
// the index for reading only.
func lockDataRead(dir string) (unlock func(), readOnly bool, err error) {
	unlock, err = lockData(dir)
	if err == nil || !unwritable(err) {
		return unlock, false, err
	}
	f, oerr := os.Open(filepath.Join(dir, "lumen.lock"))
	if errors.Is(oerr, os.ErrNotExist) {
		return func() {}, true, nil
	}
	if oerr != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, false, fmt.Errorf("data directory %s is in use by another lumen process (stop it, or give this one another --data directory)", dir)
		}
		return nil, false, fmt.Errorf("lock data directory: %w", err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, true, nil
}
