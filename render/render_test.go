package render

import (
	"bytes"
	"fmt"
	"github.com/go-pdf/fpdf"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func TestMain(m *testing.M) {
	// pdfcpu would otherwise write a configuration directory under $HOME.
	api.DisableConfigDir()
	os.Exit(m.Run())
}

// validate runs pdfcpu's validation in the given mode.
func validate(pdf []byte, mode int) error {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	return api.Validate(bytes.NewReader(pdf), conf)
}

func render(t testing.TB, meta Meta, blocks ...Block) []byte {
	t.Helper()
	d, err := New(meta)
	if err != nil {
		t.Fatal(err)
	}
	d.Add(blocks...)
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	first := sampleDoc(t, true)
	if second := sampleDoc(t, true); !bytes.Equal(first, second) {
		t.Fatalf("two renders differ: %d and %d bytes", len(first), len(second))
	}
	// Several at once, in other goroutines: no state is shared.
	const n = 4
	outs := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Go(func() { outs[i] = sampleDoc(t, true) })
	}
	wg.Wait()
	for i, out := range outs {
		if !bytes.Equal(first, out) {
			t.Errorf("concurrent render %d differs from the first", i)
		}
	}
	t.Run("zero Created uses a fixed date", func(t *testing.T) {
		a := render(t, Meta{Title: "x"}, Paragraph{Spans: []Span{T("text")}})
		time.Sleep(1100 * time.Millisecond) // a clock-dependent date would change
		b := render(t, Meta{Title: "x"}, Paragraph{Spans: []Span{T("text")}})
		if !bytes.Equal(a, b) {
			t.Fatal("renders a second apart differ")
		}
		if !bytes.Contains(a, []byte("/CreationDate (D:20000101000000")) {
			t.Fatal("creation date is not 2000-01-01")
		}
	})
}

