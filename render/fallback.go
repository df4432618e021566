package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"
)

// A fallback font prints what Liberation Serif cannot: a character the
// embedded faces have no glyph for is set, glyph by glyph, in the fallback
// font, at the same size and on the same baseline, and the fallback font is
// subset and embedded like the faces (Identity-H, codes are the characters,
// a CIDToGIDMap to the subset's glyphs, the shared ToUnicode CMap, so that
// the text extracts). It has one face: bold and italic text in it is set
// upright and regular.

// Font is a TrueType font loaded for use as a document's fallback font
// (Meta.Fallback). It is read only after LoadFont, so one Font may serve
// many documents at once.
type Font struct {
	ttf   []byte
	name  string // PostScript name, for /BaseFont
	id    string // SHA-256 of the file, hex: the same bytes, the same id
	cover runeSet
	adv   []int32 // advance of each covered BMP character, 1/1000 em
	desc  fpdf.FontDescType
}

// SHA256 is the hex SHA-256 of the font file: two loads of the same bytes
// have the same one (a manifest can name the font a run used).
func (f *Font) SHA256() string { return f.id }

// Name is the font's PostScript name, e.g. "DroidSansFallback".
func (f *Font) Name() string { return f.name }

// LoadFont checks that ttf is a TrueType font (.ttf: TrueType outlines, a
// Unicode character map) and prepares it as a fallback font. The bytes are
// kept, not copied: the caller must not change them.
func LoadFont(ttf []byte) (*Font, error) {
	if len(ttf) < 12 {
		return nil, fmt.Errorf("not a TrueType font: %d bytes", len(ttf))
	}
	switch string(ttf[:4]) {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, fmt.Errorf("an OpenType font with PostScript (CFF) outlines, not TrueType outlines")
	case "ttcf":
		return nil, fmt.Errorf("a TrueType collection (.ttc), not a single font")
	case "wOFF", "wOF2":
		return nil, fmt.Errorf("a web font (WOFF), not a TrueType font")
	default:
		return nil, fmt.Errorf("not a TrueType font (it starts with %q)", ttf[:4])
	}
	if err := checkTables(ttf); err != nil {
		return nil, err
	}
	coverageOnce.Do(loadCoverage) // falls reads it
	f := &Font{ttf: ttf, adv: make([]int32, 0x10000)}
	n := 0
	walkCmap(ttf, func(r rune, _ int) {
		if r >= 0x20 && (r < 0xD800 || r > 0xDFFF) {
			f.cover.add(r)
			n++
		}
	})
	if n == 0 {
		return nil, fmt.Errorf("the font has no Unicode character map (platform 3, encoding 1, format 4)")
	}
	if err := f.measure(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(ttf)
	f.id = hex.EncodeToString(sum[:])
	f.name = postScriptName(ttf)
	return f, nil
}

// measure reads the advances and descriptor of the font as fpdf reads them
// (fpdf panics on some malformed fonts: that is an invalid font too).
func (f *Font) measure() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the font cannot be read: %v", p)
		}
	}()
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.AddUTF8FontFromBytes("fallback", "", f.ttf)
	pdf.SetFont("fallback", "", 10)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("the font cannot be read: %v", err)
	}
	f.desc = pdf.GetFontDesc("fallback", "")
	var buf [4]byte
	var some []rune // a few characters, to cut the font to once
	for r := rune(0x20); r < 0x10000; r++ {
		if f.cover.has(r) {
			n := utf8.EncodeRune(buf[:], r)
			f.adv[r] = int32(pdf.GetStringSymbolWidth(string(buf[:n])))
			if len(some) < 16 {
				some = append(some, r)
			}
		}
	}
	if len(cmapGlyphs(fpdf.UTF8CutFont(f.ttf, string(some)))) == 0 {
		return fmt.Errorf("the font cannot be subset")
	}
	return nil
}

// checkTables checks that the table directory of ttf lies within it and
// names the tables a TrueType font is made of.
func checkTables(ttf []byte) error {
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if 12+16*n > len(ttf) {
		return fmt.Errorf("not a TrueType font: its table directory runs past the end of the file (truncated?)")
	}
	has := map[string]bool{}
	for i := 0; i < n; i++ {
		rec := ttf[12+16*i:]
		off, size := uint64(binary.BigEndian.Uint32(rec[8:])), uint64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > uint64(len(ttf)) {
			return fmt.Errorf("not a TrueType font: table %q runs past the end of the file (truncated?)", rec[:4])
		}
		has[string(rec[:4])] = true
	}
	for _, t := range []string{"cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf"} {
		if !has[t] {
			if t == "cmap" {
				return fmt.Errorf("the font has no Unicode character map (no %q table)", t)
			}
			return fmt.Errorf("not a TrueType font: it has no %q table (TrueType outlines are needed)", t)
		}
	}
	return nil
}

