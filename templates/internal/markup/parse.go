package markup

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// sectionName is the name of a section: lower case, digits and "-".
var sectionName = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)

// paragraphKinds take their text from the lines after the directive.
var paragraphKinds = map[string]bool{"p": true, "flush": true, "ragged": true, "item": true, "hang": true, "symbol": true, "lines": true, "signature": true}

// Parse reads a text in the markup; file names it in errors, which give the
// line: "forms.txt:12: unknown directive @frobnicate".
func Parse(file, src string) (*Doc, error) {
	p := &parser{
		file:  file,
		lines: strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n"),
		doc:   &Doc{byName: map[string]*Section{}},
	}
	for ; p.i < len(p.lines); p.i++ {
		if err := p.line(); err != nil {
			return nil, err
		}
	}
	return p.finish()
}

// parser reads a text line by line.
type parser struct {
	file  string
	lines []string
	i     int // the line being read, from 0
	doc   *Doc
	sec   *Section // the section being read
	keep  *block   // an open @keep
}

func (p *parser) errf(n int, format string, a ...any) error {
	return fmt.Errorf("%s:%d: %s", p.file, n, fmt.Sprintf(format, a...))
}

// line reads line p.i: a blank line or a comment, a section's "== name",
// or a directive with the lines of its text.
func (p *parser) line() error {
	n := p.i + 1
	l := strings.TrimSpace(p.lines[p.i])
	switch {
	case l == "" || strings.HasPrefix(l, "#"):
		return nil
	case strings.HasPrefix(l, "=="):
		return p.section(n, strings.TrimSpace(strings.TrimPrefix(l, "==")))
	case !strings.HasPrefix(l, "@"):
		return p.errf(n, "text outside a paragraph (a paragraph starts with a directive such as @p): %q", l)
	}
	if p.sec == nil {
		return p.errf(n, "directive before the first section (== name)")
	}
	b, err := p.directive(n, l[1:])
	if err != nil {
		return err
	}
	return p.place(n, b)
}

// section starts the section name, at line n.
func (p *parser) section(n int, name string) error {
	if !sectionName.MatchString(name) {
		return p.errf(n, "bad section name %q", name)
	}
	if p.doc.byName[name] != nil {
		return p.errf(n, "section %q defined twice", name)
	}
	if p.keep != nil {
		return p.errf(p.keep.line, "@keep not closed by @endkeep")
	}
	p.sec = &Section{name: name}
	p.doc.sections = append(p.doc.sections, p.sec)
	p.doc.byName[name] = p.sec
	return nil
}

// directive reads the directive l (without its "@") at line n: its
// arguments, and the text of a paragraph on the lines after it.
func (p *parser) directive(n int, l string) (block, error) {
	dir, rest, _ := strings.Cut(l, " ")
	b := block{kind: dir, line: n}
	var body []string
	if paragraphKinds[dir] {
		if body = p.body(); len(body) == 0 {
			return b, p.errf(n, "@%s without text on the lines after it", dir)
		}
	}
	if err := b.readArgs(strings.TrimSpace(rest)); err != nil {
		return b, p.errf(n, "%v", err)
	}
	if err := b.readBody(body); err != nil {
		return b, p.errf(n, "%v", err)
	}
	return b, nil
}

// body reads the text of a paragraph: the lines after its directive up to
// a blank line, the next directive or the next section; comments are
// skipped.
func (p *parser) body() []string {
	var body []string
	for p.i+1 < len(p.lines) {
		t := strings.TrimSpace(p.lines[p.i+1])
		if t == "" || strings.HasPrefix(t, "@") || strings.HasPrefix(t, "==") {
			break
		}
		p.i++
		if !strings.HasPrefix(t, "#") {
			body = append(body, t)
		}
	}
	return body
}

// place adds the block b, read at line n, to the section or to the open
// @keep; @keep opens one and @endkeep closes it.
func (p *parser) place(n int, b block) error {
	switch b.kind {
	case "keep":
		if p.keep != nil {
			return p.errf(n, "@keep inside @keep")
		}
		p.keep = &b
	case "endkeep":
		if p.keep == nil {
			return p.errf(n, "@endkeep without @keep")
		}
		k := *p.keep
		p.keep = nil
		p.add(k)
	default:
		p.add(b)
	}
	return nil
}

func (p *parser) add(b block) {
	if p.keep != nil {
		p.keep.children = append(p.keep.children, b)
	} else {
		p.sec.blocks = append(p.sec.blocks, b)
	}
}

// finish checks what only the end of the text shows, and collects each
// section's placeholders.
func (p *parser) finish() (*Doc, error) {
	if p.keep != nil {
		return nil, p.errf(p.keep.line, "@keep not closed by @endkeep")
	}
	if len(p.doc.sections) == 0 {
		return nil, fmt.Errorf("%s: no sections", p.file)
	}
	for _, s := range p.doc.sections {
		if len(s.blocks) == 0 {
			return nil, fmt.Errorf("%s: section %q is empty", p.file, s.name)
		}
		s.collect(s.blocks)
	}
	return p.doc, nil
}

