package templates

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/warrantkit/warrantkit/render"
)

// The Warrant's own text — the instrument and its attached forms — lives in
// text/warrant.txt, in a small line-oriented markup described at the top of
// that file. This file parses it once and turns a section of it into render
// blocks, filling its placeholders:
//
//   - {{name}}, {{name:40}}: a fill-in blank (render.F). A missing or empty
//     value leaves an empty underline; {{name:40|PREFIX}} prints PREFIX before
//     the underline when blank (e.g. "W-F-05-" before a warrant number) and
//     only the value when filled (the value is the whole number). A value
//     under "name.tag" adds an invisible e-sign tag (render.Tag) after it.
//   - {{=name}}, {{=name:upper}}: plain text from the case file (the issuer's
//     name, dates, price, ...). A missing or empty value is an error.
//   - {{=name?}}, {{=name?40}}: an optional text from the case file (the
//     issuer's jurisdiction, address, notice contact, signatory): a missing
//     or empty value leaves an empty underline (40 mm; default 30) to fill by
//     hand, as the blanks of the filing do; in a signature block, the line's
//     own rule is the blank.
//
// Values a section does not use are ignored, so one map may serve every
// section.

//go:embed text/warrant.txt
var warrantSource string

// indentUnit is one indent level of the markup: half an inch, in mm.
const indentUnit = 12.7

// itemLabelWidth is the room a hanging item label such as "(iii)" takes, mm.
const itemLabelWidth = 10

// defaultFieldWidth is a blank's underline when the markup gives no width, mm.
const defaultFieldWidth = 30

// signatureWidth is the length of the rules of a signature block, mm.
const signatureWidth = 75

// WarrantSections lists the sections of the Warrant's text in order:
// "warrant" (the instrument through its signature block), "exercise-form",
// "assignment", "partial-assignment", "issuer-record".
func WarrantSections() []string {
	wt, err := warrantTemplate()
	if err != nil {
		return nil
	}
	out := make([]string, len(wt.sections))
	for i, s := range wt.sections {
		out[i] = s.name
	}
	return out
}

// WarrantPlaceholders lists what a section needs, each name once in order of
// first appearance: fields are fill-in blanks (optional values), texts are
// plain-text values (required). An unknown section gives nil, nil.
func WarrantPlaceholders(section string) (fields, texts []string) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, nil
	}
	s := wt.byName[section]
	if s == nil {
		return nil, nil
	}
	return append([]string(nil), s.fields...), append([]string(nil), s.texts...)
}

// WarrantText lays out one section of the Warrant's text with values filling
// its placeholders. Sections that begin a new page in the Warrant (the
// Exercise Form, whose page the Assignment and Partial Assignment share, and
// the issuer-only record) begin with a render.PageBreak; at the start of a
// document of their own it is harmless (the engine ignores a page break on
// an empty page).
func WarrantText(section string, values map[string]string) ([]render.Block, error) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, err
	}
	s := wt.byName[section]
	if s == nil {
		return nil, fmt.Errorf("templates: the Warrant has no section %q (it has %s)", section, strings.Join(WarrantSections(), ", "))
	}
	f := &filler{values: values}
	blocks := f.blocks(s.blocks)
	if len(f.missing) > 0 {
		names := make([]string, len(f.missing))
		for i, n := range f.missing {
			names[i] = "{{=" + n + "}}"
		}
		return nil, fmt.Errorf("templates: Warrant section %q: no value for %s", section, strings.Join(names, ", "))
	}
	return blocks, nil
}

// missingTexts lists the required texts of every section of the Warrant
// that values leave empty, each once.
func missingTexts(values map[string]string) ([]string, error) {
	wt, err := warrantTemplate()
	if err != nil {
		return nil, err
	}
	f := &filler{values: values}
	for _, s := range wt.sections {
		f.blocks(s.blocks)
	}
	return f.missing, nil
}

var warrantTemplate = sync.OnceValues(func() (*wtDoc, error) {
	return parseWarrantText("text/warrant.txt", warrantSource)
})

// ---- the parsed markup ----

type segKind uint8

const (
	segText  segKind = iota // literal text
	segField                // {{name:width|prefix}}
	segValue                // {{=name}}
)

// wtSeg is a piece of inline text.
type wtSeg struct {
	kind   segKind
	text   string // segText
	style  render.Style
	name   string  // segField, segValue
	width  float64 // segField: minimum underline, mm
	prefix wtText  // segField: printed before an empty underline
	upper  bool    // segValue: in capitals
	stop   bool    // segValue: ends a sentence: a full stop unless it has one
	blank  bool    // segValue: optional; an empty underline of width when missing
}

