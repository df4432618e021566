package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// resetCaches empties every cache the writer and the layout keep, as in a
// fresh process.
func resetCaches() {
	pageCache.Lock()
	pageCache.m, pageCache.seen, pageCache.bytes = nil, nil, 0
	pageCache.Unlock()
	subsets.Lock()
	subsets.m, subsets.bytes = nil, 0
	subsets.Unlock()
	paragraphs.Lock()
	paragraphs.m = nil
	paragraphs.Unlock()
}

// variants are documents that share most of their pages and differ in a
// name: what a reissue renders, holder after holder.
func variants() [][]Block {
	var out [][]Block
	for _, name := range []string{"José Ñúñez García", "Łukasz Żółć", "Ярослава Jónsdóttir", "Αλέξανδρος Smith", "John Smith", "山田太郎"} {
		blocks := append([]Block{Paragraph{Spans: []Span{T("Holder: "), F(name, 40), B(" " + name)}}}, sampleBlocks()...)
		out = append(out, blocks)
	}
	return out
}

// TestCachesDoNotChangeBytes renders documents cold (every cache empty),
// warm (after the others, in one process) and concurrently: the bytes are
// the same every time, so a reissue's output does not depend on the order,
// the number of workers or what was rendered before.
func TestCachesDoNotChangeBytes(t *testing.T) {
	docs := variants()
	cold := make([][]byte, len(docs))
	for i, blocks := range docs {
		resetCaches()
		cold[i] = render(t, sampleMeta, blocks...)
	}
	resetCaches()
	for round := range 3 {
		for i, blocks := range docs {
			if got := render(t, sampleMeta, blocks...); !bytes.Equal(got, cold[i]) {
				t.Fatalf("round %d, document %d: warm render differs from cold (%d vs %d bytes)", round, i, len(got), len(cold[i]))
			}
		}
	}
	resetCaches()
	var wg sync.WaitGroup
	got := make([][]byte, 4*len(docs))
	for j := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := New(sampleMeta)
			if err != nil {
				t.Error(err)
				return
			}
			d.Add(docs[j%len(docs)]...)
			var buf bytes.Buffer
			if err := d.Write(&buf); err != nil {
				t.Error(err)
				return
			}
			got[j] = buf.Bytes()
		}()
	}
	wg.Wait()
	for j, b := range got {
		if !bytes.Equal(b, cold[j%len(docs)]) {
			t.Errorf("concurrent render %d differs from cold", j)
		}
	}
}

var (
	cidFontRE    = regexp.MustCompile(`/Subtype /CIDFontType2 /BaseFont /[A-Z]{6}\+([\w-]+) .*?/FontDescriptor (\d+) 0 R .*?/CIDToGIDMap (\d+) 0 R`)
	descriptorRE = regexp.MustCompile(`(?m)^(\d+) 0 obj\n<< /Type /FontDescriptor .*?/FontFile2 (\d+) 0 R`)
)

// TestSubsetGlyphs checks every character of a document against the face
// it is set in: through the embedded CIDToGIDMap, its glyph in the embedded
// subset has the outline (for simple glyphs) and the advance of the
// character's glyph in Liberation Serif, and the /W width the layout used.
func TestSubsetGlyphs(t *testing.T) {
	text := "Warrant Shares — “§4(b)” ½ −1,234.56 Łukasz Żółć José Ñúñez García Ярослава Αλέξανδρος ﬁ"
	pdf := render(t, sampleMeta,
		Paragraph{Spans: []Span{T(text)}},
		Paragraph{Spans: []Span{B(text)}},
		Paragraph{Spans: []Span{I(text)}},
		Paragraph{Spans: []Span{{Text: text, Style: Bold | Italic}}},
	)
	streams := map[string][]byte{}
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		streams[string(m[1])] = inflate(t, m[2])
	}
	fontFile := map[string]string{}
	for _, m := range descriptorRE.FindAllSubmatch(pdf, -1) {
		fontFile[string(m[1])] = string(m[2])
	}
	faces := map[string]Style{"LiberationSerif": Regular, "LiberationSerif-Bold": Bold, "LiberationSerif-Italic": Italic, "LiberationSerif-BoldItalic": Bold | Italic}
	found := 0
	for _, m := range cidFontRE.FindAllSubmatch(pdf, -1) {
		st, ok := faces[string(m[1])]
		if !ok {
			t.Fatalf("unknown face %s", m[1])
		}
		found++
		sub := parseTTF(t, streams[fontFile[string(m[2])]])
		cidMap := streams[string(m[3])]
		full := parseTTF(t, fullFace(st).ttf)
		fullGlyphs := cmapGlyphs(fullFace(st).ttf)
		for _, r := range text {
			if r == ' ' {
				continue
			}
			if 2*int(r)+1 >= len(cidMap) {
				t.Errorf("%s: %q (U+%04X) beyond the CIDToGIDMap", m[1], r, r)
				continue
			}
			g := int(binary.BigEndian.Uint16(cidMap[2*r:]))
			want := fullGlyphs[r]
			if g == 0 || want == 0 {
				t.Errorf("%s: %q (U+%04X) maps to glyph %d, font glyph %d", m[1], r, r, g, want)
				continue
			}
			if sub.advance(g) != full.advance(want) {
				t.Errorf("%s: %q advance %d, font %d", m[1], r, sub.advance(g), full.advance(want))
			}
			if a, b := sub.glyph(g), full.glyph(want); len(b) >= 2 && int16(binary.BigEndian.Uint16(b)) >= 0 && !bytes.Equal(a, b) {
				t.Errorf("%s: %q outline differs from the font's", m[1], r)
			}
			if w := advance[faceIndex(st)][r]; int(w) != (sub.advance(g)*1000+sub.unitsPerEm/2)/sub.unitsPerEm {
				t.Errorf("%s: %q layout width %d, glyph %d/%d", m[1], r, w, sub.advance(g), sub.unitsPerEm)
			}
		}
	}
	if found != 4 {
		t.Fatalf("%d embedded faces, want 4", found)
	}
}

