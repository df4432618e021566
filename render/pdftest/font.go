package pdftest

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// fontInfo is what text extraction needs from a font: how to split a string
// into character codes, what each code means, and how wide it is.
type fontInfo struct {
	twoByte  bool      // Type0 font: 2-byte codes (Identity-H/V and fpdf's fonts)
	identity bool      // Type0 with Identity-H/V: a code without a ToUnicode entry is read as UCS-2
	toUni    *cmap     // the /ToUnicode CMap, if any
	encoding [256]rune // simple fonts: code → rune when there is no ToUnicode entry

	// Widths in glyph space (1/1000 text space unit).
	defaultWidth float64
	widths       map[int]float64
	coreName     string // a standard 14 font without /Widths: pdfcpu's metrics

	base     string // /BaseFont (of the CIDFont for a Type0 font)
	cidToGID []byte // a CIDFontType2's /CIDToGIDMap stream; nil: none or /Identity
	fontFile []byte // the embedded /FontFile2, decoded; nil: none
}

// defaultFont is used when text is shown before any (readable) Tf.
var defaultFont = &fontInfo{encoding: winAnsi, defaultWidth: 500}

// decode splits s into character codes.
func (f *fontInfo) codes(s []byte, fn func(code int, single bool)) {
	if !f.twoByte {
		for _, c := range s {
			fn(int(c), true)
		}
		return
	}
	for i := 0; i+1 < len(s); i += 2 {
		fn(int(s[i])<<8|int(s[i+1]), false)
	}
}

// text returns the Unicode text of a character code.
func (f *fontInfo) text(code int) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(code, f.twoByte); ok {
			return s
		}
	}
	if f.twoByte {
		if f.identity && code != 0 && utf8.ValidRune(rune(code)) {
			return string(rune(code))
		}
		return "\uFFFD"
	}
	if code < 0 || code > 255 {
		return "\uFFFD"
	}
	return string(f.encoding[code])
}

// width returns the width of a code in glyph space units.
func (f *fontInfo) width(code int) float64 {
	if w, ok := f.widths[code]; ok {
		return w
	}
	if f.coreName != "" && code >= 0 && code < 256 {
		if w, err := pdffont.CharWidth(f.coreName, rune(code)); err == nil {
			return float64(w)
		}
	}
	return f.defaultWidth
}

// fontCache keeps the fonts read from one document, by object number.
type fontCache struct {
	x     *model.XRefTable
	byObj map[int]*fontInfo
}

// load reads a font dictionary (o is the entry in a /Font resource dict).
func (fc *fontCache) load(o types.Object) *fontInfo {
	if ref, ok := o.(types.IndirectRef); ok {
		if f, ok := fc.byObj[ref.ObjectNumber.Value()]; ok {
			return f
		}
		f := fc.read(o)
		fc.byObj[ref.ObjectNumber.Value()] = f
		return f
	}
	return fc.read(o)
}

func (fc *fontCache) read(o types.Object) *fontInfo {
	d, err := fc.x.DereferenceDict(o)
	if err != nil || d == nil {
		return defaultFont
	}
	f := &fontInfo{encoding: winAnsi, defaultWidth: 500, base: fc.name(d, "BaseFont")}
	if tu, ok := d.Find("ToUnicode"); ok {
		f.toUni = fc.cmapStream(tu)
	}
	if fc.name(d, "Subtype") == "Type0" {
		f.twoByte = true
		f.defaultWidth = 1000
		enc := fc.name(d, "Encoding")
		f.identity = enc == "Identity-H" || enc == "Identity-V"
		if desc := fc.array(d, "DescendantFonts"); len(desc) > 0 {
			if cd, err := fc.x.DereferenceDict(desc[0]); err == nil && cd != nil {
				if dw, ok := fc.number(cd, "DW"); ok {
					f.defaultWidth = dw
				}
				f.widths = fc.cidWidths(fc.array(cd, "W"))
				fc.embedded(f, cd)
			}
		}
		return f
	}
	// A simple font: WinAnsiEncoding is assumed whatever its /Encoding
	// says (fpdf's core fonts use it); the standard encodings agree with it
	// on ASCII.
	first, _ := fc.number(d, "FirstChar")
	if ws := fc.array(d, "Widths"); len(ws) > 0 {
		f.widths = make(map[int]float64, len(ws))
		for i, w := range ws {
			if v, err := fc.x.DereferenceNumber(w); err == nil {
				f.widths[int(first)+i] = v
			}
		}
	}
	if base := fc.name(d, "BaseFont"); pdffont.IsCoreFont(base) {
		f.coreName = base
	}
	return f
}