type wtText []wtSeg

type wtSigLine struct {
	kind  string // "sign" or "line"
	label string
	text  wtText
}

type wtBlock struct {
	kind          string // the directive's name
	line          int
	level, level2 float64
	label         string
	text          wtText
	right         wtText    // pair
	parts         [4]wtText // formula
	lines         []wtText  // lines
	heading       wtText    // signature
	sig           []wtSigLine
	height        float64   // space
	children      []wtBlock // keep
}

type wtSection struct {
	name          string
	blocks        []wtBlock
	fields, texts []string
}

type wtDoc struct {
	sections []*wtSection
	byName   map[string]*wtSection
}

// ---- parser ----

var (
	sectionName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	placeName   = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// paragraphKinds take their text from the lines after the directive.
var paragraphKinds = map[string]bool{"p": true, "flush": true, "ragged": true, "item": true, "hang": true, "lines": true, "signature": true}

// parseWarrantText reads the markup; file names it in errors.
func parseWarrantText(file, src string) (*wtDoc, error) {
	doc := &wtDoc{byName: map[string]*wtSection{}}
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var sec *wtSection
	var keep *wtBlock // an open @keep
	errf := func(n int, format string, a ...any) error {
		return fmt.Errorf("%s:%d: %s", file, n, fmt.Sprintf(format, a...))
	}
	add := func(b wtBlock) {
		if keep != nil {
			keep.children = append(keep.children, b)
		} else {
			sec.blocks = append(sec.blocks, b)
		}
	}
	for i := 0; i < len(lines); i++ {
		n := i + 1
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
			continue
		case strings.HasPrefix(l, "=="):
			name := strings.TrimSpace(strings.TrimPrefix(l, "=="))
			if !sectionName.MatchString(name) {
				return nil, errf(n, "bad section name %q", name)
			}
			if doc.byName[name] != nil {
				return nil, errf(n, "section %q defined twice", name)
			}
			if keep != nil {
				return nil, errf(keep.line, "@keep not closed by @endkeep")
			}
			sec = &wtSection{name: name}
			doc.sections = append(doc.sections, sec)
			doc.byName[name] = sec
			continue
		case !strings.HasPrefix(l, "@"):
			return nil, errf(n, "text outside a paragraph (a paragraph starts with a directive such as @p): %q", l)
		}
		if sec == nil {
			return nil, errf(n, "directive before the first section (== name)")
		}
		dir, rest, _ := strings.Cut(l[1:], " ")
		rest = strings.TrimSpace(rest)
		b := wtBlock{kind: dir, line: n}
		// The text of a paragraph: the following lines up to a blank line
		// or the next directive; comments are skipped.
		var body []string
		if paragraphKinds[dir] {
			for i+1 < len(lines) {
				t := strings.TrimSpace(lines[i+1])
				if t == "" || strings.HasPrefix(t, "@") || strings.HasPrefix(t, "==") {
					break
				}
				i++
				if !strings.HasPrefix(t, "#") {
					body = append(body, t)
				}
			}
			if len(body) == 0 {
				return nil, errf(n, "@%s without text on the lines after it", dir)
			}
		}
		var err error
		switch dir {
		case "title", "center", "left", "right":
			if rest == "" {
				return nil, errf(n, "@%s without text", dir)
			}
			if b.text, err = parseInline(rest, dir != "title"); err != nil {
				return nil, errf(n, "%v", err)
			}
		case "pair":
			left, right, ok := strings.Cut(rest, "||")
			if !ok {
				return nil, errf(n, "@pair needs LEFT || RIGHT")
			}
			if b.text, err = parseInline(strings.TrimSpace(left), true); err != nil {
				return nil, errf(n, "%v", err)
			}
			if b.right, err = parseInline(strings.TrimSpace(right), true); err != nil {
				return nil, errf(n, "%v", err)
			}
		case "space":
			if b.height, err = strconv.ParseFloat(rest, 64); err != nil || b.height <= 0 || b.height > 200 {
				return nil, errf(n, "@space needs a height in mm, not %q", rest)
			}
		case "pagebreak", "endkeep", "keep":
			if rest != "" {
				return nil, errf(n, "@%s takes no arguments", dir)
			}
		case "formula":
			parts := strings.Split(rest, "|")
			if len(parts) != 3 && len(parts) != 4 {
				return nil, errf(n, "@formula needs LEFT | NUMERATOR | DENOMINATOR [| RIGHT]")
			}
			for k, p := range parts {
				if b.parts[k], err = parseInline(strings.TrimSpace(p), false); err != nil {
					return nil, errf(n, "%v", err)
				}
			}
		case "p", "flush", "ragged", "lines", "signature":
			if rest != "" {
				if b.level, err = parseLevel(rest); err != nil {
					return nil, errf(n, "%v", err)
				}
			}
		case "item":
			lv, label, _ := strings.Cut(rest, " ")
			if b.level, err = parseLevel(lv); err != nil {
				return nil, errf(n, "%v", err)
			}
			if b.label = strings.TrimSpace(label); b.label == "" || strings.Contains(b.label, " ") {
				return nil, errf(n, "@item needs a level and a one-word label, e.g. @item 1 (i)")
			}
		case "hang":
			f := strings.Fields(rest)
			if len(f) < 3 {
				return nil, errf(n, "@hang needs a text level, a label level and a label, e.g. @hang 4 3 (A)")
			}
			if b.level, err = parseLevel(f[0]); err != nil {
				return nil, errf(n, "%v", err)
			}
			if b.level2, err = parseLevel(f[1]); err != nil {
				return nil, errf(n, "%v", err)
			}
			if b.level2 >= b.level {
				return nil, errf(n, "@hang: the label's level must be left of the text's")
			}
			b.label = strings.Join(f[2:], " ")
		default:
			return nil, errf(n, "unknown directive @%s", dir)
		}
		switch dir {
		case "p", "flush", "ragged", "item", "hang":
			if b.text, err = parseInline(strings.Join(body, " "), true); err != nil {
				return nil, errf(n, "%v", err)
			}
		case "lines":
			for _, t := range body {
				x, err := parseInline(t, true)
				if err != nil {
					return nil, errf(n, "%v", err)
				}
				b.lines = append(b.lines, x)
			}
		case "signature":
			if err := parseSignature(&b, body); err != nil {
				return nil, errf(n, "%v", err)
			}
		}
		switch dir {
		case "keep":
			if keep != nil {
				return nil, errf(n, "@keep inside @keep")
			}
			keep = &b
		case "endkeep":
			if keep == nil {
				return nil, errf(n, "@endkeep without @keep")
			}
			k := *keep
			keep = nil
			add(k)
		default:
			add(b)
		}
	}
	if keep != nil {
		return nil, errf(keep.line, "@keep not closed by @endkeep")
	}
	if len(doc.sections) == 0 {
		return nil, fmt.Errorf("%s: no sections", file)
	}
	for _, s := range doc.sections {
		if len(s.blocks) == 0 {
			return nil, fmt.Errorf("%s: section %q is empty", file, s.name)
		}
		collect(s, s.blocks)
	}
	return doc, nil
}