func inflate(t *testing.T, z []byte) []byte {
	t.Helper()
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ttf reads the tables of a TrueType font the test needs.
type ttf struct {
	t          *testing.T
	data       []byte
	tables     map[string][]byte
	unitsPerEm int
	longLoca   bool
	numHMetric int
}

func parseTTF(t *testing.T, data []byte) *ttf {
	t.Helper()
	if len(data) < 12 {
		t.Fatal("font too short")
	}
	f := &ttf{t: t, data: data, tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		off, l := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if int(off+l) > len(data) {
			t.Fatalf("table %s out of the font", rec[:4])
		}
		f.tables[string(rec[:4])] = data[off : off+l]
	}
	head, hhea := f.tables["head"], f.tables["hhea"]
	if head == nil || hhea == nil || f.tables["loca"] == nil || f.tables["glyf"] == nil || f.tables["hmtx"] == nil {
		t.Fatal("font lacks head, hhea, loca, glyf or hmtx: " + strconv.Itoa(len(f.tables)) + " tables")
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	f.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	f.numHMetric = int(binary.BigEndian.Uint16(hhea[34:]))
	return f
}

func (f *ttf) advance(g int) int {
	if g >= f.numHMetric {
		g = f.numHMetric - 1
	}
	return int(binary.BigEndian.Uint16(f.tables["hmtx"][4*g:]))
}

func (f *ttf) glyph(g int) []byte {
	loca := f.tables["loca"]
	var a, b int
	if f.longLoca {
		a, b = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		a, b = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	glyf := f.tables["glyf"]
	if a > b || b > len(glyf) {
		f.t.Fatalf("glyph %d out of glyf", g)
	}
	return glyf[a:b]
}

// TestFaceWithoutGlyphs: a face used only for characters the font lacks
// embeds an empty subset; the file stays valid and the text extractable.
func TestFaceWithoutGlyphs(t *testing.T) {
	resetCaches()
	pdf := render(t, Meta{}, Paragraph{Spans: []Span{B("山田"), T(" x")}}, Paragraph{Spans: []Span{I("\u05D0")}})
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	if got := allText(pageTexts(t, pdf)); !strings.Contains(got, "山田") || !strings.Contains(got, "\u05D0") {
		t.Errorf("text %q lacks the characters without glyphs", got)
	}
}

func TestAppendNum(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0.00"}, {612, "612.00"}, {72.004, "72.00"}, {0.125, "0.13"}, {-0.004, "0.00"},
		{-3.5, "-3.50"}, {-0.125, "-0.13"}, {1234567.891, "1234567.89"}, {0.01, "0.01"},
	} {
		if got := string(appendNum([]byte("x"), c.v)); got != "x"+c.want {
			t.Errorf("appendNum(%v) = %q, want %q", c.v, got, "x"+c.want)
		}
	}
}

func TestPDFString(t *testing.T) {
	for in, want := range map[string]string{
		"Warrant":          "(Warrant)",
		`a (b) \ c`:        `(a \(b\) \\ c)`,
		"José":             "<FEFF004A006F007300E9>",
		"":                 "()",
		"tab\there":        "<FEFF00740061006200090068006500720065>",
		"\U0001F600 smile": "<FEFFD83DDE0000200073006D0069006C0065>",
	} {
		if got := pdfString(in); got != want {
			t.Errorf("pdfString(%q) = %s, want %s", in, got, want)
		}
	}
}
