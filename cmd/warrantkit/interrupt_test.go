package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestReissue_FailingRowExitsInvalid: a warrant the engine refuses halfway
// through the register ends the binary with exit 3 and one line naming the
// case file, the event, the warrant and its row; never a panic (exit 2).
func TestReissue_FailingRowExitsInvalid(t *testing.T) {
	casePath := combinationCase(t)
	reg := asciiRegister(t, 8, 4)
	for trial := range 5 {
		out := filepath.Join(t.TempDir(), "out")
		r := runBinary(t, "reissue", casePath, "--register", reg, "--out", out, "-j", "2")
		checkRefused(t, r, exitInvalid, casePath, "events[2].type", "warrant W-F-05-004 ("+reg+" row 4): after this event the Warrant Share Number (now 0.01) rounds to zero")
		for name := range tree(t, out) {
			if strings.Contains(name, ".tmp-") {
				t.Fatalf("trial %d: temporary file %s left", trial, name)
			}
		}
	}
	// The first row is adjusted before anything is written: an event refused
	// for every warrant creates nothing.
	out := filepath.Join(t.TempDir(), "out")
	first := asciiRegister(t, 8, 1)
	r := runBinary(t, "reissue", casePath, "--register", first, "--out", out)
	checkRefused(t, r, exitInvalid, casePath, "events[2].type", "warrant W-F-05-001 ("+first+" row 1)")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("refused reissue created %s", out)
	}
}

// TestJobsFlag: every -j outside 1..256 is a usage error naming -j and what
// is allowed (verify -j -1 panicked, verify -j 0 and bench -j 0 hung).
func TestJobsFlag(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"verify", out, "-j", "0"},
		{"verify", out, "-j", "-1"},
		{"verify", out, "-j", "257"},
		{"bench", sample, "-j", "0"},
		{"bench", sample, "-j", "-3"},
		{"reissue", sample, "--register", "../../samples/register.csv", "--out", out, "-j", "0"},
		{"reissue", sample, "--register", "../../samples/register.csv", "--out", out, "-j", "-1"},
		{"reissue", sample, "--register", "../../samples/register.csv", "--out", out, "-j", "1000000000"},
	} {
		t.Run(args[0]+" -j "+args[len(args)-1], func(t *testing.T) {
			done := make(chan result, 1)
			go func() { done <- runBinary(t, args...) }()
			select {
			case r := <-done:
				checkRefused(t, r, exitUsage, "", "", args[0]+": -j "+args[len(args)-1]+": the number of workers must be between 1 and 256")
			case <-time.After(60 * time.Second):
				t.Fatal("hangs")
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s was created", out)
			}
		})
	}
	r := runBinary(t, "bench", sample, "-n", "0")
	checkRefused(t, r, exitUsage, "", "-n 0", "must be at least 1")
}

// TestReissue_Signals: SIGINT and SIGTERM stop a reissue cleanly: no
// temporary file left, one line saying how far it got and how to finish,
// exit 130 or 143; --resume then finishes it, byte for byte as an
// uninterrupted run.
func TestReissue_Signals(t *testing.T) {
	if testing.Short() {
		t.Skip("interrupts two reissues")
	}
	const rows = 40
	reg := asciiRegister(t, rows, 0)
	want := reference(t, reg)
	for _, c := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			cmd := exec.Command(binary, "reissue", sample, "--register", reg, "--out", dir, "-j", "2")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Signal once the first replacement warrants are written.
			for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
				if ws, _ := os.ReadDir(filepath.Join(dir, "warrants")); len(ws) >= 2 {
					break
				}
			}
			cmd.Process.Signal(c.sig)
			cmd.Wait()
			code := cmd.ProcessState.ExitCode()
			if code == 0 {
				t.Skipf("the run finished before the %s", c.name)
			}
			line := regexp.MustCompile(`^warrantkit: reissue interrupted by ` + c.name + `: (\d+) of 40 warrants written to ` + regexp.QuoteMeta(dir) + `; run the same command with --resume to finish\n$`)
			if code != c.code || !line.MatchString(stderr.String()) {
				t.Fatalf("exit %d, stderr %q; want exit %d and %s", code, stderr.String(), c.code, line)
			}
			for name := range tree(t, dir) {
				if strings.Contains(name, ".tmp-") {
					t.Errorf("temporary file %s left", name)
				}
			}
			finish(t, dir, reg, want, "--resume")
		})
	}
}

