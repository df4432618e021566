package render

import (
	"hash/fnv"
	"slices"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
)

// A document embeds, per face it uses, a subset of the face: the glyphs of
// the characters it sets in that face (in the regular face, also all of
// printable ASCII and the Warrant's punctuation: see always). Subsets are
// made by fpdf's UTF8CutFont, compressed, and kept, keyed by the characters:
// documents of a register differ only by the letters of names and addresses,
// so few documents subset or compress a font.
//
// Character codes are the characters themselves (2-byte, Identity-H): a
// page's content does not depend on which subset the document embeds, so a
// page drawn the same way in two documents is the same bytes (see
// pageCache), and a CIDToGIDMap maps each code to its glyph in the subset.

// runeSet is a set of BMP characters.
type runeSet [0x10000 / 64]uint64

func (c *runeSet) add(r rune) { c[uint(r)/64&1023] |= 1 << (uint(r) % 64) }

func (c *runeSet) has(r rune) bool { return c[uint(r)/64&1023]&(1<<(uint(r)%64)) != 0 }

type subsetKey struct {
	face  int
	font  string // the fallback font's SHA256, for face fallbackFace
	runes runeSet
}

// subset is one face's embedded subset, serialised once.
type subset struct {
	name    string // e.g. "KQZMTB+LiberationSerif-Bold"
	widths  []byte // the CIDFont's /W array
	font    []byte // the TrueType subset, compressed
	fontLen int    // its length uncompressed
	cidMap  []byte // the CIDToGIDMap, compressed
}

// size is roughly the memory the subset holds.
func (s *subset) size() int { return len(s.widths) + len(s.font) + len(s.cidMap) + 256 }

// subsets caches subsets by key; it is emptied when it holds more than
// maxSubsetBytes (what it holds never changes the bytes written).
var subsets struct {
	sync.Mutex
	m     map[subsetKey]*subset
	bytes int
}

// always is what every subset of every face has: printable ASCII and the
// punctuation and signs of the Warrant's text, forms and certificates.
// Documents then differ in their subsets only by the other characters of
// names and addresses — also in the bold and italic faces, which set
// figures and words that differ from one certificate to the next.
var always = sync.OnceValue(func() []rune {
	var rs []rune
	for r := rune(0x20); r < 0x7F; r++ {
		rs = append(rs, r)
	}
	return append(rs, []rune("–—‘’“”…§−→␣½×÷′")...)
})

const maxSubsetBytes = 8 << 20

// baseNames are the faces' PostScript names, by faceIndex.
var baseNames = [4]string{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}

// subsetFor returns the subset of face i for the characters used.
func subsetFor(i int, used *runeSet) *subset {
	key := subsetKey{face: i, runes: *used}
	if i == faceIndex(Regular) {
		for _, r := range always() {
			key.runes.add(r)
		}
	} else {
		// Bold and italic set figures and words that differ from one
		// document to the next: their subsets hold every ASCII letter and
		// digit, so that they differ by names only.
		for r := rune('0'); r <= 'z'; r++ {
			key.runes.add(r)
		}
	}
	// Beyond ASCII, a subset holds whole runs of 64 characters (what the
	// face covers of them): documents whose names differ by a letter of one
	// script then share a subset — a certificate addressed to a holder and
	// the Warrant that names it, or two holders of Łódź — which is cut once.
	for w := 2; w < len(key.runes); w++ {
		if key.runes[w] != 0 {
			key.runes[w] = ^uint64(0)
		}
	}
	subsets.Lock()
	s := subsets.m[key]
	subsets.Unlock()
	if s != nil {
		return s
	}
	s = makeSubset(i, &key.runes)
	cacheSubset(key, s)
	return s
}

// cacheSubset keeps s, made for key, in subsets.
func cacheSubset(key subsetKey, s *subset) {
	subsets.Lock()
	if subsets.m == nil || subsets.bytes+s.size() > maxSubsetBytes {
		subsets.m, subsets.bytes = map[subsetKey]*subset{}, 0
	}
	if _, ok := subsets.m[key]; !ok {
		subsets.m[key] = s
		subsets.bytes += s.size()
	}
	subsets.Unlock()
}

// subsetTag is the six capital letters that name a subset (PDF 9.6.4),
// from a hash of what it holds.
func subsetTag(sum uint64) string {
	tag := make([]byte, 0, 6)
	for range 6 {
		tag = append(tag, byte('A'+sum%26))
		sum /= 26
	}
	return string(tag)
}

