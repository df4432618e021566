package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

// pdfWords is the text of a PDF, its words separated by single spaces.
func pdfWords(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := pdftest.Text(data)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
}

// form partial-assignment CASE --warrant NUM fills the Holder and leaves the
// shares blank unless --shares gives them; --shares is checked before the
// file is written, and only a partial-assignment for a warrant takes it.
func TestFormPartialAssignmentShares(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "pa.pdf")
	if r := runBinary(t, "form", "partial-assignment", sample, "--warrant", "W-F-05-001", "-o", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	text := pdfWords(t, out)
	if !strings.Contains(text, "Alpha Capital Anstalt, as Holder of Warrant No. W-F-05-001, hereby sells") {
		t.Errorf("the assignor and the warrant are not in the body: %s", text)
	}
	if !strings.Contains(text, "the right to purchase shares of Warrant Stock") || strings.Contains(text, "0 shares") {
		t.Errorf("the shares are not left blank: %s", text)
	}
	if r := runBinary(t, "form", "partial-assignment", sample, "--warrant", "W-F-05-001", "--shares", "125,000.5", "-o", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if text := pdfWords(t, out); !strings.Contains(text, "the right to purchase 125,000.50 shares of Warrant Stock") {
		t.Errorf("--shares is not filled in: %s", text)
	}
	bad := filepath.Join(dir, "bad.pdf")
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--warrant", "W-F-05-001", "--shares", "0"}, exitInvalid, "--shares"},
		{[]string{"--warrant", "W-F-05-001", "--shares", "1.005"}, exitInvalid, "at most 2 decimals"},
		{[]string{"--warrant", "W-F-05-001", "--shares", "ten"}, exitInvalid, "not a decimal number"},
		{[]string{"--blank", "--shares", "100"}, exitUsage, "--shares"},
	} {
		r := runBinary(t, append(append([]string{"form", "partial-assignment", sample}, tc.args...), "-o", bad)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.says) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d naming %q in one line", tc.args, r.code, r.stderr, tc.code, tc.says)
		}
		if _, err := os.Stat(bad); err == nil {
			t.Errorf("%v: a file was written", tc.args)
		}
	}
	if r := runBinary(t, "form", "assignment", sample, "--warrant", "W-F-05-001", "--shares", "100", "-o", bad); r.code != exitUsage {
		t.Errorf("--shares with an assignment: exit %d, want %d", r.code, exitUsage)
	}
}

// exercise --out fills the Exercise Form's §7 line only with --owned, and
// the issuer's record states what the exercise issued and canceled.
func TestExerciseFormOwnedLine(t *testing.T) {
	args := []string{"exercise", sample, "--warrant", "W-F-05-004", "--shares", "20000", "--date", "2009-10-01",
		"--method", "cashless", "--market-value", "1.50", "--outstanding", "110000000"}
	for _, tc := range []struct {
		owned []string
		line  string
	}{
		{nil, "on the date of Exercise: SCHEDULE"},
		{[]string{"--owned", "2500000"}, "on the date of Exercise: 2,500,000 SCHEDULE"},
	} {
		dir := filepath.Join(t.TempDir(), "ex")
		r := runBinary(t, append(append(append([]string{}, args...), tc.owned...), "--out", dir)...)
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		if text := pdfWords(t, filepath.Join(dir, "exercise-form-W-F-05-004.pdf")); !strings.Contains(text, tc.line) {
			t.Errorf("%v: the §7 line is not %q: %s", tc.owned, tc.line, text)
		}
		rec := pdfWords(t, filepath.Join(dir, "records", "W-F-05-004.pdf"))
		for _, want := range []string{"Shares canceled in payment of the Warrant Price (Section 2(c)) 14,982.67",
			"Shares of Common Stock issued in the name of Łukasz Żółć 5,017", "Cash paid in lieu of a fractional share (Section 6) $0.50"} {
			if !strings.Contains(rec, want) {
				t.Errorf("the issuer record lacks %q: %s", want, rec)
			}
		}
	}
}
