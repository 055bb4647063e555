package httpapi

import (
	"context"
	"fmt"
	"net/http"

	"github.com/lumen-research/lumen"
)

// DeadLetterLister lists the messages no consumer could handle.
type DeadLetterLister interface {
	DeadLetters(ctx context.Context) ([]lumen.DeadLetter, error)
}

var epDeadLetters = &endpoint{
	Method: "GET", Path: "/api/v1/deadletters", ID: "deadletters", Summary: "Messages no consumer could handle",
	Doc: "The dead letters: each message a consumer could never handle (undecodable, invalid, or one its handler " +
		"panicked on), with its stream, subject, sequence, error and attempt count. `lumen deadletters replay ID` " +
		"re-queues one after a fix. Needs an admin token.",
	Access: accessAdmin, Response: deadLettersResponse{}, Errors: []int{401, 403, 503},
}

// deadLettersResponse is the body of GET /api/v1/deadletters.
type deadLettersResponse struct {
	DeadLetters []lumen.DeadLetter `json:"dead_letters"`
}

func (s *server) handleDeadLetters(w http.ResponseWriter, r *http.Request, _ values) {
	if s.DeadLetters == nil {
		s.writeError(w, r, fmt.Errorf("dead letters: %w (this process has no connection to them)", lumen.ErrUnavailable))
		return
	}
	dls, err := s.DeadLetters.DeadLetters(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if dls == nil {
		dls = []lumen.DeadLetter{}
	}
	writeJSON(w, http.StatusOK, deadLettersResponse{DeadLetters: dls})
}