// makeSubset cuts face i to the characters of set it has glyphs for.
func makeSubset(i int, set *runeSet) *subset {
	coverageOnce.Do(loadCoverage)
	advanceOnce.Do(loadAdvances)
	var runes []rune
	small := true
	last := rune(0x20) // the highest character of set
	for r := rune(0x20); r < 0x10000; r++ {
		if !set.has(r) {
			continue
		}
		last = r
		if covered(r) {
			runes = append(runes, r)
			small = small && inRanges(r, basic)
		}
	}
	cutOnce.Do(cutFaces)
	src := cut[i]
	if small {
		src = cutBasic[i]
	}
	ttf := fpdf.UTF8CutFont(src, string(runes))

	h := fnv.New64a()
	for _, r := range runes {
		h.Write([]byte{byte(r >> 8), byte(r)})
	}
	return newSubset(subsetTag(h.Sum64())+"+"+baseNames[i], ttf, runes, last, advance[i])
}

// newSubset serialises the subset ttf of the characters runes (the highest
// code used being last), named name, with the advances adv.
func newSubset(name string, ttf []byte, runes []rune, last rune, adv []int32) *subset {
	gids := cmapGlyphs(ttf)
	s := &subset{name: name, fontLen: len(ttf)}
	// Every code used has an entry, 0 (.notdef) for the characters the font
	// has no glyph for.
	cidMap := make([]byte, 2*(last+1))
	for _, r := range runes {
		g := gids[r]
		cidMap[2*r], cidMap[2*r+1] = byte(g>>8), byte(g)
	}
	s.cidMap = deflateSmall(cidMap)
	s.font = deflateSmall(ttf)
	s.widths = appendWidths(nil, runes, adv)
	return s
}

// appendWidths appends a /W array giving each rune's advance: one
// "first [w w …]" entry per run of consecutive runes.
func appendWidths(b []byte, runes []rune, tab []int32) []byte {
	b = append(b, '[')
	for j := 0; j < len(runes); {
		k := j + 1
		for k < len(runes) && runes[k] == runes[k-1]+1 {
			k++
		}
		if j > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(runes[j]), 10)
		b = append(b, " ["...)
		for m := j; m < k; m++ {
			if m > j {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(tab[runes[m]]), 10)
		}
		b = append(b, ']')
		j = k
	}
	return append(b, ']')
}

// cmapGlyphs reads a TrueType font's Unicode BMP cmap (platform 3,
// encoding 1, format 4): the glyph of every rune mapped to one other than
// .notdef. A font it cannot read maps nothing.
func cmapGlyphs(ttf []byte) map[rune]int {
	out := map[rune]int{}
	walkCmap(ttf, func(r rune, g int) { out[r] = g })
	return out
}

// walkCmap calls fn for every rune of ttf's format-4 Unicode cmap that maps
// to a glyph other than .notdef.
func walkCmap(ttf []byte, fn func(r rune, g int)) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(ttf) {
			return 0, false
		}
		return int(ttf[off])<<8 | int(ttf[off+1]), true
	}
	u32 := func(off int) (int, bool) {
		hi, ok1 := u16(off)
		lo, ok2 := u16(off + 2)
		return hi<<16 | lo, ok1 && ok2
	}
	numTables, ok := u16(4)
	if !ok {
		return
	}
	cmap := -1
	for i := 0; i < numTables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	n, ok := u16(cmap + 2)
	if cmap < 0 || !ok {
		return
	}
	sub := -1
	for i := 0; i < n; i++ {
		pid, _ := u16(cmap + 4 + 8*i)
		eid, _ := u16(cmap + 6 + 8*i)
		off, ok := u32(cmap + 8 + 8*i)
		if ok && pid == 3 && eid == 1 {
			sub = cmap + off
		}
	}
	if format, ok := u16(sub); sub < 0 || !ok || format != 4 {
		return
	}
	segX2, ok := u16(sub + 6)
	if !ok {
		return
	}
	ends, starts := sub+14, sub+16+segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	next := 0 // segments are in increasing order: a font's whole map is read once at most
	for i := 0; i < segX2/2; i++ {
		end, ok1 := u16(ends + 2*i)
		start, ok2 := u16(starts + 2*i)
		delta, ok3 := u16(deltas + 2*i)
		ro, ok4 := u16(ranges + 2*i)
		if !(ok1 && ok2 && ok3 && ok4) || start < next {
			return
		}
		next = end + 1
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if v, ok := u16(ranges + 2*i + ro + 2*(c-start)); ok && v != 0 {
				g = (v + delta) & 0xFFFF
			}
			if g != 0 {
				fn(rune(c), g)
			}
		}
	}
}

// usedFaces lists the faces a document set text in, in faceIndex order,
// then the fallback font (fallbackFace) if it set any.
func usedFaces(faces [5]bool) []int {
	var out []int
	for i, ok := range faces {
		if ok {
			out = append(out, i)
		}
	}
	return slices.Clip(out)
}
