package render

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// testFallback is the tests' fallback font: Droid Sans Fallback cut to a
// few Japanese characters (testdata/fonts, with its licence).
func testFallback(t testing.TB) *Font {
	t.Helper()
	ttf, err := os.ReadFile("testdata/fonts/DroidSansFallback-cut.ttf")
	if err != nil {
		t.Fatal(err)
	}
	f, err := LoadFont(ttf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// fallbackDoc sets the sample holder's name and address in every kind of
// block that prints names.
func fallbackDoc(t testing.TB, fb *Font) []byte {
	return render(t, Meta{Title: "Warrant 山田太郎", Fallback: fb},
		Heading{Text: "Holder 山田太郎", Level: 2},
		Paragraph{Spans: []Span{T("This certifies that "), F("山田太郎", 60), T(", of 東京都千代田区丸の内1-1-1, "), B("太郎"), T(" is the Holder.")}},
		Table{Header: []string{"Holder", "Address"}, Rows: [][]string{{"山田太郎", "東京都千代田区丸の内1-1-1"}}, Widths: []float64{50, 80}},
		Signature{Heading: "山田太郎", Lines: []SignatureLine{{Label: "Name:", Value: "山田太郎"}}},
		Split{Left: []Span{T("Holder: 山田太郎")}, Right: []Span{T("Number of Shares: 1,000")}},
		Fraction{Left: "山 =", Numerator: "田", Denominator: "太郎"},
	)
}

func TestLoadFont(t *testing.T) {
	fb := testFallback(t)
	if fb.Name() != "DroidSansFallback" {
		t.Errorf("Name = %q", fb.Name())
	}
	if len(fb.SHA256()) != 64 {
		t.Errorf("SHA256 = %q", fb.SHA256())
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a TrueType font: 0 bytes"},
		{"text", []byte("this is not a font at all"), `not a TrueType font (it starts with "this")`},
		{"CFF", append([]byte("OTTO"), make([]byte, 60)...), "PostScript (CFF) outlines"},
		{"collection", append([]byte("ttcf"), make([]byte, 60)...), "TrueType collection (.ttc)"},
		{"WOFF", append([]byte("wOFF"), make([]byte, 60)...), "web font (WOFF)"},
		{"no tables", append([]byte{0, 1, 0, 0}, make([]byte, 60)...), "no Unicode character map"},
		{"truncated", fb.ttf[:len(fb.ttf)/3], "(truncated?)"},
	} {
		_, err := LoadFont(c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: LoadFont error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

func TestUnprintable(t *testing.T) {
	fb := testFallback(t)
	for _, c := range []struct {
		s        string
		fb       *Font
		want     string
		fallback string // of those, in the fallback font
	}{
		{"Łukasz Żółć", nil, "", ""},
		{"山田太郎", nil, "山田太郎", ""},
		{"山田太郎", fb, "", ""},
		{"東京都千代田区丸の内1-1-1", fb, "", ""},
		{"山田 한국 太郎 한", fb, "한국", ""},            // Hangul: not in the cut
		{"山田 \U0001F600", fb, "\U0001F600", ""}, // beyond the BMP: no font prints it
	} {
		if got := string(Unprintable(c.s, c.fb)); got != c.want {
			t.Errorf("Unprintable(%q, %v) = %q, want %q", c.s, c.fb != nil, got, c.want)
		}
	}
}

// With a fallback font, every CJK character is drawn by the fallback
// font's subset, with a glyph that the embedded subset maps the character
// to; every other character by Liberation Serif. The text extracts.
func TestFallbackGlyphs(t *testing.T) {
	fb := testFallback(t)
	pdf := fallbackDoc(t, fb)
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	text := extracted(t, pdf)
	for _, want := range []string{"Holder 山田太郎", "This certifies that 山田太郎 , of 東京都千代田区丸の内1-1-1, 太郎 is the Holder.", "山田太郎 東京都千代田区丸の内1-1-1", "Name: 山田太郎", "Holder: 山田太郎 Number of Shares: 1,000"} {
		if !strings.Contains(text, want) {
			t.Errorf("extracted text lacks %q:\n%s", want, text)
		}
	}
	pages, err := pdftest.Glyphs(pdf)
	if err != nil {
		t.Fatal(err)
	}
	cjk := 0
	for _, g := range pages[0] {
		r := []rune(g.Text)[0]
		if Unsupported(g.Text) == nil {
			if !strings.Contains(g.Font, "+LiberationSerif") {
				t.Errorf("%q drawn in %s, want Liberation Serif", g.Text, g.Font)
			}
			continue
		}
		cjk++
		if !strings.HasSuffix(g.Font, "+DroidSansFallback") {
			t.Errorf("%q drawn in %s, want the fallback font", g.Text, g.Font)
			continue
		}
		if want := cmapGlyphs(g.FontFile)[r]; g.GID == 0 || g.GID != want {
			t.Errorf("%q: glyph %d, the embedded fallback subset maps it to %d", g.Text, g.GID, want)
		}
	}
	// heading 4; paragraph 4 + 10 + 2; table 4 + 10; signature 4 + 4;
	// split 4; fraction 4
	if cjk != 50 {
		t.Errorf("%d CJK glyphs drawn, want 50", cjk)
	}
	if again := fallbackDoc(t, testFallback(t)); !bytes.Equal(pdf, again) {
		t.Error("two renders with the same font bytes differ")
	}
}

// The fallback font has one face: bold runs in it are filled and stroked,
// italic ones slanted, each inside q … Q; regular runs are drawn plainly.
// The text still extracts, in order.
func TestFallbackSyntheticStyles(t *testing.T) {
	pdf := render(t, Meta{Fallback: testFallback(t)},
		Paragraph{Spans: []Span{T("Plain 山田 then "), B("太郎"), T(" and "), I("丸の内"), T(" and "), {Text: "千代田", Style: Bold | Italic}, T(".")}})
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	if text := extracted(t, pdf); !strings.Contains(text, "Plain 山田 then 太郎 and 丸の内 and 千代田.") {
		t.Errorf("extracted text:\n%s", text)
	}
	content := string(uncompressed(t, pdf))
	if n := strings.Count(content, " w 2 Tr 1 0 0.00 1 "); n != 1 {
		t.Errorf("%d bold upright fallback runs, want 1:\n%s", n, content)
	}
	if n := strings.Count(content, "q BT 1 0 0.21 1 "); n != 1 {
		t.Errorf("%d italic fallback runs, want 1:\n%s", n, content)
	}
	if n := strings.Count(content, " w 2 Tr 1 0 0.21 1 "); n != 1 {
		t.Errorf("%d bold italic fallback runs, want 1:\n%s", n, content)
	}
	if q, endQ := strings.Count(content, "q BT"), strings.Count(content, "ET Q"); q != 3 || endQ != 3 {
		t.Errorf("%d q and %d Q around the styled runs, want 3 each", q, endQ)
	}
}

// The fallback font's glyphs take their own advances: a line of
// ideographs is as wide as the fallback font says, and a paragraph laid out
// with it breaks as wide text does.
func TestFallbackWidths(t *testing.T) {
	fb := testFallback(t)
	if got, want := fb.units(Regular, "山田"), 2*int(fb.adv['山']); got != want || want == 0 {
		t.Errorf("units(山田) = %d, want %d", got, want)
	}
	if got, want := fb.units(Bold, "A山"), units(Bold, "A")+int(fb.adv['山']); got != want {
		t.Errorf("units(A山) = %d, want %d", got, want)
	}
	if (*Font)(nil).units(Regular, "山") != units(Regular, "山") {
		t.Error("no fallback: the face's .notdef width")
	}
}

// Without a fallback font nothing changes: the document is byte for byte
// what it was (no fifth font, no fallback subset).
func TestNoFallbackUnchanged(t *testing.T) {
	plain := render(t, Meta{Title: "T"}, Paragraph{Spans: []Span{T("Ada Lovelace, Łukasz Żółć")}})
	with := render(t, Meta{Title: "T", Fallback: testFallback(t)}, Paragraph{Spans: []Span{T("Ada Lovelace, Łukasz Żółć")}})
	if !bytes.Equal(plain, with) {
		t.Error("a fallback font that sets nothing changed the PDF")
	}
	if bytes.Contains(plain, []byte("/F5")) {
		t.Error("a fifth font resource without a fallback font")
	}
}

// A font file is input: whatever its bytes, LoadFont returns an error or a
// font that sets text without panicking.
func FuzzLoadFont(f *testing.F) {
	ttf, err := os.ReadFile("testdata/fonts/DroidSansFallback-cut.ttf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(ttf)
	f.Add(ttf[:200])
	f.Add([]byte("OTTO"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fb, err := LoadFont(data)
		if err != nil {
			return
		}
		var name []rune
		for r := rune(0x80); r < 0x10000 && len(name) < 8; r++ {
			if fb.falls(r) {
				name = append(name, r)
			}
		}
		render(t, Meta{Fallback: fb}, Paragraph{Spans: []Span{T("Holder " + string(name))}})
	})
}
