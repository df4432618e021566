package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// extracted is the text of every page as a PDF reader extracts it (through
// the ToUnicode CMap), words joined by single spaces.
func extracted(t *testing.T, pdf []byte) string {
	t.Helper()
	pages, err := pdftest.Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.Join(pages, " ")), " ")
}

// Characters beyond U+FFFF (emoji, CJK Extension B) print as .notdef, as
// every character outside the font does, but are kept in the text: a
// reader extracts the character, not U+FFFD.
func TestAstralCharactersKeptInText(t *testing.T) {
	const smile, extB, gothic = "\U0001F600", "\U00020000", "\U00010330"
	pdf := render(t, Meta{Title: "Title " + smile, Footer: "Footer " + gothic},
		Heading{Text: "Heading " + extB, Level: 1},
		Paragraph{Spans: []Span{T("Holder Ada " + smile + " Lovelace and "), B(extB + "bold"), T(" then "), F(smile+" filled", 40)}},
		Table{Header: []string{"Name"}, Rows: [][]string{{"Row " + gothic + smile}}, Widths: []float64{60}},
		Signature{Lines: []SignatureLine{{Label: "Name:", Value: "Signer " + smile}}},
	)
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	text := extracted(t, pdf)
	for _, want := range []string{"Heading " + extB, "Holder Ada " + smile + " Lovelace", extB + "bold", smile + " filled",
		"Row " + gothic + smile, "Signer " + smile, "Footer " + gothic} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsRune(text, '\uFFFD') {
		t.Errorf("a character became U+FFFD: %s", text)
	}
	info, err := pdftest.Info(pdf)
	if err != nil || info.Title != "Title "+smile {
		t.Errorf("title %q, %v", info.Title, err)
	}
	if again := render(t, Meta{Title: "Title " + smile, Footer: "Footer " + gothic},
		Heading{Text: "Heading " + extB, Level: 1},
		Paragraph{Spans: []Span{T("Holder Ada " + smile + " Lovelace and "), B(extB + "bold"), T(" then "), F(smile+" filled", 40)}},
		Table{Header: []string{"Name"}, Rows: [][]string{{"Row " + gothic + smile}}, Widths: []float64{60}},
		Signature{Lines: []SignatureLine{{Label: "Name:", Value: "Signer " + smile}}},
	); !bytes.Equal(again, pdf) {
		t.Error("the same document gave other bytes")
	}
	if got := Unsupported("Ada " + smile + extB); string(got) != smile+extB {
		t.Errorf("Unsupported = %q: the font has no glyphs for them", string(got))
	}
}

// An astral character takes the room of .notdef, as a BMP character without
// a glyph does: it does not change where the text around it goes.
func TestAstralWidth(t *testing.T) {
	if a, b := width(Regular, 11, "x\U0001F600y"), width(Regular, 11, "x\u4E00y"); a != b || a <= width(Regular, 11, "xy") {
		t.Errorf("width with an astral character %.3f, with a BMP one without a glyph %.3f", a, b)
	}
}

// Past the 2048 codes a document has for them, astral characters show as
// U+FFFD; the document stays valid and the first 2048 are kept.
func TestAstralCodesRunOut(t *testing.T) {
	var b strings.Builder
	for i := range maxAstralCodes + 10 {
		if i%40 == 0 {
			b.WriteString(" ")
		}
		b.WriteRune(0x20000 + rune(i))
	}
	pdf := render(t, Meta{}, Paragraph{Spans: []Span{T(b.String())}})
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	text := extracted(t, pdf)
	first, last := string(rune(0x20000)), string(rune(0x20000+maxAstralCodes-1))
	if !strings.Contains(text, first) || !strings.Contains(text, last) || strings.Count(text, "\uFFFD") != 10 {
		t.Errorf("kept: %v %v; U+FFFD: %d, want 10", strings.Contains(text, first), strings.Contains(text, last), strings.Count(text, "\uFFFD"))
	}
}

// fpdf is given only BMP text.
func TestFpdfText(t *testing.T) {
	if got := fpdfText("a\U0001F600b\tc", false); got != "a\uFFFDb c" {
		t.Errorf("fpdfText = %q", got)
	}
	if got := sanitize("a\U0001F600b", false); got != "a\U0001F600b" {
		t.Errorf("sanitize = %q", got)
	}
	var buf bytes.Buffer
	if _, err := Floor(&buf, Meta{Footer: "x"}, []string{"emoji \U0001F600 in the floor"}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() == 0 {
		t.Error("Floor wrote nothing")
	}
}
