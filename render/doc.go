package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Page geometry, in mm: US Letter with one-inch margins.
const (
	PageWidth  = 215.9
	PageHeight = 279.4
	Margin     = 25.4
	// TextWidth is the width of the text block between the margins.
	TextWidth = PageWidth - 2*Margin // 165.1

	top    = Margin
	bottom = PageHeight - Margin
	// capacity is the height of the text block.
	capacity = bottom - top

	footerSize     = 9.0               // pt
	footerBaseline = PageHeight - 12.7 // mm: half an inch above the edge
	// nbAlias stands for the page count in footers until the document is
	// written: control characters, which sanitize removes from all text, so
	// no text can contain it.
	nbAlias = "\x02nb\x03"
)

// epoch is the creation date of a document whose Meta.Created is zero: fixed,
// so output never depends on the clock.
var epoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// doc is the layout state behind Doc: the pages drawn so far, the rows
// waiting to be placed and where the next one goes.
type doc struct {
	meta     Meta
	created  time.Time
	keywords string

	// output
	sheets []pdfPage
	faces  [5]bool     // faces text was set in; [fallbackFace]: the fallback font
	used   [5]runeSet  // the codes set, per face
	fb     *Font       // the fallback font, nil: none
	astral astralCodes // the codes of characters beyond U+FFFF

	// layout
	space   float64 // pending vertical space before the next row
	runIn   string  // a run-in caption (Heading level 3) waiting for its paragraph
	capture *[]*row // when set (inside Keep), rows are collected, not placed
	queue   []*row  // rows not yet placed
	pg      pager

	// drawing state of the current page, to avoid repeating operators
	font     int     // faceIndex+1 of the selected font, 0 unknown
	fontSize float64 // pt
	white    bool

	// trace, when set (by tests), sees every visible string and rule drawn.
	trace func(kind string, x, y, w float64, s string)

	attachments []attachment
	err         error
	written     bool
}

func newDoc(meta Meta) (*Doc, error) {
	created := meta.Created
	if created.IsZero() {
		created = epoch
	}
	d := &doc{meta: meta, created: created.UTC(), fb: meta.Fallback}
	d.meta.Title = sanitize(meta.Title, false)
	d.meta.Subject = sanitize(meta.Subject, false)
	d.meta.Author = sanitize(meta.Author, false)
	d.meta.Creator = sanitize(meta.Creator, false)
	var kw []string
	for _, s := range meta.Keywords {
		if s = strings.TrimSpace(sanitize(s, false)); s != "" {
			kw = append(kw, s)
		}
	}
	d.keywords = strings.Join(kw, ", ")
	d.meta.Footer = sanitize(meta.Footer, false)
	return &Doc{impl: d}, nil
}

// body is the content stream of the current page.
func (d *doc) body() *[]byte { return &d.sheets[len(d.sheets)-1].body }

// footer sets "<Footer> — Page X of Y", centred in the bottom margin, as the
// current page's footer: Y is filled in when the document is written.
func (d *doc) footer() {
	page := strconv.Itoa(len(d.sheets))
	s := "Page " + page + " of " + nbAlias
	if d.meta.Footer != "" {
		s = d.meta.Footer + " — " + s
	}
	// Centre as if the total had as many digits as this page's number.
	shown := strings.Replace(s, nbAlias, page, 1)
	size := fitSize(Regular, footerSize, shown, TextWidth-2)
	w := width(Regular, size, shown)
	x := Margin + (TextWidth-w)/2
	if d.trace != nil {
		d.trace("footer", x, footerBaseline, w, shown)
	}
	d.faces[faceIndex(Regular)] = true
	for _, r := range shown {
		d.used[faceIndex(Regular)].add(d.astral.code(r))
	}
	d.sheets[len(d.sheets)-1].footer = footerText{x: x, size: size, text: s}
}

// setFont selects a face and size.
func (d *doc) setFont(st Style, size float64) { d.setFace(faceIndex(st), size) }

// setFace selects face i (a faceIndex, or fallbackFace) and size.
func (d *doc) setFace(i int, size float64) {
	d.faces[i] = true
	if d.font == i+1 && d.fontSize == size {
		return
	}
	*d.body() = appendFont(*d.body(), i, size)
	d.font, d.fontSize = i+1, size
}

