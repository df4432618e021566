package render

import "math"

// Split: a line with text at both margins.

// Split is one line with Left set from the left margin and Right set flush
// against the right margin, the two on one baseline, as a filing sets
// "No.: W-F-05-___          Number of Shares: ______" or
// "Dated: ______          Signature ______". When the two do not fit side by
// side with at least splitGap between them, Right is set on the line below,
// still flush right; a part wider than the line wraps, set ragged (Left) or
// flush right (Right). Space after it is that of a paragraph.
type Split struct {
	Left, Right []Span
}

// splitGap is the least room between the two parts of a Split on one line,
// in ems of the text size: two ems, a tab's worth.
const splitGap = 2.0

func (s Split) layout(d *doc) {
	for _, r := range splitRows(s, d.fb) {
		d.emit(r)
	}
	d.addSpace(defaultSpaceAfter)
}

// splitRows lays out a Split, with fb as the fallback font (nil: none): one
// row when the parts fit side by side, else the rows of each part as a
// paragraph of its own, kept together.
func splitRows(s Split, fb *Font) []*row {
	size := defaultSize
	left := words(s.Left, size, TextWidth, fb)
	right := words(s.Right, size, TextWidth, fb)
	ll := breakLines(left, size, TextWidth, TextWidth)
	rl := breakLines(right, size, TextWidth, TextWidth)
	gap := splitGap * ptToMM(size)
	if len(ll) <= 1 && len(rl) <= 1 && natural(ll)+gap+natural(rl) <= TextWidth+eps {
		lh := lineHeight(size)
		base := baselineOffset(lh, size)
		var sl, sr setLine
		if len(ll) == 1 {
			sl = place(ll[0], Left, 0, TextWidth)
		}
		if len(rl) == 1 {
			sr = place(rl[0], Right, 0, TextWidth)
		}
		return []*row{{h: lh, draw: func(d *doc, y float64) {
			drawLine(d, sl, y+base, size)
			drawLine(d, sr, y+base, size)
		}}}
	}
	// Too wide for one line: the right part goes below the left, and the
	// whole stays on one page (it is a few lines at most).
	rs := append(paragraphRows(Paragraph{Spans: s.Left, Align: Left}, fb),
		paragraphRows(Paragraph{Spans: s.Right, Align: Right}, fb)...)
	for i := 0; i+1 < len(rs); i++ {
		rs[i].kwn = true
	}
	return rs
}

// natural is the width of a one-line part (0 for none).
func natural(ls []line) float64 {
	if len(ls) == 0 {
		return 0
	}
	return math.Max(ls[0].natural, 0)
}
