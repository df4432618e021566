package render

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"
)

// The PDF is written here, not by fpdf: fpdf parses and subsets each face
// and compresses every stream with a fresh megabyte-sized compressor for
// every document, which was most of the time of a bulk re-issue. Layout draws
// into per-page content streams; write assembles them with the document's
// font subsets (cached, see subsetFor) and metadata into a PDF 1.7 file with
// a classic cross-reference table. Every stream is compressed; the same
// inputs give the same bytes.

// pdfPage is one page as layout drew it.
type pdfPage struct {
	// body is the page's content stream, without its footer: it depends
	// only on what was drawn, so pages drawn alike in two documents share
	// their compressed bytes through pageCache.
	body   []byte
	footer footerText
	lw     float64 // line width selected in body, 0 none yet
}

// footerText is a page's footer, drawn at write time once the page count
// (nbAlias in text) is known.
type footerText struct {
	x, size float64
	text    string
}

// appendNum appends v with two decimals, rounded half away from zero, as
// PDF numbers are written here.
func appendNum(b []byte, v float64) []byte {
	n := int64(math.Round(v * 100))
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendShow appends a text object showing s (sanitized) with its baseline
// at (x, y) mm from the top left, marking its codes in used. Codes are 2
// bytes, in a literal string: the character for the BMP, a code of astral's
// for a character beyond it.
func appendShow(b []byte, x, y float64, s string, used *runeSet, astral *astralCodes) []byte {
	b = append(b, "BT "...)
	b = appendPoint(b, x, y)
	b = append(b, " Td ("...)
	b = appendCodes(b, s, used, astral)
	return append(b, ") Tj ET\n"...)
}

// appendShowSpaced is appendShow with each space followed by the
// displacement adjust (thousandths of the font size; TJ's numbers).
func appendShowSpaced(b []byte, x, y float64, s string, adjust float64, used *runeSet, astral *astralCodes) []byte {
	b = append(b, "BT "...)
	b = appendPoint(b, x, y)
	b = append(b, " Td [("...)
	for {
		word, rest, more := strings.Cut(s, " ")
		b = appendCodes(b, word, used, astral)
		if !more {
			break
		}
		b = appendCodes(b, " ", used, astral)
		b = append(b, ") "...)
		b = appendNum(b, adjust)
		b = append(b, " ("...)
		s = rest
	}
	return append(b, ")] TJ ET\n"...)
}

// appendPoint appends the point (x, y), in mm from the top left, in PDF
// units from the bottom left.
func appendPoint(b []byte, x, y float64) []byte {
	b = appendNum(b, x*k)
	b = append(b, ' ')
	return appendNum(b, (PageHeight-y)*k)
}

// appendCodes appends s as the two-byte codes of a literal string, noting
// each code in used.
func appendCodes(b []byte, s string, used *runeSet, astral *astralCodes) []byte {
	for _, r := range s {
		c := astral.code(r)
		used.add(c)
		b = appendCodeByte(b, byte(c>>8))
		b = appendCodeByte(b, byte(c))
	}
	return b
}

// Synthetic styles of the fallback font, which has one face: bold is the
// glyphs filled and stroked with a line of boldStroke of the size; italic
// is them slanted by obliqueSlant (about 12°), as word processors do.
const (
	boldStroke   = 0.03
	obliqueSlant = 0.21
)

// appendShowSynthetic is appendShow for a run of the fallback font in
// style st: regular as it is, bold and italic made from its one face,
// inside q … Q so that neither the stroke nor the text mode outlives it.
func appendShowSynthetic(b []byte, x, y float64, s string, st Style, size float64, used *runeSet, astral *astralCodes) []byte {
	bold, italic := st&Bold != 0, st&Italic != 0
	if !bold && !italic {
		return appendShow(b, x, y, s, used, astral)
	}
	b = append(b, "q BT "...)
	if bold {
		b = appendNum(b, size*boldStroke)
		b = append(b, " w 2 Tr "...)
	}
	slant := 0.0
	if italic {
		slant = obliqueSlant
	}
	b = append(b, "1 0 "...)
	b = appendNum(b, slant)
	b = append(b, " 1 "...)
	b = appendPoint(b, x, y)
	b = append(b, " Tm ("...)
	b = appendCodes(b, s, used, astral)
	return append(b, ") Tj ET Q\n"...)
}

// appendCodeByte appends one byte of a literal string, escaped as needed.
func appendCodeByte(b []byte, c byte) []byte {
	switch c {
	case '(', ')', '\\':
		return append(b, '\\', c)
	case '\r':
		return append(b, '\\', 'r')
	case '\n':
		return append(b, '\\', 'n')
	}
	return append(b, c)
}

// appendFont appends the selection of face i at size pt.
func appendFont(b []byte, i int, size float64) []byte {
	b = append(b, "BT /F"...)
	b = strconv.AppendInt(b, int64(i+1), 10)
	b = append(b, ' ')
	b = appendNum(b, size)
	return append(b, " Tf ET\n"...)
}

// pdfWriter writes numbered objects and remembers their offsets.
type pdfWriter struct {
	buf     bytes.Buffer
	offsets []int // by object number; 0 unused
}

func (w *pdfWriter) begin(n int) {
	for len(w.offsets) <= n {
		w.offsets = append(w.offsets, 0)
	}
	w.offsets[n] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(n))
	w.buf.WriteString(" 0 obj\n")
}

