package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/render/pdftest"
)

// sampleRegister5 is how a refusal names samples/register.csv's row 5,
// 山田太郎, whose characters Liberation Serif has no glyphs for.
const sampleRegister5 = `row 5: holder_name: 山田太郎 (warrant W-F-05-005): the embedded font (Liberation Serif) has no glyphs for "山田太郎" (U+5C71 U+7530 U+592A U+90CE)`

// documentCommands are the commands that write documents, on the sample
// with samples/register.csv, each writing into (or as) out.
func documentCommands(out func(string) string) []struct {
	name string
	args []string
	path string // what it would write
} {
	reg := "../../samples/register.csv"
	return []struct {
		name string
		args []string
		path string
	}{
		{"reissue", []string{"reissue", sample, "--register", reg, "--out", out("reissue")}, out("reissue")},
		{"adjust --certificates", []string{"adjust", sample, "--register", reg, "--certificates", out("certs")}, out("certs")},
		{"exercise --out", []string{"exercise", sample, "--register", reg, "--warrant", "W-F-05-001", "--shares", "1000", "--date", "2008-01-02", "--outstanding", "50000000", "--out", out("exercise")}, out("exercise")},
		{"assign", []string{"assign", sample, "--register", reg, "--warrant", "W-F-05-001", "--to", "Ada Lovelace", "--to-address", "1 Main Street|London", "--date", "2008-01-02", "--out", out("assign")}, out("assign")},
		{"exchange", []string{"exchange", sample, "--register", reg, "--warrant", "W-F-05-001", "--into", "100000,rest", "--date", "2008-01-02", "--out", out("exchange")}, out("exchange")},
		{"replace", []string{"replace", sample, "--register", reg, "--warrant", "W-F-05-001", "--reason", "lost", "--date", "2008-01-02", "--out", out("replace")}, out("replace")},
		{"notice --out", []string{"notice", sample, "--register", reg, "--kind", "E", "--record-date", "2008-06-30", "--out", out("notice")}, out("notice")},
		{"form", []string{"form", "warrant", sample, "--register", reg, "--warrant", "W-F-05-001", "-o", out("form.pdf")}, out("form.pdf")},
	}
}

// TestUnprintableNamesRefused: every command that writes documents refuses
// a register with a holder whose name the embedded font cannot print (exit
// 3, naming the row, the field and the characters) and writes nothing,
// whichever warrant it is about; with --font and a font that has the
// characters, it runs.
func TestUnprintableNamesRefused(t *testing.T) {
	dir := t.TempDir()
	out := func(n string) string { return filepath.Join(dir, n) }
	for _, c := range documentCommands(out) {
		r := runBinary(t, c.args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, "samples/register.csv: "+sampleRegister5) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit 3 naming row 5", c.name, r.code, r.stderr)
		}
		if _, err := os.Lstat(c.path); err == nil {
			t.Errorf("%s: wrote %s", c.name, c.path)
		}
		if r := runBinary(t, append(c.args, "--font", sampleFont)...); r.code != 0 {
			t.Errorf("%s --font: exit %d: %s", c.name, r.code, r.stderr)
		}
	}
}

// TestUnprintableFlagsRefused: a name given on the command line is checked
// too; the fallback font prints what it has and no more.
func TestUnprintableFlagsRefused(t *testing.T) {
	dir := t.TempDir()
	assign := func(out, to string, more ...string) result {
		return runBinary(t, append([]string{"assign", sample, "--warrant", "W-F-05-001", "--to", to, "--to-address", "1-1 Marunouchi|Tokyo",
			"--date", "2008-01-02", "--out", filepath.Join(dir, out)}, more...)...)
	}
	r := assign("a", "中村花子")
	if want := `warrantkit: --to: 中村花子: the embedded font (Liberation Serif) has no glyphs for "中村花子" (U+4E2D U+6751 U+82B1 U+5B50)`; r.code != exitInvalid || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, %q; want %q", r.code, r.stderr, want)
	}
	r = assign("b", "中村 한국", "--font", sampleFont)
	if want := `warrantkit: --to: 中村 한국: neither the embedded font nor the fallback font DroidSansFallback has glyphs for "한국" (U+D55C U+AD6D)`; r.code != exitInvalid || !strings.HasPrefix(r.stderr, want) {
		t.Errorf("exit %d, %q; want %q", r.code, r.stderr, want)
	}
	if r := assign("c", "中村花子", "--font", sampleFont); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "c", "assignment-W-F-05-001.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "中村花子") {
		t.Errorf("the assignment does not name 中村花子:\n%s", text)
	}
	for _, c := range []string{"a", "b"} {
		if _, err := os.Lstat(filepath.Join(dir, c)); err == nil {
			t.Errorf("refused assignment %s wrote its directory", c)
		}
	}
}

