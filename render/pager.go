package render

import "math"

// row is the unit of pagination: something of height h that is never split
// across pages (a line of a paragraph, a table row, a formula, a signature
// line), drawn by draw with its top at y.
type row struct {
	h      float64
	before float64 // space above it; dropped at the top of a page begun by an automatic break
	draw   func(d *doc, y float64)

	// kwn keeps the row on the page of the row after it (headings, the
	// first and the next-to-last line of a paragraph, against orphans and
	// widows), when the chain so formed fits on a page.
	kwn bool
	// groups are the heights of the Keep groups that begin with this row,
	// outermost first: the first that fits on a fresh page moves to one
	// when it does not fit in the room left.
	groups []float64
	// header, if set, is drawn at the top of a page this row begins after an
	// automatic break (a table's header row).
	header *row
	// brk starts a new page (PageBreak).
	brk bool
}

// pager places rows on pages.
type pager struct {
	page    int     // pages begun; 0 before the first row
	y       float64 // where the next row's space begins
	empty   bool    // nothing placed on this page yet
	discard bool    // this page was begun by an automatic break: drop space at its top
}

const eps = 1e-6

// run places rows from the start of rs and reports how many it placed. Unless
// final, it stops at a row whose place depends on rows not yet added. With a
// nil d it only counts (a dry run).
func (p *pager) run(rs []*row, final bool, d *doc) int {
	for i, r := range rs {
		if r.brk {
			if p.page > 0 && !p.empty {
				p.newPage(d, false)
			}
			continue
		}
		need, ok := p.need(rs, i, final)
		if !ok {
			return i
		}
		if p.page == 0 {
			p.newPage(d, false)
		}
		before := r.before
		if p.empty && p.discard {
			before = 0
		}
		if !p.empty && p.y+before+need > bottom+eps {
			p.newPage(d, true)
			before = 0
			if r.header != nil && r.header != r {
				if d != nil {
					r.header.draw(d, p.y)
				}
				p.y += r.header.h
			}
		}
		if d != nil {
			r.draw(d, p.y+before)
		}
		p.y += before + r.h
		p.empty = false
	}
	return len(rs)
}

// need is the height that must fit below the current position for row i to
// be placed here: the row itself, or the Keep group it begins, or the chain of
// kept-with-next rows it begins, whichever applies and fits on a page. ok is
// false when the chain runs past the rows added so far.
func (p *pager) need(rs []*row, i int, final bool) (need float64, ok bool) {
	eff := func(r *row) float64 {
		for _, g := range r.groups {
			if g <= capacity+eps {
				return g
			}
		}
		return r.h
	}
	r := rs[i]
	need = eff(r)
	if !r.kwn {
		return need, true
	}
	total := need
	for j := i; rs[j].kwn; {
		if j+1 >= len(rs) {
			if !final {
				return 0, false
			}
			break
		}
		j++
		if rs[j].brk {
			break
		}
		total += rs[j].before + eff(rs[j])
		if len(rs[j].groups) > 0 {
			break
		}
	}
	if total <= capacity+eps {
		return total, true
	}
	return need, true
}

func (p *pager) newPage(d *doc, auto bool) {
	p.page++
	p.y = top
	p.empty = true
	p.discard = auto
	if d != nil {
		d.newPage()
	}
}

// groupHeight is the height of rows laid out together from the top of a
// page: the first row's space is not counted. A page break inside makes it
// infinite (it cannot be kept on one page).
func groupHeight(rs []*row) float64 {
	h := 0.0
	for i, r := range rs {
		if r.brk {
			return math.Inf(1)
		}
		if i > 0 {
			h += r.before
		}
		h += r.h
	}
	return h
}
