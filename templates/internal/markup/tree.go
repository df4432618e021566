package markup

import "github.com/warrantkit/warrantkit/render"

// Doc is a parsed text: its sections in order.
type Doc struct {
	sections []*Section
	byName   map[string]*Section
}

// Sections lists the names of the sections in the order of the text.
func (d *Doc) Sections() []string {
	out := make([]string, len(d.sections))
	for i, s := range d.sections {
		out[i] = s.name
	}
	return out
}

// Section is the section called name, or nil if the text has none.
func (d *Doc) Section(name string) *Section { return d.byName[name] }

// Section is one section of a text: its blocks and the placeholders they
// hold.
type Section struct {
	name   string
	blocks []block
	fields []string // {{name}}: fill-in blanks, in order of first appearance
	texts  []string // {{=name}}: plain texts, in order of first appearance
}

// Name is the section's name, as written after "==".
func (s *Section) Name() string { return s.name }

// Placeholders lists what the section needs, each name once in order of
// first appearance: fields are fill-in blanks (optional values), texts are
// plain-text values ({{=name}} required, {{=name?}} optional).
func (s *Section) Placeholders() (fields, texts []string) {
	return append([]string(nil), s.fields...), append([]string(nil), s.texts...)
}

// Fill lays out the section with values filling its placeholders. missing
// lists the required texts that values leave empty, each once, in order of
// first appearance; the blocks leave them out.
func (s *Section) Fill(values map[string]string) (blocks []render.Block, missing []string) {
	f := &filler{values: values}
	return f.blocks(s.blocks), f.missing
}

// segKind is what a piece of inline text is.
type segKind uint8

const (
	segText  segKind = iota // literal text
	segField                // {{name:width|prefix}}
	segValue                // {{=name}}
)

// segment is a piece of inline text.
type segment struct {
	kind   segKind
	text   string // segText
	style  render.Style
	name   string  // segField, segValue
	width  float64 // segField, and segValue when blank: the underline, mm
	prefix inline  // segField: printed before an empty underline
	upper  bool    // segValue: in capitals
	stop   bool    // segValue: ends a sentence: a full stop unless it has one
	blank  bool    // segValue: optional; an empty underline of width when missing
}

// inline is a run of text as a directive or a paragraph holds it.
type inline []segment

// sigLine is a line of a @signature block below its heading.
type sigLine struct {
	kind  string // "sign" or "line"
	label string // sign: "By:"
	text  inline
}

// block is one directive with what it holds; which fields are set depends
// on kind.
type block struct {
	kind          string // the directive's name: "p", "title", "keep", …
	line          int    // the directive's line in the text, for errors
	level, level2 float64
	label         string
	text          inline
	right         inline    // pair
	parts         [4]inline // formula
	lines         []inline  // lines
	heading       inline    // signature
	sig           []sigLine // signature
	height        float64   // space
	children      []block   // keep
}

// collect records a section's placeholders in order of first appearance.
func (s *Section) collect(blocks []block) {
	seen := map[string]bool{}
	for _, n := range s.fields {
		seen["f:"+n] = true
	}
	for _, n := range s.texts {
		seen["t:"+n] = true
	}
	var text func(t inline)
	text = func(t inline) {
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
			s.collect(b.children)
		}
	}
}
