//go:build !unix

package main

// lockData is a no-op where flock is not available; the index's own lock
// still refuses a second process.
func lockData(dir string) (unlock func(), err error) { return func() {}, nil }

// lockDataRead is lockData for a command that only reads.
func lockDataRead(dir string) (unlock func(), readOnly bool, err error) {
	return func() {}, false, nil
}
