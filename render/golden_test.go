package render

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestGolden pins the bytes of one small document. A change in layout, in
// fpdf or in the fonts shows here first; rerun with -update when the change
// is meant, and look at the new file.
func TestGolden(t *testing.T) {
	pdf := render(t, Meta{
		Title:    "Notice to Holders",
		Author:   "Glowpoint, Inc.",
		Keywords: []string{"W-F-05-001", "notice"},
		Creator:  "warrantkit golden",
		Created:  time.Date(2005, 3, 31, 0, 0, 0, 0, time.UTC),
		Footer:   "Warrant No. W-F-05-001",
	},
		Heading{Text: "NOTICE TO HOLDERS", Level: 1},
		Paragraph{Spans: []Span{T("To "), F("José Ñúñez García", 50), T(", the Holder of Warrant No. "), B("W-F-05-001"), T(": the record date for the dividend is "), F("", 30), T(".")}},
		Fraction{Left: "X = Y −", Numerator: "(A)(Y)", Denominator: "B"},
		Signature{Heading: "GLOWPOINT, INC.", Lines: []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:", Value: "Łukasz Żółć"}}},
	)
	path := filepath.Join("testdata", "notice.pdf")
	if *update {
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(pdf, want) {
		t.Errorf("%s differs (%d bytes, golden %d): %s", path, len(pdf), len(want), diffText(t, pdf, want))
	}
}

// diffText describes the first difference between two PDFs: in the text
// they show if there is one, else the first differing byte.
func diffText(t *testing.T, got, want []byte) string {
	g, w := pageTexts(t, got), pageTexts(t, want)
	for i := 0; i < len(g) || i < len(w); i++ {
		switch {
		case i >= len(g):
			return fmt.Sprintf("text run %d missing: %+v", i, w[i])
		case i >= len(w):
			return fmt.Sprintf("extra text run %d: %+v", i, g[i])
		case g[i] != w[i]:
			return fmt.Sprintf("text run %d is %+v, golden %+v", i, g[i], w[i])
		}
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			lo := max(i-40, 0)
			return fmt.Sprintf("same text; first difference at byte %d: %q, golden %q", i, got[lo:min(i+40, len(got))], want[lo:min(i+40, len(want))])
		}
	}
	return "one is a prefix of the other"
}
