package render

import (
	"math"
	"strconv"
	"sync"
)

// Paragraph and Heading: text broken into lines, one row per line.

// DefaultSize (pt) and DefaultSpaceAfter (mm) are what a block's zero Size
// and SpaceAfter mean.
const (
	DefaultSize       = 11.0
	DefaultSpaceAfter = 2.5
)

const (
	defaultSize       = DefaultSize
	defaultSpaceAfter = DefaultSpaceAfter
)

const (
	leading      = 1.25 // line height / font size
	minLine      = 10.0 // mm: the narrowest a line is allowed to get
	minSignature = 30.0 // mm: the narrowest a signature block gets
	ruleWidth    = 0.2  // mm: underlines and rules
)

// clampSize keeps a font size in a range that fits a page.
func clampSize(size, def float64) float64 {
	switch {
	case !(size > 0): // zero, negative, NaN
		return def
	case size < 4:
		return 4
	case size > 72:
		return 72
	}
	return size
}

// clamp bounds v to [lo, hi]; NaN becomes lo.
func clamp(v, lo, hi float64) float64 {
	if !(v >= lo) {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// lineHeight is the distance between baselines at size pt, in mm.
func lineHeight(size float64) float64 { return ptToMM(size * leading) }

// baselineOffset is where the baseline sits below the top of a line of
// height lh set at size pt: the glyphs' extent centred in the line.
func baselineOffset(lh, size float64) float64 {
	em := ptToMM(size)
	return (lh-(ascent+descent)*em)/2 + ascent*em
}

func (p Paragraph) layout(d *doc) {
	if h := d.runIn; h != "" {
		// A run-in caption waiting for this paragraph starts it.
		d.runIn = ""
		p.Spans = append([]Span{B(h), T(" ")}, p.Spans...)
	}
	rs := cachedParagraphRows(p, d.fb)
	// No orphans (a first line alone at the foot of a page) and no widows (a
	// last line alone at the top of one).
	if n := len(rs); n >= 2 {
		rs[0].kwn = true
		rs[n-2].kwn = true
	}
	for _, r := range rs {
		d.emit(r)
	}
	sa := p.SpaceAfter
	if sa == 0 {
		sa = defaultSpaceAfter
	}
	d.addSpace(sa)
}

// paragraphs caches the rows of paragraphs laid out before: the Warrant's
// text is the same for every holder but for a few figures and names. It is
// emptied when it holds maxCachedParagraphs; rows depend only on the
// paragraph, so what it holds never changes the output.
var paragraphs struct {
	sync.Mutex
	m map[string][]row
}

const maxCachedParagraphs = 1024

// cachedParagraphRows is paragraphRows(p, fb), from the cache when it can:
// fresh copies of the rows, which the pager may change.
func cachedParagraphRows(p Paragraph, fb *Font) []*row {
	key := paragraphKey(p)
	if fb != nil {
		key = fb.id + key
	}
	paragraphs.Lock()
	proto, ok := paragraphs.m[key]
	paragraphs.Unlock()
	if !ok {
		rs := paragraphRows(p, fb)
		proto = make([]row, len(rs))
		for i, r := range rs {
			proto[i] = *r
		}
		paragraphs.Lock()
		if len(paragraphs.m) >= maxCachedParagraphs || paragraphs.m == nil {
			paragraphs.m = map[string][]row{}
		}
		paragraphs.m[key] = proto
		paragraphs.Unlock()
	}
	rows := make([]row, len(proto))
	copy(rows, proto)
	out := make([]*row, len(rows))
	for i := range rows {
		out[i] = &rows[i]
	}
	return out
}

// paragraphKey is everything paragraphRows reads of p.
func paragraphKey(p Paragraph) string {
	n := 64
	for _, sp := range p.Spans {
		n += len(sp.Text) + 16
	}
	b := make([]byte, 0, n+len(p.Label))
	num := func(v float64) {
		b = strconv.AppendUint(b, math.Float64bits(v), 36)
		b = append(b, 0)
	}
	num(p.Indent)
	num(p.First)
	num(p.Size)
	b = append(b, byte(p.Align), byte(p.LabelAlign), 0)
	b = strconv.AppendInt(b, int64(len(p.Label)), 10)
	b = append(b, 0)
	b = append(b, p.Label...)
	for _, sp := range p.Spans {
		flags := byte(0)
		if sp.Field {
			flags |= 1
		}
		if sp.Tag {
			flags |= 2
		}
		b = append(b, byte(sp.Style), flags)
		num(sp.MinWidth)
		b = strconv.AppendInt(b, int64(len(sp.Text)), 10)
		b = append(b, 0)
		b = append(b, sp.Text...)
	}
	return string(b)
}

// paragraphRows breaks p into lines and makes a row of each, with fb as the
// fallback font (nil: none).
func paragraphRows(p Paragraph, fb *Font) []*row {
	size := clampSize(p.Size, defaultSize)
	lh := lineHeight(size)
	// The narrowest line holds any one character (a character that does not
	// fit a line is set anyway, and would cross the margin).
	narrowest := math.Max(minLine, 1.2*ptToMM(size))
	indent := clamp(p.Indent, 0, TextWidth-narrowest)
	first := clamp(indent+p.First, 0, TextWidth-narrowest)
	label := sanitize(p.Label, false)
	labelX, labelSize := first, size
	if label != "" {
		labelX = math.Min(labelX, TextWidth-2*narrowest)
		// The label hangs at Indent+First; the text starts at Indent, or
		// after the label when the label is wider than the hang. A label
		// too wide for the line is set smaller.
		space := width(Regular, size, " ")
		if p.LabelAlign == Right {
			// The label ends an em before the text, or starts at the
			// margin when it is wider than the room there.
			labelX = math.Max(0, indent-ptToMM(size)-width(Regular, size, label))
		}
		labelSize = fitSize(Regular, size, label, TextWidth-narrowest-space-labelX)
		first = indent
		if end := labelX + width(Regular, labelSize, label) + space; end > first {
			first = end
		}
	}
	rest := TextWidth - indent
	firstAvail := TextWidth - first
	ws := words(p.Spans, size, math.Min(rest, firstAvail), fb)
	lines := breakLines(ws, size, firstAvail, rest)
	if len(lines) == 0 && label != "" {
		lines = []line{{last: true}}
	}
	base := baselineOffset(lh, size)
	rs := make([]*row, 0, len(lines))
	for i, l := range lines {
		x0, avail := indent, rest
		if i == 0 {
			x0, avail = first, firstAvail
		}
		sl := place(l, p.Align, x0, avail)
		lab := ""
		if i == 0 {
			lab = label
		}
		rs = append(rs, &row{h: lh, draw: func(d *doc, y float64) {
			if lab != "" {
				d.text(Margin+labelX, y+base, lab, Regular, labelSize)
			}
			drawLine(d, sl, y+base, size)
		}})
	}
	return rs
}

// drawLine draws a placed line with its baseline at y.
func drawLine(d *doc, sl setLine, y, size float64) {
	for _, it := range sl.items {
		if it.tag {
			d.tag(Margin+it.x, y, it.text)
			continue
		}
		d.spacedText(Margin+it.x, y, it.text, it.style, size, it.spacing)
	}
	uy := y + 0.15*ptToMM(size)
	for _, r := range sl.rules {
		d.line(Margin+r.x1, uy, Margin+r.x2, uy, ruleWidth)
	}
}

func (h Heading) layout(d *doc) {
	level := h.Level
	if level < 1 {
		level = 1
	}
	if level > 3 {
		level = 3
	}
	var size, before, after float64
	align := Left
	switch level {
	case 1:
		size, before, after, align = 14, 0, 4, Center
	case 2:
		size, before, after = 12, 3, 2
	default:
		size, before, after = 11, 1.5, 1.5
	}
	if h.Align != Justify {
		align = h.Align
	}
	d.addSpace(before)
	if level == 3 && h.Align == Justify {
		// Run in: the caption starts the paragraph that follows; before
		// anything else, it stands alone (see doc.layout).
		d.runIn = sanitize(h.Text, false)
		return
	}
	headingRows(d, h.Text, size, align)
	d.addSpace(after)
}

// headingRows emits a heading's lines, each kept with what follows.
func headingRows(d *doc, text string, size float64, align Align) {
	for _, r := range paragraphRows(Paragraph{Spans: []Span{B(text)}, Align: align, Size: size}, d.fb) {
		r.kwn = true
		d.emit(r)
	}
}
