package pdftest

import "strings"

// Run is the text one text-showing operator (Tj, TJ, ' or ") draws, where it
// draws it: in points, in the page's default user space (origin at the
// bottom left corner, y upwards).
type Run struct {
	Text   string
	X0, X1 float64 // the left edge of its first glyph, the right edge of its last
	Y      float64 // the baseline of its first glyph
	Size   float64 // the largest font size of its glyphs, in points on the page
}

// Runs lists the runs of text of each page in the order they are drawn,
// for tests of layout: which texts share a baseline, where a line starts
// and ends. The text is decoded as Text decodes it; colour, size and
// rendering mode are ignored (an invisible tag is a run).
func Runs(pdf []byte) (pages [][]Run, err error) {
	defer guard("runs", &err)
	err = eachPage(pdf, "runs", func(runs []run) {
		page := make([]Run, 0, len(runs))
		for _, r := range runs {
			var sb strings.Builder
			for _, g := range r.glyphs {
				sb.WriteString(g.s)
			}
			first, last := r.glyphs[0], r.glyphs[len(r.glyphs)-1]
			page = append(page, Run{Text: sb.String(), X0: first.x0, X1: last.x1, Y: first.y, Size: r.size})
		}
		pages = append(pages, page)
	})
	return pages, err
}
