package books

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/internal/testfiles"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// These tests call run in the test process, so that `go test -race` watches
// the workers, the feeder and the file writer when a run ends early (.ci/run
// runs them with -race).

const sample = "../samples/glowpoint-2005.yaml"

var (
	tree          = testfiles.Tree
	asciiRegister = testfiles.Register
)

func combinationCase(t *testing.T) string { return testfiles.CombinationCase(t, sample) }

// testOptions are the options of a run in the test process.
func testOptions(workers int) Options {
	return Options{Version: "test", Workers: workers, Documents: templates.Options{Creator: "warrantkit test"}}
}

// runQuiet plans, claims and runs a reissue in the test process.
func runQuiet(t *testing.T, casePath, reg, out string, workers int, before func(*reissueRun)) error {
	t.Helper()
	r, err := prepare(casePath, reg, out, testOptions(workers))
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	defer r.release()
	if before != nil {
		before(r)
	}
	_, err = r.run(context.Background())
	return err
}

// checkStoppedCleanly: once run returned, no goroutine it started is left,
// no temporary file is left, and nothing more is written.
func checkStoppedCleanly(t *testing.T, out string, goroutines int) {
	t.Helper()
	before := tree(t, out)
	for name := range before {
		if strings.Contains(name, ".tmp-") {
			t.Errorf("temporary file %s left", name)
		}
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > goroutines && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond) // a goroutine that called wg.Done may not have exited yet
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		buf := make([]byte, 1<<16)
		t.Fatalf("%d goroutines outlive run (%d before):\n%s", n, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if after := tree(t, out); len(after) != len(before) {
		t.Errorf("%d files when run returned, %d later", len(before), len(after))
	}
}

// TestRun_FailingRowStopsEverything: a warrant the engine refuses mid-run
// ends the run with that input error (exit 3), naming the row, after every
// worker, the feeder and the writer stopped: before the fix the writer's
// queue was closed under workers still sending (a panic, exit 2).
func TestRun_FailingRowStopsEverything(t *testing.T) {
	casePath := combinationCase(t)
	const rows = 6
	trial := 0
	for _, tiny := range []int{2, 4, rows} { // row 1 is refused before the claim (TestReissue_FailingRowExitsInvalid)
		reg := asciiRegister(t, rows, tiny)
		for _, workers := range []int{1, 2, 4} {
			for range 2 {
				trial++
				out := filepath.Join(t.TempDir(), "out")
				goroutines := runtime.NumGoroutine()
				err := runQuiet(t, casePath, reg, out, workers, nil)
				var ie *compute.InputError
				if !errors.As(err, &ie) || !errors.Is(err, compute.ErrInvalid) {
					t.Fatalf("trial %d (row %d, -j %d): %v, want an input error", trial, tiny, workers, err)
				}
				want := fmt.Sprintf("warrant W-F-05-%03d (%s row %d): after this event the Warrant Share Number (now 0.01) rounds to zero", tiny, reg, tiny)
				if ie.File != casePath || ie.Field != "events[2].type" || !strings.Contains(err.Error(), want) {
					t.Errorf("trial %d: %v\nwant %s:…: events[2].type: %s", trial, err, casePath, want)
				}
				checkStoppedCleanly(t, out, goroutines)
			}
		}
	}
}

// TestRun_FailingWriteStopsEverything: a document that cannot be written
// (warrants/ is a file) ends the run with that error (exit 1), cleanly.
func TestRun_FailingWriteStopsEverything(t *testing.T) {
	reg := asciiRegister(t, 6, 0)
	for _, workers := range []int{1, 3} {
		out := filepath.Join(t.TempDir(), "out")
		goroutines := runtime.NumGoroutine()
		err := runQuiet(t, sample, reg, out, workers, func(r *reissueRun) {
			if err := os.WriteFile(filepath.Join(r.out, "warrants"), nil, 0o644); err != nil {
				t.Fatal(err)
			}
		})
		if err == nil || errors.Is(err, compute.ErrInvalid) || !strings.Contains(err.Error(), "warrants") {
			t.Fatalf("-j %d: %v, want a failure to write under warrants/", workers, err)
		}
		checkStoppedCleanly(t, out, goroutines)
	}
}

// TestRun_CanceledStopsEverything: a canceled run (a signal) returns the
// cause, having stopped everything.
func TestRun_CanceledStopsEverything(t *testing.T) {
	reg := asciiRegister(t, 6, 0)
	cause := &signal{}
	for _, after := range []time.Duration{0, 30 * time.Millisecond, 120 * time.Millisecond} {
		out := filepath.Join(t.TempDir(), "out")
		goroutines := runtime.NumGoroutine()
		r, err := prepare(sample, reg, out, testOptions(2))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		timer := time.AfterFunc(after, func() { cancel(cause) })
		stats, err := r.run(ctx)
		r.release()
		timer.Stop()
		if err == nil && stats.Done == 6 {
			continue // finished before the cancel
		}
		if !errors.Is(err, cause) {
			t.Fatalf("cancel after %s: %v, want the signal's cause", after, err)
		}
		checkStoppedCleanly(t, out, goroutines)
	}
}

// signal is the cause a signal gives a context in cmd/warrantkit: a
// cancellation.
type signal struct{}

func (*signal) Error() string { return "interrupted by SIGINT" }

func (*signal) Is(target error) bool { return target == context.Canceled }