func parseLevel(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 10 {
		return 0, fmt.Errorf("bad indent level %q (0 to 10)", s)
	}
	return v, nil
}

// parseSignature reads the lines of a @signature block.
func parseSignature(b *wtBlock, body []string) error {
	for _, l := range body {
		kw, rest, _ := strings.Cut(l, " ")
		rest = strings.TrimSpace(rest)
		switch kw {
		case "heading":
			if b.heading != nil {
				return fmt.Errorf("@signature: two headings")
			}
			t, err := parseInline(rest, false)
			if err != nil {
				return err
			}
			b.heading = t
		case "sign":
			label, field, ok := strings.Cut(rest, " ")
			t, err := parseInline(strings.TrimSpace(field), true)
			if err != nil {
				return err
			}
			if !ok || len(t) != 1 || t[0].kind != segField {
				return fmt.Errorf("@signature: sign needs a label and one {{field}}, e.g. sign By: {{issuer_signature}}")
			}
			b.sig = append(b.sig, wtSigLine{kind: kw, label: label, text: t})
		case "line":
			t, err := parseInline(rest, false)
			if err != nil {
				return err
			}
			b.sig = append(b.sig, wtSigLine{kind: kw, text: t})
		default:
			return fmt.Errorf("@signature: unknown line %q (heading, sign or line)", kw)
		}
	}
	if len(b.sig) == 0 {
		return fmt.Errorf("@signature without a sign or line")
	}
	return nil
}

