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
// are the adjustments of every warrant of b's ledger (compute.AdjustCase).
// A warrant's certificates are for its own entries and name its own holder
// (Adjustment.Subject): a warrant created by a transaction is not in
// b.Warrants, and the events after it was created are its, not its
// ancestor's. Every file name is planned, and checked to be distinct, before
// the first is written. It returns the number written.
func (b *Books) Certificates(ctx context.Context, dir string, adjs []*compute.Adjustment, all bool, opt Options) (int, error) {
	c, casePath := b.Case, b.CasePath
	if err := checkFileNames(c, casePath); err != nil {
		return 0, err
	}
	if err := b.Printable(opt.Documents.Font); err != nil {
		return 0, err
	}
	paths := newOutputPaths(casePath)
	var plan []certificate
	for _, a := range adjs {
		w := a.Subject
		w.Number = a.Warrant
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

// A NoticeForm is a §9 notice as the Issuer states it, in text: the case of
// §9 (A to F), the record or effective date, and, if it was or will be sent,
// when (a wall time in the Warrant's time zone, or with an offset) and how
// (fax, courier or hand, §12). The names of the problems are those of
// warrantkit notice's flags.
type NoticeForm struct {
	Kind, RecordDate, Send, Via string
}

// Input reads the form into the notice compute takes.
func (f NoticeForm) Input(t compute.Terms) (compute.NoticeInput, error) {
	in := compute.NoticeInput{HasSend: f.Send != ""}
	var err error
	if in.Kind, err = compute.ParseNoticeKind(f.Kind); err != nil {
		return in, err
	}
	if in.RecordDate, err = compute.ParseDate(f.RecordDate); err != nil {
		return in, &compute.InputError{Field: "record_date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	if in.HasSend {
		if in.Sent, err = compute.ParseSendTime(f.Send, t.Location); err != nil {
			return in, err
		}
		if in.Via, err = compute.ParseDelivery(f.Via); err != nil {
			return in, err
		}
	}
	return in, nil
}

// Notices writes the Notice to Holders (§9) of the event in, whose deadline
// is res, for each warrant's holder into dir, absent or empty, as
// notice-NUMBER.pdf: dated when it is sent, else the latest day it may be
// given. description is the event in the Issuer's words; participation,
// YYYY-MM-DD if not "", the date holders of record participate.
func (b *Books) Notices(dir string, in compute.NoticeInput, res compute.NoticeResult, description, participation string, opt Options) error {
	if err := b.Printable(opt.Documents.Font); err != nil {
		return err
	}
	t := b.Terms
	ni := templates.NoticeInput{Kind: in.Kind, Result: res, Description: description, Date: in.RecordDate.AddDays(-t.NoticeLeadDays)}
	if in.HasSend {
		ni.Date = compute.DateOf(in.Sent.In(t.Location))
	}
	if participation != "" {
		var err error
		if ni.Participation, err = compute.ParseDate(participation); err != nil {
			return &compute.InputError{Field: "participation_date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
	}
	for _, w := range b.Warrants {
		doc, err := templates.Notice(b.Case, w, ni, opt.Documents)
		if err != nil {
			return err
		}
		if err := writeAtomic(filepath.Join(dir, "notice-"+fileName(w.Number)+".pdf"), doc.Write); err != nil {
			return err
		}
	}
	return nil
}
