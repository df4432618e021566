package render

import (
	"slices"
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

// fullFace maps Style&(Bold|Italic) (values 0, 1, 2, 3) to its face as
// shipped by go-fonts: every glyph of Liberation Serif.
func fullFace(st Style) fontFace {
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

// repertoire is what the embedded faces keep of Liberation Serif: the
// scripts and symbols documents are written in (Latin with its extensions,
// IPA, modifier letters and combining marks, Greek (with polytonic), Cyrillic, punctuation,
// currency, letterlike symbols, arrows, mathematical operators, ligatures
// and the replacement character). Every Doc parses and subsets its faces, so
// a font of half the size halves that work; runes outside it print as
// .notdef and are reported by Unsupported.
var repertoire = [][2]rune{
	{0x0020, 0x007E}, {0x00A0, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x04FF},
	{0x1E00, 0x1EFF}, {0x1F00, 0x1FFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}, {0x2100, 0x214F},
	{0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x2423, 0x2423}, {0xFB00, 0xFB06},
	{0xFFFD, 0xFFFD},
}

// basic is the part of the repertoire most documents are written in: Basic
// Latin, Latin-1, Latin Extended-A, common punctuation, the euro, arrows and
// the minus sign. A document whose text (in a face) stays within it has that
// face subset from a font cut to it: the same glyphs, and a sixth of the
// font for fpdf to walk when it subsets at output (see useBasicFaces).
var basic = [][2]rune{
	{0x0020, 0x007E}, {0x00A0, 0x017F}, {0x2010, 0x2027}, {0x2030, 0x203A},
	{0x20AC, 0x20AC}, {0x2122, 0x2122}, {0x2190, 0x2193}, {0x2212, 0x2212},
	{0xFFFD, 0xFFFD},
}

// inRanges reports whether r is in one of ranges.
func inRanges(r rune, ranges [][2]rune) bool {
	for _, g := range ranges {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}

// cut holds the four faces cut to the repertoire, and to basic, made once.
var (
	cutOnce  sync.Once
	cut      [4][]byte
	cutBasic [4][]byte
)

func cutFaces() {
	runes := func(ranges [][2]rune) string {
		var set strings.Builder
		for _, r := range ranges {
			for c := r[0]; c <= r[1]; c++ {
				set.WriteRune(c)
			}
		}
		return set.String()
	}
	all, small := runes(repertoire), runes(basic)
	var wg sync.WaitGroup
	for i, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cut[i] = fpdf.UTF8CutFont(fullFace(st).ttf, all)
			cutBasic[i] = fpdf.UTF8CutFont(fullFace(st).ttf, small)
		}()
	}
	wg.Wait()
}

// faceOf maps Style&(Bold|Italic) (values 0, 1, 2, 3) to its face, cut to
// the repertoire. The TTF bytes are package-level, made once; each Doc
// parses only the faces it uses.
func faceOf(st Style) fontFace {
	cutOnce.Do(cutFaces)
	f := fullFace(st)
	f.ttf = cut[faceIndex(st)]
	return f
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
	// desc holds each face's font descriptor values, as fpdf reads them.
	desc [4]fpdf.FontDescType
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
		desc[i] = pdf.GetFontDesc(family, f.key)
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
		} else {
			w += desc[faceIndex(st)].MissingWidth // .notdef, as the viewer sets it (see astralCodes)
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

// sanitize makes s safe to set: invalid UTF-8 becomes U+FFFD; tabs become
// spaces; other control characters (including NUL, whose slot in fpdf's
// width table holds the glyph count) are dropped. Newlines are kept when
// keepNewlines is set, otherwise they become spaces. Characters beyond
// U+FFFF are kept (see astralCodes); fpdfText replaces them for fpdf.
func sanitize(s string, keepNewlines bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (r < 0x20 && !(r == '\n' && keepNewlines)) || (r >= 0x7F && r < 0xA0) {
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

// fpdfText is s sanitized for fpdf, whose UTF-8 path handles only the Basic
// Multilingual Plane and indexes past the end of a string on a truncated
// sequence: characters beyond U+FFFF become U+FFFD too.
func fpdfText(s string, keepNewlines bool) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return unicode.ReplacementChar
		}
		return r
	}, sanitize(s, keepNewlines))
}

// Unsupported returns the characters of s, each once in order of first
// appearance, that the embedded font (any of its four faces) has no glyph
// for, such as CJK ideographs: they are kept in the PDF, so text extraction
// and search find them, but print as the font's empty .notdef glyph. Callers
// can warn about names that will not print.
func Unsupported(s string) []rune {
	coverageOnce.Do(loadCoverage)
	var out []rune
	for _, r := range sanitize(s, false) {
		if r == ' ' || covered(r) || slices.Contains(out, r) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// coverage marks, per BMP rune, whether all four faces map it to a glyph.
var (
	coverageOnce sync.Once
	coverage     []uint64 // bit set over 0…0xFFFF
)

func covered(r rune) bool {
	return r < 0x10000 && coverage[r>>6]&(1<<(r&63)) != 0
}

func loadCoverage() {
	coverage = make([]uint64, 0x10000/64)
	for i := range coverage {
		coverage[i] = ^uint64(0)
	}
	for _, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		has := cmapCoverage(faceOf(st).ttf)
		for i := range coverage {
			coverage[i] &= has[i]
		}
	}
}

// cmapCoverage is the set of BMP runes a TrueType font maps to a glyph other
// than .notdef (see walkCmap).
func cmapCoverage(ttf []byte) []uint64 {
	has := make([]uint64, 0x10000/64)
	walkCmap(ttf, func(c rune, _ int) { has[c>>6] |= 1 << (c & 63) })
	return has
}