// parseInline reads placeholders and the **bold** and __underline__ markers.
// fieldsOK says whether fill-in fields may appear (not in headings and
// formulas, which are plain text).
func parseInline(s string, fieldsOK bool) (wtText, error) {
	var out wtText
	var buf strings.Builder
	style := render.Regular
	flush := func() {
		if buf.Len() > 0 {
			out = append(out, wtSeg{kind: segText, text: buf.String(), style: style})
			buf.Reset()
		}
	}
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			end := closing(s, i)
			if end < 0 {
				return nil, fmt.Errorf("unclosed placeholder %q", clip(s[i:]))
			}
			seg, err := parsePlaceholder(s[i+2 : end])
			if err != nil {
				return nil, err
			}
			if seg.kind == segField && !fieldsOK {
				return nil, fmt.Errorf("fill-in field {{%s}} where only text may go", seg.name)
			}
			seg.style = style
			flush()
			out = append(out, seg)
			i = end + 2
		case strings.HasPrefix(s[i:], "}}"):
			return nil, fmt.Errorf("}} without {{ in %q", clip(s))
		case strings.HasPrefix(s[i:], "**"):
			flush()
			style ^= render.Bold
			i += 2
		case strings.HasPrefix(s[i:], "__"):
			flush()
			style ^= render.Underline
			i += 2
		default:
			buf.WriteByte(s[i])
			i++
		}
	}
	flush()
	if style&render.Bold != 0 {
		return nil, fmt.Errorf("** not closed in %q", clip(s))
	}
	if style&render.Underline != 0 {
		return nil, fmt.Errorf("__ not closed in %q", clip(s))
	}
	return out, nil
}

// closing finds the "}}" that closes the "{{" at s[i:], counting nesting;
// -1 if there is none.
func closing(s string, i int) int {
	depth := 0
	for j := i; j+1 < len(s); {
		switch {
		case s[j] == '{' && s[j+1] == '{':
			depth++
			j += 2
		case s[j] == '}' && s[j+1] == '}':
			depth--
			if depth == 0 {
				return j
			}
			j += 2
		default:
			j++
		}
	}
	return -1
}

func parsePlaceholder(in string) (wtSeg, error) {
	if strings.HasPrefix(in, "=") {
		return parseValue(in)
	}
	spec, prefix, hasPrefix := strings.Cut(in, "|")
	name, width, hasWidth := strings.Cut(spec, ":")
	if !placeName.MatchString(name) {
		return wtSeg{}, fmt.Errorf("bad placeholder name in {{%s}}", in)
	}
	seg := wtSeg{kind: segField, name: name, width: defaultFieldWidth}
	if hasWidth {
		w, err := strconv.ParseFloat(width, 64)
		if err != nil || w <= 0 || w > 165 {
			return wtSeg{}, fmt.Errorf("bad width %q in {{%s}} (mm, up to 165)", width, in)
		}
		seg.width = w
	}
	if hasPrefix {
		p, err := parseInline(prefix, false)
		if err != nil {
			return wtSeg{}, fmt.Errorf("in the blank prefix of {{%s}}: %v", in, err)
		}
		if len(p) == 0 {
			return wtSeg{}, fmt.Errorf("empty blank prefix in {{%s}}", in)
		}
		seg.prefix = p
	}
	return seg, nil
}

// parseValue reads a text placeholder: =name, =name:upper, =name:stop, with
// an optional ?WIDTH (a blank when the value is missing).
func parseValue(in string) (wtSeg, error) {
	spec, width, optional := strings.Cut(in[1:], "?")
	name, mod, _ := strings.Cut(spec, ":")
	if !placeName.MatchString(name) {
		return wtSeg{}, fmt.Errorf("bad placeholder name in {{%s}}", in)
	}
	if mod != "" && mod != "upper" && mod != "stop" {
		return wtSeg{}, fmt.Errorf("unknown modifier %q in {{%s}} (:upper or :stop)", mod, in)
	}
	seg := wtSeg{kind: segValue, name: name, upper: mod == "upper", stop: mod == "stop", blank: optional, width: defaultFieldWidth}
	if optional && width != "" {
		w, err := strconv.ParseFloat(width, 64)
		if err != nil || w <= 0 || w > 165 {
			return wtSeg{}, fmt.Errorf("bad width %q in {{%s}} (mm, up to 165)", width, in)
		}
		seg.width = w
	}
	return seg, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// collect records a section's placeholders in order of first appearance.
func collect(s *wtSection, blocks []wtBlock) {
	seen := map[string]bool{}
	for _, n := range s.fields {
		seen["f:"+n] = true
	}
	for _, n := range s.texts {
		seen["t:"+n] = true
	}
	var text func(t wtText)
	text = func(t wtText) {
		for _, g := range t {
			switch g.kind {
			case segField:
				if !seen["f:"+g.name] {
					seen["f:"+g.name] = true
					s.fields = append(s.fields, g.name)
				}
				text(g.prefix)
			case segValue:
				if !seen["t:"+g.name] {
					seen["t:"+g.name] = true
					s.texts = append(s.texts, g.name)
				}
			}
		}
	}
	for _, b := range blocks {
		text(b.text)
		text(b.right)
		for _, p := range b.parts {
			text(p)
		}
		for _, l := range b.lines {
			text(l)
		}
		text(b.heading)
		for _, l := range b.sig {
			text(l.text)
		}
		if len(b.children) > 0 {
			collect(s, b.children)
		}
	}
}

// ---- layout ----

// filler turns parsed blocks into render blocks, noting missing texts.
type filler struct {
	values  map[string]string
	missing []string
	seen    map[string]bool
}

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
func (f *filler) spans(t wtText) []render.Span {
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
			out = append(out, render.F(v, g.width))
			if tag := f.values[g.name+".tag"]; tag != "" {
				out = append(out, render.Tag(tag))
			}
		}
	}
	return out
}

