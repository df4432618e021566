package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ledgerCopy copies the small ledger of testdata and writes the register of
// its two originals beside it, for the commands that take one.
func ledgerCopy(t *testing.T) (dir, caseFile, register string) {
	t.Helper()
	dir = t.TempDir()
	data, err := os.ReadFile("testdata/ledger-case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	caseFile, register = filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	reg := "number,holder_name,holder_address,shares\nW-L-01-001,First Holder,1 Main Street|Springfield,100000\nW-L-01-002,Second Holder,2 Oak Road|Shelbyville,50000\n"
	if err := os.WriteFile(caseFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(register, []byte(reg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, caseFile, register
}

// A command appends its transaction after those already recorded: a date
// outside the Term, before the ledger's latest transaction, or on the day a
// reissue issued the warrant is refused by its flag, and nothing is written.
func TestLedgerCommandDates(t *testing.T) {
	dir, caseFile, register := ledgerCopy(t)
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"reissue before the latest transaction", []string{"reissue", caseFile, "--register", register, "--date", "2008-01-01", "--out", out},
			"--date: 2008-01-01 is before 2008-04-02, the date of the ledger's latest transaction"},
		{"reissue after the expiration", []string{"reissue", caseFile, "--register", register, "--date", "2011-01-01", "--out", out},
			"--date: 2011-01-01 is outside the Term (allowed: 2005-03-14 to 2010-03-14)"},
		{"exchange before the latest transaction", []string{"exchange", caseFile, "--warrant", "W-L-01-003", "--into", "1000,rest", "--date", "2008-01-01", "--out", out},
			"--date: 2008-01-01 is before 2008-04-02"},
		{"exchange not adding up", []string{"exchange", caseFile, "--warrant", "W-L-01-003", "--into", "10,20", "--date", "2008-05-01", "--out", out},
			"--into: the shares add up to 30.00, not the Warrant Share Number 150000.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runBinary(t, c.args...)
			if r.code != exitInvalid || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, exitInvalid, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was created", out)
			}
		})
	}

	// reissue --record replaces the case file with the ledger it wrote.
	r := runBinary(t, "reissue", caseFile, "--register", register, "--date", "2008-06-30", "--out", out, "--record")
	if r.code != 0 {
		t.Fatalf("reissue --record: exit %d: %s", r.code, r.stderr)
	}
	got, _ := os.ReadFile(caseFile)
	want, _ := os.ReadFile(filepath.Join(out, "case.yaml"))
	if string(got) != string(want) || !strings.HasSuffix(string(got), "  - {type: reissue, date: 2008-06-30, first_number: W-L-01-007}\n") {
		t.Errorf("the case file after reissue --record ends %q", tail(string(got), 120))
	}
	// The reissue issues W-L-01-007 at the end of 2008-06-30: no
	// transaction on it that day.
	r = runBinary(t, "exchange", caseFile, "--register", register, "--warrant", "W-L-01-007", "--into", "1000,rest", "--date", "2008-06-30", "--out", filepath.Join(dir, "x"))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "--date: W-L-01-007 is issued at the end of 2008-06-30, by the reissue #4") {
		t.Errorf("exchange on the reissue's day: exit %d, stderr %q", r.code, r.stderr)
	}
	// After the expiration no warrant is outstanding.
	r = runBinary(t, "register", caseFile, "--register", register, "--as-of", "2010-03-15")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 {
		t.Errorf("register after the expiration: exit %d, stdout %q; want the header only", r.code, r.stdout)
	}
}

// A reissue on a date when every warrant was surrendered is refused.
func TestReissueNothingOutstanding(t *testing.T) {
	dir, caseFile, register := ledgerCopy(t)
	f, err := os.OpenFile(caseFile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"003", "005", "006"} {
		f.WriteString("  - {type: cancellation, warrant: W-L-01-" + w + ", date: 2008-05-01}\n")
	}
	f.Close()
	r := runBinary(t, "reissue", caseFile, "--register", register, "--date", "2008-06-30", "--out", filepath.Join(dir, "out"))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "--date: no warrant is outstanding at the end of 2008-06-30") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}
