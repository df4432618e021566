package templates

import (
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// WarrantInput is a Warrant to render: an original (Replacing empty) or a
// replacement issued on exercise, transfer, exchange or re-issue.
type WarrantInput struct {
	Warrant   compute.Warrant // number, holder and the Warrant Share Number on its face
	Replacing string          // the number of the warrant it replaces, if any
	State     compute.State   // the Warrant Price and Warrant Share Number in effect
	Entries   []compute.Entry // the adjustments made so far, for the Schedule of Adjustments (without Lineage)
	Issued    compute.Date    // when this replacement was issued (the Schedule's date)
	Blank     bool            // every blank left to fill by hand

	// Lineage is the warrant's line of descent as the ledger computes it
	// (compute.AdjustCase; see Lineage): the original first, then each
	// warrant issued in place of the one before it, and this warrant last
	// — or, when this warrant is not computed yet, the warrant it
	// replaces last. With it the Schedule of Adjustments lists every
	// adjustment and transaction of the lineage, each with the numbers of
	// the warrant it concerns (see schedule.go), and Entries is not read.
	Lineage []*compute.Adjustment
	// Transactions are the ledger's transactions (compute.Case.Transactions
	// and any being recorded); the Schedule finds the one that created each
	// link by its Index to say what it did (shares exercised, assignee,
	// reason). One missing is described from the Lineage alone.
	Transactions []compute.Transaction
}

// Warrant is the full Warrant: its text with the blanks filled (number,
// holder, shares in words and figures), dated the Original Issue Date
// (§2(e)); a replacement carries "Replacing Warrant No. …" and a Schedule of
// Adjustments; the attached Exercise Form, Assignment, Partial Assignment and
// the issuer-only record follow, blank.
func Warrant(c *compute.Case, in WarrantInput, opt Options) (*render.Doc, error) {
	number := in.Warrant.Number
	blocks, err := WarrantBlocks(c, in, opt)
	if err != nil {
		return nil, err
	}
	d, err := newDoc(c, opt, "Warrant to Purchase Shares of Common Stock — No. "+number,
		"Warrant to Purchase Shares of Common Stock of "+c.Issuer.Name, number, "Warrant", c.Terms.OriginalIssueDate)
	if err != nil {
		return nil, err
	}
	d.Add(blocks...)
	return d, nil
}

// WarrantBlocks are the blocks of the Warrant document, for Warrant and for
// benchmarks that lay out the same text another way.
func WarrantBlocks(c *compute.Case, in WarrantInput, opt Options) ([]render.Block, error) {
	t := c.Terms
	var out []render.Block
	fields := map[string]string{}
	if !in.Blank {
		fields = map[string]string{
			"number":       in.Warrant.Number,
			"shares":       figuresOnly(t, in.Warrant.Shares),
			"holder":       in.Warrant.Holder.Name,
			"shares_words": wordsOnly(t, in.Warrant),
		}
	}
	if tg := opt.tags(1); tg.Signature != "" {
		fields["issuer_signature.tag"] = tg.Signature
	}
	if in.Replacing != "" {
		out = append(out, render.Paragraph{Spans: []render.Span{render.B("Replacing Warrant No. " + in.Replacing)}, Align: render.Right})
	}
	for _, section := range []string{"warrant", "exercise-form", "assignment", "partial-assignment", "issuer-record"} {
		f := map[string]string{}
		if section == "warrant" {
			f = fields
		}
		blocks, err := WarrantText(section, merge(c, f))
		if err != nil {
			return nil, err
		}
		out = append(out, blocks...)
		if section == "warrant" && in.Replacing != "" {
			out = append(out, schedule(c, in)...)
		}
	}
	return out, nil
}
