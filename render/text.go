package render

import (
	"math"
	"strings"
	"unicode/utf8"
)

// This file is the line breaker: spans become words (runs without a break
// opportunity, possibly in several styles), words are filled greedily into
// lines, and lines are placed (aligned, justified) in millimetres from the
// left margin. It measures with the width tables of fonts.go and draws
// nothing, so a paragraph can be measured before it is set.

// frag is a piece of a word in one style.
type frag struct {
	text  string
	style Style   // Bold, Italic
	w     float64 // width of text, mm
	pad   float64 // underline beyond the text (a field's MinWidth), mm
	ul    int     // underline group: 0 none; same group → the gap is underlined too
	tag   bool    // invisible e-sign anchor: drawn, takes no room
	fb    *Font   // the fallback font text was measured with
}

// word is a run of frags with no break opportunity inside.
type word struct {
	frags  []frag
	w      float64 // Σ frag.w + frag.pad
	glue   float64 // natural width of the space before it
	breaks int     // forced line breaks before it ("\n")
}

// tokenizer turns spans into words.
type tokenizer struct {
	size    float64
	words   []word
	cur     *word // the open word: text continues it until whitespace
	glue    float64
	breaks  int
	tags    []frag // tags waiting for the next word
	nextUL  int
	maxWord float64 // widest a blank field may be
	fb      *Font   // the fallback font, nil: none
}

// words splits spans into words set at size pt, with fb as the fallback
// font (nil: none). A blank field wider than maxWord is narrowed to it.
func words(spans []Span, size, maxWord float64, fb *Font) []word {
	t := tokenizer{size: size, maxWord: maxWord, fb: fb}
	for _, sp := range spans {
		t.span(sp)
	}
	t.close()
	if len(t.tags) > 0 {
		if n := len(t.words); n > 0 {
			t.words[n-1].frags = append(t.words[n-1].frags, t.tags...)
		} else {
			t.words = append(t.words, word{frags: t.tags})
		}
		t.tags = nil
	}
	return t.words
}

func (t *tokenizer) span(sp Span) {
	st := sp.Style & (Bold | Italic)
	switch {
	case sp.Tag:
		text := sanitize(sp.Text, false)
		if text == "" {
			return
		}
		f := frag{text: text, style: st, tag: true}
		if t.cur != nil {
			t.cur.frags = append(t.cur.frags, f)
		} else {
			t.tags = append(t.tags, f)
		}
		return
	case sp.Field:
		t.nextUL++
		ul := t.nextUL
		text := strings.TrimSpace(sanitize(sp.Text, true))
		min := sp.MinWidth
		if !(min >= 0) { // negative or NaN
			min = 0
		}
		if text == "" {
			if min == 0 {
				min = 25 // a blank must show: 25 mm when no width is given
			}
			if min > t.maxWord {
				min = t.maxWord
			}
			t.append(frag{style: st, pad: min, ul: ul})
			return
		}
		// The field starts at the open word's next frag, or at a new word.
		wi, fi := len(t.words), 0
		if t.cur != nil {
			wi, fi = len(t.words)-1, len(t.cur.frags)
		}
		t.text(text, st, ul)
		// Pad the field's last piece so that the underline spans MinWidth.
		total := 0.0
		lastWord, lastFrag := -1, -1
		for first := wi; wi < len(t.words); wi, fi = wi+1, 0 {
			if wi > first {
				total += t.words[wi].glue // a space inside the field
			}
			for i := fi; i < len(t.words[wi].frags); i++ {
				if f := t.words[wi].frags[i]; f.ul == ul {
					total += f.w
					lastWord, lastFrag = wi, i
				}
			}
		}
		if lastWord >= 0 && total < min {
			pad := math.Min(min-total, t.maxWord)
			t.words[lastWord].frags[lastFrag].pad = pad
			t.words[lastWord].w += pad
		}
		return
	}
	ul := 0
	if sp.Style&Underline != 0 {
		t.nextUL++
		ul = t.nextUL
	}
	t.text(sanitize(sp.Text, true), st, ul)
}