// object writes object n: dict.
func (w *pdfWriter) object(n int, dict ...string) {
	w.begin(n)
	for _, s := range dict {
		w.buf.WriteString(s)
	}
	w.buf.WriteString("\nendobj\n")
}

// stream writes object n: a compressed stream with extra dictionary entries.
func (w *pdfWriter) stream(n int, extra string, z []byte) {
	w.begin(n)
	w.buf.WriteString("<< /Filter /FlateDecode /Length ")
	w.buf.WriteString(strconv.Itoa(len(z)))
	w.buf.WriteString(extra)
	w.buf.WriteString(" >>\nstream\n")
	w.buf.Write(z)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and trailer.
func (w *pdfWriter) finish(root, info int) {
	xref := w.buf.Len()
	w.buf.WriteString("xref\n0 " + strconv.Itoa(len(w.offsets)) + "\n0000000000 65535 f \n")
	var e []byte
	for _, off := range w.offsets[1:] {
		e = strconv.AppendInt(e[:0], int64(off), 10)
		w.buf.WriteString("0000000000"[len(e):])
		w.buf.Write(e)
		w.buf.WriteString(" 00000 n \n")
	}
	w.buf.WriteString("trailer\n<< /Size " + strconv.Itoa(len(w.offsets)) + " /Root " + ref(root) + " /Info " + ref(info) + " >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
}

func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// pdfString is s as a PDF text string: literal when printable ASCII,
// otherwise UTF-16BE with a byte order mark, in hex.
func pdfString(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
		return "(" + r.Replace(s) + ")"
	}
	const hex = "0123456789ABCDEF"
	b := []byte("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, hex[u>>12&15], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return string(append(b, '>'))
}

// output assembles the document. Objects: 1 catalog, 2 page tree, 3 the
// resources every page shares, 4 info, 5 ToUnicode CMap; then three per
// page (page, body, footer); five per face used, the fallback font last
// (font, CIDFont, descriptor, font file, CIDToGIDMap); two per attachment (file specification, file).
// It is long because it writes the objects in that order, one after another.
func (d *doc) output() []byte {
	faces := usedFaces(d.faces)
	var w pdfWriter
	w.buf.Grow(64 << 10)
	w.buf.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")

	firstPage := 6
	firstFont := firstPage + 3*len(d.sheets)
	firstFile := firstFont + 5*len(faces)

	files := sortedAttachments(d.attachments)
	var names strings.Builder
	if len(files) > 0 {
		names.WriteString(" /Names << /EmbeddedFiles << /Names [")
		for j, a := range files {
			names.WriteString(pdfString(a.name) + " " + ref(firstFile+2*j) + " ")
		}
		names.WriteString("] >> >> /PageMode /UseAttachments")
	}
	w.object(1, "<< /Type /Catalog /Pages 2 0 R", names.String(), " >>")

	var kids strings.Builder
	for p := range d.sheets {
		if p > 0 {
			kids.WriteByte(' ')
		}
		kids.WriteString(ref(firstPage + 3*p))
	}
	w.object(2, "<< /Type /Pages /Kids [", kids.String(), "] /Count ", strconv.Itoa(len(d.sheets)),
		" /MediaBox [0 0 612.00 792.00] /Resources 3 0 R >>")

	var fonts strings.Builder
	for j, i := range faces {
		fonts.WriteString(" /F" + strconv.Itoa(i+1) + " " + ref(firstFont+5*j))
	}
	w.object(3, "<< /ProcSet [/PDF /Text] /Font <<", fonts.String(), " >> >>")

	created := "D:" + d.created.Format("20060102150405")
	info := []string{"<<"}
	for _, e := range []struct{ key, val string }{
		{"Title", d.meta.Title}, {"Subject", d.meta.Subject}, {"Author", d.meta.Author},
		{"Keywords", d.keywords}, {"Creator", d.meta.Creator},
	} {
		if e.val != "" {
			info = append(info, " /"+e.key+" "+pdfString(e.val))
		}
	}
	info = append(info, " /Producer (warrantkit render)", " /CreationDate "+pdfString(created), " /ModDate "+pdfString(created), " >>")
	w.object(4, info...)
	w.stream(5, "", d.astral.toUnicode())

	total := strconv.Itoa(len(d.sheets))
	var foot []byte
	var footUsed runeSet
	for p := range d.sheets {
		pg := &d.sheets[p]
		n := firstPage + 3*p
		w.object(n, "<< /Type /Page /Parent 2 0 R /Contents [", ref(n+1), " ", ref(n+2), "] >>")
		w.stream(n+1, "", compressedBody(pg.body))
		f := pg.footer
		foot = append(foot[:0], "0 g\n"...)
		foot = appendFont(foot, faceIndex(Regular), f.size)
		foot = appendShow(foot, f.x, footerBaseline, strings.Replace(f.text, nbAlias, total, 1), &footUsed, &d.astral)
		w.stream(n+2, "", deflate(nil, foot))
	}

	for j, i := range faces {
		n := firstFont + 5*j
		s, fd := d.faceSubset(i)
		name := "/" + s.name
		w.object(n, "<< /Type /Font /Subtype /Type0 /BaseFont ", name, " /Encoding /Identity-H /DescendantFonts [", ref(n+1), "] /ToUnicode 5 0 R >>")
		w.object(n+1, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont ", name,
			" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ", ref(n+2),
			" /DW ", strconv.Itoa(fd.MissingWidth), " /W ", string(s.widths), " /CIDToGIDMap ", ref(n+4), " >>")
		w.object(n+2, "<< /Type /FontDescriptor /FontName ", name,
			" /Flags ", strconv.Itoa(fd.Flags|4&^32),
			" /FontBBox [", strconv.Itoa(fd.FontBBox.Xmin), " ", strconv.Itoa(fd.FontBBox.Ymin), " ",
			strconv.Itoa(fd.FontBBox.Xmax), " ", strconv.Itoa(fd.FontBBox.Ymax), "]",
			" /ItalicAngle ", strconv.Itoa(fd.ItalicAngle), " /Ascent ", strconv.Itoa(fd.Ascent),
			" /Descent ", strconv.Itoa(fd.Descent), " /CapHeight ", strconv.Itoa(fd.CapHeight),
			" /StemV ", strconv.Itoa(fd.StemV), " /MissingWidth ", strconv.Itoa(fd.MissingWidth),
			" /FontFile2 ", ref(n+3), " >>")
		w.stream(n+3, " /Length1 "+strconv.Itoa(s.fontLen), s.font)
		w.stream(n+4, "", s.cidMap)
	}

	for j, a := range files {
		n := firstFile + 2*j
		spec := []string{"<< /Type /Filespec /F ", pdfString(a.name), " /UF ", pdfString(a.name), " /EF << /F ", ref(n + 1), " >>"}
		if a.description != "" {
			spec = append(spec, " /Desc ", pdfString(a.description))
		}
		w.object(n, append(spec, " >>")...)
		w.stream(n+1, " /Type /EmbeddedFile /Params << /Size "+strconv.Itoa(len(a.data))+" >>", deflate(nil, a.data))
	}
	w.finish(1, 4)
	return w.buf.Bytes()
}

// faceSubset is the subset of face i (a face, or fallbackFace) the document
// embeds, and the font's descriptor.
func (d *doc) faceSubset(i int) (*subset, fpdf.FontDescType) {
	if i == fallbackFace {
		return d.fb.subset(&d.used[i]), d.fb.desc
	}
	return subsetFor(i, &d.used[i]), desc[i]
}

// attachment is a file embedded in the document.
type attachment struct {
	name, description string
	data              []byte
}

// sortedAttachments names the attachments in the embedded-files name tree
// by their file names, made unique, and orders them by name, as a name tree
// needs.
func sortedAttachments(as []attachment) []attachment {
	out := slices.Clone(as)
	seen := map[string]int{}
	for j, a := range out {
		seen[a.name]++
		if c := seen[a.name]; c > 1 {
			out[j].name = a.name + " (" + strconv.Itoa(c) + ")"
		}
	}
	slices.SortStableFunc(out, func(a, b attachment) int { return strings.Compare(a.name, b.name) })
	return out
}
