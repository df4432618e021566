package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func sampleRegister(t *testing.T, n int) string {
	t.Helper()
	r := runBinary(t, "sample-register", "-n", strconv.Itoa(n), "--seed", "42")
	if r.code != 0 {
		t.Fatalf("sample-register: %d %s", r.code, r.stderr)
	}
	path := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(path, []byte(r.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSampleRegister(t *testing.T) {
	a := runBinary(t, "sample-register", "-n", "50", "--seed", "3")
	b := runBinary(t, "sample-register", "-n", "50", "--seed", "3")
	c := runBinary(t, "sample-register", "-n", "50", "--seed", "4")
	if a.stdout != b.stdout || a.stdout == c.stdout {
		t.Fatal("the same seed must give the same register, another seed another")
	}
	lines := strings.Split(strings.TrimSpace(a.stdout), "\n")
	if len(lines) != 51 || !strings.HasPrefix(lines[0], "number,holder_name,holder_address,shares") {
		t.Fatalf("%d lines, header %q", len(lines), lines[0])
	}
	nonASCII := 0
	for _, l := range lines[1:] {
		for _, r := range l {
			if r > 0x7f {
				nonASCII++
				break
			}
		}
	}
	if nonASCII < 25 {
		t.Errorf("only %d of 50 rows have non-ASCII characters", nonASCII)
	}
}

func TestReissue_DeterministicAcrossJobs(t *testing.T) {
	reg := sampleRegister(t, 12)
	one, two := filepath.Join(t.TempDir(), "j1"), filepath.Join(t.TempDir(), "j2")
	for _, run := range []struct{ dir, j string }{{one, "1"}, {two, "2"}} {
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", run.dir, "-j", run.j)
		if r.code != 0 {
			t.Fatalf("-j %s: exit %d: %s", run.j, r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, "reissued 12 warrants: 84 documents") {
			t.Errorf("summary line: %q", r.stderr)
		}
	}
	a, b := tree(t, one), tree(t, two)
	if len(a) != len(b) || len(a) != 84+2+3+1+1 { // documents, inputs, tables and manifest, state, ledger
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between -j 1 and -j 2", name)
		}
	}
	// Every document is a valid PDF.
	docs := map[string][]byte{}
	for name, data := range a {
		if strings.HasSuffix(name, ".pdf") {
			docs[name] = data
		}
	}
	checkPDFs(t, docs, true)
	if r := runBinary(t, "verify", one); r.code != 0 {
		t.Fatalf("verify: %d %s", r.code, r.stderr)
	}
}

func TestReissue_RefusesBeforeWriting(t *testing.T) {
	t.Run("non-empty out without --resume", func(t *testing.T) {
		dir := t.TempDir()
		keep := filepath.Join(dir, "keep.txt")
		os.WriteFile(keep, []byte("mine"), 0o644)
		r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir, "--font", sampleFont)
		checkRefused(t, r, exitUsage, "", "", "is not empty")
		if files := tree(t, dir); len(files) != 1 || string(files["keep.txt"]) != "mine" {
			t.Errorf("the directory was touched: %v", names(files))
		}
	})
	for _, w := range readWants(t, "../../compute/casefile/testdata/badreg/WANT.txt") {
		t.Run(w.file, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			path := filepath.Join("../../compute/casefile/testdata/badreg", w.file)
			r := runBinary(t, "reissue", sample, "--register", path, "--out", out)
			checkRefused(t, r, exitInvalid, path, w.field, w.substr)
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("refused reissue created %s", out)
			}
		})
	}
}

func TestVerify_FindsTampering(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir, "--font", sampleFont); r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	changed := filepath.Join(dir, "warrants", "W-F-05-008.pdf")
	data, _ := os.ReadFile(changed)
	os.WriteFile(changed, append(data, ' '), 0o644)
	os.Remove(filepath.Join(dir, "records", "W-F-05-003.pdf"))
	r := runBinary(t, "verify", dir, "--font", sampleFont)
	if r.code != exitFailure {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"warrants/W-F-05-008.pdf: file on disk differs", "records/W-F-05-003.pdf: missing", "does not match its manifest: 2 problems, each named above (45 files listed)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, r.stderr)
		}
	}
}

