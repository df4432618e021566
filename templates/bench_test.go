package templates

import (
	"io"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/render"
)

// The replacement warrant is the document bulk re-issue writes most: these
// benchmarks give its docs/s with the engine and, beside it, the raw fpdf
// floor for the same text (render.Floor), in the same run:
//
//	go test -run '^$' -bench ReplacementWarrant ./templates

func replacementInput(b *testing.B) (*compute.Case, WarrantInput) {
	c, err := casefile.Load("../samples/glowpoint-2005.yaml")
	if err != nil {
		b.Fatal(err)
	}
	w := c.Warrants[3]
	a, err := compute.Adjust(c.Terms, w, c.Events, compute.Date{})
	if err != nil {
		b.Fatal(err)
	}
	nw := compute.Warrant{Number: "W-F-05-005", Holder: w.Holder, Shares: a.Final.Shares}
	return c, WarrantInput{Warrant: nw, Replacing: w.Number, State: a.Final, Entries: a.Entries, Issued: compute.Date{Year: 2010, Month: 1, Day: 4}}
}

func BenchmarkReplacementWarrant(b *testing.B) {
	c, in := replacementInput(b)
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		d, err := Warrant(c, in, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		pages = d.Pages()
	}
	b.ReportMetric(float64(pages), "pages/doc")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkReplacementWarrantFloor(b *testing.B) {
	c, in := replacementInput(b)
	blocks, err := WarrantBlocks(c, in, Options{})
	if err != nil {
		b.Fatal(err)
	}
	texts := render.Texts(blocks...)
	meta := render.Meta{Title: "Warrant", Author: c.Issuer.Name, Footer: "Warrant No. " + in.Warrant.Number}
	pages := 0
	b.ReportAllocs()
	for b.Loop() {
		n, err := render.Floor(io.Discard, meta, texts)
		if err != nil {
			b.Fatal(err)
		}
		pages = n
	}
	b.ReportMetric(float64(pages), "pages/doc")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
