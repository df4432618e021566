package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const minimalCase = "testdata/minimal-case.yaml"

// TestMinimalCase runs every command that writes documents on a case with
// every optional field left out: each exits 0 and writes strictly valid
// PDFs, and the Warrant prints blanks where the issuer's jurisdiction,
// address, notice contact and signatory would be.
func TestMinimalCase(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	reg := at("register.csv")
	if err := os.WriteFile(reg, []byte("number,holder_name,holder_address,shares\nW-M-01-001,First Holder,1 Main Street,100000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := [][]string{
		{"adjust", minimalCase, "--certificates", at("certificates")},
		{"exercise", minimalCase, "--warrant", "W-M-01-001", "--shares", "1000", "--date", "2008-01-02", "--outstanding", "90000000", "--out", at("exercise")},
		{"assign", minimalCase, "--warrant", "W-M-01-002", "--to", "New Holder", "--to-address", "2 Main Street", "--shares", "10", "--date", "2008-06-02", "--out", at("assign")},
		{"form", "warrant", minimalCase, "--warrant", "W-M-01-002", "-o", at("forms/warrant.pdf")},
		{"form", "exercise", minimalCase, "--warrant", "W-M-01-002", "-o", at("forms/exercise.pdf")},
		{"form", "assignment", minimalCase, "--warrant", "W-M-01-002", "-o", at("forms/assignment.pdf")},
		{"form", "partial-assignment", minimalCase, "--warrant", "W-M-01-002", "-o", at("forms/partial-assignment.pdf")},
		{"notice", minimalCase, "--kind", "A", "--record-date", "2008-06-30", "--out", at("notice")},
		{"reissue", minimalCase, "--register", reg, "--out", at("reissue"), "-j", "1"},
		{"verify", at("reissue")},
	}
	for _, args := range runs {
		if r := runBinary(t, args...); r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
	}
	files := tree(t, dir)
	pdfs := map[string][]byte{}
	for name, b := range files {
		if strings.HasSuffix(name, ".pdf") {
			pdfs[name] = b
		}
	}
	if len(pdfs) < 17 {
		t.Errorf("%d PDFs: %v", len(pdfs), names(pdfs))
	}
	texts := checkPDFs(t, pdfs, true)
	// The Warrant: the filing's blanks, to fill by hand.
	for _, name := range []string{"forms/warrant.pdf", "exercise/warrants/W-M-01-003.pdf", "assign/warrants/W-M-01-004.pdf", "reissue/warrants/W-M-01-002.pdf"} {
		text, ok := texts[name]
		if !ok {
			t.Errorf("no %s in %v", name, names(pdfs))
			continue
		}
		for _, want := range []string{"Minimal Corp., a corporation (together", "addressed to: Minimal Corp. Attention: Tel. No.: Fax No.: Copies of notices",
			"MINIMAL CORP. By:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not contain %q", name, want)
			}
		}
	}
	// Certificates: a Name and Title line to fill in.
	for _, name := range []string{"certificates/W-M-01-001-event-1.pdf", "certificates/W-M-01-002-event-2.pdf"} {
		if text := texts[name]; !strings.Contains(text, "Name: Title: Date:") {
			t.Errorf("%s has no blank Name and Title lines: %.2000s", name, text)
		}
	}
}

// TestSampleWarrantFillsTheBlanks is the counterpart: the sample's optional
// fields print where the minimal case has blanks.
func TestSampleWarrantFillsTheBlanks(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.pdf")
	if r := runBinary(t, "form", "warrant", sample, "--warrant", "W-F-05-001", "-o", out); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := checkPDFs(t, map[string][]byte{"w.pdf": b}, true)["w.pdf"]
	for _, want := range []string{"Glowpoint, Inc., a Delaware corporation", "Attention: Chief Financial Officer Tel. No.: 973-391-2000 Fax No.: 973-923-3352",
		"GLOWPOINT, INC. By: Gerard E. Dorsey Chief Financial Officer"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sample's Warrant does not contain %q", want)
		}
	}
}

// TestAstralNameRefused: a holder's name with characters beyond U+FFFF
// (an emoji, a CJK Extension B ideograph), which no font embedded prints,
// is refused by its characters, with or without --font, and nothing is
// written.
func TestAstralNameRefused(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	const name = "Alpha \U0001F600 \U00020000 Capital"
	path := filepath.Join(dir, "case.yaml")
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), "Alpha Capital Anstalt", name, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "w.pdf")
	for _, font := range [][]string{nil, {"--font", sampleFont}} {
		r := runBinary(t, append([]string{"form", "warrant", path, "--warrant", "W-F-05-001", "-o", out}, font...)...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "warrants[1].holder.name: "+name+" (warrant W-F-05-001)") || !strings.Contains(r.stderr, "\"\U0001F600\U00020000\" (U+1F600 U+20000)") {
			t.Errorf("%v: exit %d, %q; want the two characters refused", font, r.code, r.stderr)
		}
		if _, err := os.Lstat(out); err == nil {
			t.Fatalf("%v: wrote %s", font, out)
		}
	}
}
