package render

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
)

// The ToUnicode CMaps: the shared one, where codes are the characters, and
// the codes of characters beyond U+FFFF, which a document maps itself.

// astralCodes gives the characters beyond U+FFFF a document shows 2-byte
// codes of their own (an Identity-H code is 2 bytes, and for the BMP it is
// the character itself): the codes 0xD800 to 0xDFFF, which no character has
// (they are UTF-16's surrogates), in order of first appearance, so that the
// same document gets the same codes. The document's ToUnicode CMap maps each
// to its character, as a surrogate pair, so that text extraction and search
// find it. No face has a glyph for them: they print as .notdef, as every
// character outside the font does. Past 2048 distinct ones in a document,
// the rest show as U+FFFD.
type astralCodes struct {
	codes map[rune]rune
	runes []rune // by code - firstAstralCode
}

const (
	firstAstralCode = 0xD800
	maxAstralCodes  = 0x800
)

// code is the 2-byte code of r.
func (a *astralCodes) code(r rune) rune {
	if r <= 0xFFFF {
		return r
	}
	if c, ok := a.codes[r]; ok {
		return c
	}
	if len(a.runes) == maxAstralCodes {
		return unicode.ReplacementChar
	}
	if a.codes == nil {
		a.codes = map[rune]rune{}
	}
	c := firstAstralCode + rune(len(a.runes))
	a.codes[r] = c
	a.runes = append(a.runes, r)
	return c
}

// toUnicode is the document's ToUnicode CMap, compressed: the shared one,
// unless the document shows characters beyond U+FFFF.
func (a *astralCodes) toUnicode() []byte {
	if len(a.runes) == 0 {
		return toUnicode()
	}
	var b strings.Builder
	base := toUnicodeText()
	end := strings.LastIndex(base, "endcmap")
	b.WriteString(base[:end])
	for i := 0; i < len(a.runes); i += 100 {
		chunk := a.runes[i:min(i+100, len(a.runes))]
		b.WriteString(strconv.Itoa(len(chunk)) + " beginbfchar\n")
		for j, r := range chunk {
			b.WriteString("<" + hex4(uint16(firstAstralCode+i+j)) + "> <")
			for _, u := range utf16.Encode([]rune{r}) {
				b.WriteString(hex4(u))
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString(base[end:])
	return deflate(nil, []byte(b.String()))
}

// hex4 is u as four upper-case hex digits.
func hex4(u uint16) string {
	const hex = "0123456789ABCDEF"
	return string([]byte{hex[u>>12&15], hex[u>>8&15], hex[u>>4&15], hex[u&15]})
}

// toUnicodeText maps every 2-byte code to the character it is (surrogates
// excepted): codes are characters. Made once.
var toUnicodeText = sync.OnceValue(func() string {
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	var hi []int
	for h := 0; h < 256; h++ {
		if h < 0xD8 || h > 0xDF {
			hi = append(hi, h)
		}
	}
	for len(hi) > 0 {
		n := min(len(hi), 100)
		b.WriteString(strconv.Itoa(n) + " beginbfrange\n")
		for _, h := range hi[:n] {
			x := strings.ToUpper(strconv.FormatInt(int64(h), 16))
			if len(x) < 2 {
				x = "0" + x
			}
			b.WriteString("<" + x + "00> <" + x + "FF> <" + x + "00>\n")
		}
		b.WriteString("endbfrange\n")
		hi = hi[n:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.String()
})

// toUnicode is toUnicodeText compressed, once: every document without
// characters beyond U+FFFF shares it.
var toUnicode = sync.OnceValue(func() []byte { return deflate(nil, []byte(toUnicodeText())) })
