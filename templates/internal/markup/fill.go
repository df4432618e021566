package markup

import (
	"strings"

	"github.com/warrantkit/warrantkit/render"
)

// indentUnit is one indent level of the markup: half an inch, in mm.
const indentUnit = 12.7

// itemLabelWidth is the room a hanging item label such as "(iii)" takes, mm.
const itemLabelWidth = 10

// signatureWidth is the length of the rules of a signature block, mm.
const signatureWidth = 75

// filler turns parsed blocks into render blocks, noting missing texts.
type filler struct {
	values  map[string]string
	missing []string
	seen    map[string]bool
}

// value is the text of {{=name}}; a missing or empty value is noted, once,
// and gives "".
func (f *filler) value(name string, upper, stop bool) string {
	v := f.values[name]
	if v == "" {
		if f.seen == nil {
			f.seen = map[string]bool{}
		}
		if !f.seen[name] {
			f.seen[name] = true
			f.missing = append(f.missing, name)
		}
		return ""
	}
	if upper {
		v = strings.ToUpper(v)
	}
	if stop && !strings.HasSuffix(v, ".") {
		v += "."
	}
	return v
}

// spans lays out inline text; line breaks inside values are kept ("\n"),
// for the caller to keep or fold.
func (f *filler) spans(t inline) []render.Span {
	var out []render.Span
	text := func(s string, st render.Style) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && !out[n-1].Field && !out[n-1].Tag && out[n-1].Style == st {
			out[n-1].Text += s
			return
		}
		out = append(out, render.Span{Text: s, Style: st})
	}
	for _, g := range t {
		switch g.kind {
		case segText:
			text(g.text, g.style)
		case segValue:
			if g.blank && f.values[g.name] == "" {
				out = append(out, render.F("", g.width))
				continue
			}
			text(f.value(g.name, g.upper, g.stop), g.style)
		case segField:
			v := f.values[g.name]
			if v == "" {
				for _, p := range f.spans(g.prefix) {
					text(p.Text, p.Style)
				}
			}
			// A value's closing comma ("Alpha Capital Anstalt, as Holder of
			// Warrant No. W-F-05-001,") is punctuation of the sentence, set
			// after the line the value is written on.
			v, comma := strings.CutSuffix(v, ",")
			out = append(out, render.F(v, g.width))
			if tag := f.values[g.name+".tag"]; tag != "" {
				out = append(out, render.Tag(tag))
			}
			if comma {
				text(",", render.Regular)
			}
		}
	}
	return out
}

// flat lays out inline text as one line: line breaks in values become spaces.
func (f *filler) flat(t inline) []render.Span {
	sp := f.spans(t)
	for i := range sp {
		if !sp[i].Field && !sp[i].Tag {
			sp[i].Text = strings.ReplaceAll(sp[i].Text, "\n", " ")
		}
	}
	return sp
}

// plain is inline text without fields as a string.
func (f *filler) plain(t inline) string {
	var b strings.Builder
	for _, s := range f.spans(t) {
		if !s.Tag {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// oneLine is plain text on one line: line breaks in values become spaces.
func (f *filler) oneLine(t inline) string { return strings.ReplaceAll(f.plain(t), "\n", " ") }

func (f *filler) blocks(bs []block) []render.Block {
	var out []render.Block
	for _, b := range bs {
		out = append(out, f.block(b)...)
	}
	return out
}

// block lays out one directive.
func (f *filler) block(b block) []render.Block {
	indent := b.level * indentUnit
	var one render.Block
	switch b.kind {
	case "title":
		one = render.Heading{Text: f.oneLine(b.text), Level: 1}
	case "center":
		one = render.Paragraph{Spans: f.flat(b.text), Align: render.Center}
	case "left":
		one = render.Paragraph{Spans: f.flat(b.text), Align: render.Left}
	case "right":
		one = render.Paragraph{Spans: f.flat(b.text), Align: render.Right}
	case "pair":
		return pair(f.flat(b.text), f.flat(b.right))
	case "space":
		one = render.Spacer{Height: b.height}
	case "pagebreak":
		one = render.PageBreak{}
	case "keep":
		one = render.Keep{Blocks: f.blocks(b.children)}
	case "formula":
		one = render.Fraction{Left: f.oneLine(b.parts[0]), Numerator: f.oneLine(b.parts[1]), Denominator: f.oneLine(b.parts[2]), Right: f.oneLine(b.parts[3])}
	case "p":
		one = render.Paragraph{Spans: f.flat(b.text), Indent: indent, First: indentUnit}
	case "flush":
		one = render.Paragraph{Spans: f.flat(b.text), Indent: indent}
	case "ragged":
		one = render.Paragraph{Spans: f.flat(b.text), Indent: indent, Align: render.Left}
	case "item":
		one = f.item(b, indent)
	case "hang":
		one = render.Paragraph{Spans: f.flat(b.text), Indent: indent, First: (b.level2 - b.level) * indentUnit, Label: b.label}
	case "symbol":
		one = render.Paragraph{Spans: f.flat(b.text), Indent: indent, Label: b.label, LabelAlign: render.Right}
	case "lines":
		one = f.lines(b, indent)
	case "signature":
		one = f.signature(b, indent)
	default:
		panic("markup: unhandled directive @" + b.kind) // the parser admits only the kinds above
	}
	return []render.Block{one}
}

// item lays out @item: a label in parentheses hangs, a number runs in.
func (f *filler) item(b block, indent float64) render.Paragraph {
	if strings.HasPrefix(b.label, "(") {
		// (a), (i), (A): the label hangs at the item's first-line indent
		// and every line of the text aligns after it.
		return render.Paragraph{Spans: f.flat(b.text), Indent: indent + indentUnit + itemLabelWidth, First: -itemLabelWidth, Label: b.label}
	}
	// Numbered sections run in, as in the filing: "1. Term. The term …".
	sp := f.flat(append(inline{{kind: segText, text: b.label + " "}}, b.text...))
	return render.Paragraph{Spans: sp, Indent: indent, First: indentUnit}
}

// lines lays out @lines as one left-aligned paragraph, a line per line: the
// engine breaks lines at "\n", and a value holding line breaks (a
// multi-line address) gives several lines.
func (f *filler) lines(b block, indent float64) render.Paragraph {
	var all inline
	for i, l := range b.lines {
		if i > 0 {
			all = append(all, segment{kind: segText, text: "\n"})
		}
		all = append(all, l...)
	}
	return render.Paragraph{Spans: f.spans(all), Indent: indent, Align: render.Left}
}

// signature lays out a @signature block: a "sign" line is a tall rule with
// its field's value and e-sign tag; a "line" gives a line per line of its
// text.
func (f *filler) signature(b block, indent float64) render.Signature {
	sig := render.Signature{Heading: f.plain(b.heading), Indent: indent, Width: signatureWidth}
	for _, l := range b.sig {
		switch l.kind {
		case "sign":
			g := l.text[0]
			sig.Lines = append(sig.Lines, render.SignatureLine{Label: l.label, Value: f.values[g.name], Tag: f.values[g.name+".tag"], Tall: true})
		case "line":
			for _, v := range strings.Split(f.plain(l.text), "\n") {
				sig.Lines = append(sig.Lines, render.SignatureLine{Value: v})
			}
		}
	}
	return sig
}

// pair sets a left part at the left margin and a right part flush right,
// on one line when they fit (render.Split).
func pair(left, right []render.Span) []render.Block {
	return []render.Block{render.Split{Left: left, Right: right}}
}
