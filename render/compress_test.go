package render

import (
	"bytes"
	"testing"
)

// compressPages writes exactly the bytes fpdf writes with its own page
// compression on.
func TestCompressPagesMatchesFpdf(t *testing.T) {
	make := func() *Doc {
		d, err := New(Meta{Title: "T", Footer: "Warrant No. W-1"})
		if err != nil {
			t.Fatal(err)
		}
		for range 40 {
			d.Add(Heading{Text: "Section", Level: 2}, Paragraph{Spans: []Span{T("Łukasz Żółć and José Ñúñez García "), B("bold "), I("italic"), F("filled", 20)}})
		}
		d.Attach("data.json", "the data", []byte(`{"a":1}`))
		return d
	}
	var got bytes.Buffer
	if err := make().Write(&got); err != nil {
		t.Fatal(err)
	}
	d := make().impl
	d.written = true
	d.flush(true)
	d.pdf.SetAttachments(d.attachments)
	useBasicFaces(d.pdf, d.faces) // as write does
	d.pdf.SetCompression(true)
	var want bytes.Buffer
	if err := d.pdf.Output(&want); err != nil {
		t.Fatal(err)
	}
	if d.pg.page < 3 {
		t.Fatalf("%d pages, want several", d.pg.page)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("output differs from fpdf's compressed output (%d bytes, want %d)", got.Len(), want.Len())
	}
	if err := compressPages([]byte("%PDF-1.3\nnot fpdf"), new(bytes.Buffer)); err == nil {
		t.Error("compressPages accepted a document without a cross-reference table")
	}
}