// setWhite switches text between black and white (for invisible tags).
func (d *doc) setWhite(white bool) {
	if d.white == white {
		return
	}
	if white {
		*d.body() = append(*d.body(), "1 g\n"...)
	} else {
		*d.body() = append(*d.body(), "0 g\n"...)
	}
	d.white = white
}

// show draws s, sanitized, in the current font with its baseline at (x, y).
func (d *doc) show(x, y float64, s string) {
	*d.body() = appendShow(*d.body(), x, y, s, &d.used[d.font-1], &d.astral)
}

// text prints s with its baseline at (x, y), x and y in mm on the page:
// the characters the faces lack and the fallback font has in the fallback
// font, the others in style st.
func (d *doc) text(x, y float64, s string, st Style, size float64) {
	if d.trace != nil {
		d.trace("text", x, y, d.fb.width(st, size, s), s)
	}
	d.setWhite(false)
	if !d.fb.needs(s) {
		d.setFont(st, size)
		d.show(x, y, s)
		return
	}
	for s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		fall := d.fb.falls(r)
		end := len(s)
		for j, c := range s {
			if d.fb.falls(c) != fall {
				end = j
				break
			}
		}
		run := s[:end]
		if fall {
			d.setFace(fallbackFace, size)
			*d.body() = appendShowSynthetic(*d.body(), x, y, run, st, size, &d.used[fallbackFace], &d.astral)
		} else {
			d.setFont(st, size)
			d.show(x, y, run)
		}
		x += d.fb.width(st, size, run)
		s = s[end:]
	}
}

// spacedText is text with spacing mm of room added after each space (a
// justified line's words, shown as one string): one text object whose
// spaces are followed by a displacement (TJ), or, when some characters are
// the fallback font's, word by word.
func (d *doc) spacedText(x, y float64, s string, st Style, size, spacing float64) {
	if spacing == 0 {
		d.text(x, y, s, st, size)
		return
	}
	if d.fb.needs(s) {
		space := d.fb.width(st, size, " ") + spacing
		for len(s) > 0 {
			word, rest, more := strings.Cut(s, " ")
			d.text(x, y, word, st, size)
			x += d.fb.width(st, size, word) + space
			s = rest
			if !more {
				break
			}
		}
		return
	}
	if d.trace != nil {
		d.trace("text", x, y, d.fb.width(st, size, s)+spacing*float64(strings.Count(s, " ")), s)
	}
	d.setWhite(false)
	d.setFont(st, size)
	// The displacement is in thousandths of the text's size, against the
	// writing direction: negative moves right.
	*d.body() = appendShowSpaced(*d.body(), x, y, s, -spacing*k/size*1000, &d.used[d.font-1], &d.astral)
}

// tag prints an invisible e-sign anchor at (x, y): white, 1 pt.
func (d *doc) tag(x, y float64, s string) {
	if d.trace != nil {
		d.trace("tag", x, y, 0, s)
	}
	d.setFont(Regular, 1)
	d.setWhite(true)
	d.show(x, y, s)
	d.setWhite(false)
}

// line draws a rule of width lw mm.
func (d *doc) line(x1, y1, x2, y2, lw float64) {
	if d.trace != nil {
		d.trace("rule", x1, y1, x2-x1, "")
	}
	pg := &d.sheets[len(d.sheets)-1]
	b := pg.body
	if pg.lw != lw {
		b = appendNum(b, lw*k)
		b = append(b, " w\n"...)
		pg.lw = lw
	}
	b = appendNum(b, x1*k)
	b = append(b, ' ')
	b = appendNum(b, (PageHeight-y1)*k)
	b = append(b, " m "...)
	b = appendNum(b, x2*k)
	b = append(b, ' ')
	b = appendNum(b, (PageHeight-y2)*k)
	pg.body = append(b, " l S\n"...)
}

// newPage finishes the current page with its footer and starts the next.
func (d *doc) newPage() {
	if len(d.sheets) > 0 {
		d.footer()
	}
	d.sheets = append(d.sheets, pdfPage{body: make([]byte, 0, 8<<10)})
	d.font, d.fontSize = 0, 0
	d.white = false
}

