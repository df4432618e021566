package render

import (
	"bytes"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/go-pdf/fpdf"
)

// benchParagraphs is a justified text long enough for 18 pages.
func benchParagraphs(tb testing.TB) []string {
	tb.Helper()
	var ps []string
	d, err := New(Meta{})
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; d.Pages() < 18 || d.impl.pg.y < bottom-40; i++ {
		p := strconv.Itoa(i+1) + ". " + lorem
		ps = append(ps, p)
		d.Add(Paragraph{Spans: []Span{T(p)}})
		if d.Pages() > 18 {
			ps = ps[:len(ps)-1]
			break
		}
	}
	return ps
}

var benchMeta = Meta{Title: "Benchmark", Author: "Glowpoint, Inc.", Creator: "warrantkit bench", Created: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Footer: "Warrant No. W-F-05-001"}

// BenchmarkRender lays out and writes an 18-page document of justified
// paragraphs with the engine.
func BenchmarkRender(b *testing.B) {
	ps := benchParagraphs(b)
	blocks := make([]Block, len(ps))
	for i, p := range ps {
		blocks[i] = Paragraph{Spans: []Span{T(p)}}
	}
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		d, err := New(benchMeta)
		if err != nil {
			b.Fatal(err)
		}
		d.Add(blocks...)
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		pages = d.Pages()
	}
	b.ReportMetric(float64(pages), "pages/doc")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkRawFpdf sets the same paragraphs directly with fpdf's MultiCell
// (same font, page, margins, footer and output settings; no engine): the
// floor the engine is measured against.
func BenchmarkRawFpdf(b *testing.B) {
	ps := benchParagraphs(b)
	lh := lineHeight(defaultSize)
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "Letter", "")
		pdf.SetMargins(Margin, Margin, Margin)
		pdf.SetAutoPageBreak(true, Margin)
		pdf.SetCompression(true)
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(benchMeta.Created)
		pdf.SetModificationDate(benchMeta.Created)
		pdf.SetTitle(benchMeta.Title, true)
		pdf.AliasNbPages("")
		pdf.AddUTF8FontFromBytes(family, "", liberationserifregular.TTF)
		pdf.SetFooterFunc(func() {
			pdf.SetY(footerBaseline - 3)
			pdf.SetFont(family, "", footerSize)
			pdf.CellFormat(0, 4, benchMeta.Footer+" — Page "+strconv.Itoa(pdf.PageNo())+" of {nb}", "", 0, "C", false, 0, "")
		})
		pdf.AddPage()
		pdf.SetFont(family, "", defaultSize)
		for _, p := range ps {
			pdf.MultiCell(0, lh, p, "", "J", false)
			pdf.Ln(defaultSpaceAfter)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
		pages = pdf.PageNo()
	}
	b.ReportMetric(float64(pages), "pages/doc")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkRenderSample renders the sample document: every block, all four
// faces, six pages.
func BenchmarkRenderSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sampleDoc(b, false)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