// TestFontFileChecked: --font must be a TrueType font; anything else is
// refused (exit 3) before anything is written.
func TestFontFileChecked(t *testing.T) {
	dir := t.TempDir()
	otf := filepath.Join(dir, "font.otf")
	os.WriteFile(otf, append([]byte("OTTO"), make([]byte, 100)...), 0o644)
	for _, c := range []struct{ font, want string }{
		{"../../README.md", `warrantkit: ../../README.md: --font: not a TrueType font (it starts with "# wa") (allowed: a TrueType font file (.ttf))`},
		{otf, otf + ": --font: an OpenType font with PostScript (CFF) outlines, not TrueType outlines"},
		{filepath.Join(dir, "none.ttf"), "--font"},
		{dir, "--font"},
	} {
		out := filepath.Join(dir, "out")
		r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", out, "--font", c.font)
		if r.code != exitInvalid || !strings.Contains(r.stderr, c.want) {
			t.Errorf("--font %s: exit %d, %q; want %q", c.font, r.code, r.stderr, c.want)
		}
		if _, err := os.Lstat(out); err == nil {
			t.Errorf("--font %s: wrote %s", c.font, out)
		}
	}
}

// TestReissueWithFallbackFont: with --font, 山田太郎's replacement warrant
// names him — in the extracted text, with glyphs of the fallback font's
// subset — the same bytes twice, and verify needs the same font.
func TestReissueWithFallbackFont(t *testing.T) {
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	for _, d := range dirs {
		if r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--out", d, "--font", sampleFont); r.code != 0 {
			t.Fatalf("reissue: %d %s", r.code, r.stderr)
		}
	}
	pdf, err := os.ReadFile(filepath.Join(dirs[0], "warrants", "W-F-05-011.pdf")) // replaces W-F-05-005
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Replacing Warrant No. W-F-05-005") || !strings.Contains(text, "certifies that 山田太郎") {
		t.Errorf("W-F-05-011 does not certify 山田太郎:\n%.600s", text)
	}
	pages, err := pdftest.Glyphs(pdf)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, g := range pages[0] {
		if !strings.ContainsAny(g.Text, "山田太郎") {
			continue
		}
		seen++
		if !strings.HasSuffix(g.Font, "+DroidSansFallback") || g.GID == 0 || len(g.FontFile) == 0 {
			t.Errorf("%q drawn in %q, glyph %d: want a glyph of the embedded fallback subset", g.Text, g.Font, g.GID)
		}
	}
	if seen != 4 {
		t.Errorf("%d glyphs of 山田太郎 on page 1, want 4", seen)
	}
	// Byte for byte the same, every file.
	err = filepath.WalkDir(dirs[0], func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dirs[0], p)
		a, _ := os.ReadFile(p)
		b, err := os.ReadFile(filepath.Join(dirs[1], rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two runs", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, "verify", dirs[0]); r.code != exitInvalid || !strings.Contains(r.stderr, "--font: the reissue printed names with a fallback font") {
		t.Errorf("verify without --font: exit %d, %q", r.code, r.stderr)
	}
	other := filepath.Join(t.TempDir(), "other.ttf")
	font, _ := os.ReadFile(sampleFont)
	os.WriteFile(other, append(font, 0, 0, 0, 0), 0o644) // another file, still a font
	if r := runBinary(t, "verify", dirs[0], "--font", other); r.code != exitInvalid || !strings.Contains(r.stderr, "the reissue's fallback font") {
		t.Errorf("verify with another font: exit %d, %q", r.code, r.stderr)
	}
	if r := runBinary(t, "verify", dirs[0], "--font", sampleFont); r.code != 0 {
		t.Errorf("verify --font: exit %d, %s", r.code, r.stderr)
	}
}

// pdfText is the text of every page of pdf, words joined by single spaces.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	pages, err := pdftest.Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
}