// readArgs reads what follows a directive on its own line.
func (b *block) readArgs(rest string) error {
	var err error
	switch b.kind {
	case "title", "center", "left", "right":
		if rest == "" {
			return fmt.Errorf("@%s without text", b.kind)
		}
		b.text, err = parseInline(rest, b.kind != "title")
		return err
	case "pair":
		left, right, ok := strings.Cut(rest, "||")
		if !ok {
			return fmt.Errorf("@pair needs LEFT || RIGHT")
		}
		if b.text, err = parseInline(strings.TrimSpace(left), true); err != nil {
			return err
		}
		b.right, err = parseInline(strings.TrimSpace(right), true)
		return err
	case "space":
		if b.height, err = strconv.ParseFloat(rest, 64); err != nil || b.height <= 0 || b.height > 200 {
			return fmt.Errorf("@space needs a height in mm, not %q", rest)
		}
	case "pagebreak", "endkeep", "keep":
		if rest != "" {
			return fmt.Errorf("@%s takes no arguments", b.kind)
		}
	case "formula":
		return b.readFormula(rest)
	case "p", "flush", "ragged", "lines", "signature":
		if rest != "" {
			b.level, err = parseLevel(rest)
		}
		return err
	case "item":
		return b.readItem(rest)
	case "hang":
		return b.readHang(rest)
	case "symbol":
		return b.readSymbol(rest)
	default:
		return fmt.Errorf("unknown directive @%s", b.kind)
	}
	return nil
}

// readFormula reads LEFT | NUMERATOR | DENOMINATOR [| RIGHT].
func (b *block) readFormula(rest string) error {
	parts := strings.Split(rest, "|")
	if len(parts) != 3 && len(parts) != 4 {
		return fmt.Errorf("@formula needs LEFT | NUMERATOR | DENOMINATOR [| RIGHT]")
	}
	for k, p := range parts {
		var err error
		if b.parts[k], err = parseInline(strings.TrimSpace(p), false); err != nil {
			return err
		}
	}
	return nil
}

// readItem reads an item's level and its one-word label: "1 (i)".
func (b *block) readItem(rest string) error {
	lv, label, _ := strings.Cut(rest, " ")
	var err error
	if b.level, err = parseLevel(lv); err != nil {
		return err
	}
	if b.label = strings.TrimSpace(label); b.label == "" || strings.Contains(b.label, " ") {
		return fmt.Errorf("@item needs a level and a one-word label, e.g. @item 1 (i)")
	}
	return nil
}

// readHang reads a hanging item's text level, label level and label:
// "4 3 (A)".
func (b *block) readHang(rest string) error {
	f := strings.Fields(rest)
	if len(f) < 3 {
		return fmt.Errorf("@hang needs a text level, a label level and a label, e.g. @hang 4 3 (A)")
	}
	var err error
	if b.level, err = parseLevel(f[0]); err != nil {
		return err
	}
	if b.level2, err = parseLevel(f[1]); err != nil {
		return err
	}
	if b.level2 >= b.level {
		return fmt.Errorf("@hang: the label's level must be left of the text's")
	}
	b.label = strings.Join(f[2:], " ")
	return nil
}

// readSymbol reads a symbol's definition: its text level and its label,
// "3 Where X =".
func (b *block) readSymbol(rest string) error {
	lv, label, _ := strings.Cut(rest, " ")
	var err error
	if b.level, err = parseLevel(lv); err != nil {
		return err
	}
	if b.label = strings.Join(strings.Fields(label), " "); b.label == "" {
		return fmt.Errorf("@symbol needs a text level and a label, e.g. @symbol 3 Y =")
	}
	return nil
}

func parseLevel(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 10 {
		return 0, fmt.Errorf("bad indent level %q (0 to 10)", s)
	}
	return v, nil
}

// readBody reads the text of a paragraph, the lines of @lines, or a
// @signature block.
func (b *block) readBody(body []string) error {
	var err error
	switch b.kind {
	case "p", "flush", "ragged", "item", "hang", "symbol":
		b.text, err = parseInline(strings.Join(body, " "), true)
	case "lines":
		for _, t := range body {
			x, err := parseInline(t, true)
			if err != nil {
				return err
			}
			b.lines = append(b.lines, x)
		}
	case "signature":
		err = b.readSignature(body)
	}
	return err
}

// readSignature reads the lines of a @signature block.
func (b *block) readSignature(body []string) error {
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
			b.sig = append(b.sig, sigLine{kind: kw, label: label, text: t})
		case "line":
			t, err := parseInline(rest, false)
			if err != nil {
				return err
			}
			b.sig = append(b.sig, sigLine{kind: kw, text: t})
		default:
			return fmt.Errorf("@signature: unknown line %q (heading, sign or line)", kw)
		}
	}
	if len(b.sig) == 0 {
		return fmt.Errorf("@signature without a sign or line")
	}
	return nil
}
