package main

import (
	"bytes"
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
	if len(a) != len(b) || len(a) != 84+2+3+1 { // documents, inputs, tables and manifest, state
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
		r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir)
		checkRefused(t, r, exitUsage, "", "", "is not empty")
		if files := tree(t, dir); len(files) != 1 || string(files["keep.txt"]) != "mine" {
			t.Errorf("the directory was touched: %v", names(files))
		}
	})
	for _, w := range readWants(t, "../../compute/testdata/badreg/WANT.txt") {
		t.Run(w.file, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			path := filepath.Join("../../compute/testdata/badreg", w.file)
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
	if r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir); r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	changed := filepath.Join(dir, "warrants", "W-F-05-008.pdf")
	data, _ := os.ReadFile(changed)
	os.WriteFile(changed, append(data, ' '), 0o644)
	os.Remove(filepath.Join(dir, "records", "W-F-05-003.pdf"))
	r := runBinary(t, "verify", dir)
	if r.code != exitFailure {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"warrants/W-F-05-008.pdf: file on disk differs", "records/W-F-05-003.pdf: missing", "does not match its manifest: 2 problems, each named above (44 files listed)"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, r.stderr)
		}
	}
}

// TestReissue_SurvivesSIGKILL kills reissue at random points; each --resume
// finishes the job, verify passes, and no file under a final name is ever
// partial (every PDF present at the moment of the kill is complete).
func TestReissue_SurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and resumes a reissue a dozen times")
	}
	reg := sampleRegister(t, 30)
	rng := rand.New(rand.NewPCG(1, 2))
	want := ""
	for trial := 0; trial < 12; trial++ {
		dir := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command(binary, "reissue", sample, "--register", reg, "--out", dir, "-j", "2")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+rng.IntN(1200)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		// Whatever is under a final name is whole. (A kill before the
		// register was validated leaves no directory at all.)
		if _, err := os.Stat(dir); err == nil {
			for name, data := range tree(t, dir) {
				if strings.HasSuffix(name, ".pdf") && !strings.Contains(name, ".tmp-") && !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
					t.Fatalf("trial %d: partial file %s under its final name", trial, name)
				}
			}
		}
		r := runBinary(t, "reissue", sample, "--register", reg, "--out", dir, "-j", "2", "--resume")
		if r.code != 0 {
			t.Fatalf("trial %d: resume: exit %d: %s", trial, r.code, r.stderr)
		}
		if v := runBinary(t, "verify", dir); v.code != 0 {
			t.Fatalf("trial %d: verify: %s", trial, v.stderr)
		}
		for name := range tree(t, dir) {
			if strings.Contains(name, ".tmp-") {
				t.Fatalf("trial %d: temporary file %s left after resume", trial, name)
			}
		}
		m, _ := os.ReadFile(filepath.Join(dir, manifestName))
		if want == "" {
			want = string(m)
		} else if string(m) != want {
			t.Fatalf("trial %d: manifest differs from the first trial's", trial)
		}
	}
}

func TestReissue_Bundle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", dir, "--bundle")
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
	if v := runBinary(t, "verify", dir); v.code != 0 {
		t.Fatalf("verify: %s", v.stderr)
	}
}

// TestReissue_WarnsOfUnprintableNames: a holder whose name the embedded font
// cannot print is named on stderr, by row and warrant; the run goes on.
func TestReissue_WarnsOfUnprintableNames(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "register.csv")
	rows := "number,holder_name,holder_address,shares,email\n" +
		"W-F-05-001,Łukasz Żółć,ul. Marszałkowska 84/92|Warszawa,1000,\n" +
		"W-F-05-002,山田太郎,1-1 Marunouchi|Tokyo,2000,\n"
	if err := os.WriteFile(reg, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, "reissue", sample, "--register", reg, "--out", filepath.Join(t.TempDir(), "out"))
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := "warrantkit: warning: " + reg + `: row 2 (warrant W-F-05-002): the embedded font has no glyphs for "山田太郎"`
	if !strings.Contains(r.stderr, want) || strings.Contains(r.stderr, "row 1 ") {
		t.Errorf("stderr %q, want one warning: %q", r.stderr, want)
	}
}
