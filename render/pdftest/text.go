package pdftest

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Text extracts the text of each page, in reading order: one string per
// page, its lines separated by "\n".
//
// Each page's content stream (and the form XObjects it draws) is interpreted
// for its text operators. Character codes become Unicode through the font's
// /ToUnicode CMap (fpdf's UTF-8 fonts: 2-byte codes) or, for simple fonts
// without one, WinAnsiEncoding. Glyphs shown by one operator form a run;
// runs on the same baseline (within 0.3 of the smaller font size, at least
// 0.5 pt) form a line; lines are ordered top to bottom and runs left to
// right. Between two glyphs that are not already separated by a space
// character, a single space is inserted when the gap between them is wider
// than 0.15 of the larger font size, or when a run starts more than that
// inside the run before it (two texts drawn over each other). Trailing spaces
// are dropped and empty lines left out. Colour, size and rendering mode are
// ignored: white, tiny or invisible text is text.
func Text(pdf []byte) (pages []string, err error) {
	defer guard("text", &err)
	err = eachPage(pdf, "text", func(runs []run) { pages = append(pages, layout(runs)) })
	return pages, err
}

// eachPage interprets the content of each page in order and hands fn the
// runs of glyphs it draws (valid only during the call). op names the caller
// in errors.
func eachPage(pdf []byte, op string, fn func(runs []run)) error {
	ctx, err := read(pdf)
	if err != nil {
		return fmt.Errorf("pdftest: %s: %w", op, err)
	}
	in := &interp{fc: &fontCache{x: ctx.XRefTable, byObj: map[int]*fontInfo{}}, budget: maxOps}
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, attrs, err := ctx.PageDict(p, true)
		if err != nil {
			return fmt.Errorf("pdftest: %s: page %d: %w", op, p, err)
		}
		if d == nil {
			return fmt.Errorf("pdftest: %s: page %d not found", op, p)
		}
		var res types.Dict
		if attrs != nil {
			res = attrs.Resources
		}
		in.runs = in.runs[:0]
		if o, ok := d.Find("Contents"); ok {
			content, err := in.streams(o)
			if err != nil {
				return fmt.Errorf("pdftest: %s: page %d: %w", op, p, err)
			}
			if err := in.run(content, res, gstate{ctm: identity, th: 1}, 0); err != nil {
				return fmt.Errorf("pdftest: %s: page %d: %w", op, p, err)
			}
		}
		fn(in.runs)
	}
	return nil
}

const (
	maxOps       = 20_000_000 // operators interpreted per document
	maxFormDepth = 8          // nesting of form XObjects
	maxStack     = 1024       // q nesting
)

var errTooMuch = errors.New("content too large or too deeply nested")

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(tx, ty float64) matrix { return matrix{1, 0, 0, 1, tx, ty} }

// gstate is the part of the graphics state that positions text.
type gstate struct {
	ctm   matrix
	font  *fontInfo
	size  float64 // Tf
	tc    float64 // character spacing
	tw    float64 // word spacing
	th    float64 // horizontal scaling (1 = 100%)
	tl    float64 // leading
	trise float64
}

// glyph is one character code drawn on the page, in device space.
type glyph struct {
	s      string
	x0, x1 float64 // start and end of the glyph
	y      float64 // baseline
	size   float64 // font size in device space
	drawn  Glyph   // the code and font, for Glyphs
}

// run is the glyphs drawn by one text-showing operator.
type run struct {
	glyphs []glyph
	size   float64
}

type interp struct {
	fc     *fontCache
	runs   []run
	budget int
}

// streams returns the decoded content of a content stream or an array of
// them, separated by line feeds.
func (in *interp) streams(o types.Object) ([]byte, error) {
	x := in.fc.x
	o, err := x.Dereference(o)
	if err != nil || o == nil {
		return nil, err
	}
	var list types.Array
	switch o := o.(type) {
	case types.StreamDict:
		list = types.Array{o}
	case types.Array:
		list = o
	default:
		return nil, fmt.Errorf("contents is a %T", o)
	}
	var out []byte
	for _, e := range list {
		if e == nil {
			continue
		}
		sd, _, err := x.DereferenceStreamDict(e)
		if err != nil {
			return nil, err
		}
		if sd == nil {
			continue
		}
		if err := sd.Decode(); err != nil {
			return nil, fmt.Errorf("content stream: %w", err)
		}
		out = append(out, sd.Content...)
		out = append(out, '\n')
	}
	return out, nil
}