// text adds running text: whitespace separates words, "\n" forces a break.
func (t *tokenizer) text(s string, st Style, ul int) {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch r {
		case ' ', '\n':
			t.close()
			if r == '\n' {
				t.breaks++
				t.glue = 0
			} else if t.breaks == 0 && len(t.words) > 0 && t.glue == 0 {
				t.glue = width(st, t.size, " ")
			}
			s = s[n:]
			continue
		}
		end := strings.IndexAny(s, " \n")
		if end < 0 {
			end = len(s)
		}
		piece := s[:end]
		t.append(frag{text: piece, style: st, w: t.fb.width(st, t.size, piece), ul: ul, fb: t.fb})
		s = s[end:]
	}
}

// append adds f to the open word, opening one if needed.
func (t *tokenizer) append(f frag) {
	if t.cur == nil {
		t.words = append(t.words, word{glue: t.glue, breaks: t.breaks})
		t.cur = &t.words[len(t.words)-1]
		t.glue, t.breaks = 0, 0
		if len(t.tags) > 0 {
			t.cur.frags = append(t.cur.frags, t.tags...)
			t.tags = nil
		}
	}
	t.cur.frags = append(t.cur.frags, f)
	t.cur.w += f.w + f.pad
}

// close ends the open word.
func (t *tokenizer) close() { t.cur = nil }

// line is a broken line: words in order, its natural width (glue at natural
// size), and whether it ends a paragraph or a forced break (so is not
// justified).
type line struct {
	words   []word
	natural float64
	last    bool
	size    float64 // pt
}

// breakLines fills words greedily into lines of width first (the first line)
// and rest (the others). A word wider than its line is broken between
// characters. Forced breaks end a line; each extra "\n" makes an empty line.
func breakLines(ws []word, size, first, rest float64) []line {
	const eps = 1e-9
	var lines []line
	ws = append([]word(nil), ws...)
	for i := 0; i < len(ws); {
		avail := rest
		if len(lines) == 0 {
			avail = first
		}
		if len(lines) > 0 || i > 0 {
			for n := 1; n < ws[i].breaks; n++ {
				lines = append(lines, line{last: true})
			}
		}
		if ws[i].w > avail+eps {
			head, tail, _ := splitWord(ws[i], size, avail, true)
			if len(tail.frags) > 0 {
				ws[i] = tail
			} else {
				ws = append(ws[:i], ws[i+1:]...)
			}
			lines = append(lines, line{words: []word{head}, natural: head.w, size: size})
			continue
		}
		w := ws[i].w
		j := i + 1
		for j < len(ws) && ws[j].breaks == 0 && w+ws[j].glue+ws[j].w <= avail+eps {
			w += ws[j].glue + ws[j].w
			j++
		}
		l := line{words: ws[i:j:j], natural: w}
		l.words[0].glue = 0
		// A word too wide for any line starts here, filling what is left of
		// this one, rather than leaving it half empty.
		if j < len(ws) && ws[j].breaks == 0 && ws[j].w > rest+eps {
			if room := avail - w - ws[j].glue; room >= minFill {
				if head, tail, ok := splitWord(ws[j], size, room, false); ok {
					l.words = append(l.words, head)
					l.natural += head.glue + head.w
					tail.glue = 0
					ws[j] = tail
				}
			}
		}
		l.last = j == len(ws) || ws[j].breaks > 0
		l.size = size
		lines = append(lines, l)
		i = j
	}
	return lines
}

// minFill is the least room, in mm, worth filling with the start of a word
// too long for any line.
const minFill = 5.0

