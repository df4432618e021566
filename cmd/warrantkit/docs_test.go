package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/ocf"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

func names(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkRecord checks the record an exercise or assign wrote, decodes it
// strictly with its files, and takes it and the inputs out of files.
func checkRecord(t *testing.T, dir string, files map[string][]byte, name string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(string(files[name]), w) {
			t.Errorf("%s lacks %s:\n%s", name, w, files[name])
		}
	}
	if _, _, err := ocf.ReadRecord(dir); err != nil {
		t.Errorf("%s: %v", name, err)
	}
	for k := range files {
		if k == name || k == "case.yaml" || strings.HasPrefix(k, "inputs"+string(filepath.Separator)) {
			delete(files, k)
		}
	}
}

// checkPDFs validates every file of a tree strictly and returns the text of each.
func checkPDFs(t *testing.T, files map[string][]byte, strict bool) map[string]string {
	t.Helper()
	texts := map[string]string{}
	for name, b := range files {
		if !strings.HasSuffix(name, ".pdf") || strings.Contains(name, ".tmp-") {
			t.Errorf("unexpected file %s", name)
			continue
		}
		if err := pdftest.Validate(b, strict); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		pages, err := pdftest.Text(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		texts[name] = strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
	}
	return texts
}

func TestCertificatesCommand(t *testing.T) {
	dir := t.TempDir()
	r := runBinary(t, "adjust", sample, "--certificates", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	// 4 warrants × 5 certified entries (the 2008 conversion makes no adjustment).
	if len(files) != 20 || !strings.Contains(r.stderr, "wrote 20 certificates") {
		t.Fatalf("%d files: %v; stderr %q", len(files), names(files), r.stderr)
	}
	texts := checkPDFs(t, files, true)
	if got := texts["W-F-05-004-notes-expiry-2009.pdf"]; !strings.Contains(got, "A new adjustment is made, which supersedes the adjustment so rescinded and annulled, and increases the Warrant Price.") ||
		!strings.Contains(got, "Page 1 of 1") {
		t.Errorf("superseding certificate: %s", got)
	}
	// Same input, same bytes; --all adds the no-adjustment entries.
	again := t.TempDir()
	runBinary(t, "adjust", sample, "--certificates", again, "--all")
	files2 := tree(t, again)
	if len(files2) != 24 {
		t.Errorf("--all wrote %d files, want 24", len(files2))
	}
	for name, b := range files {
		if !bytes.Equal(b, files2[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}

func TestExerciseCommandDocuments(t *testing.T) {
	dir := t.TempDir()
	r := runBinary(t, "exercise", sample, "--warrant", "W-F-05-004", "--shares", "20000", "--date", "2009-10-01",
		"--method", "cashless", "--market-value", "1.50", "--outstanding", "110000000", "--out", dir, "--esign", "docusign")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	want := []string{"case.yaml", "exercise-form-W-F-05-004.pdf", "exercise.json", "inputs/case.yaml", "records/W-F-05-004.pdf", "warrants/W-F-05-005.pdf"}
	if got := names(files); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", got, want)
	}
	checkLedger(t, dir, "- {type: exercise, warrant: W-F-05-004, date: 2009-10-01, shares: \"20000\", method: cashless, market_value: \"1.50\", balance: W-F-05-005}")
	checkRecord(t, dir, files, "exercise.json", `"ledger"`, `"shares_issued": "5017"`, `"shares_canceled": "14982.67"`, `"role": "balance"`, `"shares": "63334.00"`, `"price": "1.1237"`)
	texts := checkPDFs(t, files, true)
	for name, wants := range map[string][]string{
		"exercise-form-W-F-05-004.pdf": {"The undersigned Łukasz Żółć", "for 20,000", `\s1\`},
		"warrants/W-F-05-005.pdf":      {"Replacing Warrant No. W-F-05-004", "Sixty-Three Thousand Three Hundred Thirty-Four (63,334", "$1.1237"},
		"records/W-F-05-004.pdf":       {"This Warrant No. W-F-05-004 canceled", "W-F-05-005"},
	} {
		for _, w := range wants {
			if !strings.Contains(texts[name], w) {
				t.Errorf("%s does not contain %q", name, w)
			}
		}
	}
}

func TestAssignCommand(t *testing.T) {
	dir := t.TempDir()
	r := runBinary(t, "assign", sample, "--warrant", "W-F-05-001", "--to", "José Ñúñez García", "--to-address", "Calle de Serrano 41|28001 Madrid",
		"--shares", "100000", "--date", "2008-06-02", "--out", dir, "--embed-data")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	want := []string{"assignment.json", "case.yaml", "inputs/case.yaml", "partial-assignment-W-F-05-001.pdf", "records/W-F-05-001.pdf", "warrants/W-F-05-005.pdf", "warrants/W-F-05-006.pdf"}
	if got := names(files); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("files %v, want %v", got, want)
	}
	checkLedger(t, dir, `- {type: assignment, warrant: W-F-05-001, date: 2008-06-02, to: {name: "José Ñúñez García", address: ["Calle de Serrano 41", "28001 Madrid"]}, shares: "100000", number: W-F-05-005, balance: W-F-05-006}`)
	checkRecord(t, dir, files, "assignment.json", `"partial": true`, `"role": "assignee"`, `"shares": "100000.00"`, `"shares": "400000.00"`, `"price": "1.0941"`)
	// With --embed-data too, every file passes strict validation.
	texts := checkPDFs(t, files, true)
	if !strings.Contains(texts["warrants/W-F-05-005.pdf"], "certifies that José Ñúñez García") ||
		!strings.Contains(texts["warrants/W-F-05-006.pdf"], "Four Hundred Thousand (400,000") {
		t.Errorf("new warrants:\n%s\n%s", texts["warrants/W-F-05-005.pdf"][:400], texts["warrants/W-F-05-006.pdf"][:400])
	}
	att, err := pdftest.Attachments(files["partial-assignment-W-F-05-001.pdf"])
	if err != nil || len(att["assignment.json"]) == 0 {
		t.Errorf("attachment: %v %v", err, names(att))
	}
	if !strings.Contains(r.stdout, "W-F-05-005 (José Ñúñez García, 100000.00 shares) W-F-05-006 (Alpha Capital Anstalt, 400000.00 shares)") {
		t.Errorf("stdout %q", r.stdout)
	}
}

func TestFormCommand(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"form", "exercise", "--blank", "-o", filepath.Join(dir, "exercise.pdf")},
		{"form", "assignment", "--blank", "-o", filepath.Join(dir, "assignment.pdf")},
		{"form", "partial-assignment", "--blank", "-o", filepath.Join(dir, "partial.pdf")},
		{"form", "warrant", "--blank", "-o", filepath.Join(dir, "warrant-blank.pdf")},
		{"form", "warrant", sample, "--warrant", "W-F-05-003", "-o", filepath.Join(dir, "warrant-003.pdf")},
		{"form", "exercise", sample, "--warrant", "W-F-05-003", "-o", filepath.Join(dir, "exercise-003.pdf")},
	} {
		if r := runBinary(t, args...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	texts := checkPDFs(t, tree(t, dir), true)
	if !strings.Contains(texts["warrant-003.pdf"], "No.: W-F-05-003") || !strings.Contains(texts["warrant-003.pdf"], "José Ñúñez García") {
		t.Errorf("filled warrant: %.300s", texts["warrant-003.pdf"])
	}
	if !strings.Contains(texts["warrant-blank.pdf"], "No.: W-F-05-") || strings.Contains(texts["warrant-blank.pdf"], "W-F-05-00") {
		t.Errorf("blank warrant: %.300s", texts["warrant-blank.pdf"])
	}
	if !strings.Contains(texts["exercise-003.pdf"], "The undersigned José Ñúñez García") {
		t.Errorf("exercise form: %.300s", texts["exercise-003.pdf"])
	}
}

// TestFormWarrant_Created: form warrant of a warrant a transaction created
// is that warrant as the transaction issued it — "Replacing Warrant No.",
// the Schedule of Adjustments along its lineage — word for word the
// document the transaction wrote.
func TestFormWarrant_Created(t *testing.T) {
	dir := t.TempDir()
	assigned := filepath.Join(dir, "assign")
	r := runBinary(t, "assign", sample, "--warrant", "W-F-05-001", "--to", "Jane Roe", "--to-address", "12 Elm Street|Springfield, Illinois 62701",
		"--shares", "100000", "--date", "2008-06-02", "--out", assigned)
	if r.code != 0 {
		t.Fatalf("assign: exit %d: %s", r.code, r.stderr)
	}
	issued := tree(t, filepath.Join(assigned, "warrants"))
	for _, num := range []string{"W-F-05-005", "W-F-05-006"} {
		formed := filepath.Join(dir, "form")
		if r := runBinary(t, "form", "warrant", filepath.Join(assigned, "case.yaml"), "--warrant", num, "-o", filepath.Join(formed, num+".pdf")); r.code != 0 {
			t.Fatalf("form warrant %s: exit %d: %s", num, r.code, r.stderr)
		}
		texts := checkPDFs(t, map[string][]byte{"form.pdf": tree(t, formed)[num+".pdf"], "assign.pdf": issued[num+".pdf"]}, true)
		if texts["form.pdf"] != texts["assign.pdf"] {
			t.Errorf("%s: form warrant differs from the warrant the assignment issued:\n%s\n---\n%s", num, texts["form.pdf"], texts["assign.pdf"])
		}
		for _, want := range []string{"Replacing Warrant No. W-F-05-001", "SCHEDULE OF ADJUSTMENTS", "No.: " + num} {
			if !strings.Contains(texts["form.pdf"], want) {
				t.Errorf("%s: form warrant lacks %q", num, want)
			}
		}
	}
}

func TestNoticeCommandDocuments(t *testing.T) {
	dir := t.TempDir()
	r := runBinary(t, "notice", sample, "--kind", "E", "--record-date", "2008-06-30", "--send", "2008-06-10T16:30", "--via", "fax",
		"--description", "the merger with Acme Video Holdings, Inc.", "--out", dir, "--esign", "adobe")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	if len(files) != 4 {
		t.Fatalf("files %v", names(files))
	}
	text := checkPDFs(t, files, true)["notice-W-F-05-004.pdf"]
	for _, w := range []string{"To: Łukasz Żółć", "June 30, 2008", "deemed given and effective on June 10, 2008", "{{Sig_es_:signer1:signature}}"} {
		if !strings.Contains(text, w) {
			t.Errorf("notice does not contain %q: %s", w, text)
		}
	}
}

func TestDocumentCommandsRefused(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name         string
		args         []string
		code         int
		field, subst string
	}{
		{"unknown form", []string{"form", "receipt", "--blank", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "", `unknown form "receipt"`},
		{"form without output", []string{"form", "exercise", "--blank"}, exitUsage, "", "-o FILE is required"},
		{"filled form without a case", []string{"form", "exercise", "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "", "only --blank forms"},
		{"bad esign", []string{"adjust", sample, "--certificates", dir, "--esign", "fax"}, exitInvalid, "--esign", "adobe, dropbox, docusign"},
		{"assign too many shares", []string{"assign", sample, "--warrant", "W-F-05-001", "--to", "X", "--to-address", "Y", "--shares", "500000.01", "--date", "2008-06-02", "--out", dir},
			exitInvalid, "--shares", "at most 500000.00"},
		{"assign outside the term", []string{"assign", sample, "--warrant", "W-F-05-001", "--to", "X", "--to-address", "Y", "--date", "2011-01-01", "--out", dir},
			exitInvalid, "--date", "outside the Term"},
		{"new number taken", []string{"exercise", sample, "--warrant", "W-F-05-001", "--shares", "1000", "--date", "2008-06-02", "--outstanding", "90000000", "--out", dir, "--first-number", "W-F-05-002"},
			exitInvalid, "--first-number", "already issued"},
		{"balance number taken", []string{"assign", sample, "--warrant", "W-F-05-001", "--to", "X", "--to-address", "Y", "--shares", "10", "--date", "2008-06-02", "--out", dir, "--first-number", "W-F-05-000"},
			exitInvalid, "--first-number", "W-F-05-001 is already issued"},
		{"reissue range taken", []string{"reissue", sample, "--register", "../../samples/register.csv", "--out", filepath.Join(dir, "r"), "--first-number", "W-F-05-000", "--font", sampleFont},
			exitInvalid, "--first-number", "W-F-05-001 is already used"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkRefused(t, runBinary(t, c.args...), c.code, "", c.field, c.subst)
		})
	}
	if files := tree(t, dir); len(files) != 0 {
		t.Errorf("refused commands left files: %v", names(files))
	}
}

// checkLedger checks that dir/case.yaml is the sample case file with one
// line inserted, the transaction recorded (SPEC §5.2).
func checkLedger(t *testing.T, dir, line string) {
	t.Helper()
	in, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(dir, "case.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := string(in) + "transactions:\n  " + line + "\n"
	if string(out) != want {
		t.Errorf("case.yaml ends %q; want the sample then %q", tail(string(out), 300), "transactions:\n  "+line)
	}
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }
