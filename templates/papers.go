package templates

import (
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Warrant's other papers: the Holder's notices to the Issuer (the §7
// Waiver Notice, the §2(d) Exercise Default Notice) and the §3(d) affidavit
// of loss and indemnity. None is attached to the Warrant; each is written
// from the Warrant's words, filled for a warrant of the case or blank. This
// file holds what they share: the address to the Issuer (§12), the Holder's
// signature, the Warrant's words they quote.

// quoteSection7 is §7, the limit on beneficial ownership and its waiver.
const quoteSection7 = "at no time may a Holder of this Warrant exercise this Warrant if the number of shares of Common Stock to be issued pursuant to such exercise would exceed, when aggregated with all other shares of Common Stock owned by such Holder at such time, the number of shares of Common Stock which would result in such Holder owning more than 4.999% of all of the Common Stock outstanding at such time; provided, however, that upon a holder of this Warrant providing the Issuer with sixty-one (61) days notice (pursuant to Section 12 hereof) (the \"Waiver Notice\") that such Holder would like to waive this Section 7 with regard to any or all shares of Common Stock issuable upon exercise of this Warrant, this Section 7 will be of no force or effect with regard to all or a portion of the Warrant referenced in the Waiver Notice; provided, further, that this provision shall be of no further force or effect during the sixty-one (61) days immediately preceding the expiration of the term of this Warrant."

// quoteSection2d is §2(d)'s Exercise Default and the Holder's remedies.
const quoteSection2d = "If the certificates for the shares of Warrant Stock issuable upon exercise of this Warrant are not delivered within the time period set forth in the first sentence of this Section 2(d) (an \"Exercise Default\"), the Holder may, upon written notice to the Issuer (an \"Exercise Default Notice\"), regain on the date of such notice the rights of the Holder under the exercised portion of this Warrant that is the subject of such Exercise Default. In the event of such Exercise Default and delivery of an Exercise Default Notice, the Holder shall retain all of the Holder's rights and remedies with respect to the Issuer's failure to deliver such shares of Warrant Stock. The Holder's rights and remedies hereunder are cumulative, and no right or remedy is exclusive of any other. In addition to the amounts specified herein, the Holder shall have the right to pursue all other remedies available to it at law or in equity (including, without limitation, a decree of specific performance and/or injunctive relief). Nothing herein shall limit the Holder's right to pursue actual damages for the Issuer's failure to issue and deliver shares of Warrant Stock on the applicable delivery date (including, without limitation, damages relating to any purchase of Common Stock by the Holder to make delivery on a sale effected in anticipation of receiving shares of Warrant Stock upon exercise, such damages to be in an amount equal to (A) the aggregate amount paid by the Holder for the Common Stock so purchased minus (B) the aggregate amount of net proceeds, if any, received by the Holder from the sale of the shares of Warrant Stock issued by the Issuer pursuant to such exercise)."

// quoteSection3d is §3(d), the replacement of a lost, stolen, destroyed or
// mutilated Warrant.
const quoteSection3d = "Upon receipt of an affidavit of loss and other evidence satisfactory to the Issuer of the ownership of and the loss, theft, destruction or mutilation of any Warrant and upon receipt of indemnity or security satisfactory to the Issuer or, in the case of any such mutilation, upon surrender and cancellation of such Warrant, the Issuer will make and deliver, in lieu of such lost, stolen, destroyed or mutilated Warrant, a new Warrant of like tenor and representing the right to purchase the same number of shares of Common Stock."

// PaperQuotes are the Warrant's words the papers quote, for a test to
// find each in the Warrant's text.
var PaperQuotes = []string{quoteSection7, quoteSection2d, quoteSection3d}

// quotation is a passage of the Warrant set as a block quotation: indented,
// a point smaller, in curly quotation marks.
func quotation(intro, text string) []render.Block {
	text = strings.NewReplacer(" \"", " “", "(\"", "(“", "\"", "”").Replace(text)
	return []render.Block{
		para(render.T(intro)),
		render.Paragraph{Spans: []render.Span{render.T("“" + text + "”")}, Indent: 10, Size: 9.5},
	}
}

// text is a body paragraph: justified when filled, ragged when it holds
// blanks to fill by hand (a justified line of blanks stretches its words
// apart).
func text(blank bool, spans ...render.Span) render.Paragraph {
	p := para(spans...)
	if blank {
		p.Align = render.Left
	}
	return p
}

// quoteAndSign ends a paper: the Warrant's words it quotes and the Holder's
// signature, kept on one page so that the signature is never alone.
func quoteAndSign(intro, quote string, w compute.Warrant, date compute.Date, opt Options) render.Block {
	blocks := append(quotation(intro, quote), render.Spacer{Height: 4})
	return render.Keep{Blocks: append(blocks, holderSignature(w, date, opt)...)}
}

// blankWarrant reports whether w is the blank of a blank paper: a number
// that is the series and a dash.
func blankWarrant(w compute.Warrant) bool { return w.Number == "" || strings.HasSuffix(w.Number, "-") }

// warrantSpans names the Warrant: "Warrant No. W-F-05-001 to Purchase
// Shares of Common Stock of Glowpoint, Inc.", the number a blank to fill
// when blank.
func warrantSpans(c *compute.Case, w compute.Warrant) []render.Span {
	no := []render.Span{render.T("Warrant No. " + w.Number)}
	if blankWarrant(w) {
		no = []render.Span{render.T("Warrant No. " + c.Terms.Series + "-"), render.F("", 20)}
	}
	return append(no, render.T(" to Purchase Shares of Common Stock of "+c.Issuer.Name))
}

// holderSpans names the Holder, or leaves a blank for the name.
func holderSpans(w compute.Warrant) render.Span {
	if w.Holder.Name == "" {
		return render.F("", 60)
	}
	return render.T(w.Holder.Name)
}

// paperHead is a paper's title, the Warrant it concerns and the section of
// the Warrant it is given under, centred.
func paperHead(c *compute.Case, w compute.Warrant, title, section string) []render.Block {
	sub := append(warrantSpans(c, w), render.T("\n"+section))
	return []render.Block{
		render.Heading{Text: title, Level: 1},
		render.Paragraph{Spans: sub, Align: render.Center, SpaceAfter: 5},
	}
}

// toIssuer addresses a notice to the Issuer as Section 12 gives its
// address: the name, the address, "Attention:" and the facsimile number.
func toIssuer(c *compute.Case) render.Block {
	lines := append([]string{c.Issuer.Name}, c.Issuer.Address...)
	if n := c.Issuer.Notice; n.Attention != "" {
		lines = append(lines, "Attention: "+n.Attention)
	}
	if n := c.Issuer.Notice; n.Fax != "" {
		lines = append(lines, "Facsimile: "+n.Fax)
	}
	return render.Paragraph{Spans: []render.Span{render.B("To: "), render.T(strings.Join(lines, "\n"))}, Align: render.Left, SpaceAfter: 4}
}

// holderSignature is the Holder's signature as the Warrant's forms set it:
// "Dated:" and "Signature" on one line, then the Holder's name and, for a
// Holder that is not an individual, the signatory's name and title, flush
// right.
func holderSignature(w compute.Warrant, date compute.Date, opt Options) []render.Block {
	dated := ""
	if !date.IsZero() {
		dated = LongDate(date)
	}
	sign := []render.Span{render.T("Signature "), render.F("", 75)}
	if tag := opt.tags(1).Signature; tag != "" {
		sign = append(sign, render.Tag(tag))
	}
	return []render.Block{
		render.Split{Left: []render.Span{render.T("Dated: "), render.F(dated, 45)}, Right: sign},
		render.Paragraph{Spans: []render.Span{render.T("Holder "), render.F(w.Holder.Name, 75)}, Align: render.Right, SpaceAfter: 1.5},
		render.Paragraph{Spans: []render.Span{render.T("By (name and title), if not an individual "), render.F("", 75)}, Align: render.Right},
	}
}

// dateSpan is a date in words, or a blank of width mm to fill by hand.
func dateSpan(d compute.Date, width float64) render.Span {
	if d.IsZero() {
		return render.F("", width)
	}
	return render.T(LongDate(d))
}
