package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// form waiver-notice, exercise-default and affidavit: filled from the case
// and flags, blank without a case; every flag checked before the file is
// written; the same command writes the same bytes.
func TestFormPapers(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		args  []string
		wants []string
	}{
		{"waiver", []string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-03-02"},
			// March 2, 2009 + 61 days = May 2, 2009.
			[]string{"WAIVER NOTICE", "Alpha Capital Anstalt, the Holder of Warrant No. W-F-05-001", "given on March 2, 2009", "from May 2, 2009, sixty-one (61) days after"}},
		{"waiver-portion", []string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-03-02", "--shares", "125000"},
			[]string{"with regard to 125,000 of the shares of Common Stock issuable upon exercise", "the portion of the Warrant for those 125,000 shares"}},
		{"waiver-blank", []string{"waiver-notice", "--blank"}, []string{"WAIVER NOTICE", "Warrant No. W-F-05-"}},
		{"default", []string{"exercise-default", sample, "--warrant", "W-F-05-002", "--exercise-date", "2009-10-01", "--shares", "100000", "--date", "2009-10-09"},
			// Thursday, October 1, 2009 + 3 Trading Days = Tuesday, October 6.
			[]string{"EXERCISE DEFAULT NOTICE", "exercised the Warrant on October 1, 2009", "certificates for 100,000 shares", "on or before October 6, 2009", "Dated: October 9, 2009"}},
		{"default-no-shares", []string{"exercise-default", sample, "--warrant", "W-F-05-002", "--exercise-date", "2009-10-01"},
			[]string{"certificates for shares of Warrant Stock", "on or before October 6, 2009"}},
		{"default-blank", []string{"exercise-default", "--blank"}, []string{"EXERCISE DEFAULT NOTICE"}},
		{"affidavit", []string{"affidavit", sample, "--warrant", "W-F-05-003", "--reason", "stolen", "--date", "2008-05-01"},
			[]string{"AFFIDAVIT OF LOSS AND INDEMNITY", "José Ñúñez García", "The Warrant has been stolen.", "Dated: May 1, 2008", "Notary Public"}},
		{"affidavit-mutilated", []string{"affidavit", sample, "--warrant", "W-F-05-003", "--reason", "mutilated"}, []string{"AFFIDAVIT OF MUTILATION", "surrenders the mutilated Warrant"}},
		{"affidavit-blank", []string{"affidavit", "--blank"}, []string{"strike out the words that do not apply"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".pdf")
			again := filepath.Join(dir, tc.name+"-again.pdf")
			for _, o := range []string{out, again} {
				if r := runBinary(t, append(append([]string{"form"}, tc.args...), "-o", o)...); r.code != 0 {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
			}
			a, _ := os.ReadFile(out)
			b, _ := os.ReadFile(again)
			if !bytes.Equal(a, b) {
				t.Error("two runs wrote different bytes")
			}
			text := pdfWords(t, out)
			for _, w := range tc.wants {
				if !strings.Contains(text, w) {
					t.Errorf("no %q in %.400s", w, text)
				}
			}
		})
	}
}

