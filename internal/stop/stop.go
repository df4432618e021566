// Package stop turns the signals that stop a command (SIGINT, SIGTERM) into
// the cancellation of its context, with the signal as the cause, so that a
// long command stops cleanly, says which signal stopped it and exits as the
// shell expects (128 + the signal's number).
package stop

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// OnSignal returns a context canceled by the first SIGINT or SIGTERM,
// with a *Signal as its cause, so that a command stops cleanly and
// says which signal stopped it. The first signal also restores the default
// action: a second one ends the process at once.
func OnSignal(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-sigs:
			signal.Stop(sigs)
			cancel(&Signal{sig: s})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		close(done)
		cancel(nil)
	}
}

// Signal is the cause of a context that a signal canceled.
type Signal struct{ sig os.Signal }

func (e *Signal) Error() string { return "interrupted by " + stopSignals[e.sig].name }

// Is makes errors.Is(err, context.Canceled) hold, as for any cancellation.
func (e *Signal) Is(target error) bool { return target == context.Canceled }

// stopSignals are the signals that stop a command, by name, with the exit
// code the shell gives a process one ended: 128 + its number (interruptible
// listens for these two only).
var stopSignals = map[os.Signal]struct {
	name string
	code int
}{os.Interrupt: {"SIGINT", 128 + 2}, syscall.SIGTERM: {"SIGTERM", 128 + 15}}

// ExitCode is the exit code the shell gives a process the signal ended.
func (e *Signal) ExitCode() int {
	if s, ok := stopSignals[e.sig]; ok {
		return s.code
	}
	return 1
}
