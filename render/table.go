package render

import (
	"math"
	"strings"
)

// Table geometry, mm.
const (
	tableSize   = 9.5 // pt
	cellPadX    = 1.5
	cellPadY    = 1.0
	tableSpace  = 3.0 // after the table
	tableBorder = 0.2
)

// glyphRoom is the width, in em, that any one character needs.
const glyphRoom = 1.1

// columnWidths resolves a table's column widths: given widths where valid,
// the rest sharing what is left, then the wider columns narrowed until the
// table fits the text width. No column is narrower than min.
func columnWidths(cols int, given []float64, min float64) []float64 {
	ws := make([]float64, cols)
	sum, unknown := 0.0, 0
	for i := range ws {
		if i < len(given) && given[i] > 0 && !math.IsInf(given[i], 0) {
			ws[i] = math.Max(given[i], min)
			sum += ws[i]
		} else {
			unknown++
		}
	}
	if unknown > 0 {
		share := math.Max((TextWidth-sum)/float64(unknown), math.Max(20, min))
		for i := range ws {
			if ws[i] == 0 {
				ws[i] = share
				sum += share
			}
		}
	}
	if excess := sum - TextWidth; excess > 0 {
		room := sum - float64(cols)*min // what can be taken, ≥ excess
		for i := range ws {
			ws[i] -= (ws[i] - min) * excess / room
		}
	}
	return ws
}

// fitColumns chooses the cell padding and font size so that cols columns,
// each wide enough for any one character, fit the text width; columns beyond
// what fits even at 4 pt are folded into the last one.
func fitColumns(cols int, size float64) (keep int, padX, fsize float64) {
	colMin := func(pad, size float64) float64 { return 2*pad + glyphRoom*ptToMM(size) }
	padX, fsize, keep = cellPadX, size, cols
	if float64(cols)*colMin(padX, fsize) <= TextWidth {
		return
	}
	padX = 0.5
	if per := TextWidth / float64(cols); per < colMin(padX, fsize) {
		fsize = (per - 2*padX) / glyphRoom * 72 / 25.4
	}
	if fsize < 4 {
		fsize = 4
		keep = int(TextWidth / colMin(padX, fsize))
	}
	return
}

// fold joins the cells from column keep-1 on into one.
func fold(cells []string, keep int) []string {
	if len(cells) <= keep {
		return cells
	}
	out := append([]string(nil), cells[:keep-1]...)
	var rest []string
	for _, c := range cells[keep-1:] {
		if c != "" {
			rest = append(rest, c)
		}
	}
	return append(out, strings.Join(rest, " · "))
}

// cell is a table cell broken into placed lines (x from the column's left).
type cell []setLine

// layout sets the table on the page: columns fitted and measured, each
// cell broken into lines, a row taller than a page split, the header
// repeated on each page. It is long because its closures share the
// columns' measures.
func (t Table) layout(d *doc) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	keep, padX, size := fitColumns(cols, clampSize(t.Size, tableSize))
	header := fold(t.Header, keep)
	cols = min(cols, keep)
	lh := lineHeight(size)
	base := baselineOffset(lh, size)
	ws := columnWidths(cols, t.Widths, 2*padX+glyphRoom*ptToMM(size))
	xs := make([]float64, cols+1) // column edges from the left margin
	for i, w := range ws {
		xs[i+1] = xs[i] + w
	}
	setCells := func(texts []string, st Style) []cell {
		cs := make([]cell, cols)
		for i := range cs {
			if i >= len(texts) {
				continue
			}
			avail := math.Max(ws[i]-2*padX, 1)
			align := Left
			if i < len(t.Align) && t.Align[i] != Justify {
				align = t.Align[i]
			}
			ls := breakLines(words([]Span{{Text: texts[i], Style: st}}, size, avail, d.fb), size, avail, avail)
			for _, l := range ls {
				cs[i] = append(cs[i], place(l, align, xs[i]+padX, avail))
			}
		}
		return cs
	}
	// rowOf makes a table row of lines [from, to) of each cell.
	rowOf := func(cs []cell, from, to int) *row {
		n := 1
		for _, c := range cs {
			n = max(n, min(len(c), to)-from)
		}
		h := float64(n)*lh + 2*cellPadY
		return &row{h: h, draw: func(d *doc, y float64) {
			for _, c := range cs {
				for i := from; i < min(len(c), to); i++ {
					drawLine(d, c[i], y+cellPadY+float64(i-from)*lh+base, size)
				}
			}
			left, right := Margin+xs[0], Margin+xs[cols]
			d.line(left, y, right, y, tableBorder)
			d.line(left, y+h, right, y+h, tableBorder)
			for _, x := range xs {
				d.line(Margin+x, y, Margin+x, y+h, tableBorder)
			}
		}}
	}
	// rowsOf splits a row taller than a page into rows of as many lines as fit.
	rowsOf := func(cs []cell, room float64) []*row {
		n := 1
		for _, c := range cs {
			n = max(n, len(c))
		}
		per := max(int((room-2*cellPadY)/lh), 1)
		var rs []*row
		for from := 0; from < n; from += per {
			rs = append(rs, rowOf(cs, from, from+per))
		}
		return rs
	}
	var repeat *row
	var rs []*row
	if len(header) > 0 {
		hs := rowsOf(setCells(header, Bold), capacity/2)
		repeat = hs[0]
		if len(hs) > 1 {
			repeat = nil // a header taller than half a page is not repeated
		}
		for _, h := range hs {
			h.kwn = true // not alone at the foot of a page
		}
		rs = append(rs, hs...)
	}
	room := capacity
	if repeat != nil {
		room -= repeat.h
	}
	for _, r := range t.Rows {
		for _, tr := range rowsOf(setCells(fold(r, keep), Regular), room) {
			tr.header = repeat
			rs = append(rs, tr)
		}
	}
	if len(t.Rows) == 0 && len(rs) > 0 {
		rs[len(rs)-1].kwn = false
	}
	d.emit(rs[0])
	for _, r := range rs[1:] {
		d.push(r)
	}
	d.addSpace(tableSpace)
}
