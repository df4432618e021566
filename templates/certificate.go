package templates

import (
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// CertificateData is what a Certificate of Adjustment states (§5), as
// attached with --embed-data.
type CertificateData struct {
	Warrant     string            `json:"warrant"`
	Holder      string            `json:"holder"`
	Event       string            `json:"event"`
	Type        string            `json:"type"`
	Section     string            `json:"section"`
	Date        string            `json:"date"`
	Effective   string            `json:"effective"`
	Description string            `json:"description,omitempty"`
	Status      string            `json:"status"`
	Before      map[string]string `json:"before"`
	After       map[string]string `json:"after"`
	Method      string            `json:"method"`
	Carries     []string          `json:"carries,omitempty"`
}

// statusText says in a sentence what kind of adjustment an entry is.
func statusText(e compute.Entry) string {
	switch e.Status {
	case compute.StatusApplied:
		return "The adjustment below is required by Section " + e.Section + " of the Warrant."
	case compute.StatusLimitedByFloor:
		return "The adjustment below is required by Section " + e.Section + " of the Warrant and is limited by the third sentence of the first paragraph of Section 4: the Warrant Price is not adjusted below the Per Share Market Value on the Original Issue Date."
	case compute.StatusSuperseding:
		s := "The event below requires, under Section 4(f), that the previous adjustment be rescinded and annulled and a new adjustment made, which supersedes it."
		if e.PriceRaised {
			s += " This superseding adjustment increases the Warrant Price."
		}
		return s
	case compute.StatusRescission:
		return "The Issuer has legally abandoned its plan to pay the dividend below; under Section 4(g)(iv) the adjustment previously made in respect of it is rescinded and annulled."
	case compute.StatusTriggeringEvent:
		return "The event below is a Triggering Event under Section 4(a): the Warrant Price and the Warrant Share Number are unchanged, and the Holder is entitled on exercise to the consideration stated below."
	case compute.StatusDeferred:
		return "The adjustment below is postponed under Section 4(g)(ii) because, alone or with other adjustments not previously made, it changes the Warrant Share Number by less than the minimum amount."
	}
	return "The event below requires no adjustment of the Warrant Price or the Warrant Share Number."
}

// Certificate is the Certificate of Adjustment of Section 5 for one entry of
// one warrant: the event, the amount of the adjustment, the method with the
// actual numbers, the Warrant Price and Warrant Share Number after it, and the
// Chief Financial Officer's certification and signature.
func Certificate(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options) (*render.Doc, error) {
	d, err := newDoc(c, opt, "Certificate of Adjustment — Warrant No. "+w.Number,
		fmt.Sprintf("Section 5 certificate: %s (%s) effective %s", e.Event, e.Type, e.Effective),
		w.Number, "Certificate of Adjustment", e.Effective)
	if err != nil {
		return nil, err
	}
	d.Add(CertificateBlocks(c, w, e, opt)...)
	if err := attachData(d, opt, "certificate.json", CertificateData{
		Warrant: w.Number, Holder: w.Holder.Name, Event: e.Event, Type: string(e.Type), Section: e.Section,
		Date: e.Date.String(), Effective: e.Effective.String(), Description: e.Description, Status: string(e.Status),
		Before: stateMap(c.Terms, e.Before), After: stateMap(c.Terms, e.After), Method: e.Method, Carries: e.Carries,
	}); err != nil {
		return nil, err
	}
	return d, nil
}

// CertificateBlocks are the blocks of one Certificate of Adjustment, for
// Certificate and for a bundle of many.
func CertificateBlocks(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options) []render.Block {
	t := c.Terms
	var out []render.Block
	d := blockList{&out}
	issuer := c.Issuer.Name
	if c.Issuer.Jurisdiction != "" {
		issuer += ", a " + c.Issuer.Jurisdiction + " corporation"
	}
	event := e.Description
	if event == "" {
		event = eventTypeText(e.Type)
	}
	d.Add(
		render.Heading{Text: strings.ToUpper(c.Issuer.Name), Level: 1},
		render.Heading{Text: "CERTIFICATE OF ADJUSTMENT", Level: 1},
		render.Paragraph{Spans: []render.Span{render.I("Pursuant to Section 5 of the Warrant to Purchase Shares of Common Stock")}, Align: render.Center},
		render.Spacer{Height: 3},
		labeled("Issuer:", issuer),
		labeled("Warrant No.:", w.Number),
		labeled("Holder:", w.Holder.Name),
		labeled("Original Issue Date:", LongDate(t.OriginalIssueDate)),
		render.Spacer{Height: 3},
		render.Heading{Text: "1. The event requiring the adjustment", Level: 2},
		para(render.T(statusText(e))),
		labeled("Event:", fmt.Sprintf("“%s” (%s; event %s)", event, eventTypeText(e.Type), e.Event)),
		labeled("Section of the Warrant:", e.Section),
		labeled("Date of occurrence:", LongDate(e.Date)),
		labeled("Adjustment made as of:", LongDate(e.Effective)),
		render.Spacer{Height: 2},
		render.Heading{Text: "2. The amount of the adjustment", Level: 2},
		render.Table{
			Header: []string{"", "Before", "After", "Change"},
			Widths: []float64{55, 36, 36, 38},
			Align:  []render.Align{render.Left, render.Right, render.Right, render.Right},
			Rows: [][]string{
				{"Warrant Price", price(t, e.Before.Price), price(t, e.After.Price), signed(e.After.Price.Sub(e.Before.Price).StringFixed(t.PriceDecimals), "$")},
				{"Warrant Share Number", shares(t, e.Before.Shares), shares(t, e.After.Shares), signed(group(e.After.Shares.Sub(e.Before.Shares).StringFixed(t.ShareDecimals)), "")},
			},
		},
		render.Spacer{Height: 2},
		render.Heading{Text: "3. The method by which the adjustment was calculated", Level: 2},
		para(render.T(capitalize(e.Method)+".")),
	)
	if len(e.Carries) > 0 {
		d.Add(para(render.T("This adjustment includes the adjustments postponed under Section 4(g)(ii) for: " + strings.Join(e.Carries, ", ") + ".")))
	}
	d.Add(
		render.Heading{Text: "4. The Warrant Price and Warrant Share Number after the adjustment", Level: 2},
		para(render.T("After giving effect to this adjustment, the Warrant Price is "), render.B(price(t, e.After.Price)),
			render.T(" and the Warrant Share Number is "), render.B(sharesWords(t, e.After.Shares)), render.T(".")),
	)
	d.Add(alternate(e)...)
	d.Add(render.Spacer{Height: 4}, certification(c, e, opt))
	return out
}

// alternate is what a Triggering Event entitles the Holder to on exercise
// (§4(a)), as a table; nothing for any other entry.
func alternate(e compute.Entry) []render.Block {
	if len(e.Alternate) == 0 {
		return nil
	}
	rows := make([][]string, 0, len(e.Alternate))
	for _, a := range e.Alternate {
		rows = append(rows, []string{a.Description, a.Kind, a.PerShare.String(), group(a.Amount.String())})
	}
	intro := "On exercise the Holder is entitled, at the Warrant Price, in lieu of Common Stock, to the following (Section 4(a)):"
	if e.Alternate[0].Assumed {
		intro = fmt.Sprintf("%s has assumed, by written instrument, the obligations of the Issuer under the Warrant; under Section 4(a)(ii) no Triggering Event is deemed to have occurred. On exercise the Holder is entitled to the following:", e.Alternate[0].Successor)
	}
	return []render.Block{para(render.T(intro)), render.Table{
		Header: []string{"Consideration", "Kind", "Per share", "For the Warrant Share Number"},
		Widths: []float64{70, 25, 30, 40},
		Align:  []render.Align{render.Left, render.Left, render.Right, render.Right},
		Rows:   rows,
	}}
}

// certification is the Chief Financial Officer's certificate of Section 5
// and signature, kept on one page.
func certification(c *compute.Case, e compute.Entry, opt Options) render.Keep {
	return render.Keep{Blocks: []render.Block{
		para(render.T(fmt.Sprintf("I, %s, %s of %s, hereby certify, pursuant to Section 5 of the Warrant, that this certificate sets forth in reasonable detail the event requiring the adjustment, the amount of the adjustment, the method by which the adjustment was calculated, and the Warrant Price and Warrant Share Number after giving effect to the adjustment.",
			nonEmpty(c.Issuer.Signatory.Name, "the undersigned"), nonEmpty(c.Issuer.Signatory.Title, "Chief Financial Officer"), c.Issuer.Name))),
		render.Spacer{Height: 4},
		issuerSignature(c, opt, LongDate(e.Effective), true),
	}}
}

// blockList collects blocks with the same Add a Doc has.
type blockList struct{ blocks *[]render.Block }

func (l blockList) Add(b ...render.Block) { *l.blocks = append(*l.blocks, b...) }

func stateMap(t compute.Terms, s compute.State) map[string]string {
	return map[string]string{"warrant_price": s.Price.StringFixed(t.PriceDecimals), "warrant_share_number": s.Shares.StringFixed(t.ShareDecimals)}
}

// eventTypeText names an event type in the Warrant's words.
func eventTypeText(t compute.EventType) string {
	switch t {
	case compute.StockSplit:
		return "stock split"
	case compute.Combination:
		return "combination of shares"
	case compute.StockDividend:
		return "dividend payable in Common Stock"
	case compute.Distribution:
		return "distribution to holders of Common Stock"
	case compute.Issuance:
		return "issuance of Additional Shares of Common Stock"
	case compute.CSEIssuance:
		return "issuance of Common Stock Equivalents"
	case compute.CSEExpiry:
		return "expiration of Common Stock Equivalents"
	case compute.CSEPriceIncrease:
		return "increase in the consideration for Common Stock Equivalents"
	case compute.DividendAbandoned:
		return "abandonment of a dividend"
	case compute.TriggeringEvent:
		return "Triggering Event"
	}
	return string(t)
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// capitalize starts a sentence with a capital letter.
func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// NewBundle starts one print-ready PDF for many certificates (reissue
// --bundle): add each certificate's CertificateBlocks followed by a
// render.PageBreak.
func NewBundle(c *compute.Case, opt Options, date compute.Date) (*render.Doc, error) {
	opt.EmbedData = false
	return newDoc(c, opt, "Certificates of Adjustment — Warrants "+c.Terms.Series,
		"Every Certificate of Adjustment of a re-issue of the "+c.Terms.Series+" warrants", "", "Certificates of Adjustment", date)
}