// splitWord cuts w so that its head fits avail. When force is set, at least
// one character or a part of a pad goes in the head, so that breaking always
// advances; otherwise ok is false when nothing visible fits.
func splitWord(w word, size, avail float64, force bool) (head, tail word, ok bool) {
	head = word{glue: w.glue, breaks: w.breaks}
	tail = word{}
	room := avail
	for i, f := range w.frags {
		if f.w+f.pad <= room+1e-9 || f.tag {
			head.frags = append(head.frags, f)
			head.w += f.w + f.pad
			room -= f.w + f.pad
			continue
		}
		// f does not fit whole: take runes, then part of its pad.
		hf, tf := f, f
		hf.text, hf.w, hf.pad = "", 0, 0
		if f.w <= room+1e-9 {
			hf.text, hf.w = f.text, f.w
			hf.pad = room - f.w
			tf.text, tf.w = "", 0
			tf.pad = f.pad - hf.pad
		} else {
			u := 0
			cut := 0
			for j, r := range f.text {
				ru := f.fb.units(f.style, string(r))
				if unitsWidth(u+ru, size) > room+1e-9 && (cut > 0 || len(head.frags) > 0 || !force) {
					break
				}
				u += ru
				cut = j + utf8.RuneLen(r)
			}
			if cut == 0 && len(head.frags) == 0 && force {
				// Not even one character fits: take one anyway.
				_, n := utf8.DecodeRuneInString(f.text)
				cut = n
				u = f.fb.units(f.style, f.text[:n])
			}
			hf.text, hf.w = f.text[:cut], unitsWidth(u, size)
			tf.text = f.text[cut:]
			tf.w = f.fb.width(f.style, size, tf.text)
		}
		if hf.text != "" || hf.pad > 0 {
			head.frags = append(head.frags, hf)
			head.w += hf.w + hf.pad
		}
		if tf.text != "" || tf.pad > 0 {
			tail.frags = append(tail.frags, tf)
			tail.w += tf.w + tf.pad
		}
		for _, g := range w.frags[i+1:] {
			tail.frags = append(tail.frags, g)
			tail.w += g.w + g.pad
		}
		return head, tail, head.w > 0
	}
	return head, tail, head.w > 0
}

// placed is a frag at its position on a line, x in mm from the left margin.
// spacing is the room (mm) a justified line adds after each space of text.
type placed struct {
	x       float64
	text    string
	style   Style
	tag     bool
	spacing float64
}

// rule is an underline from x1 to x2 (mm from the left margin).
type rule struct{ x1, x2 float64 }

// setLine is a line ready to draw.
type setLine struct {
	items []placed
	rules []rule
	end   float64 // right edge of the last word
}

// place positions a line's words starting at x0 within width avail.
func place(l line, align Align, x0, avail float64) setLine {
	slack := avail - l.natural
	if slack < 0 {
		slack = 0
	}
	extra := 0.0
	switch align {
	case Center:
		x0 += slack / 2
	case Right:
		x0 += slack
	case Justify:
		if !l.last && len(l.words) > 1 {
			extra = slack / float64(len(l.words)-1)
		}
	}
	var s setLine
	x := x0
	openUL, openX1, openX2 := 0, 0.0, 0.0
	prevEnd := math.Inf(-1)
	for i, w := range l.words {
		if i > 0 {
			x += w.glue + extra
		}
		for j, f := range w.frags {
			if f.text != "" {
				// Text that follows the previous piece at its spacing (a
				// space, and a justified line's extra room), in the same
				// style, is shown with it: one string instead of several.
				n := len(s.items)
				if gap := x - prevEnd; n > 0 && !f.tag && !s.items[n-1].tag && s.items[n-1].style == f.style &&
					(math.Abs(gap) < 1e-9 || (j == 0 && math.Abs(gap-width(f.style, l.size, " ")-extra) < 1e-9)) {
					if j == 0 {
						s.items[n-1].text += " "
						s.items[n-1].spacing = extra
					}
					s.items[n-1].text += f.text
				} else {
					s.items = append(s.items, placed{x: x, text: f.text, style: f.style, tag: f.tag})
				}
				prevEnd = x + f.w
			}
			if f.tag {
				continue // no room, no underline
			}
			// A run of frags of one underline group, across the gaps
			// between its words, is one rule.
			if f.ul != openUL {
				if openUL != 0 {
					s.rules = append(s.rules, rule{openX1, openX2})
				}
				openUL, openX1 = f.ul, x
			}
			x += f.w + f.pad
			openX2 = x
		}
		s.end = x
	}
	if openUL != 0 {
		s.rules = append(s.rules, rule{openX1, openX2})
	}
	return s
}