// TestReissue_LockRefusesSecondRun: while a reissue runs into a directory, a
// second one (--resume or not) is refused with exit 1, naming the directory,
// and touches nothing: the first one's temporary files stay.
func TestReissue_LockRefusesSecondRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary with test hooks")
	}
	reg := asciiRegister(t, 4, 0)
	dir := filepath.Join(t.TempDir(), "out")
	first := startStalled(t, "claim-register", "reissue", sample, "--register", reg, "--out", dir)
	temps := tempFiles(t, dir)
	if len(temps) != 1 {
		t.Fatalf("stalled in the middle of copying the register, the directory holds %v", names(tree(t, dir)))
	}
	for _, resume := range []bool{true, false} {
		args := []string{"reissue", sample, "--register", reg, "--out", dir}
		if resume {
			args = append(args, "--resume")
		}
		r := runBinary(t, args...)
		checkRefused(t, r, exitFailure, dir, "", "is in use by another reissue running into it")
		if got := tempFiles(t, dir); len(got) != 1 || got[0] != temps[0] {
			t.Fatalf("the second run touched the first one's files: %v", got)
		}
	}
	first.kill(t)
	if r := runBinary(t, "reissue", sample, "--register", reg, "--out", dir, "--resume"); r.code != 0 {
		t.Fatalf("once the first run is gone: exit %d: %s", r.code, r.stderr)
	}
}

func tempFiles(t *testing.T, dir string) []string {
	var out []string
	for name := range tree(t, dir) {
		if strings.Contains(name, ".tmp-") {
			out = append(out, name)
		}
	}
	return out
}

// reference is the tree of an uninterrupted reissue of reg.
func reference(t *testing.T, reg string) map[string][]byte {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "reference")
	if r := runBinary(t, "reissue", sample, "--register", reg, "--out", dir, "-j", "2"); r.code != 0 {
		t.Fatalf("reference run: exit %d: %s", r.code, r.stderr)
	}
	return tree(t, dir)
}

// finish runs the reissue into dir again (with extra flags), then verify,
// and compares the result with want, byte for byte.
func finish(t *testing.T, dir, reg string, want map[string][]byte, extra ...string) {
	t.Helper()
	args := append([]string{"reissue", sample, "--register", reg, "--out", dir, "-j", "2"}, extra...)
	if r := runBinary(t, args...); r.code != 0 {
		t.Fatalf("%v: exit %d: %s", extra, r.code, r.stderr)
	}
	if v := runBinary(t, "verify", dir); v.code != 0 {
		t.Fatalf("verify after %v: %s", extra, v.stderr)
	}
	got := tree(t, dir)
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s differs from an uninterrupted run's (after %v)", name, extra)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: not in an uninterrupted run's output (after %v)", name, extra)
		}
	}
}

var (
	hooksOnce sync.Once
	hooksBin  string
	hooksErr  error
)

// hooksBinary is warrantkit built with -tags testhooks: it stops at the
// point named by WARRANTKIT_STALL (stall_hooks.go).
func hooksBinary(t *testing.T) string {
	t.Helper()
	hooksOnce.Do(func() {
		hooksBin = binary + "-hooks"
		if out, err := exec.Command("go", "build", "-tags", "testhooks", "-o", hooksBin, ".").CombinedOutput(); err != nil {
			hooksErr = fmt.Errorf("go build -tags testhooks: %v\n%s", err, out)
		}
	})
	if hooksErr != nil {
		t.Fatal(hooksErr)
	}
	return hooksBin
}

// stalled is a warrantkit process stopped at a point.
type stalled struct{ cmd *exec.Cmd }

// startStalled runs warrantkit with hooks until it says it stalled at point.
func startStalled(t *testing.T, point string, args ...string) *stalled {
	t.Helper()
	cmd := exec.Command(hooksBinary(t), args...)
	cmd.Env = append(os.Environ(), "WARRANTKIT_STALL="+point)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &stalled{cmd}
	reached := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		ok := false
		for sc.Scan() {
			if sc.Text() == "warrantkit: stalled at "+point {
				ok = true
				break
			}
		}
		reached <- ok
		io.Copy(io.Discard, stderr)
	}()
	select {
	case ok := <-reached:
		if !ok {
			s.kill(t)
			t.Fatalf("warrantkit ended before it reached %s", point)
		}
	case <-time.After(2 * time.Minute):
		s.kill(t)
		t.Fatalf("warrantkit did not reach %s", point)
	}
	return s
}

func (s *stalled) kill(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGKILL)
	s.cmd.Wait()
}
