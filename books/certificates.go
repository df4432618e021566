package books

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// certificate is one Certificate of Adjustment adjust writes.
type certificate struct {
	w    compute.Warrant
	e    compute.Entry
	name string
}

// Certificates writes a Certificate of Adjustment (§5) per warrant and
// certified entry (every entry with all) into dir, absent or empty: adjs
// are the adjustments of b's warrants, in order. Every file name is
// planned, and checked to be distinct, before the first is written. It
// returns the number written.
func (b *Books) Certificates(ctx context.Context, dir string, adjs []*compute.Adjustment, all bool, opt Options) (int, error) {
	c, casePath := b.Case, b.CasePath
	if err := checkFileNames(c, casePath); err != nil {
		return 0, err
	}
	paths := newOutputPaths(casePath)
	var plan []certificate
	for i, a := range adjs {
		w := c.Warrants[i]
		for _, e := range a.Entries {
			if !e.Status.Certified() && !all {
				continue
			}
			name := fileName(w.Number) + "-" + fileName(e.Event) + ".pdf"
			if err := paths.add(name, fmt.Sprintf("the certificate of warrant %s for event %q", w.Number, e.Event)); err != nil {
				return 0, err
			}
			plan = append(plan, certificate{w, e, name})
		}
	}
	for _, p := range plan {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		doc, err := templates.Certificate(c, p.w, p.e, opt.Documents)
		if err != nil {
			return 0, err
		}
		if err := writeAtomic(filepath.Join(dir, p.name), doc.Write); err != nil {
			return 0, err
		}
	}
	return len(plan), nil
}

// Notices writes the Notice to Holders (§9) of n for each warrant's holder
// into dir, absent or empty, as notice-NUMBER.pdf.
func (b *Books) Notices(dir string, n templates.NoticeInput, opt Options) error {
	for _, w := range b.Warrants {
		doc, err := templates.Notice(b.Case, w, n, opt.Documents)
		if err != nil {
			return err
		}
		if err := writeAtomic(filepath.Join(dir, "notice-"+fileName(w.Number)+".pdf"), doc.Write); err != nil {
			return err
		}
	}
	return nil
}
