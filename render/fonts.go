package render

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// family is the name the embedded serif is registered under in every Doc.
const family = "serif"

// k is fpdf's scale factor for millimetres: points per mm.
const k = 72.0 / 25.4

// fontFace is one of the four embedded faces, indexed by Style&(Bold|Italic).
type fontFace struct {
	key string // fpdf's style string
	ttf []byte // shared by every Doc, never modified
}

// faceOf maps Style&(Bold|Italic) (values 0, 1, 2, 3) to its face. The TTF
// bytes are package-level (embedded by go-fonts); each Doc parses only the
// faces it uses.
func faceOf(st Style) fontFace {
	switch st & (Bold | Italic) {
	case Bold:
		return fontFace{"B", liberationserifbold.TTF}
	case Italic:
		return fontFace{"I", liberationserifitalic.TTF}
	case Bold | Italic:
		return fontFace{"BI", liberationserifbolditalic.TTF}
	}
	return fontFace{"", liberationserifregular.TTF}
}

// faceIndex is 0…3 for the four faces.
func faceIndex(st Style) int {
	switch st & (Bold | Italic) {
	case Bold:
		return 1
	case Italic:
		return 2
	case Bold | Italic:
		return 3
	}
	return 0
}

// advance holds each face's advance width of every BMP rune in glyph units
// (1/1000 em), exactly as fpdf's GetStringSymbolWidth counts them, so that
// layout can measure text without an fpdf instance (dry runs, concurrency).
var (
	advanceOnce sync.Once
	advance     [4][]int32
	advanceErr  error
)

func loadAdvances() {
	pdf := fpdf.New("P", "mm", "Letter", "")
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		f := faceOf(st)
		pdf.AddUTF8FontFromBytes(family, f.key, f.ttf)
		pdf.SetFont(family, f.key, 10)
		if err := pdf.Error(); err != nil {
			advanceErr = err
			return
		}
		tab := make([]int32, 0x10000)
		var buf [4]byte
		for r := rune(1); r < 0x10000; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue // surrogates never reach fpdf: sanitize replaces them
			}
			n := utf8.EncodeRune(buf[:], r)
			tab[r] = int32(pdf.GetStringSymbolWidth(string(buf[:n])))
		}
		advance[i] = tab
	}
}

// units is the advance of s in glyph units (1/1000 em) in style st. s must be
// sanitized.
func units(st Style, s string) int {
	advanceOnce.Do(loadAdvances)
	tab := advance[faceIndex(st)]
	if tab == nil {
		return 0
	}
	w := 0
	for _, r := range s {
		if r < 0x10000 {
			w += int(tab[r])
		}
	}
	return w
}

// width is the width in mm of s set in style st at size pt; it equals what
// fpdf's GetStringWidth returns with that font selected.
func width(st Style, size float64, s string) float64 {
	return float64(units(st, s)) * (size / k) / 1000
}

// unitsWidth converts glyph units at size pt to mm, as fpdf does.
func unitsWidth(u int, size float64) float64 {
	return float64(u) * (size / k) / 1000
}

// Liberation Serif's vertical metrics (hhea), in em.
const (
	ascent  = 0.891
	descent = 0.216
)

// ptToMM converts points to millimetres.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// sanitize makes s safe for fpdf, whose UTF-8 path handles only the Basic
// Multilingual Plane and indexes past the end of a string on a truncated
// sequence: invalid UTF-8 and runes beyond U+FFFF become U+FFFD; tabs become
// spaces; other control characters (including NUL, whose slot in fpdf's
// width table holds the glyph count) are dropped. Newlines are kept when
// keepNewlines is set, otherwise they become spaces.
func sanitize(s string, keepNewlines bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || r > 0xFFFF || (r < 0x20 && !(r == '\n' && keepNewlines)) || (r >= 0x7F && r < 0xA0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError:
			b.WriteRune(unicode.ReplacementChar)
		case r > 0xFFFF:
			b.WriteRune(unicode.ReplacementChar)
		case r == '\n' || r == '\r':
			if keepNewlines {
				if r == '\r' && i < len(s) && s[i] == '\n' {
					continue // CRLF: the LF that follows makes the break
				}
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