// postScriptName is the font's PostScript name (name ID 6), reduced to the
// characters a PDF name may hold; "Fallback" when it has none.
func postScriptName(ttf []byte) string {
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	var name string
	numTables := u16(4)
	for i := 0; i < numTables && 12+16*i+16 <= len(ttf); i++ {
		rec := 12 + 16*i
		if string(ttf[rec:rec+4]) != "name" {
			continue
		}
		tab := int(binary.BigEndian.Uint32(ttf[rec+8:]))
		count, strs := u16(tab+2), tab+u16(tab+4)
		for j := 0; j < count; j++ {
			r := tab + 6 + 12*j
			pid, nid, length, off := u16(r), u16(r+6), u16(r+8), u16(r+10)
			if nid != 6 || length <= 0 || strs+off+length > len(ttf) || off < 0 {
				continue
			}
			raw := ttf[strs+off : strs+off+length]
			var b strings.Builder
			for k := 0; k < len(raw); k++ {
				if pid == 3 || pid == 0 { // UTF-16BE: the low bytes
					k++
					if k >= len(raw) || raw[k-1] != 0 {
						continue
					}
				}
				if c := raw[k]; c > 0x20 && c < 0x7F && !strings.ContainsRune("[](){}<>/%#", rune(c)) {
					b.WriteByte(c)
				}
			}
			if name = b.String(); name != "" {
				return name
			}
		}
	}
	return "Fallback"
}

// Unprintable returns the characters of s, each once in order of first
// appearance, that neither the embedded font nor fallback (nil: none) has a
// glyph for. A document would keep them in its text but print them blank:
// callers refuse such names.
func Unprintable(s string, fallback *Font) []rune {
	out := Unsupported(s)
	if fallback == nil {
		return out
	}
	kept := out[:0]
	for _, r := range out {
		if r > 0xFFFF || !fallback.cover.has(r) {
			kept = append(kept, r)
		}
	}
	return kept
}

// falls reports whether r is set in the fallback font f: the faces lack it
// and f has it.
func (f *Font) falls(r rune) bool {
	return f != nil && r < 0x10000 && !covered(r) && f.cover.has(r)
}

// needs reports whether any character of s is set in f.
func (f *Font) needs(s string) bool {
	if f == nil {
		return false
	}
	for _, r := range s {
		if r >= 0x80 && f.falls(r) {
			return true
		}
	}
	return false
}

// units is the advance of s in glyph units in style st, each character in
// the font that sets it: the face, or f.
func (f *Font) units(st Style, s string) int {
	if !f.needs(s) {
		return units(st, s)
	}
	w := 0
	for _, r := range s {
		if f.falls(r) {
			w += int(f.adv[r])
		} else {
			w += units(st, string(r))
		}
	}
	return w
}

// width is the width in mm of s set in style st at size pt, with f as the
// fallback font (nil: none).
func (f *Font) width(st Style, size float64, s string) float64 {
	return unitsWidth(f.units(st, s), size)
}

// fallbackFace is the font resource index of the fallback font: /F5, after
// the four faces.
const fallbackFace = 4

// fallbackSubset returns f's subset for the characters of set it has.
func (f *Font) subset(used *runeSet) *subset {
	key := subsetKey{face: fallbackFace, font: f.id, runes: *used}
	subsets.Lock()
	s := subsets.m[key]
	subsets.Unlock()
	if s != nil {
		return s
	}
	s = f.makeSubset(used)
	cacheSubset(key, s)
	return s
}

// makeSubset cuts f to the characters of set it sets.
func (f *Font) makeSubset(set *runeSet) *subset {
	var runes []rune
	last := rune(0x20)
	for r := rune(0x20); r < 0x10000; r++ {
		if set.has(r) {
			last = r
			if f.cover.has(r) {
				runes = append(runes, r)
			}
		}
	}
	ttf := fpdf.UTF8CutFont(f.ttf, string(runes))
	h := fnv.New64a()
	h.Write([]byte(f.id))
	for _, r := range runes {
		h.Write([]byte{byte(r >> 8), byte(r)})
	}
	return newSubset(subsetTag(h.Sum64())+"+"+f.name, ttf, runes, last, f.adv)
}
