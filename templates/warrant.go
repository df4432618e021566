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
	Entries   []compute.Entry // the adjustments made so far, for the Schedule of Adjustments
	Issued    compute.Date    // when this replacement was issued (the Schedule's date)
	Blank     bool            // every blank left to fill by hand
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

// schedule is the Schedule of Adjustments page of a replacement warrant.
func schedule(c *compute.Case, in WarrantInput) []render.Block {
	t := c.Terms
	out := []render.Block{render.PageBreak{}, render.Heading{Text: "SCHEDULE OF ADJUSTMENTS", Level: 1},
		para(render.T("This Warrant replaces Warrant No. "+in.Replacing+". As of "+LongDate(in.Issued)+", after the adjustments made under Section 4 and listed below, the Warrant Price in effect is "),
			render.B(price(t, in.State.Price)), render.T(" and the Warrant Share Number is "), render.B(sharesWords(t, in.State.Shares)), render.T(".")),
	}
	rows := [][]string{}
	for _, e := range in.Entries {
		if !e.Status.Certified() {
			continue
		}
		rows = append(rows, []string{e.Effective.String(), e.Section, e.Event, string(e.Status), price(t, e.After.Price), shares(t, e.After.Shares)})
	}
	if len(rows) == 0 {
		return append(out, para(render.T("No adjustment has been made.")))
	}
	return append(out, render.Table{
		Header: []string{"Effective", "Section", "Event", "Status", "Warrant Price", "Share Number"},
		Widths: []float64{22, 18, 38, 29, 26, 32},
		Align:  []render.Align{render.Left, render.Left, render.Left, render.Left, render.Right, render.Right},
		Rows:   rows,
	})
}
