package render

import (
	"testing"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// The faces are cut to the repertoire: within it, every rune the whole font
// has keeps its glyph and its advance, so layout is unchanged; outside it,
// runes are not covered.
func TestCutFacesKeepRepertoire(t *testing.T) {
	advanceOnce.Do(loadAdvances)
	coverageOnce.Do(loadCoverage)
	in := func(r rune) bool {
		for _, g := range repertoire {
			if r >= g[0] && r <= g[1] {
				return true
			}
		}
		return false
	}
	pdf := fpdf.New("P", "mm", "Letter", "")
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		full := fullFace(st)
		has := cmapCoverage(full.ttf)
		cutHas := cmapCoverage(faceOf(st).ttf)
		pdf.AddUTF8FontFromBytes("full", full.key, full.ttf)
		pdf.SetFont("full", full.key, 10)
		var buf [4]byte
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			full := has[r>>6]&(1<<(r&63)) != 0
			kept := cutHas[r>>6]&(1<<(r&63)) != 0
			if !in(r) {
				if kept {
					t.Errorf("face %d: %U outside the repertoire kept", i, r)
				}
				continue
			}
			if full != kept {
				t.Errorf("face %d: %U covered %v, cut %v", i, r, full, kept)
			}
			if !full {
				continue
			}
			n := utf8.EncodeRune(buf[:], r)
			if w := int32(pdf.GetStringSymbolWidth(string(buf[:n]))); w != advance[i][r] {
				t.Errorf("face %d: %U advance %d, cut %d", i, r, w, advance[i][r])
			}
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Łukasz Żółć", "José Ñúñez García", "Ἀθηνᾶ", "Юрий", "€ № → ≤ ﬁ"} {
		if u := Unsupported(s); len(u) != 0 {
			t.Errorf("%q: unsupported %q", s, string(u))
		}
	}
	if u := Unsupported("山田太郎"); string(u) != "山田太郎" {
		t.Errorf("CJK: unsupported %q", string(u))
	}
}
