package stop

import (
	"context"
	"errors"
	"syscall"
	"testing"
	"time"
)

// TestOnSignal: SIGINT and SIGTERM cancel the context with the signal as the
// cause, which still reads as a cancellation and gives the shell's exit code.
func TestOnSignal(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
		ctx, release := OnSignal(context.Background())
		if err := syscall.Kill(syscall.Getpid(), c.sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-ctx.Done():
		case <-time.After(5 * time.Second):
			t.Fatalf("%s did not cancel the context", c.name)
		}
		var s *Signal
		if cause := context.Cause(ctx); !errors.As(cause, &s) || s.ExitCode() != c.code || cause.Error() != "interrupted by "+c.name {
			t.Errorf("%s: cause %v, want a *Signal exiting %d", c.name, cause, c.code)
		}
		if !errors.Is(context.Cause(ctx), context.Canceled) {
			t.Errorf("%s: the cause is not a cancellation", c.name)
		}
		release()
	}
}

// TestRelease: a context released without a signal ends with no *Signal.
func TestRelease(t *testing.T) {
	ctx, release := OnSignal(context.Background())
	release()
	var s *Signal
	if errors.As(context.Cause(ctx), &s) {
		t.Errorf("released context has cause %v", s)
	}
}