func TestValidate(t *testing.T) {
	t.Run("strict, every block", func(t *testing.T) {
		if err := validate(sampleDoc(t, false), model.ValidationStrict); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("strict and relaxed, with an attachment", func(t *testing.T) {
		pdf := sampleDoc(t, true)
		if err := validate(pdf, model.ValidationRelaxed); err != nil {
			t.Fatal(err)
		}
		if err := validate(pdf, model.ValidationStrict); err != nil {
			t.Fatalf("strict: %v", err)
		}
		info, err := api.PDFInfo(bytes.NewReader(pdf), "", nil, false, model.NewDefaultConfiguration())
		if err != nil {
			t.Fatal(err)
		}
		if len(info.Attachments) != 1 || info.Attachments[0].FileName != "data.json" {
			t.Fatalf("attachments = %+v, want data.json", info.Attachments)
		}
	})
}

func TestMetadata(t *testing.T) {
	pdf := sampleDoc(t, false)
	info, err := api.PDFInfo(bytes.NewReader(pdf), "", nil, false, model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	m := sampleMeta
	for _, c := range []struct{ name, got, want string }{
		{"title", info.Title, m.Title},
		{"subject", info.Subject, m.Subject},
		{"author", info.Author, m.Author},
		{"creator", info.Creator, m.Creator},
		{"keywords", strings.Join(info.Keywords, ","), "W-F-05-001,certificate-of-adjustment"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.Contains(info.CreationDate, "2024") || !strings.Contains(info.ModificationDate, "2024") {
		t.Errorf("dates = %q, %q; want 2024-03-15", info.CreationDate, info.ModificationDate)
	}
	if n := len(pageStreams(t, pdf)); info.PageCount != n || n < 5 {
		t.Errorf("pages = %d, want %d (≥ 5)", info.PageCount, n)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("no US Letter media box (612 × 792 pt)")
	}
}

func TestFooter(t *testing.T) {
	pdf := sampleDoc(t, false)
	runs := pageTexts(t, pdf)
	n := len(pageStreams(t, pdf))
	if n < 5 {
		t.Fatalf("%d pages, want ≥ 5", n)
	}
	for p := 1; p <= n; p++ {
		want := fmt.Sprintf("Warrant No. W-F-05-001 — Page %d of %d", p, n)
		found := false
		for _, r := range runs {
			if r.page == p && r.text == want {
				found = true
			}
		}
		if !found {
			t.Errorf("page %d: no footer %q", p, want)
		}
	}
	runs = pageTexts(t, render(t, Meta{}, Paragraph{Spans: []Span{T("x")}}))
	if !strings.Contains(allText(runs), "Page 1 of 1") || strings.Contains(allText(runs), "—") {
		t.Errorf("empty Footer: got %q, want only Page 1 of 1", allText(runs))
	}
}

// traced renders blocks and records everything drawn, per page.
type drawn struct {
	page        int
	kind        string
	x, y, w     float64
	text        string
	size, style float64
}

func traced(t testing.TB, meta Meta, blocks ...Block) ([]drawn, []byte) {
	t.Helper()
	d, err := New(meta)
	if err != nil {
		t.Fatal(err)
	}
	var out []drawn
	d.impl.trace = func(kind string, x, y, w float64, s string) {
		out = append(out, drawn{page: len(d.impl.sheets), kind: kind, x: x, y: y, w: w, text: s})
	}
	d.Add(blocks...)
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return out, buf.Bytes()
}

// TestGeometry checks, on the sample document, that nothing is drawn past the
// margins and that no two strings on one baseline overlap.
func TestGeometry(t *testing.T) {
	ds, _ := traced(t, sampleMeta, sampleBlocks()...)
	const tol = 0.01
	type key struct {
		page int
		y    float64
	}
	byLine := map[key][]drawn{}
	for _, d := range ds {
		if d.x < Margin-tol || d.x+d.w > Margin+TextWidth+tol {
			t.Errorf("page %d: %s %q from %.2f to %.2f mm, outside the margins", d.page, d.kind, d.text, d.x, d.x+d.w)
		}
		if d.kind == "footer" {
			if d.y < bottom {
				t.Errorf("footer at %.2f mm, above the bottom margin", d.y)
			}
			continue
		}
		if d.y < top-tol || d.y > bottom+tol {
			t.Errorf("page %d: %s %q at y %.2f mm, outside the text block", d.page, d.kind, d.text, d.y)
		}
		if d.kind == "text" {
			k := key{d.page, math.Round(d.y * 100)}
			byLine[k] = append(byLine[k], d)
		}
	}
	for k, ds := range byLine {
		for i := range ds {
			for j := i + 1; j < len(ds); j++ {
				a, b := ds[i], ds[j]
				if a.x < b.x+b.w-tol && b.x < a.x+a.w-tol {
					t.Errorf("page %d: %q and %q overlap on the line at %.2f mm", k.page, a.text, b.text, a.y)
				}
			}
		}
	}
}

func TestNames(t *testing.T) {
	names := []string{"Łukasz Żółć", "José Ñúñez García", "山田太郎"}
	var blocks []Block
	for _, n := range names {
		blocks = append(blocks,
			Paragraph{Spans: []Span{T("The Holder, "), B(n), T(", and the field: "), F(n, 40), T(".")}},
			Signature{Lines: []SignatureLine{{Label: "Name:", Value: n}}},
		)
	}
	pdf := render(t, Meta{Title: strings.Join(names, "; "), Author: names[0], Footer: names[1]}, blocks...)
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	text := allText(pageTexts(t, pdf))
	for _, n := range names {
		// Each name is in the text twice or more, word by word.
		for _, w := range strings.Fields(n) {
			if strings.Count(text, w) < 3 {
				t.Errorf("%q appears %d times in %q, want 3", w, strings.Count(text, w), text)
			}
		}
	}
	// Liberation Serif has no CJK glyphs: the ideographs stay in the text
	// (extractable) but print as the empty .notdef glyph; Unsupported says so.
	if got := string(Unsupported("山田太郎 Łukasz Żółć")); got != "山田太郎" {
		t.Errorf("Unsupported = %q, want the four ideographs", got)
	}
	if got := Unsupported(names[0] + names[1] + "“Holder” — § ½ €"); len(got) != 0 {
		t.Errorf("Unsupported(Latin) = %q, want none", string(got))
	}
}

func TestTags(t *testing.T) {
	tags := []string{"{{Sig_es_:signer1:signature}}", "[sig|req|signer1]", `\s1\`, "{{Dte_es_:signer1:date}}"}
	ds, pdf := traced(t, Meta{},
		Paragraph{Spans: []Span{T("Sign here: "), Tag(tags[0]), F("", 60), T(" "), Tag(tags[1])}},
		Signature{Lines: []SignatureLine{{Label: "By:", Tall: true, Tag: tags[2]}, {Label: "Date:", Tag: tags[3]}}},
	)
	text := allText(pageTexts(t, pdf))
	for _, tag := range tags {
		if !strings.Contains(text, tag) {
			t.Errorf("tag %q not in the text %q", tag, text)
		}
	}
	// The tag takes no room: the blank after it starts where the tag is.
	var tagX, ruleX float64
	for _, d := range ds {
		if d.kind == "tag" && d.text == tags[0] {
			tagX = d.x
		}
		if d.kind == "rule" && ruleX == 0 {
			ruleX = d.x
		}
	}
	if math.Abs(tagX-ruleX) > 0.001 {
		t.Errorf("tag at %.3f mm, blank at %.3f mm: the tag took room", tagX, ruleX)
	}
	// Tags are white and 1 pt.
	if !bytes.Contains(uncompressed(t, pdf), []byte("/F1 1.00 Tf ET\n1 g\nBT ")) {
		t.Error("no white text in the content stream")
	}
}

// uncompressed renders the page content streams, inflated, one after another.
func uncompressed(t testing.TB, pdf []byte) []byte {
	t.Helper()
	var out []byte
	for _, r := range pageStreams(t, pdf) {
		out = append(out, r...)
	}
	return out
}

func TestPagesAndKeep(t *testing.T) {
	para := Paragraph{Spans: []Span{T(lorem)}}
	d, err := New(Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Pages() != 0 {
		t.Fatalf("Pages() = %d before anything, want 0", d.Pages())
	}
	d.Add(Heading{Text: "Title", Level: 1})
	if d.Pages() != 1 {
		t.Fatalf("Pages() = %d after a heading, want 1", d.Pages())
	}
	// Fill page 1 until less than the Keep's height is left.
	for d.impl.pg.page < 2 && (d.impl.pg.page == 0 || d.impl.pg.y < bottom-30) {
		d.Add(para)
	}
	if d.Pages() != 1 {
		t.Fatalf("Pages() = %d, want 1", d.Pages())
	}
	d.Add(Keep{Blocks: []Block{Heading{Text: "Kept heading", Level: 2}, para, para}})
	if d.Pages() != 2 {
		t.Fatalf("Pages() = %d after the Keep, want 2", d.Pages())
	}
	d.Add(PageBreak{}, PageBreak{}, para)
	if d.Pages() != 3 {
		t.Fatalf("Pages() = %d after two page breaks and text, want 3 (an empty page is not broken again)", d.Pages())
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, r := range pageTexts(t, buf.Bytes()) {
		if r.text == "Kept heading" && r.page != 2 {
			t.Errorf("the kept heading is on page %d, want 2", r.page)
		}
	}
	if err := d.Write(&buf); err == nil {
		t.Error("a second Write succeeded")
	}
}

func TestSignatureNotSplit(t *testing.T) {
	// Push the signature block down the page by steps of 5 mm: it is
	// always on one page.
	for fill := 150.0; fill < 230; fill += 5 {
		ds, _ := traced(t, Meta{}, Spacer{Height: fill}, Paragraph{Spans: []Span{T("x")}},
			Signature{Heading: "ISSUER", Lines: []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:"}, {Label: "Title:"}, {Label: "Date:"}}})
		pages := map[int]bool{}
		for _, d := range ds {
			if d.kind == "rule" || d.text == "ISSUER" || d.text == "By:" {
				pages[d.page] = true
			}
		}
		if len(pages) != 1 {
			t.Errorf("fill %.0f mm: signature on pages %v", fill, pages)
		}
	}
}

func TestSignatureRoom(t *testing.T) {
	if room := roomToSign(t, Signature{Heading: "ISSUER", Lines: []SignatureLine{{Label: "By:", Tall: true}, {Label: "Name:", Value: "A. Name"}}}); room < 12 {
		t.Errorf("%.1f mm between the heading's baseline and the signature rule, want ≥ 12", room)
	}
}

// roomToSign is the height in mm between a signature block's heading
// ("ISSUER") and the rule of its first line.
func roomToSign(t *testing.T, s Signature) float64 {
	t.Helper()
	ds, _ := traced(t, Meta{}, s)
	var headY, ruleY float64
	for _, d := range ds {
		if d.text == "ISSUER" {
			headY = d.y
		}
		if d.kind == "rule" && ruleY == 0 {
			ruleY = d.y
		}
	}
	return ruleY - headY
}

func TestTableHeaderRepeats(t *testing.T) {
	var rows [][]string
	for i := 0; i < 120; i++ {
		rows = append(rows, []string{fmt.Sprint(i), "text that wraps within a narrow column of this table"})
	}
	ds, _ := traced(t, Meta{}, Table{Header: []string{"Number", "Description"}, Rows: rows, Widths: []float64{30, 40}})
	headers := map[int]int{}
	last := 0
	for _, d := range ds {
		if d.text == "Number" {
			headers[d.page]++
		}
		last = max(last, d.page)
	}
	if last < 3 {
		t.Fatalf("table on %d pages, want ≥ 3", last)
	}
	for p := 1; p <= last; p++ {
		if headers[p] != 1 {
			t.Errorf("page %d has %d header rows, want 1", p, headers[p])
		}
	}
}

// TestNoLostText renders paragraphs long enough to run over several pages
// and finds every word again, in order.
func TestNoLostText(t *testing.T) {
	var words []string
	for i := 0; i < 1500; i++ {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	pdf := render(t, Meta{}, Paragraph{Spans: []Span{T(strings.Join(words, " "))}}, Paragraph{Spans: []Span{T(strings.Join(words, "\n"))}, Align: Left})
	var got []string
	for _, r := range pageTexts(t, pdf) {
		if strings.HasPrefix(r.text, "w") {
			got = append(got, strings.Fields(r.text)...)
		}
	}
	want := append(append([]string(nil), words...), words...)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("got %d words, want %d, in order", len(got), len(want))
	}
}

// TestHostileInput renders what a careless caller might pass: nothing
// panics, and the result is a valid PDF.
func TestHostileInput(t *testing.T) {
	bad := "bad \xff\xfe utf-8 \x00 nul \U0001F600 emoji \U00010000 \t tab \r\n crlf (paren) \\ backslash {warrantkit:nb}"
	blocks := []Block{
		nil,
		Heading{Text: bad, Level: -3},
		Heading{Text: bad, Level: 99, Align: Align(200)},
		Paragraph{Spans: []Span{T(bad), F(bad, -5), F("", math.NaN()), F("", 1e9), Tag(bad), Tag(""), {Text: bad, Style: 255}}, Indent: 1e9, First: -1e9, Size: math.Inf(1), SpaceAfter: math.NaN(), Align: Align(9)},
		Paragraph{Spans: []Span{T(strings.Repeat("x", 5000))}, Size: 1e-9, Label: strings.Repeat("(label)", 40), Indent: math.NaN()},
		Paragraph{},
		Paragraph{Spans: []Span{T("\n\n\n")}},
		// Each of these panics inside fpdf v0.9.0 when given to it as is.
		Paragraph{Spans: []Span{T("\U00010000"), T("truncated \xe2\x82"), Tag("\xe2\x82"), F("\U0001F600", 0)}},
		Paragraph{Spans: []Span{T(bad)}, Label: bad, LabelAlign: Right, Indent: 2},
		Paragraph{Spans: []Span{T("x")}, Label: strings.Repeat("wide ", 60), LabelAlign: Right, Indent: 1e9},
		Split{},
		Split{Left: []Span{T(bad), F("", math.NaN()), Tag(bad)}, Right: []Span{F(bad, 1e9), {Text: bad, Style: 255}}},
		Split{Left: []Span{T(strings.Repeat("x", 5000))}, Right: []Span{T("\n\n")}},
		Fraction{Left: strings.Repeat("long ", 200), Numerator: bad, Denominator: "", Indent: -10},
		Fraction{},
		Signature{},
		Signature{Lines: []SignatureLine{{Label: strings.Repeat("Label ", 50), Value: strings.Repeat("Value ", 50), Tag: bad}}, Width: -1, Indent: 1e6},
		Table{},
		Table{Rows: [][]string{{}, {bad}, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"}}, Widths: []float64{-1, math.NaN(), math.Inf(1), 1e6}, Align: []Align{Align(77)}, Size: -1},
		Table{Header: []string{strings.Repeat("word ", 2000)}, Rows: [][]string{{strings.Repeat("word ", 3000)}}},
		Spacer{Height: math.Inf(1)},
		Spacer{Height: -100},
		Keep{},
		Keep{Blocks: []Block{nil, PageBreak{}, Keep{Blocks: []Block{Paragraph{Spans: []Span{T(lorem)}}}}}},
		Keep{Blocks: []Block{Table{Rows: make([][]string, 200)}}},
		PageBreak{},
		PageBreak{},
	}
	meta := Meta{Title: bad, Subject: bad, Author: bad, Keywords: []string{bad, "", " "}, Creator: bad, Footer: strings.Repeat(bad, 20)}
	ds, pdf := traced(t, meta, blocks...)
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.x < Margin-0.01 || d.x+d.w > Margin+TextWidth+0.01 {
			t.Errorf("page %d: %s %q from %.2f to %.2f mm, outside the margins", d.page, d.kind, d.text, d.x, d.x+d.w)
		}
	}
	if !strings.Contains(allText(pageTexts(t, pdf)), "{warrantkit:nb}") {
		t.Error("text that looks like fpdf's page-count alias was replaced")
	}
	t.Run("empty document", func(t *testing.T) {
		pdf := render(t, Meta{})
		if err := validate(pdf, model.ValidationStrict); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("zero Doc", func(t *testing.T) {
		var d Doc
		d.Add(Paragraph{})
		d.Attach("a", "b", nil)
		if d.Pages() != 0 || d.Write(&bytes.Buffer{}) == nil {
			t.Error("a zero Doc wrote a document")
		}
	})
	t.Run("Add after Write", func(t *testing.T) {
		d, _ := New(Meta{})
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			t.Fatal(err)
		}
		d.Add(Paragraph{Spans: []Span{T("late")}})
	})
}

// TestWidthMatchesFpdf checks the width tables against fpdf's own
// GetStringWidth.
func TestWidthMatchesFpdf(t *testing.T) {
	pdf := fpdf.New("P", "mm", "Letter", "")
	for _, st := range []Style{Regular, Bold, Italic, Bold | Italic} {
		pdf.AddUTF8FontFromBytes(family, faceOf(st).key, faceOf(st).ttf)
		for _, size := range []float64{1, 9, 9.5, 11, 14} {
			for _, s := range []string{"Warrant Share Number", "Łukasz Żółć", "山田太郎", "“(A)(Y)” — ½ §4(b)", lorem} {
				pdf.SetFont(family, faceOf(st).key, size)
				if got, want := width(st, size, s), pdf.GetStringWidth(s); got != want {
					t.Errorf("width(%d, %v, %q) = %v, fpdf says %v", st, size, s, got, want)
				}
			}
		}
	}
}

func TestRunInCaption(t *testing.T) {
	ds, _ := traced(t, Meta{},
		Heading{Text: "Stock Splits.", Level: 3},
		Paragraph{Spans: []Span{T("If the Company subdivides its Common Stock.")}},
		Heading{Text: "Schedule.", Level: 3},
		Table{Rows: [][]string{{"cell"}}},
	)
	at := map[string]drawn{}
	for _, d := range ds {
		at[strings.Fields(d.text + " x")[0]] = d // by first word
	}
	caption, text := at["Stock"], at["If"]
	if caption.y != text.y || text.x <= caption.x+caption.w {
		t.Errorf("caption at (%.2f, %.2f), text at (%.2f, %.2f): not run in", caption.x, caption.y, text.x, text.y)
	}
	if s, c := at["Schedule."], at["cell"]; s.y >= c.y || s.x != Margin {
		t.Errorf("a caption before a table is not on a line of its own above it: %+v, %+v", s, c)
	}
	d, _ := New(Meta{})
	d.Add(Heading{Text: "Waiting.", Level: 3})
	if d.Pages() != 1 {
		t.Errorf("Pages() = %d with a caption waiting, want 1", d.Pages())
	}
}