func num(ops []operand, i int) float64 {
	if i < 0 || i >= len(ops) || ops[i].kind != opNumber {
		return 0
	}
	v := ops[i].num
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// last returns the operand that an operator taking n operands finds at
// position i (0-based), counting from the end of the operand list.
func last(ops []operand, n, i int) float64 {
	return num(ops, len(ops)-n+i)
}

// run interprets a content stream with resources res. It is long because it
// is one switch over the PDF text and graphics operators, one short case each.
func (in *interp) run(content []byte, res types.Dict, gs gstate, depth int) error {
	if depth > maxFormDepth {
		return errTooMuch
	}
	var (
		stack []gstate
		tm    = identity
		tlm   = identity
		lx    = &lexer{b: content}
		ops   []operand
	)
	nextLine := func(tx, ty float64) {
		tlm = translate(tx, ty).mul(tlm)
		tm = tlm
	}
	for {
		op, operands, ok := lx.nextOp(ops)
		ops = operands
		if !ok {
			return nil
		}
		if in.budget--; in.budget < 0 {
			return errTooMuch
		}
		switch op {
		case "q":
			if len(stack) < maxStack {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(ops) >= 6 {
				m := matrix{last(ops, 6, 0), last(ops, 6, 1), last(ops, 6, 2), last(ops, 6, 3), last(ops, 6, 4), last(ops, 6, 5)}
				gs.ctm = m.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "ET":
		case "Tf":
			if len(ops) >= 2 {
				gs.size = last(ops, 2, 1)
				if o := ops[len(ops)-2]; o.kind == opName {
					gs.font = in.font(res, string(o.str))
				}
			}
		case "Tc":
			gs.tc = last(ops, 1, 0)
		case "Tw":
			gs.tw = last(ops, 1, 0)
		case "Tz":
			if len(ops) >= 1 {
				gs.th = last(ops, 1, 0) / 100
			}
		case "TL":
			gs.tl = last(ops, 1, 0)
		case "Ts":
			gs.trise = last(ops, 1, 0)
		case "Td":
			nextLine(last(ops, 2, 0), last(ops, 2, 1))
		case "TD":
			gs.tl = -last(ops, 2, 1)
			nextLine(last(ops, 2, 0), last(ops, 2, 1))
		case "Tm":
			if len(ops) >= 6 {
				tlm = matrix{last(ops, 6, 0), last(ops, 6, 1), last(ops, 6, 2), last(ops, 6, 3), last(ops, 6, 4), last(ops, 6, 5)}
				tm = tlm
			}
		case "T*":
			nextLine(0, -gs.tl)
		case "Tj":
			if n := len(ops); n > 0 && ops[n-1].kind == opString {
				in.show(&gs, &tm, []operand{ops[n-1]})
			}
		case "'":
			nextLine(0, -gs.tl)
			if n := len(ops); n > 0 && ops[n-1].kind == opString {
				in.show(&gs, &tm, []operand{ops[n-1]})
			}
		case "\"":
			if n := len(ops); n >= 3 && ops[n-1].kind == opString {
				gs.tw = last(ops, 3, 0)
				gs.tc = last(ops, 3, 1)
				nextLine(0, -gs.tl)
				in.show(&gs, &tm, []operand{ops[n-1]})
			}
		case "TJ":
			if n := len(ops); n > 0 && ops[n-1].kind == opArray {
				in.show(&gs, &tm, ops[n-1].arr)
			}
		case "ID":
			lx.skipInlineImage()
		case "Do":
			if n := len(ops); n > 0 && ops[n-1].kind == opName {
				if err := in.form(res, string(ops[n-1].str), gs, depth); err != nil {
					return err
				}
			}
		}
	}
}

// resource returns the entry name of the resource category cat (Font,
// XObject) of res.
func (in *interp) resource(res types.Dict, cat, name string) types.Object {
	if res == nil {
		return nil
	}
	o, ok := res.Find(cat)
	if !ok {
		return nil
	}
	d, err := in.fc.x.DereferenceDict(o)
	if err != nil || d == nil {
		return nil
	}
	e, ok := d.Find(name)
	if !ok {
		return nil
	}
	return e
}

func (in *interp) font(res types.Dict, name string) *fontInfo {
	o := in.resource(res, "Font", name)
	if o == nil {
		return defaultFont
	}
	return in.fc.load(o)
}

// form draws the form XObject name, if it is one.
func (in *interp) form(res types.Dict, name string, gs gstate, depth int) error {
	o := in.resource(res, "XObject", name)
	if o == nil {
		return nil
	}
	x := in.fc.x
	sd, _, err := x.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil // an image, or nothing
	}
	if st := sd.Subtype(); st == nil || *st != "Form" {
		return nil
	}
	if err := sd.Decode(); err != nil {
		return fmt.Errorf("form %s: %w", name, err)
	}
	if a := in.fc.array(sd.Dict, "Matrix"); len(a) == 6 {
		var m matrix
		for i := range m {
			v, err := x.DereferenceNumber(a[i])
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				v = identity[i]
			}
			m[i] = v
		}
		gs.ctm = m.mul(gs.ctm)
	}
	formRes := res
	if ro, ok := sd.Find("Resources"); ok {
		if d, err := x.DereferenceDict(ro); err == nil && d != nil {
			formRes = d
		}
	}
	return in.run(sd.Content, formRes, gs, depth+1)
}

// show draws the strings of a Tj/TJ (numbers in a TJ array move the text
// position), recording the glyphs as one run.
func (in *interp) show(gs *gstate, tm *matrix, items []operand) {
	f := gs.font
	if f == nil {
		f = defaultFont
	}
	var r run
	for _, it := range items {
		switch it.kind {
		case opNumber:
			tx := -num([]operand{it}, 0) / 1000 * gs.size * gs.th
			*tm = translate(tx, 0).mul(*tm)
		case opString:
			f.codes(it.str, func(code int, single bool) {
				if in.budget--; in.budget < 0 {
					return
				}
				w0 := f.width(code) / 1000
				trm := matrix{gs.size * gs.th, 0, 0, gs.size, 0, gs.trise}.mul(*tm).mul(gs.ctm)
				g := glyph{
					s:    f.text(code),
					x0:   trm[4],
					x1:   trm[4] + w0*trm[0],
					y:    trm[5],
					size: math.Hypot(trm[2], trm[3]),
				}
				g.drawn = drawnGlyph(f, code, g.s)
				g.x0, g.x1, g.y, g.size = finite(g.x0), finite(g.x1), finite(g.y), finite(g.size)
				r.glyphs = append(r.glyphs, g)
				r.size = math.Max(r.size, g.size)
				tx := w0*gs.size + gs.tc
				if single && code == ' ' {
					tx += gs.tw
				}
				*tm = translate(tx*gs.th, 0).mul(*tm)
			})
		}
	}
	if len(r.glyphs) > 0 {
		in.runs = append(in.runs, r)
	}
}

func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

const (
	spaceGap = 0.15 // a gap wider than this (in ems) between glyphs is a space
	lineTol  = 0.3  // baselines closer than this (in ems of the smaller font) are one line
	minTol   = 0.5  // points
)

// line is runs on one baseline.
type line struct {
	y, size float64
	runs    []run
}

// layout turns a page's runs into its text.
func layout(runs []run) string {
	sorted := make([]run, len(runs))
	copy(sorted, runs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].glyphs[0].y > sorted[j].glyphs[0].y })
	var lines []*line
	for _, r := range sorted {
		y := r.glyphs[0].y
		if n := len(lines); n > 0 {
			l := lines[n-1]
			tol := math.Max(minTol, lineTol*math.Min(l.size, r.size))
			if l.y-y <= tol {
				l.runs = append(l.runs, r)
				l.size = math.Max(l.size, r.size)
				continue
			}
		}
		lines = append(lines, &line{y: y, size: r.size, runs: []run{r}})
	}
	var out []string
	for _, l := range lines {
		sort.SliceStable(l.runs, func(i, j int) bool { return l.runs[i].glyphs[0].x0 < l.runs[j].glyphs[0].x0 })
		var (
			sb        strings.Builder
			prev      *glyph
			lastSpace = true // nothing to separate at the start of a line
		)
		for _, r := range l.runs {
			for gi := range r.glyphs {
				g := &r.glyphs[gi]
				if g.s == "" {
					prev = g
					continue
				}
				if prev != nil && !lastSpace && !startsWithSpace(g.s) {
					gap := g.x0 - prev.x1
					em := math.Max(prev.size, g.size)
					if gap > spaceGap*em || (gi == 0 && gap < -spaceGap*em) {
						sb.WriteByte(' ')
					}
				}
				sb.WriteString(g.s)
				lastSpace = endsWithSpace(g.s)
				prev = g
			}
		}
		if s := strings.TrimRight(sb.String(), " "); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}
