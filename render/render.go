// Package render is a small layout engine and PDF writer: fonts, justified
// paragraphs with hanging indents, headings, fractions, fill-in fields,
// signature blocks, tables, page numbering, metadata, attachments and
// invisible e-sign tags, with byte-for-byte repeatable output. Font subsets
// and page contents shared by many documents are made once (see pdf.go).
//
// It knows nothing about warrants: it lays out strings in millimetres. It is
// the only package of warrantkit that imports fpdf, which it uses for glyph
// metrics, font subsetting and the benchmark floor.
package render

import (
	"io"
	"time"
)

// Meta is what a document says about itself.
type Meta struct {
	Title    string
	Subject  string
	Author   string   // the issuer
	Keywords []string // e.g. the warrant number and the document type
	Creator  string   // the tool, e.g. "warrantkit 0.1.0"
	Created  time.Time
	// Footer is printed at the foot of every page before "— Page X of Y",
	// e.g. "Warrant No. W-F-05-001". Empty: only "Page X of Y".
	Footer string
	// Fallback, when set, prints the characters Liberation Serif has no
	// glyph for (such as CJK ideographs), glyph by glyph, and is embedded
	// as a subset like the faces (see LoadFont). Not metadata: no property
	// of the PDF names it but its font resources.
	Fallback *Font
}

// Doc is one PDF being laid out: US Letter, one-inch margins, Liberation
// Serif embedded (regular, bold, italic, bold italic).
type Doc struct {
	impl *doc
}

// New starts a document.
func New(meta Meta) (*Doc, error) { return newDoc(meta) }

// Add lays out blocks in order, breaking pages where needed.
func (d *Doc) Add(blocks ...Block) { d.impl.add(blocks) }

// Attach embeds a file (e.g. the document's data as JSON) in the PDF.
func (d *Doc) Attach(name, description string, data []byte) { d.impl.attach(name, description, data) }

// Write finishes the document and writes it to w. Errors of layout are
// reported here, once.
func (d *Doc) Write(w io.Writer) error { return d.impl.write(w) }

// Pages is the number of pages laid out so far.
func (d *Doc) Pages() int { return d.impl.pages() }

// Block is something laid out down the page: Heading, Paragraph, Split,
// Fraction, Signature, Table, Spacer, PageBreak, Keep.
type Block interface{ layout(*doc) }

// Style is how a span of text is set.
type Style uint8

// Styles combine: Bold|Italic.
const (
	Regular   Style = 0
	Bold      Style = 1 << iota
	Italic    Style = 1 << iota
	Underline Style = 1 << iota
)

// Span is a run of text in one style within a paragraph. A Field span is a
// fill-in blank: filled, its text is printed on an underline (at least
// MinWidth wide); blank (empty text), an empty underline MinWidth wide. A Tag
// span is an e-sign anchor: printed invisibly (white, 1 pt) and taking no room.
type Span struct {
	Text     string
	Style    Style
	Field    bool
	MinWidth float64 // mm, for fields
	Tag      bool
}

// T is plain text; B bold; I italic.
func T(s string) Span { return Span{Text: s} }

// B is bold text.
func B(s string) Span { return Span{Text: s, Style: Bold} }

// I is italic text.
func I(s string) Span { return Span{Text: s, Style: Italic} }

// F is a fill-in field: value on an underline, or an empty underline of
// minWidth mm when value is "".
func F(value string, minWidth float64) Span {
	return Span{Text: value, Field: true, MinWidth: minWidth}
}

// Tag is an invisible e-sign anchor such as "{{Sig_es_:signer1:signature}}".
func Tag(text string) Span { return Span{Text: text, Tag: true} }

// Align is a paragraph's horizontal alignment.
type Align uint8

// Alignments.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Heading is a title line: Level 1 is the document title (14 pt bold,
// centered), Level 2 a section heading (12 pt bold), Level 3 a run-in
// caption (11 pt bold). Align overrides the level's default when not zero
// value Justify.
type Heading struct {
	Text  string
	Level int
	Align Align
}

