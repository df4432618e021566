package render

import (
	"bytes"
	"compress/zlib"
	"flag"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

// -sample writes the everything document to a file, to look at.
var sampleOut = flag.String("sample", "", "write the sample document exercising every block to this `file`")

var sampleMeta = Meta{
	Title:    "Certificate of Adjustment — Warrant No. W-F-05-001",
	Subject:  "Adjustment of Warrant Price and Warrant Share Number",
	Author:   "Glowpoint, Inc.",
	Keywords: []string{"W-F-05-001", "certificate-of-adjustment"},
	Creator:  "warrantkit test",
	Created:  time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC),
	Footer:   "Warrant No. W-F-05-001",
}

const lorem = "Upon the occurrence of each adjustment or readjustment of the Warrant Price or the Warrant Share Number pursuant to this Section, the Company at its expense shall promptly compute such adjustment or readjustment in accordance with the terms hereof and furnish to the Holder a certificate setting forth such adjustment or readjustment and showing in detail the facts upon which such adjustment or readjustment is based."

// sampleBlocks exercises every block and span kind, across several pages.
func sampleBlocks() []Block {
	holder := []Span{T("This certifies that, for value received, "), F("Łukasz Żółć", 50), T(", "), F("José Ñúñez García", 0), T(" and "), F("山田太郎", 30), T(" (each a “Holder”) are entitled to purchase "), F("Two Hundred Fifty Thousand (250,000)", 0), T(" shares of Common Stock at the Warrant Price of "), F("", 30), T(" per share, subject to adjustment as provided in "), B("Section 4"), T(".")}
	var rows [][]string
	for i := 1; i <= 40; i++ {
		rows = append(rows, []string{strconv.Itoa(i), "Stock split of the Common Stock effected by the Company on the record date, with a long description that wraps", "$" + strconv.Itoa(i) + ".00", strconv.Itoa(i * 1000)})
	}
	bs := []Block{
		Heading{Text: "CERTIFICATE OF ADJUSTMENT", Level: 1},
		Paragraph{Spans: []Span{T("Glowpoint, Inc.\n430 Mountain Avenue\nMurray Hill, New Jersey 07974")}, Align: Left},
		Paragraph{Spans: holder},
		Heading{Text: "1. Adjustment of Warrant Price", Level: 2},
		Paragraph{Spans: []Span{T(lorem)}, First: 12.7},
		Paragraph{Label: "(a)", Indent: 12.7, First: -6.35, Spans: []Span{T(lorem)}},
		Paragraph{Label: "(iii)", Indent: 19.05, First: -6.35, Spans: []Span{B("Hanging label wider than the hang. "), I("Italic text "), {Text: "bold italic", Style: Bold | Italic}, T(" and "), {Text: "underlined words here", Style: Underline}, T(".")}},
		Heading{Text: "Run-in caption", Level: 3},
		Paragraph{Spans: []Span{T("Centred text for a short line.")}, Align: Center},
		Paragraph{Spans: []Span{T("Right-aligned text.")}, Align: Right},
		Paragraph{Spans: []Span{T("A word wider than the line: "), T(strings.Repeat("Supercalifragilistic", 12)), T(" ends here.")}},
		Paragraph{Spans: []Span{T("A filled field with many words that must break across lines: "), F(strings.Repeat("the holder's full legal name and address ", 5), 40), T(" then text.")}},
		Fraction{Left: "X = Y −", Numerator: "(A)(Y)", Denominator: "B", Right: "= 1,234.56"},
		Fraction{Left: "Warrant Share Number after =", Numerator: "Warrant Share Number before × Warrant Price before", Denominator: "Warrant Price after"},
		Table{Header: []string{"No.", "Event", "Warrant Price", "Shares"}, Rows: rows, Widths: []float64{12, 93.1, 30, 30}, Align: []Align{Right, Left, Right, Right}},
		Keep{Blocks: []Block{
			Heading{Text: "2. Certification", Level: 2},
			Paragraph{Spans: []Span{T(lorem + " " + lorem)}},
		}},
		Paragraph{Spans: []Span{T("Signed with e-sign anchors: "), Tag("{{Sig_es_:signer1:signature}}"), F("", 60), T(" on "), Tag("{{Dte_es_:signer1:date}}"), F("", 30), T(".")}},
		Signature{Heading: "GLOWPOINT, INC.", Indent: 82.55, Width: 70, Lines: []SignatureLine{
			{Label: "By:", Tall: true, Tag: "{{Sig_es_:signer1:signature}}"},
			{Label: "Name:", Value: "Łukasz Żółć"},
			{Label: "Title:", Value: "Chief Financial Officer"},
			{Label: "Date:", Tag: "{{Dte_es_:signer1:date}}"},
		}},
		Spacer{Height: 10},
		Paragraph{Spans: []Span{T(lorem)}},
		PageBreak{},
		Heading{Text: "Schedule of Adjustments", Level: 1},
		Table{Header: []string{"Date", "Warrant Price", "Warrant Share Number"}, Rows: [][]string{{"2005-03-31", "$1.00", "250,000"}, {"2006-01-15", "$0.50", "500,000"}}},
	}
	for i := 0; i < 6; i++ {
		bs = append(bs, Paragraph{Spans: []Span{T(lorem)}})
	}
	bs = append(bs, Signature{Lines: []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:", Value: "José Ñúñez García"}, {Label: "Title:"}}})
	return bs
}

// sampleDoc renders the sample document.
func sampleDoc(t testing.TB, attach bool) []byte {
	t.Helper()
	d, err := New(sampleMeta)
	if err != nil {
		t.Fatal(err)
	}
	d.Add(sampleBlocks()...)
	if attach {
		d.Attach("data.json", "the document's data", []byte(`{"warrant":"W-F-05-001"}`))
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteSample(t *testing.T) {
	if *sampleOut == "" {
		t.Skip("no -sample")
	}
	if err := os.WriteFile(*sampleOut, sampleDoc(t, false), 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	streamRE   = regexp.MustCompile(`(?s)(\d+) 0 obj\n<< /Filter /FlateDecode /Length \d+[^>]*>>\nstream\n(.*?)\nendstream`)
	contentsRE = regexp.MustCompile(`/Type /Page /Parent 2 0 R /Contents \[(\d+) 0 R (\d+) 0 R\]`)
	// A text object as render writes it: one string (Tj), or the words of a
	// justified line with the room after each space (TJ).
	textRE   = regexp.MustCompile(`BT ([-\d.]+) ([-\d.]+) Td (?:\(((?:[^\\)]|\\.)*)\) Tj|\[((?:\((?:[^\\)]|\\.)*\) [-\d.]+ )*\((?:[^\\)]|\\.)*\))\] TJ) ET`)
	tjString = regexp.MustCompile(`\(((?:[^\\)]|\\.)*)\)`)
)

// textRun is a string shown on a page, at (x, y) in PDF points.
type textRun struct {
	page int
	x, y float64
	text string
}

// pageTexts reads back the text written: it inflates each page's content
// streams and decodes each Tj string (2-byte codes that are the characters).
func pageTexts(t testing.TB, pdf []byte) []textRun {
	t.Helper()
	var runs []textRun
	for i, b := range pageStreams(t, pdf) {
		for _, tm := range textRE.FindAllSubmatch(b, -1) {
			x, _ := strconv.ParseFloat(string(tm[1]), 64)
			y, _ := strconv.ParseFloat(string(tm[2]), 64)
			text := tm[3]
			if tm[4] != nil {
				text = nil
				for _, str := range tjString.FindAllSubmatch(tm[4], -1) {
					text = append(text, str[1]...)
				}
			}
			runs = append(runs, textRun{i + 1, x, y, decodeUTF16(unescape(text))})
		}
	}
	return runs
}

// pageStreams returns each page's content, inflated: its body and footer
// streams, in page order.
func pageStreams(t testing.TB, pdf []byte) [][]byte {
	t.Helper()
	streams := map[string][]byte{}
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[2]))
		if err != nil {
			t.Fatalf("object %s: %v", m[1], err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("object %s: %v", m[1], err)
		}
		streams[string(m[1])] = b
	}
	var out [][]byte
	for _, m := range contentsRE.FindAllSubmatch(pdf, -1) {
		body, footer := streams[string(m[1])], streams[string(m[2])]
		if footer == nil {
			t.Fatalf("page contents %s, %s: no such streams", m[1], m[2])
		}
		out = append(out, append(slices.Clone(body), footer...))
	}
	return out
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
	}
	return string(utf16.Decode(u))
}

// allText joins every run's text with spaces.
func allText(runs []textRun) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.text)
		b.WriteByte(' ')
	}
	return b.String()
}

// unescape reads the bytes of a literal string's body.
func unescape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '\\' && i+1 < len(b) {
			i++
			switch b[i] {
			case 'r':
				out = append(out, '\r')
			case 'n':
				out = append(out, '\n')
			default:
				out = append(out, b[i])
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}
