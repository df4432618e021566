package books

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestRecordCase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.yaml")
	old := []byte("terms: {}\n")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	updated := []byte("terms: {}\ntransactions:\n  - {type: reissue, date: 2006-02-01}\n")
	os.WriteFile(filepath.Join(dir, ".case.yaml.tmp-123"), []byte("half"), 0o600) // left by a killed recording
	if err := RecordCase(path, old, updated); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, updated) {
		t.Errorf("case file holds %q", got)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", fi.Mode().Perm())
	}
	if left := temps(t, dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// The file changed since it was read: refused, nothing written.
	err := RecordCase(path, old, []byte("other\n"))
	if !errors.Is(err, ErrCaseChanged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("error %v, want ErrCaseChanged naming %s", err, path)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, updated) {
		t.Errorf("refused recording wrote %q", got)
	}

	// A symbolic link: the file it names is replaced, the link kept.
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip(err)
	}
	if err := RecordCase(link, updated, old); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
		t.Errorf("the file the link names holds %q", got)
	}
}

func TestLedgerName(t *testing.T) {
	for _, c := range []struct{ name, data, want string }{
		{"glowpoint.yaml", "issuer: {}\n", "case.yaml"},
		{"glowpoint.JSON", "issuer: {}\n", "case.json"},
		{"glowpoint", "  {\"issuer\": {}}", "case.json"},
	} {
		if got := LedgerName(c.name, []byte(c.data)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// temps lists the temporary files in dir.
func temps(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestRecordCase_Concurrent: recordings racing on one file never lose one
// another's lines: each either lands on the file as it read it or is
// refused; the file ends with exactly the lines of those that landed.
func TestRecordCase_Concurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "case.yaml")
	os.WriteFile(path, []byte("ledger:\n"), 0o644)
	var mu sync.Mutex
	landed := 0
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 25 {
				read, err := os.ReadFile(path)
				if err != nil {
					t.Error(err)
					return
				}
				line := fmt.Sprintf("  - %d.%d\n", g, i)
				switch err := RecordCase(path, read, append(read, line...)); {
				case err == nil:
					mu.Lock()
					landed++
					mu.Unlock()
				case !errors.Is(err, ErrCaseChanged):
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	got, _ := os.ReadFile(path)
	if n := strings.Count(string(got), "  - "); n != landed || landed == 0 {
		t.Errorf("%d recordings landed, the file holds %d lines", landed, n)
	}
}

// The SIGKILL test's child: records into the file named by recordChildEnv,
// one line at a time, until it is killed.
const recordChildEnv = "WARRANTKIT_TEST_RECORD_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(recordChildEnv); path != "" {
		recordForever(path)
		return
	}
	os.Exit(m.Run())
}

// recordForever appends line k to path, for k = 1, 2, ..., by RecordCase.
// The file is large, so that the kill often comes mid-write.
func recordForever(path string) {
	for k := 1; ; k++ {
		read, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := RecordCase(path, read, append(read, recordLine(k)...)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func recordLine(k int) string { return "  - {n: " + strconv.Itoa(k) + "}\n" }

// TestRecordCase_SIGKILL: a recording killed at a random moment leaves the
// case file whole — the input with lines 1..k appended, for some k — and
// the next recording removes the temporary file it may have left.
func TestRecordCase_SIGKILL(t *testing.T) {
	if runtime.GOOS == "windows" || testing.Short() {
		t.Skip("needs SIGKILL; slow")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "case.yaml")
	base := "# " + strings.Repeat("x", 1<<20) + "\ntransactions:\n"
	if err := os.WriteFile(path, []byte(base), 0o640); err != nil {
		t.Fatal(err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	midWrite := 0
	defer func() { t.Logf("%d of 20 kills came while a temporary file was being written", midWrite) }()
	for trial := range 20 {
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), recordChildEnv+"="+path)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+r.IntN(60)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		if err := cmd.Wait(); err == nil || stderr.Len() > 0 {
			t.Fatalf("trial %d: the child ended by itself: %v %s", trial, err, stderr.Bytes())
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		want := base
		for len(want) < len(got) {
			k++
			want += recordLine(k)
		}
		if string(got) != want {
			t.Fatalf("trial %d: the case file is not whole after a kill (%d bytes, the input with %d lines is %d)", trial, len(got), k, len(want))
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
			t.Fatalf("trial %d: mode %v", trial, fi.Mode().Perm())
		}
		if len(temps(t, dir)) > 0 {
			midWrite++ // killed between the temporary file's creation and the rename
		}
		base = string(got) + "# trial " + strconv.Itoa(trial) + "\n"
		if err := RecordCase(path, got, []byte(base)); err != nil {
			t.Fatal(err)
		}
		if left := temps(t, dir); len(left) > 0 {
			t.Fatalf("trial %d: temporary files left after the next recording: %v", trial, left)
		}
	}
}

// TestRecordCase_WaitsForLock: a recording waits while another holds the
// directory's lock, then records.
func TestRecordCase_WaitsForLock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.yaml")
	os.WriteFile(path, []byte("a\n"), 0o644)
	lock, err := lockDir(dir)
	if err != nil || lock == nil {
		t.Skip("no locks here", err)
	}
	done := make(chan error, 1)
	go func() { done <- RecordCase(path, []byte("a\n"), []byte("a\nb\n")) }()
	time.Sleep(150 * time.Millisecond)
	if got, _ := os.ReadFile(path); string(got) != "a\n" {
		t.Fatalf("recorded while the lock was held: %q", got)
	}
	lock.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "a\nb\n" {
		t.Fatalf("case file holds %q", got)
	}
}
