package render

import (
	"io"
	"strconv"
	"testing"
	"time"
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
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		n, err := Floor(io.Discard, benchMeta, ps)
		if err != nil {
			b.Fatal(err)
		}
		pages = n
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