// The papers' flags: a filled paper without what it requires, or with a
// flag it does not take, is a usage error (2); a value that is wrong is
// invalid input (3) naming the flag; nothing is written either way.
func TestFormPapersRefused(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"waiver-notice", sample, "--date", "2009-03-02"}, exitUsage, "--warrant"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001"}, exitUsage, "--date is required"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-03-02", "--reason", "lost"}, exitUsage, "takes no --reason"},
		{[]string{"waiver-notice", "--blank", "--date", "2009-03-02"}, exitUsage, "--date"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2011-01-01"}, exitInvalid, "outside the Term"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-02-30"}, exitInvalid, "--date"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-999", "--date", "2009-03-02"}, exitInvalid, "W-F-05-999"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-03-02", "--shares", "500000.01"}, exitInvalid,
			"--shares: 500000.01 is more than the 500000.00 shares Warrant No. W-F-05-001 is exercisable for (allowed: more than 0, at most 500000.00)"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2009-03-02", "--shares", "0.00"}, exitInvalid, "0.00 is not a number of shares"},
		{[]string{"waiver-notice", "--blank", "--shares", "10"}, exitUsage, "--shares"},
		// A Waiver Notice is the Holder's of a warrant outstanding on its date.
		{[]string{"waiver-notice", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-008", "--date", "2005-06-01"}, exitInvalid,
			"--warrant: W-F-05-008 is not issued yet on 2005-06-01 (allowed: a warrant outstanding on the paper's date)"},
		{[]string{"waiver-notice", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-002", "--date", "2009-03-02", "--shares", "1"}, exitInvalid,
			"--warrant: W-F-05-002 is not outstanding on 2009-03-02: the assignment of 2005-12-01 surrendered it, issuing W-F-05-007, W-F-05-008 (allowed: a warrant outstanding on the paper's date)"},
		{[]string{"waiver-notice", sample, "--warrant", "W-F-05-001", "--date", "2010-02-01"}, exitInvalid,
			"--date: 2010-02-01 is in the last 61 days of the Term, from 2010-01-12, when Section 7 is of no force or effect: there is nothing to waive (allowed: a date before 2010-01-12)"},
		{[]string{"waiver-notice", "--blank", "--warrant", "W-F-05-001"}, exitUsage, "--warrant W-F-05-001 needs the CASE it is a warrant of"},
		{[]string{"partial-assignment", sample, "--warrant", "W-F-05-001", "--shares", "500000.01"}, exitInvalid,
			"--shares: 500000.01 is more than the 500000.00 shares Warrant No. W-F-05-001 is exercisable for (allowed: more than 0, at most 500000.00)"},
		// An affidavit, and every filled form, is of a warrant still outstanding.
		{[]string{"affidavit", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-003", "--reason", "lost", "--date", "2009-03-02"}, exitInvalid,
			"--warrant: W-F-05-003 is not outstanding on 2009-03-02: the replacement of 2006-01-05 surrendered it, issuing W-F-05-009 (allowed: a warrant outstanding on the paper's date)"},
		{[]string{"warrant", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-002"}, exitInvalid,
			"--warrant: W-F-05-002 is not outstanding any more: the assignment of 2005-12-01 surrendered it, issuing W-F-05-007, W-F-05-008 (allowed: a warrant the ledger has outstanding)"},
		{[]string{"exercise", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-003"}, exitInvalid, "W-F-05-003 is not outstanding any more"},
		{[]string{"waiver-notice", ledgerSample, "--register", registerSample, "--font", sampleFont, "--warrant", "W-F-05-008", "--date", "2009-03-02", "--shares", "333333.01"}, exitInvalid,
			"--shares: 333333.01 is more than the 333333.00 shares Warrant No. W-F-05-008 is exercisable for (allowed: more than 0, at most 333333.00)"},
		{[]string{"exercise-default", sample, "--warrant", "W-F-05-002"}, exitUsage, "--exercise-date is required"},
		{[]string{"exercise-default", sample, "--warrant", "W-F-05-002", "--exercise-date", "2005-06-01"}, exitInvalid, "before the Warrant may be exercised"},
		{[]string{"exercise-default", sample, "--warrant", "W-F-05-002", "--exercise-date", "2009-10-01", "--date", "2009-10-06"}, exitInvalid, "no Exercise Default yet"},
		{[]string{"exercise-default", sample, "--warrant", "W-F-05-002", "--exercise-date", "2009-10-01", "--shares", "0"}, exitInvalid, "--shares"},
		{[]string{"affidavit", sample, "--warrant", "W-F-05-003"}, exitUsage, "--reason is required"},
		{[]string{"affidavit", sample, "--warrant", "W-F-05-003", "--reason", "misplaced"}, exitInvalid, "lost, stolen, destroyed, mutilated"},
		{[]string{"affidavit", sample, "--warrant", "W-F-05-003", "--reason", "lost", "--shares", "5"}, exitUsage, "takes no --shares"},
		{[]string{"exercise", sample, "--warrant", "W-F-05-003", "--date", "2009-10-01"}, exitUsage, "fill the papers"},
	} {
		r := runBinary(t, append(append([]string{"form"}, tc.args...), "-o", bad)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.says) || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit %d naming %q in one line", tc.args, r.code, r.stderr, tc.code, tc.says)
		}
		if _, err := os.Stat(bad); err == nil {
			t.Errorf("%v: a file was written", tc.args)
		}
	}
}

// replace --out writes, beside the new warrant and the issuer's record, the
// affidavit the Holder swears for the replacement, filled for the warrant
// replaced and the reason.
func TestReplaceWritesAffidavit(t *testing.T) {
	for _, tc := range []struct{ reason, title, says string }{
		{"destroyed", "AFFIDAVIT OF LOSS AND INDEMNITY", "The Warrant has been destroyed."},
		{"mutilated", "AFFIDAVIT OF MUTILATION", "surrenders the mutilated Warrant"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		if r := runBinary(t, "replace", sample, "--warrant", "W-F-05-003", "--reason", tc.reason, "--date", "2008-02-01", "--out", out); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		text := pdfWords(t, filepath.Join(out, "affidavit-W-F-05-003.pdf"))
		for _, w := range []string{tc.title, "Warrant No. W-F-05-003", "José Ñúñez García", tc.says} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in %.300s", tc.reason, w, text)
			}
		}
	}
}
