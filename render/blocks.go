package render

import "math"

// Fraction, Signature, Spacer, PageBreak and Keep.

// fitSize is the largest size ≤ size at which s in style st is at most w mm
// wide (w > 0): text that cannot be wrapped is set smaller, however small,
// rather than past the margin.
func fitSize(st Style, size float64, s string, w float64) float64 {
	return (*Font)(nil).fitSize(st, size, s, w)
}

// fitSize is fitSize with f as the fallback font (nil: none).
func (f *Font) fitSize(st Style, size float64, s string, w float64) float64 {
	w = math.Max(w, 0.1)
	if tw := f.width(st, size, s); tw > w && tw > 0 {
		return size * w / tw * (1 - 1e-9)
	}
	return size
}

func (f Fraction) layout(d *doc) {
	left := sanitize(f.Left, false)
	num := sanitize(f.Numerator, false)
	den := sanitize(f.Denominator, false)
	right := sanitize(f.Right, false)
	indent := clamp(f.Indent, 0, TextWidth-minLine)
	avail := TextWidth - indent

	const pad = 1.0 // mm: the bar reaches past the longer of the two terms
	// nominal is the size asked for; size may be smaller, to fit the line.
	nominal := clampSize(f.Size, defaultSize)
	size := nominal
	measure := func(size float64) (wL, wN, wD, wR, gap, total float64) {
		wL, wN, wD, wR = d.fb.width(Regular, size, left), d.fb.width(Regular, size, num), d.fb.width(Regular, size, den), d.fb.width(Regular, size, right)
		gap = width(Regular, size, " ")
		total = math.Max(wN, wD) + 2*pad*size/defaultSize
		if left != "" {
			total += wL + gap
		}
		if right != "" {
			total += gap + wR
		}
		return
	}
	_, _, _, _, _, total := measure(size)
	if total > avail {
		// Too wide for the line: set it smaller rather than past the margin.
		size = size * avail / total
	}
	wL, wN, wD, _, gap, total := measure(size)
	em := ptToMM(size)
	half := 0.7 + (ascent+descent)*em + 0.6
	h := 2 * half
	p := pad * size / defaultSize
	d.emit(&row{h: h, draw: func(d *doc, y float64) {
		x := Margin + indent + (avail-total)/2
		ruleY := y + half
		axis := ruleY + 0.25*em // baseline that centres text on the bar
		if left != "" {
			d.text(x, axis, left, Regular, size)
			x += wL + gap
		}
		wF := math.Max(wN, wD) + 2*p
		d.text(x+(wF-wN)/2, ruleY-0.7-descent*em, num, Regular, size)
		d.text(x+(wF-wD)/2, ruleY+0.7+0.7*em, den, Regular, size)
		d.line(x, ruleY, x+wF, ruleY, ruleWidth)
		x += wF
		if right != "" {
			d.text(x+gap, axis, right, Regular, size)
		}
	}})
	d.addSpace(defaultSpaceAfter * nominal / defaultSize)
}

// Signature geometry, mm.
const (
	sigAbove     = 7.0  // from the top of a line to its rule
	sigTallAbove = 15.0 // the same for a line to sign on by hand
	sigBelow     = 2.0  // below the rule
	tightScale   = 0.75 // Tight: the heights above times this
	sigWidth     = 80.0 // rule length when Width is 0
	sigBefore    = 3.0  // before the block
	sigSpace     = 4.0  // after the block
)

func (s Signature) layout(d *doc) {
	indent := clamp(s.Indent, 0, TextWidth-minSignature)
	avail := TextWidth - indent
	size := defaultSize
	var rs []*row
	if heading := sanitize(s.Heading, true); heading != "" {
		rs = paragraphRows(Paragraph{Spans: []Span{B(heading)}, Align: Left, Indent: indent}, d.fb)
	}
	// Labels form a column so that the rules line up.
	col := 0.0
	labels := make([]string, len(s.Lines))
	for i, l := range s.Lines {
		labels[i] = sanitize(l.Label, false)
		if labels[i] != "" {
			col = math.Max(col, d.fb.width(Regular, size, labels[i])+2)
		}
	}
	col = math.Min(col, avail/2)
	w := s.Width
	if !(w > 0) {
		w = sigWidth
	}
	w = math.Min(math.Max(w, minLine), avail-col)
	for i, l := range s.Lines {
		label := labels[i]
		value := sanitize(l.Value, false)
		tag := sanitize(l.Tag, false)
		above, below := sigAbove, sigBelow
		if l.Tall {
			above = sigTallAbove
		}
		if s.Tight {
			above, below = above*tightScale, below*tightScale
		}
		labelSize := size
		if label != "" {
			labelSize = fitSize(Regular, size, label, col-2)
		}
		valueSize := d.fb.fitSize(Regular, size, value, w-2)
		rs = append(rs, &row{h: above + below, draw: func(d *doc, y float64) {
			ruleY := y + above
			base := ruleY - 0.8
			x := Margin + indent
			if label != "" {
				d.text(x, base, label, Regular, labelSize)
			}
			x += col
			d.line(x, ruleY, x+w, ruleY, ruleWidth)
			if tag != "" {
				d.tag(x, base, tag)
			}
			if value != "" {
				d.text(x+1, base, value, Regular, valueSize)
			}
		}})
	}
	if len(rs) == 0 {
		return
	}
	d.addSpace(sigBefore)
	if len(rs) > 1 {
		rs[0].groups = []float64{groupHeight(rs)}
	}
	for i, r := range rs {
		if i == 0 {
			d.emit(r)
		} else {
			d.push(r)
		}
	}
	d.addSpace(sigSpace)
}

func (s Spacer) layout(d *doc) { d.addSpace(s.Height) }

// A PageBreak on a page with nothing on it yet (at the start of the document,
// or after another PageBreak) does nothing: it never makes a blank page.
// Space pending before it (a paragraph's SpaceAfter) is dropped; a Spacer
// after it is kept at the top of the new page.
func (PageBreak) layout(d *doc) {
	d.space = 0
	d.push(&row{brk: true})
}

// Keep marks its rows as a group: the pager moves the group to a new page
// when it does not fit in the room left but fits on a fresh page (measured
// from the rows, which are laid out but not yet drawn). A group taller than a
// page flows across pages like any other rows.
func (k Keep) layout(d *doc) {
	saved := d.capture
	var rs []*row
	d.capture = &rs
	for _, b := range k.Blocks {
		d.layout(b)
	}
	d.capture = saved
	if len(rs) == 0 {
		return
	}
	rs[0].groups = append([]float64{groupHeight(rs)}, rs[0].groups...)
	for _, r := range rs {
		d.push(r)
	}
}