// flat lays out inline text as one line: line breaks in values become spaces.
func (f *filler) flat(t wtText) []render.Span {
	sp := f.spans(t)
	for i := range sp {
		if !sp[i].Field && !sp[i].Tag {
			sp[i].Text = strings.ReplaceAll(sp[i].Text, "\n", " ")
		}
	}
	return sp
}

// plain is inline text without fields as a string.
func (f *filler) plain(t wtText) string {
	var b strings.Builder
	for _, s := range f.spans(t) {
		if !s.Tag {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func (f *filler) blocks(bs []wtBlock) []render.Block {
	var out []render.Block
	for _, b := range bs {
		out = append(out, f.block(b)...)
	}
	return out
}

func (f *filler) block(b wtBlock) []render.Block {
	indent := b.level * indentUnit
	switch b.kind {
	case "title":
		return []render.Block{render.Heading{Text: strings.ReplaceAll(f.plain(b.text), "\n", " "), Level: 1}}
	case "center":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Align: render.Center}}
	case "left":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Align: render.Left}}
	case "right":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Align: render.Right}}
	case "pair":
		return pair(f.flat(b.text), f.flat(b.right))
	case "space":
		return []render.Block{render.Spacer{Height: b.height}}
	case "pagebreak":
		return []render.Block{render.PageBreak{}}
	case "keep":
		return []render.Block{render.Keep{Blocks: f.blocks(b.children)}}
	case "formula":
		fl := func(t wtText) string { return strings.ReplaceAll(f.plain(t), "\n", " ") }
		return []render.Block{render.Fraction{Left: fl(b.parts[0]), Numerator: fl(b.parts[1]), Denominator: fl(b.parts[2]), Right: fl(b.parts[3])}}
	case "p":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Indent: indent, First: indentUnit}}
	case "flush":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Indent: indent}}
	case "ragged":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Indent: indent, Align: render.Left}}
	case "item":
		if strings.HasPrefix(b.label, "(") {
			// (a), (i), (A): the label hangs at the item's first-line indent
			// and every line of the text aligns after it.
			return []render.Block{render.Paragraph{Spans: f.flat(b.text), Indent: indent + indentUnit + itemLabelWidth, First: -itemLabelWidth, Label: b.label}}
		}
		// Numbered sections run in, as in the filing: "1. Term. The term …".
		sp := f.flat(append(wtText{{kind: segText, text: b.label + " "}}, b.text...))
		return []render.Block{render.Paragraph{Spans: sp, Indent: indent, First: indentUnit}}
	case "hang":
		return []render.Block{render.Paragraph{Spans: f.flat(b.text), Indent: indent, First: (b.level2 - b.level) * indentUnit, Label: b.label}}
	case "lines":
		// One left-aligned paragraph, a line per line: the engine breaks
		// lines at "\n", and a value holding line breaks (a multi-line
		// address) gives several lines.
		var all wtText
		for i, l := range b.lines {
			if i > 0 {
				all = append(all, wtSeg{kind: segText, text: "\n"})
			}
			all = append(all, l...)
		}
		return []render.Block{render.Paragraph{Spans: f.spans(all), Indent: indent, Align: render.Left}}
	case "signature":
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
		return []render.Block{sig}
	}
	panic("templates: unhandled warrant directive @" + b.kind) // the parser admits only the kinds above
}

// pair sets a left part and a right part: the engine has no tab stops, and
// a line cannot hold text at both margins, so the left part is a line at the
// left margin and the right part the line below it, set to the right margin.
func pair(left, right []render.Span) []render.Block {
	return []render.Block{
		render.Paragraph{Spans: left, Align: render.Left, SpaceAfter: tight},
		render.Paragraph{Spans: right, Align: render.Right},
	}
}

// tight is the least space after a paragraph (0 means the default 2.5 mm).
const tight = 0.01