// cidWidths reads a CIDFont /W array: c [w1 w2 …] and cfirst clast w.
func (fc *fontCache) cidWidths(w types.Array) map[int]float64 {
	m := map[int]float64{}
	const maxEntries = 1 << 17
	for i := 0; i < len(w); {
		c, err := fc.x.DereferenceNumber(w[i])
		if err != nil || i+1 >= len(w) {
			break
		}
		o, _ := fc.x.Dereference(w[i+1])
		if arr, ok := o.(types.Array); ok {
			for k, wo := range arr {
				if v, err := fc.x.DereferenceNumber(wo); err == nil && len(m) < maxEntries {
					m[int(c)+k] = v
				}
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			break
		}
		last, err1 := fc.x.DereferenceNumber(w[i+1])
		v, err2 := fc.x.DereferenceNumber(w[i+2])
		if err1 != nil || err2 != nil {
			break
		}
		for k := int(c); k <= int(last) && len(m) < maxEntries; k++ {
			m[k] = v
		}
		i += 3
	}
	return m
}

func (fc *fontCache) name(d types.Dict, key string) string {
	o, ok := d.Find(key)
	if !ok {
		return ""
	}
	o, err := fc.x.Dereference(o)
	if err != nil {
		return ""
	}
	if n, ok := o.(types.Name); ok {
		return n.Value()
	}
	return ""
}

func (fc *fontCache) array(d types.Dict, key string) types.Array {
	o, ok := d.Find(key)
	if !ok {
		return nil
	}
	a, err := fc.x.DereferenceArray(o)
	if err != nil {
		return nil
	}
	return a
}

func (fc *fontCache) number(d types.Dict, key string) (float64, bool) {
	o, ok := d.Find(key)
	if !ok {
		return 0, false
	}
	v, err := fc.x.DereferenceNumber(o)
	return v, err == nil
}

func (fc *fontCache) cmapStream(o types.Object) *cmap {
	sd, _, err := fc.x.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil
	}
	if err := sd.Decode(); err != nil {
		return nil
	}
	return parseCMap(sd.Content)
}

// cmap is a parsed ToUnicode CMap: single codes and code ranges.
type cmap struct {
	chars  map[int]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi int
	dst    []byte   // first destination (UTF-16BE), incremented through the range
	list   []string // or one destination per code
}

func (m *cmap) lookup(code int, twoByte bool) (string, bool) {
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	// The ranges are sorted by lo; the last one starting at or below code
	// is the only candidate (ranges do not overlap in a well-formed CMap).
	i := sort.Search(len(m.ranges), func(i int) bool { return m.ranges[i].lo > code }) - 1
	if i >= 0 {
		r := m.ranges[i]
		if code > r.hi {
			return "", false
		}
		off := code - r.lo
		if r.list != nil {
			if off < len(r.list) {
				return r.list[off], true
			}
			return "", false
		}
		return utf16BE(addBE(r.dst, off)), true
	}
	return "", false
}

// addBE adds n to the big-endian number b. The whole destination is
// incremented (not only its last byte as a strict reading of 9.10.3
// allows): fpdf writes the single range <0000> <FFFF> <0000>, which only
// means the identity that way.
func addBE(b []byte, n int) []byte {
	out := append([]byte(nil), b...)
	carry := n
	for i := len(out) - 1; i >= 0 && carry > 0; i-- {
		s := int(out[i]) + carry&0xff
		out[i] = byte(s)
		carry = carry>>8 + s>>8
	}
	return out
}

func utf16BE(b []byte) string {
	if len(b) == 1 {
		return string(rune(b[0]))
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

func codeOf(b []byte) int {
	v := 0
	for i, c := range b {
		if i >= 4 {
			break
		}
		v = v<<8 | int(c)
	}
	return v
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(b []byte) *cmap {
	m := &cmap{chars: map[int]string{}}
	lx := &lexer{b: b}
	const maxRanges = 1 << 16
	var ops []operand
	for {
		op, operands, ok := lx.nextOp(ops)
		ops = operands
		if !ok {
			break
		}
		switch op {
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, dst := operands[i], operands[i+1]
				if src.kind != opString {
					continue
				}
				switch dst.kind {
				case opString:
					m.chars[codeOf(src.str)] = utf16BE(dst.str)
				case opName: // a glyph name; rare
					m.chars[codeOf(src.str)] = string(dst.str)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands) && len(m.ranges) < maxRanges; i += 3 {
				lo, hi, dst := operands[i], operands[i+1], operands[i+2]
				if lo.kind != opString || hi.kind != opString {
					continue
				}
				r := cmapRange{lo: codeOf(lo.str), hi: codeOf(hi.str)}
				switch dst.kind {
				case opString:
					r.dst = dst.str
				case opArray:
					r.list = []string{}
					for _, e := range dst.arr {
						r.list = append(r.list, utf16BE(e.str))
					}
				default:
					continue
				}
				if r.hi >= r.lo {
					m.ranges = append(m.ranges, r)
				}
			}
		}
	}
	sort.SliceStable(m.ranges, func(i, j int) bool { return m.ranges[i].lo < m.ranges[j].lo })
	return m
}

// winAnsi is WinAnsiEncoding (Windows-1252; PDF 32000-1 Annex D), with the
// undefined codes as U+FFFD and the controls kept as they are.
var winAnsi = func() [256]rune {
	var t [256]rune
	for i := range t {
		t[i] = rune(i)
	}
	high := [32]rune{
		'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
		'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
	}
	copy(t[0x80:0xa0], high[:])
	return t
}()
