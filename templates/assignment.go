package templates

import (
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Assignment and Partial Assignment (§2(e)), filled or blank.

// AssignInput is a filled Assignment or Partial Assignment.
type AssignInput struct {
	Warrant  compute.Warrant
	Assignee compute.Holder
	Shares   decimal.Decimal // zero: the whole Warrant (Assignment), or a Partial Assignment's blank left to fill by hand
	Attorney string
	Date     compute.Date
	Blank    bool
	Partial  bool
}

// Assignment is the Warrant's Assignment (the whole Warrant) or Partial
// Assignment (Shares of it), filled or blank. A filled form stands apart
// from the Warrant, so its "within Warrant" is named in the body: the
// assignor is "the Holder of Warrant No. …", and the assignee's address
// follows the assignee's name.
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
			"assignor": assignorText(in.Warrant), "assignee": assigneeText(in.Assignee), "attorney": in.Attorney,
			"assign_date": LongDate(in.Date), "assign_address_1": a1, "assign_address_2": a2,
		}
		fields["assign_signature.tag"] = opt.tags(1).Signature
		if in.Partial && !in.Shares.IsZero() {
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

// assignorText is the assignor's blank filled: the Holder's name and the
// Warrant it holds, "José Ñúñez García, as Holder of Warrant No.
// W-F-05-003," (the form reads "FOR VALUE RECEIVED, ___ hereby sells").
func assignorText(w compute.Warrant) string {
	if w.Holder.Name == "" {
		return ""
	}
	if w.Number == "" {
		return w.Holder.Name
	}
	return w.Holder.Name + ", as Holder of Warrant No. " + w.Number + ","
}

// assigneeText is the assignee's blank filled: the name and, when given,
// the address, "Łukasz Żółć, of ul. Marszałkowska 84/92, 00-514 Warszawa,
// Poland," (the form reads "transfers unto ___ the within Warrant").
func assigneeText(h compute.Holder) string {
	if h.Name == "" || len(h.Address) == 0 {
		return h.Name
	}
	return h.Name + ", of " + strings.Join(h.Address, ", ") + ","
}
