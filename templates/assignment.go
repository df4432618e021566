package templates

import (
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Assignment and Partial Assignment (§2(e)), filled or blank.

// AssignInput is a filled Assignment or Partial Assignment.
type AssignInput struct {
	Warrant  compute.Warrant
	Assignee compute.Holder
	Shares   decimal.Decimal // zero: the whole Warrant (Assignment)
	Attorney string
	Date     compute.Date
	Blank    bool
	Partial  bool
}

// Assignment is the Warrant's Assignment (the whole Warrant) or Partial
// Assignment (Shares of it), filled or blank.
func Assignment(c *compute.Case, in AssignInput, opt Options) (*render.Doc, error) {
	t := c.Terms
	section, kind := "assignment", "Assignment"
	if in.Partial {
		section, kind = "partial-assignment", "Partial Assignment"
	}
	d, err := newDoc(c, opt, kind+" — Warrant No. "+in.Warrant.Number, "Transfer of the Warrant under Section 2(e)", in.Warrant.Number, kind, in.Date)
	if err != nil {
		return nil, err
	}
	fields := map[string]string{}
	if !in.Blank {
		a1, a2 := holderAddress(in.Warrant.Holder)
		fields = map[string]string{
			"assignor": in.Warrant.Holder.Name, "assignee": in.Assignee.Name, "attorney": in.Attorney,
			"assign_date": LongDate(in.Date), "assign_address_1": a1, "assign_address_2": a2,
		}
		fields["assign_signature.tag"] = opt.tags(1).Signature
		if in.Partial {
			fields["assign_shares"] = figuresOnly(t, in.Shares)
		}
	}
	blocks, err := WarrantText(section, merge(c, fields))
	if err != nil {
		return nil, err
	}
	d.Add(blocks...)
	if err := attachData(d, opt, "assignment.json", in); err != nil {
		return nil, err
	}
	return d, nil
}
