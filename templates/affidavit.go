package templates

import (
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// AffidavitInput is the §3(d) affidavit of a Warrant lost, stolen,
// destroyed or mutilated (Reason, one of compute.ReplacementReasons). An
// empty Reason is the blank affidavit, which names every reason for the
// deponent to strike out those that do not apply.
type AffidavitInput struct {
	Warrant compute.Warrant
	Reason  string
	Date    compute.Date // zero: "Dated:" left blank
}

// affidavitStatement is the deponent's statement of what became of the
// Warrant, for each reason.
var affidavitStatement = map[string]string{
	"lost":      "The Warrant has been lost. The Holder has made a diligent search for it and has been unable to find it.",
	"stolen":    "The Warrant has been stolen. It has not been recovered.",
	"destroyed": "The Warrant has been destroyed.",
	"mutilated": "The Warrant has been mutilated. The Holder surrenders the mutilated Warrant to the Issuer with this affidavit, for cancellation.",
	"":          "The Warrant has been lost / stolen / destroyed / mutilated (strike out the words that do not apply). If lost or stolen, the Holder has made a diligent search for it and it has not been found or recovered; if mutilated, the Holder surrenders it to the Issuer with this affidavit, for cancellation.",
}

// indemnity is the Holder's undertaking of indemnity, which Section 3(d)
// asks of a Warrant lost, stolen or destroyed ("upon receipt of indemnity
// or security satisfactory to the Issuer").
const indemnity = "In consideration of the Issuer's making and delivering the new Warrant, the Holder agrees to indemnify and hold harmless the Issuer, its officers, directors, employees and agents and its transfer agent from and against any and all losses, claims, liabilities, damages, costs and expenses (including reasonable attorneys' fees) that any of them may suffer or incur by reason of the loss, theft or destruction of the Warrant or of the issuance of the new Warrant, and to give such other security as the Issuer may reasonably require under Section 3(d). If the Warrant is found or recovered, the Holder will promptly deliver it to the Issuer for cancellation."

// Affidavit is the affidavit of loss and indemnity that Section 3(d) asks
// of a Holder whose Warrant was lost, stolen or destroyed, or, for a
// mutilated Warrant, the affidavit of mutilation with the Warrant
// surrendered: the Holder's ownership, what became of the Warrant, the
// request for a new Warrant of like tenor, the indemnity, the Holder's
// signature and a jurat for the notary.
func Affidavit(c *compute.Case, in AffidavitInput, opt Options) (*render.Doc, error) {
	t, w := c.Terms, in.Warrant
	blank := blankWarrant(w)
	title := "Affidavit of Loss and Indemnity"
	if in.Reason == "mutilated" {
		title = "Affidavit of Mutilation"
	}
	d, err := newDoc(c, opt, title+" — Warrant No. "+w.Number, "Replacement of the Warrant under Section 3(d)", w.Number, "Affidavit", in.Date)
	if err != nil {
		return nil, err
	}
	d.Add(paperHead(c, w, strings.ToUpper(title), "Section 3(d) of the Warrant")...)
	d.Add(render.Paragraph{Spans: []render.Span{
		render.T("State or Country of "), render.F("", 50), render.T(" )\n"),
		render.T("County or City of "), render.F("", 53), render.T(" )  ss.:"),
	}, Align: render.Left, SpaceAfter: 2.5})
	holder := []render.Span{render.T("The undersigned, being duly sworn, deposes and says, for and on behalf of "), holderSpans(w)}
	switch {
	case len(w.Holder.Address) > 0:
		holder = append(holder, render.T(", of "+strings.Join(w.Holder.Address, ", ")))
	case blank:
		holder = append(holder, render.T(", of "), render.F("", 70))
	}
	d.Add(text(blank, append(holder, render.T(" (the “Holder”), as the Holder or, if the Holder is not an individual, as its duly authorized signatory:"))...))
	own := append([]render.Span{render.T("The Holder is the registered holder and the lawful owner of ")}, warrantSpans(c, w)...)
	own = append(own, render.T(" (the “Issuer”), dated "+LongDate(t.OriginalIssueDate)+", representing on its face the right to purchase "))
	if w.Shares.IsZero() {
		own = append(own, render.F("", 30))
	} else {
		own = append(own, render.T(figuresOnly(t, w.Shares)))
	}
	own = append(own, render.T(" shares of Warrant Stock (the “Warrant”). The Holder has not sold, assigned, transferred, pledged or otherwise disposed of the Warrant or any interest in it, and no other person has any right, title or interest in it."))
	d.Add(numbered(blank, "1.", own...), numbered(blank, "2.", render.T(affidavitStatement[in.Reason])))
	d.Add(numbered(blank, "3.", render.T("The Holder makes this affidavit to induce the Issuer to make and deliver to the Holder, in lieu of the Warrant, a new Warrant of like tenor under Section 3(d) of the Warrant, which provides:")))
	d.Add(render.Paragraph{Spans: []render.Span{render.T("“" + quoteSection3d + "”")}, Indent: 20, Size: 9.5, SpaceAfter: 2})
	// The indemnity, the Holder's signature and the jurat are kept on one
	// page: a signature is never alone on one.
	var end []render.Block
	switch in.Reason {
	case "mutilated":
	case "":
		end = append(end, numbered(blank, "4.", render.T("If the Warrant was lost, stolen or destroyed: "+indemnity)))
	default:
		end = append(end, numbered(blank, "4.", render.T(indemnity)))
	}
	end = append(end, holderSignature(w, in.Date, opt)...)
	d.Add(render.Keep{Blocks: append(end, jurat()...)})
	if err := attachData(d, opt, "affidavit.json", in); err != nil {
		return nil, err
	}
	return d, nil
}

// numbered is a numbered paragraph of the affidavit, its number hanging.
func numbered(blank bool, label string, spans ...render.Span) render.Paragraph {
	p := text(blank, spans...)
	p.Label, p.Indent, p.First = label, 10, -10
	return p
}

// jurat is the notary's: sworn to and subscribed before, the day left
// blank, a line to sign and the commission's expiry.
func jurat() []render.Block {
	return []render.Block{
		render.Paragraph{Spans: []render.Span{render.T("Sworn to and subscribed before me this "), render.F("", 12),
			render.T(" day of "), render.F("", 35), render.T(", 20"), render.F("", 10), render.T(".")}, Align: render.Left, SpaceAfter: 6},
		render.Paragraph{Spans: []render.Span{render.F("", 75), render.T("\nNotary Public")}, Align: render.Right, SpaceAfter: 1.5},
		render.Split{Left: []render.Span{render.I("[Notarial seal]")}, Right: []render.Span{render.T("My commission expires: "), render.F("", 45)}},
	}
}
