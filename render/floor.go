package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Floor sets paragraphs directly with fpdf's MultiCell — same page, margins,
// regular face, size, footer and output settings as a Doc, and none of the
// engine: no line breaker, fields, styles, keeps or tables. It is the raw
// speed the engine is measured against (the "raw go-pdf/fpdf floor" of the
// benchmarks), and returns the number of pages written.
func Floor(w io.Writer, meta Meta, paragraphs []string) (int, error) {
	lh := lineHeight(defaultSize)
	pdf := fpdf.New("P", "mm", "Letter", "")
	pdf.SetMargins(Margin, Margin, Margin)
	pdf.SetAutoPageBreak(true, Margin)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(meta.Created)
	pdf.SetModificationDate(meta.Created)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Author, true)
	pdf.AliasNbPages("")
	pdf.AddUTF8FontFromBytes(family, "", fullFace(Regular).ttf) // fpdf as is: the whole font
	pdf.SetFooterFunc(func() {
		pdf.SetY(footerBaseline - 3)
		pdf.SetFont(family, "", footerSize)
		pdf.CellFormat(0, 4, meta.Footer+" — Page "+strconv.Itoa(pdf.PageNo())+" of {nb}", "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	pdf.SetFont(family, "", defaultSize)
	for _, p := range paragraphs {
		pdf.MultiCell(0, lh, fpdfText(p, true), "", "J", false)
		pdf.Ln(defaultSpaceAfter)
	}
	if err := pdf.Output(w); err != nil {
		return 0, fmt.Errorf("render: floor: %w", err)
	}
	return pdf.PageNo(), nil
}

// Texts is the text of each block, for Floor: a paragraph's spans (fields as
// their values, tags dropped), a heading, a table's cells row by row, a
// signature's lines, a fraction on one line; Keep's blocks in order.
func Texts(blocks ...Block) []string {
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case Paragraph:
			var s strings.Builder
			if b.Label != "" {
				s.WriteString(b.Label + " ")
			}
			for _, sp := range b.Spans {
				if !sp.Tag {
					s.WriteString(sp.Text)
				}
			}
			out = append(out, s.String())
		case Heading:
			out = append(out, b.Text)
		case Fraction:
			out = append(out, strings.Join([]string{b.Left, b.Numerator, "/", b.Denominator, b.Right}, " "))
		case Table:
			if len(b.Header) > 0 {
				out = append(out, strings.Join(b.Header, "  "))
			}
			for _, r := range b.Rows {
				out = append(out, strings.Join(r, "  "))
			}
		case Signature:
			if b.Heading != "" {
				out = append(out, b.Heading)
			}
			for _, l := range b.Lines {
				out = append(out, l.Label+" "+l.Value)
			}
		case Keep:
			out = append(out, Texts(b.Blocks...)...)
		}
	}
	return out
}