// TestReissue_SurvivesSIGKILL kills reissue at every named moment of a run,
// the claim included (a binary with test hooks stalls there: stall_hooks.go),
// and at random moments in between. After each kill, what is under a final
// name is whole; the directory is resumable, or holds no claim and a new run
// takes it (so does a --resume); the run that finishes it passes verify and
// gives the same bytes as an uninterrupted run.
func TestReissue_SurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and resumes a reissue a few dozen times")
	}
	const rows = 30
	reg := asciiRegister(t, rows, 0)
	start := time.Now()
	want := reference(t, reg)
	took := time.Since(start)
	args := func(dir string) []string {
		return []string{"reissue", sample, "--register", reg, "--out", dir, "-j", "2"}
	}
	kills := 0
	stages := map[string]int{} // where the kills landed
	survived := func(name, dir string) {
		t.Helper()
		kills++
		stages[killStage(t, dir)]++
		checkWhole(t, name, dir)
		if _, err := os.Stat(filepath.Join(dir, stateFile)); err == nil {
			finish(t, dir, reg, want, "--resume")
			return
		}
		// No claim: a new run takes the directory, and so does a --resume.
		again := dir + "-resume"
		if _, err := os.Stat(dir); err == nil {
			if err := os.CopyFS(again, os.DirFS(dir)); err != nil {
				t.Fatal(err)
			}
		}
		finish(t, dir, reg, want)
		finish(t, again, reg, want, "--resume")
	}
	points := []string{"claim-locked", "claim-case", "claim-register", "claim-state", "claimed", "tables", "manifest", "done"}
	for _, point := range points {
		dir := filepath.Join(t.TempDir(), "out")
		startStalled(t, point, args(dir)...).kill(t)
		survived(point, dir)
	}
	// A --resume killed in its turn.
	dir := filepath.Join(t.TempDir(), "out")
	startStalled(t, "tables", args(dir)...).kill(t)
	startStalled(t, "tables", append(args(dir), "--resume")...).kill(t)
	kills++
	survived("tables, then the --resume at tables", dir)

	// Random moments: 4 after a random time (the start included), 8 once a
	// random number of replacement warrants is written, whatever the load
	// of the machine.
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 12; trial++ {
		dir := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command(binary, args(dir)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		if trial < 4 {
			time.Sleep(time.Duration(rng.Int64N(int64(took))))
		} else {
			waitForWarrants(dir, 1+rng.IntN(rows-1), exited)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		<-exited
		survived(fmt.Sprintf("random trial %d", trial), dir)
	}
	if !t.Failed() {
		t.Logf("%d kills (%d at named points, 12 at random moments), every one resumed or restarted, verified and byte-identical; the kills left: %v", kills, kills-12, stages)
	}
}

// waitForWarrants waits until dir holds n replacement warrants, or the run
// ended.
func waitForWarrants(dir string, n int, exited <-chan struct{}) {
	for {
		if countWarrants(dir) >= n {
			return
		}
		select {
		case <-exited:
			return
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func countWarrants(dir string) int {
	entries, _ := os.ReadDir(filepath.Join(dir, "warrants"))
	n := 0
	for _, e := range entries {
		if !strings.Contains(e.Name(), ".tmp-") {
			n++
		}
	}
	return n
}

// killStage says how far a killed run got.
func killStage(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return "no directory"
	}
	files := tree(t, dir)
	switch {
	case files[manifestName] != nil:
		return "finished"
	case files[stateFile] == nil:
		return "no claim"
	}
	return fmt.Sprintf("claimed, %d warrants", countWarrants(dir))
}

// checkWhole: after a kill, every file under its final name is whole.
func checkWhole(t *testing.T, name, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return // killed before the directory was made
	}
	for file, data := range tree(t, dir) {
		if strings.Contains(file, ".tmp-") {
			continue
		}
		whole := true
		switch filepath.Ext(file) {
		case ".pdf":
			whole = bytes.HasSuffix(data, []byte("%%EOF\n"))
		case ".json":
			whole = json.Valid(data)
		}
		if !whole {
			t.Fatalf("%s: partial file %s under its final name", name, file)
		}
	}
}

func TestReissue_Bundle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir, "--font", sampleFont, "--bundle")
	if r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	bundle := files["certificates.pdf"]
	certs := 0
	for name := range files {
		if strings.HasPrefix(name, "certificates/") {
			certs++
		}
	}
	texts := checkPDFs(t, map[string][]byte{"certificates.pdf": bundle}, true)
	if got := strings.Count(texts["certificates.pdf"], "CERTIFICATE OF ADJUSTMENT"); got != certs || certs != 30 {
		t.Errorf("the bundle holds %d certificates, the directory %d", got, certs)
	}
	if v := runBinary(t, "verify", dir, "--font", sampleFont); v.code != 0 {
		t.Fatalf("verify: %s", v.stderr)
	}
}
