//go:build testhooks

package books

import (
	"fmt"
	"io"
	"os"
	"time"
)

// A binary built with -tags testhooks stops at the point named by the
// environment variable WARRANTKIT_STALL: it says so on stderr and sleeps, for
// the kill test to kill it exactly there (reissue_test.go). With
// WARRANTKIT_STALL_UNTIL set to a path, it goes on once that path exists:
// a test changes the world under a stopped command, then lets it finish
// (ledger_record_test.go).

const (
	stallEnv      = "WARRANTKIT_STALL"
	stallUntilEnv = "WARRANTKIT_STALL_UNTIL"
)

func stallAt(point string) {
	if os.Getenv(stallEnv) != point {
		return
	}
	fmt.Fprintf(os.Stderr, "warrantkit: stalled at %s\n", point)
	until := os.Getenv(stallUntilEnv)
	if until == "" {
		time.Sleep(time.Hour)
		return
	}
	for end := time.Now().Add(time.Hour); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(until); err == nil {
			return
		}
	}
}

// stallWriter stalls at point halfway through the first write to w: the
// file being written is there, cut short, under its temporary name.
func stallWriter(w io.Writer, point string) io.Writer {
	if os.Getenv(stallEnv) != point {
		return w
	}
	return &stalling{w: w, point: point}
}

type stalling struct {
	w     io.Writer
	point string
	done  bool
}

func (s *stalling) Write(p []byte) (int, error) {
	if s.done {
		return s.w.Write(p)
	}
	s.done = true
	n, err := s.w.Write(p[:len(p)/2])
	if err != nil {
		return n, err
	}
	stallAt(s.point)
	m, err := s.w.Write(p[len(p)/2:])
	return n + m, err
}