// add lays out blocks; rows are placed as soon as nothing after them can
// change where they go.
func (d *doc) add(blocks []Block) {
	if d == nil { // a Doc not made by New
		return
	}
	if d.written {
		d.fail(errors.New("render: Add after Write"))
		return
	}
	for _, b := range blocks {
		d.layout(b)
	}
	if d.capture == nil {
		d.flush(false)
	}
}

func (d *doc) addLaid(l *Laid) {
	switch {
	case d == nil: // a Doc not made by New
		return
	case d.written:
		d.fail(errors.New("render: AddLaid after Write"))
		return
	case l == nil:
		return
	case l.added:
		d.fail(errors.New("render: a Laid added twice"))
		return
	case l.fb != d.fb:
		d.fail(errors.New("render: a Laid laid out with another fallback font than the document's"))
		return
	}
	l.added = true
	d.standAlone()
	if len(l.rows) > 0 {
		// The space pending here goes before the first row, as emit would
		// have put it.
		l.rows[0].before += d.space
		d.space = 0
		for _, r := range l.rows {
			d.push(r)
		}
	}
	d.addSpace(l.space)
	d.flush(false)
}

// layout lays out one block. A run-in caption followed by anything but a
// paragraph is set on a line of its own first.
func (d *doc) layout(b Block) {
	if b == nil {
		return
	}
	if _, ok := b.(Paragraph); !ok {
		d.standAlone()
	}
	b.layout(d)
}

// standAlone sets a waiting run-in caption as a line of its own.
func (d *doc) standAlone() {
	if d.runIn == "" {
		return
	}
	text := d.runIn
	d.runIn = ""
	headingRows(d, text, defaultSize, Left)
	d.addSpace(1.5)
}

// emit hands a row to the pager (or to the enclosing Keep), with the pending
// space before it.
func (d *doc) emit(r *row) {
	r.before = d.space
	d.space = 0
	d.push(r)
}

// push hands on a row whose space is already set.
func (d *doc) push(r *row) {
	if d.capture != nil {
		*d.capture = append(*d.capture, r)
		return
	}
	d.queue = append(d.queue, r)
}

// addSpace adds vertical space before the next row.
func (d *doc) addSpace(mm float64) {
	if mm > 0 && mm < 2*PageHeight {
		d.space += mm
	}
}

// flush places the queued rows that can be placed.
func (d *doc) flush(final bool) {
	n := d.pg.run(d.queue, final, d)
	d.queue = d.queue[n:]
	if len(d.queue) == 0 {
		d.queue = nil
	}
}

func (d *doc) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *doc) attach(name, description string, data []byte) {
	if d == nil {
		return
	}
	name = strings.TrimSpace(sanitize(name, false))
	if name == "" {
		name = fmt.Sprintf("attachment-%d", len(d.attachments)+1)
	}
	d.attachments = append(d.attachments, attachment{
		name:        name,
		description: sanitize(description, false),
		data:        bytes.Clone(data),
	})
}

func (d *doc) write(w io.Writer) error {
	if d == nil {
		return errors.New("render: Doc not made by New")
	}
	if d.written {
		return errors.New("render: document already written")
	}
	d.written = true
	if d.err != nil {
		return d.err
	}
	d.standAlone()
	d.flush(true)
	if d.pg.page == 0 {
		d.newPage() // an empty document still has a page and its footer
		d.pg.page = 1
	}
	d.footer()
	if _, err := w.Write(d.output()); err != nil {
		return fmt.Errorf("render: writing pdf: %w", err)
	}
	return nil
}

// pages is the number of pages the document has with what was added so far
// (rows still held back, e.g. a heading waiting for its paragraph, count).
func (d *doc) pages() int {
	if d == nil {
		return 0
	}
	if d.written {
		return d.pg.page
	}
	queue := d.queue
	if d.runIn != "" {
		// Count the waiting caption as set alone.
		saved, space, runIn := d.queue, d.space, d.runIn
		d.queue = slices.Clone(d.queue)
		d.standAlone()
		queue = d.queue
		d.queue, d.space, d.runIn = saved, space, runIn
	}
	sim := d.pg
	sim.run(queue, true, nil)
	return sim.page
}
