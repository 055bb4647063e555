package lumen

import "time"

// DeadLetter is a message a consumer could never handle (undecodable,
// invalid, or one its handler panicked on), kept with why instead of being
// dropped, until it is re-queued after a fix or deleted.
type DeadLetter struct {
	// ID identifies the dead letter (its sequence in the dead-letter stream).
	ID       uint64    `json:"id"`
	Stream   string    `json:"stream"`   // where the message was
	Consumer string    `json:"consumer"` // who could not handle it
	Subject  string    `json:"subject"`
	Seq      uint64    `json:"seq"` // its sequence in Stream
	Error    string    `json:"error"`
	Attempts uint64    `json:"attempts"` // deliveries before it was given up
	At       time.Time `json:"at"`
	Size     int       `json:"size"` // bytes
}