// Paragraph is text set in 11 pt (Size overrides), justified by default,
// breaking across pages. Indent is the left indent of every line in mm;
// First is added to the first line's indent (negative: a hanging indent, as
// in "(a)" … where the label hangs and the text aligns after it). Label, when
// set, is printed at Indent+First on the first line and the text starts at
// Indent (hanging label); with LabelAlign Right it is set flush right an em
// before Indent instead (First unused), so that labels of different widths
// end in one column, as the symbols defined under a formula ("Where X =",
// "Y ="). The last line of a justified paragraph is set left.
type Paragraph struct {
	Spans      []Span
	Indent     float64
	First      float64
	Label      string
	LabelAlign Align // Right: the label ends an em before Indent
	Align      Align
	Size       float64 // pt; 0 means 11
	SpaceAfter float64 // mm; 0 means 2.5
}

// Fraction is a displayed formula: Left, then Numerator over Denominator with
// a rule between, then Right, on one centred line block, e.g.
// Left "X = Y −", Numerator "(A)(Y)", Denominator "B", set in 11 pt (Size
// overrides).
type Fraction struct {
	Left, Numerator, Denominator, Right string
	Indent                              float64
	Size                                float64 // pt; 0 means 11
}

// Signature is a signature block: an optional heading line (e.g. the
// issuer's name in capitals), then one ruled line per entry — "By:" with a
// line to sign on, then "Name:", "Title:", "Date:" filled or blank — placed at
// Indent with the rule Width mm long. Each line may carry an e-sign Tag. It
// is never split across pages. Tight sets the lines closer together (for a
// document that must keep to one page), still with room to sign by hand.
type Signature struct {
	Heading string
	Lines   []SignatureLine
	Indent  float64
	Width   float64
	Tight   bool
}

// SignatureLine is one line of a Signature: Label, then Value on a rule (or
// an empty rule), then an invisible Tag.
type SignatureLine struct {
	Label string
	Value string
	Tag   string
	Tall  bool // leave room above the rule for a handwritten signature
}

// Table is a simple ruled table; Widths are column widths in mm (their sum
// should not exceed the text width, 165.1 mm); Align per column.
type Table struct {
	Header []string
	Rows   [][]string
	Widths []float64
	Align  []Align
	Size   float64 // pt; 0 means 9.5
}

// Spacer leaves Height mm of space.
type Spacer struct{ Height float64 }

// PageBreak starts a new page.
type PageBreak struct{}

// Keep lays out its blocks on one page when they fit on a fresh one.
type Keep struct{ Blocks []Block }

// Laid is blocks laid out — broken into lines and rows, measured — but not
// yet placed on pages: a template can count the pages a layout takes
// (Pages), choose between layouts, and add the one it chose to a Doc
// (Doc.AddLaid) without laying it out again.
type Laid struct {
	fb    *Font
	rows  []*row
	space float64 // space pending after the last block
	added bool
}

// Lay lays blocks out as a Doc whose Meta.Fallback is fallback would.
func Lay(fallback *Font, blocks ...Block) *Laid {
	d := &doc{fb: fallback}
	var rs []*row
	d.capture = &rs
	for _, b := range blocks {
		d.layout(b)
	}
	d.standAlone()
	return &Laid{fb: fallback, rows: rs, space: d.space}
}

// Pages is the number of pages the layout takes from the top of a page.
func (l *Laid) Pages() int {
	var p pager
	p.run(l.rows, true, nil)
	return p.page
}

// AddLaid adds a layout made by Lay, as Add would add its blocks; a caption
// waiting for its paragraph is set on a line of its own first. A Laid is
// added to one Doc once, one whose Meta.Fallback it was laid out with; else
// Write reports the error.
func (d *Doc) AddLaid(l *Laid) { d.impl.addLaid(l) }
