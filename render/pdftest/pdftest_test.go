package pdftest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// The PDFs here are written with fpdf directly, the way render/ writes them:
// Liberation Serif as a UTF-8 font (Type0, Identity-H, ToUnicode), points,
// US Letter.

var docDate = time.Date(2008, 6, 10, 16, 30, 0, 0, time.UTC)

func newDoc(t testing.TB, compress bool) *fpdf.Fpdf {
	t.Helper()
	f := fpdf.New("P", "pt", "Letter", "")
	f.SetCompression(compress)
	f.SetCreationDate(docDate)
	f.SetModificationDate(docDate)
	f.AddUTF8FontFromBytes("serif", "", liberationserifregular.TTF)
	if f.Err() {
		t.Fatalf("font: %v", f.Error())
	}
	return f
}

func output(t testing.TB, f *fpdf.Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatalf("fpdf output: %v", err)
	}
	return buf.Bytes()
}

const (
	para = "FOR VALUE RECEIVED, subject to the terms and conditions of this Warrant, " +
		"the holder José Ñúñez García is entitled to purchase Two Hundred Fifty Thousand " +
		"(250,000) shares of the Common Stock of Łódź Żółć Sp. z o.o. at the Warrant Price."
	corePara = "The Company shall give notice to the Holder of the record date at least " +
		"twenty days before it, stating the event and the date on which holders of record " +
		"participate in it, as Section 12 provides for notices."
	adobeTag    = "{{Sig_es_:signer1:signature}}"
	dropboxTag  = "[sig|req|signer1]"
	docusignTag = `\s1\`
	// Latin Extended-A characters whose UTF-16 bytes are '(' ')' '\\' CR and
	// LF: fpdf escapes the first four in its literal strings, not LF.
	escapes = "Ĩĩ Ŝŝ č Ċ"
)

type fixture struct {
	pdf        []byte
	wordByWord string
}

// words draws words one by one so that they fill width w from x, as a
// justifying layout engine does, and returns the line as it reads.
func words(f *fpdf.Fpdf, x, y, w float64, ws []string) string {
	sum := 0.0
	for _, s := range ws {
		sum += f.GetStringWidth(s)
	}
	gap := (w - sum) / float64(len(ws)-1)
	for _, s := range ws {
		f.Text(x, y, s)
		x += f.GetStringWidth(s) + gap
	}
	return strings.Join(ws, " ")
}

// build writes a two-page document exercising Cell, MultiCell, Text and
// Write, word-by-word placement, invisible e-sign tags and a core font.
func build(t testing.TB, compress bool) fixture {
	t.Helper()
	var fx fixture
	f := newDoc(t, compress)
	f.SetTitle("Certificate of Adjustment — Łódź", true)
	f.AliasNbPages("")
	f.SetFooterFunc(func() {
		f.SetY(-40)
		f.SetFont("serif", "", 9)
		f.SetTextColor(0, 0, 0)
		f.CellFormat(0, 12, fmt.Sprintf("Warrant No. W-7 · Page %d of {nb}", f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.CellFormat(0, 16, "Łukasz Żółć", "", 1, "L", false, 0, "")
	f.CellFormat(0, 16, "José Ñúñez García", "", 1, "C", false, 0, "")

	// A justified paragraph: fpdf writes each line as one TJ whose words
	// are spread by adjustments before each space.
	f.MultiCell(300, 16, para, "", "J", false)

	// Word by word, at computed positions, wide gaps and no space glyphs.
	y := f.GetY() + 20
	fx.wordByWord = words(f, 72, y, 400, []string{"FOR", "VALUE", "RECEIVED,", "subject", "to"})
	// Narrow gaps: a natural space is a space, 0.05 em and nothing are not.
	y += 20
	x := 72.0
	f.Text(x, y, "Name:")
	x += f.GetStringWidth("Name:") + f.GetStringWidth(" ")
	f.Text(x, y, "Ada")
	x += f.GetStringWidth("Ada") + f.GetStringWidth(" ")
	f.Text(x, y, "Jus")
	x += f.GetStringWidth("Jus")
	f.Text(x, y, "tified")
	x += f.GetStringWidth("tified") + f.GetStringWidth(" ")
	f.Text(x, y, "Warr")
	x += f.GetStringWidth("Warr") + 0.05*12
	f.Text(x, y, "ant")

	// Write, switching fonts in the middle of a line.
	f.SetXY(72, y+10)
	f.Write(16, "Holder: ")
	f.SetFont("Times", "", 12)
	f.Write(16, "Core Times")
	f.SetFont("serif", "", 12)
	f.Write(16, " and back to serif Ł.")
	f.Ln(24)

	f.CellFormat(0, 16, escapes, "", 1, "L", false, 0, "")

	// A signature line with invisible tags: one over the blank, one on a
	// line of its own.
	y = f.GetY() + 20
	f.Text(72, y, "By: ____________________")
	f.SetTextColor(255, 255, 255)
	f.SetFont("serif", "", 1)
	f.Text(100, y, dropboxTag)
	f.Text(72, y+14, adobeTag)
	f.Text(72, y+28, docusignTag)
	f.SetTextColor(0, 0, 0)
	f.SetFont("serif", "", 12)

	f.AddPage()
	f.SetFont("Times", "", 12)
	tr := f.UnicodeTranslatorFromDescriptor("") // cp1252
	f.CellFormat(0, 16, tr("Core Times: café – “quoted” €5"), "", 1, "L", false, 0, "")
	f.MultiCell(300, 16, corePara, "", "J", false) // justified with Tw
	f.SetFont("serif", "", 12)
	f.MultiCell(0, 16, "Second page: Łukasz Żółć\nJosé Ñúñez García", "", "L", false)
	if f.Err() {
		t.Fatalf("fpdf: %v", f.Error())
	}
	fx.pdf = output(t, f)
	return fx
}

// checkPage compares a page's text with the lines before a wrapped
// paragraph, the paragraph, and the lines after it. Where fpdf wraps the
// paragraph is its business (fpdf's SplitText does not predict MultiCell's
// wraps for UTF-8 text), so the paragraph is only required to be at least
// minLines lines that read as the paragraph when joined with spaces.
func checkPage(t *testing.T, page string, before []string, paragraph string, minLines int, after []string) {
	t.Helper()
	lines := strings.Split(page, "\n")
	if len(lines) < len(before)+minLines+len(after) {
		t.Errorf("too few lines: %q", lines)
		return
	}
	mid := lines[len(before) : len(lines)-len(after)]
	got := strings.Join(lines[:len(before)], "\n") + "\n[" + strings.Join(mid, " ") + "]\n" +
		strings.Join(lines[len(lines)-len(after):], "\n")
	want := strings.Join(before, "\n") + "\n[" + paragraph + "]\n" + strings.Join(after, "\n")
	if got != want {
		t.Errorf("page:\n got %q\nwant %q", got, want)
	}
	if len(mid) < minLines {
		t.Errorf("paragraph in %d lines, want at least %d: %q", len(mid), minLines, mid)
	}
}

func TestText(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("compress=%v", compress), func(t *testing.T) {
			fx := build(t, compress)
			pages, err := Text(fx.pdf)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 2 {
				t.Fatalf("got %d pages, want 2", len(pages))
			}
			checkPage(t, pages[0], []string{
				"Łukasz Żółć",
				"José Ñúñez García",
			}, para, 4, []string{
				fx.wordByWord,
				"Name: Ada Justified Warrant",
				"Holder: Core Times and back to serif Ł.",
				escapes,
				"By: ____________________ " + dropboxTag,
				adobeTag,
				docusignTag,
				"Warrant No. W-7 · Page 1 of 2",
			})
			checkPage(t, pages[1], []string{
				"Core Times: café – “quoted” €5",
			}, corePara, 3, []string{
				"Second page: Łukasz Żółć",
				"José Ñúñez García",
				"Warrant No. W-7 · Page 2 of 2",
			})
		})
	}
}

// TestTemplate reads text drawn through fpdf templates, which are form
// XObjects (Do), scaled or not.
func TestTemplate(t *testing.T) {
	f := newDoc(t, true)
	tpl := f.CreateTemplate(func(tp *fpdf.Tpl) {
		tp.SetFont("serif", "", 12)
		tp.Text(72, 100, "Template Łukasz Żółć")
		tp.SetFont("Times", "", 12)
		tp.Text(72, 120, "Template core")
	})
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.Text(72, 60, "Page text")
	f.UseTemplate(tpl)
	f.UseTemplateScaled(tpl, fpdf.PointType{X: 0, Y: 200}, fpdf.SizeType{Wd: 306, Ht: 396})
	pdf := output(t, f)
	pages, err := Text(pdf)
	if err != nil {
		t.Fatal(err)
	}
	want := "Page text\nTemplate Łukasz Żółć\nTemplate core\nTemplate Łukasz Żółć\nTemplate core"
	if len(pages) != 1 || pages[0] != want {
		t.Errorf("got %q, want %q", pages, want)
	}
	if err := Validate(pdf, true); err != nil {
		t.Errorf("strict: %v", err)
	}
}

// TestConcurrent reads one PDF from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	fx := build(t, true)
	want, err := Text(fx.pdf)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			got, err := Text(fx.pdf)
			if err == nil && strings.Join(got, "\f") != strings.Join(want, "\f") {
				err = fmt.Errorf("got %q", got)
			}
			if err == nil {
				err = Validate(fx.pdf, true)
			}
			if err == nil {
				_, err = Info(fx.pdf)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestValidate(t *testing.T) {
	for _, compress := range []bool{false, true} {
		fx := build(t, compress)
		if err := Validate(fx.pdf, true); err != nil {
			t.Errorf("compress=%v: strict: %v", compress, err)
		}
		if err := Validate(fx.pdf, false); err != nil {
			t.Errorf("compress=%v: relaxed: %v", compress, err)
		}
	}
}

func attachmentDoc(t *testing.T) ([]byte, map[string][]byte) {
	files := map[string][]byte{
		"data.json":    []byte(`{"warrant":"W-7","price":"1.25"}` + "\n"),
		"Żółć-ñ.txt":   []byte("Łukasz Żółć\n"),
		"empty-ish.md": bytes.Repeat([]byte("# x\n"), 500),
	}
	f := newDoc(t, true)
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.Cell(0, 16, "With attachments")
	var as []fpdf.Attachment
	for _, name := range []string{"data.json", "Żółć-ñ.txt", "empty-ish.md"} {
		as = append(as, fpdf.Attachment{Content: files[name], Filename: name, Description: "test " + name})
	}
	f.SetAttachments(as)
	return output(t, f), files
}

func TestAttachments(t *testing.T) {
	pdf, want := attachmentDoc(t)
	if err := Validate(pdf, false); err != nil {
		t.Errorf("relaxed validation: %v", err)
	}
	// SPEC 4.3: fpdf labels its files PDF 1.3, older than embedded files
	// (1.4), so only relaxed validation is expected to pass.
	if err := Validate(pdf, true); err != nil {
		t.Logf("strict validation fails, as expected: %v", err)
	} else {
		t.Logf("strict validation passes with attachments")
	}
	got, err := Attachments(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("got %d attachments, want %d: %v", len(got), len(want), keys(got))
	}
	for name, w := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("missing %q (have %v)", name, keys(got))
		} else if !bytes.Equal(g, w) {
			t.Errorf("%q: got %q, want %q", name, g, w)
		}
	}
	pages, err := Text(pdf)
	if err != nil || len(pages) != 1 || pages[0] != "With attachments" {
		t.Errorf("text: %q, %v", pages, err)
	}

	// No attachments: an empty map, no error.
	fx := build(t, true)
	got, err = Attachments(fx.pdf)
	if err != nil || len(got) != 0 {
		t.Errorf("no attachments: got %v, %v", keys(got), err)
	}
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestInfo(t *testing.T) {
	f := newDoc(t, true)
	f.SetTitle("Certificate of Adjustment — Warrant W-7 (Łódź)", true)
	f.SetSubject("Adjustment under §5: Żółć & Ñúñez", true)
	f.SetAuthor("Glowpoint, Inc. — Łukasz Żółć, CFO", true)
	f.SetKeywords("W-7 certificate-of-adjustment", true)
	f.SetCreator("warrantkit", true)
	f.AddPage()
	f.SetFont("serif", "", 12)
	f.Cell(0, 16, "one")
	f.AddPage()
	f.Cell(0, 16, "two")
	f.AddPage()
	info, err := Info(output(t, f))
	if err != nil {
		t.Fatal(err)
	}
	want := DocInfo{
		Title:        "Certificate of Adjustment — Warrant W-7 (Łódź)",
		Subject:      "Adjustment under §5: Żółć & Ñúñez",
		Author:       "Glowpoint, Inc. — Łukasz Żółć, CFO",
		Keywords:     "W-7 certificate-of-adjustment",
		Creator:      "warrantkit",
		Producer:     "FPDF 1.7",
		CreationDate: "D:20080610163000",
		ModDate:      "D:20080610163000",
		Created:      docDate,
		Modified:     docDate,
		Version:      "1.3",
		Pages:        3,
	}
	if !info.Created.Equal(want.Created) || !info.Modified.Equal(want.Modified) {
		t.Errorf("dates: got %v %v, want %v", info.Created, info.Modified, docDate)
	}
	info.Created, info.Modified = want.Created, want.Modified
	if info != want {
		t.Errorf("got  %+v\nwant %+v", info, want)
	}
}

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"D:20080610163000", docDate, true},
		{"D:20080610163000Z", docDate, true},
		{"D:20080610123000-04'00'", docDate, true},
		{"D:20080610123000-04'00", docDate, true},
		{"D:2008", time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"D:200806101630", time.Date(2008, 6, 10, 16, 30, 0, 0, time.UTC), true},
		{"D:20081310", time.Time{}, false},
		{"garbage", time.Time{}, false},
		{"", time.Time{}, false},
	} {
		got, ok := parseDate(c.in)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestContent interprets hand-written content streams: the operators and
// string syntax fpdf does not use but other writers do.
func TestContent(t *testing.T) {
	for _, c := range []struct {
		name, content, want string
	}{
		{"escapes", `BT /F1 10 Tf 72 700 Td (a\(b\)c\\d\101\60x\
y\q) Tj ET`, `a(b)c\dA0xyq`},
		{"nested parens", `BT /F1 10 Tf 72 700 Td (f(x) = (y)) Tj ET`, `f(x) = (y)`},
		{"hex string", `BT /F1 10 Tf 72 700 Td <48 656c6C6f2> Tj ET`, "Hello"},
		{"T* and TL", `BT /F1 10 Tf 12 TL 72 700 Td (one) Tj T* (two) Tj ET`, "one\ntwo"},
		{"quote operators", `BT /F1 10 Tf 12 TL 72 700 Td (one) Tj (two) ' 0 0 (three) " ET`, "one\ntwo\nthree"},
		{"TD sets leading", `BT /F1 10 Tf 72 700 Td (one) Tj 0 -14 TD (two) Tj T* (three) Tj ET`, "one\ntwo\nthree"},
		{"Tm", `BT /F1 10 Tf 1 0 0 1 72 600 Tm (low) Tj 1 0 0 1 72 700 Tm (high) Tj ET`, "high\nlow"},
		{"cm and q/Q", `q 1 0 0 1 0 -100 cm BT /F1 10 Tf 72 700 Td (low) Tj ET Q BT /F1 10 Tf 72 700 Td (high) Tj ET`, "high\nlow"},
		{"right to left order", `BT /F1 10 Tf 200 700 Td (world) Tj -128 0 Td (hello) Tj ET`, "hello world"},
		{"TJ kerning and gaps", `BT /F1 10 Tf 72 700 Td [(A) 20 (B) -600 (C) -50 (D)] TJ ET`, "AB CD"},
		{"Tw on code 32", `BT /F1 10 Tf 5 Tw 72 700 Td (a b) Tj ET`, "a b"},
		{"Tc letter spacing", `BT /F1 10 Tf 1 Tc 72 700 Td (spaced) Tj ET`, "spaced"},
		{"inline image", "BT /F1 10 Tf 72 700 Td (before) Tj ET BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI)(\xff EI BT /F1 10 Tf 72 680 Td (after) Tj ET", "before\nafter"},
		{"marked content", `/Span <</ActualText (x) /MCID 3>> BDC BT /F1 10 Tf 72 700 Td (tagged) Tj ET EMC`, "tagged"},
		{"no font", `BT 72 700 Td (plain) Tj ET`, "plain"},
		{"WinAnsi", "BT /F1 10 Tf 72 700 Td (caf\xe9 \x93q\x94 \x80) Tj ET", "café “q” €"},
		{"comments", "% a comment (not text) Tj\nBT /F1 10 Tf 72 700 Td (x) Tj ET % trailing", "x"},
		{"garbage operands", `BT /F1 Tf Td Tm cm TJ Tj ' " (ok) Tj ] >> ) } { ET`, "ok"},
		{"unterminated", `BT /F1 10 Tf 72 700 Td [(a) (b`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &interp{fc: &fontCache{byObj: map[int]*fontInfo{}}, budget: maxOps}
			if err := in.run([]byte(c.content), nil, gstate{ctm: identity, th: 1}, 0); err != nil {
				t.Fatal(err)
			}
			if got := layout(in.runs); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestCMap(t *testing.T) {
	m := parseCMap([]byte(`/CIDInit /ProcSet findresource begin
12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0003> <0020>
<0041> <D835DC00>
<0042> <00660069>
endbfchar
3 beginbfrange
<0100> <0102> <0141>
<0200> <0202> [<0061> <0062> <0063>]
<1000> <FFFF> <1000>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`))
	for code, want := range map[int]string{
		0x03: " ", 0x41: "𝐀", 0x42: "fi",
		0x100: "Ł", 0x101: "ł", 0x102: "Ń",
		0x200: "a", 0x202: "c",
		0x1234: "\u1234", 0x20AC: "€", 0xFFFD: "\uFFFD",
	} {
		if got, ok := m.lookup(code, true); !ok || got != want {
			t.Errorf("code %04X: got %q, %v; want %q", code, got, ok, want)
		}
	}
	if _, ok := m.lookup(0x300, true); ok {
		t.Errorf("code 0300 should be unmapped")
	}
	// fpdf's identity range crosses byte boundaries.
	id := parseCMap([]byte("1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange"))
	for _, r := range "AŁżćÑ€—“" {
		if got, _ := id.lookup(int(r), true); got != string(r) {
			t.Errorf("identity %U: got %q", r, got)
		}
	}
}

// TestGarbage feeds broken input to every function: each returns (an error
// or a result), none panics.
func TestGarbage(t *testing.T) {
	fx := build(t, true)
	plain := build(t, false)
	att, _ := attachmentDoc(t)
	inputs := [][]byte{
		nil, {}, []byte("%PDF-1.4"), []byte("%PDF-1.4\n%%EOF\n"),
		[]byte("not a pdf at all"), bytes.Repeat([]byte{0xff}, 1000),
		[]byte("%PDF-1.3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF"),
	}
	for _, src := range [][]byte{fx.pdf, plain.pdf, att} {
		for _, n := range []int{10, 100, 1000, len(src) / 2, len(src) - 200, len(src) - 10} {
			if n > 0 && n < len(src) {
				inputs = append(inputs, src[:n])
			}
		}
		for _, at := range []int{len(src) / 3, len(src) / 2, len(src) * 3 / 4, len(src) - 50} {
			b := append([]byte(nil), src...)
			for k := 0; k < 16 && at+k < len(b); k++ {
				b[at+k] ^= 0x5a
			}
			inputs = append(inputs, b)
		}
	}
	// Content streams that are garbage, inside a valid file.
	plainPDF := string(plain.pdf)
	for _, repl := range []string{"Tj", "TJ", "Td", "Tf", "BT", "ET"} {
		inputs = append(inputs, []byte(strings.ReplaceAll(plainPDF, repl, "(")))
		inputs = append(inputs, []byte(strings.ReplaceAll(plainPDF, repl, "[[[[")))
	}
	for i, in := range inputs {
		checkNoPanic(t, fmt.Sprintf("input %d", i), in)
	}
}

func checkNoPanic(t testing.TB, name string, in []byte) {
	t.Helper()
	if _, err := Text(in); isPanic(err) {
		t.Errorf("%s: Text: %v", name, err)
	}
	if _, err := Info(in); isPanic(err) {
		t.Errorf("%s: Info: %v", name, err)
	}
	if _, err := Attachments(in); isPanic(err) {
		t.Errorf("%s: Attachments: %v", name, err)
	}
	if err := Validate(in, false); isPanic(err) {
		t.Errorf("%s: Validate: %v", name, err)
	}
}

// isPanic reports whether err is a panic that guard recovered.
func isPanic(err error) bool {
	var p *PanicError
	return errors.As(err, &p)
}

func FuzzText(f *testing.F) {
	fx := build(f, true)
	plain := build(f, false)
	f.Add(fx.pdf)
	f.Add(plain.pdf)
	f.Add([]byte("%PDF-1.4\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		if _, err := Text(in); isPanic(err) {
			t.Fatalf("Text: %v", err)
		}
		if _, err := Info(in); isPanic(err) {
			t.Fatalf("Info: %v", err)
		}
	})
}
