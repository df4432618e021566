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

// Certificate is the Certificate of Adjustment of Section 5 for one entry of
// one warrant: the event, the amount of the adjustment, the method with the
// actual numbers, the Warrant Price and Warrant Share Number after it, and the
// Chief Financial Officer's certification and signature.
func Certificate(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options) (*render.Doc, error) {
	blocks, laid := certificateLayout(c, w, e, opt)
	return certificateDoc(c, w, e, opt, func(d *render.Doc) {
		if laid != nil {
			d.AddLaid(laid) // as measured: not laid out again
		} else {
			d.Add(blocks...)
		}
	})
}

// CertificateOf is Certificate with its blocks as CertificateBlocks made
// them with the same arguments, for a caller that also adds them to a
// bundle: they are laid out, never changed, so both may share them.
func CertificateOf(c *compute.Case, w compute.Warrant, e compute.Entry, blocks []render.Block, opt Options) (*render.Doc, error) {
	return certificateDoc(c, w, e, opt, func(d *render.Doc) { d.Add(blocks...) })
}

// certificateDoc is the certificate's document, its body added by add.
func certificateDoc(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options, add func(*render.Doc)) (*render.Doc, error) {
	d, err := newDoc(c, opt, "Certificate of Adjustment — Warrant No. "+w.Number,
		fmt.Sprintf("Section 5 certificate: %s (Section %s), effective %s", entryWhat(e), e.Section, LongDate(e.Effective)),
		w.Number, "Certificate of Adjustment", e.Effective)
	if err != nil {
		return nil, err
	}
	add(d)
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
// Certificate and for a bundle of many: addressed to the Holder (§5: copies
// "delivered to the Holder"), then the event, the amount of the adjustment,
// the method with the Warrant's formula and the numbers, the state after it,
// and the Chief Financial Officer's certification and signature — the last
// section kept with the signature, so that no page holds the signature alone.
//
// A certificate that does not fit on one page is set tighter (fitPage); a
// §4(f) or §4(g)(iv) certificate that still does not is tried with each
// recomputed adjustment's formulas written in its line of text, not
// displayed; failing that it runs on as first laid out.
func CertificateBlocks(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options) []render.Block {
	blocks, _ := certificateLayout(c, w, e, opt)
	return blocks
}

// certificateLayout is CertificateBlocks with their layout when they fit
// on one page (nil when they run on).
func certificateLayout(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options) ([]render.Block, *render.Laid) {
	blocks := certificateBlocks(c, w, e, opt, false)
	if fitted, laid, ok := fitPage(opt.Font, blocks); ok {
		return fitted, laid
	}
	if e.Rewrite != nil && len(e.Rewrite.Recomputed) > 0 {
		if fitted, laid, ok := fitPage(opt.Font, certificateBlocks(c, w, e, opt, true)); ok {
			return fitted, laid
		}
	}
	return blocks, nil
}

// certificateBlocks lays a certificate out; inline writes the formulas of
// recomputed adjustments in their item's text.
func certificateBlocks(c *compute.Case, w compute.Warrant, e compute.Entry, opt Options, inline bool) []render.Block {
	t := c.Terms
	out := certHeader(c, w, e)
	out = append(out, chead("1. The event requiring the adjustment"))
	out = append(out, eventSection(c, e)...)
	out = append(out, chead("2. The amount of the adjustment"), ctext(amountText(t, e)))
	method := append([]render.Block{chead("3. The method by which the adjustment was calculated")}, methodSection(c, e, inline)...)
	// Keep with previous: the end of the method goes with the signature, so
	// that no page holds the certification and signature alone.
	keep := 2
	if e.Rewrite != nil && len(e.Rewrite.Recomputed) > 0 {
		keep = 1 // the last recomputed adjustment, one Keep
	}
	k := len(method) - keep
	if k < 2 {
		k = 0 // the heading runs into the paragraph after it
	}
	out = append(out, method[:k]...)
	after := []render.Span{render.B("4. After the adjustment"), render.T(" the Warrant Price is "), render.B(usd(t, e.After.Price)),
		render.T(" and the Warrant Share Number is "), render.B(sharesWords(t, e.After.Shares)), render.T(".")}
	last := append(method[k:], cpara(append(after, certification(c))...), issuerSignature(c, opt, LongDate(e.Effective), true))
	return append(out, render.Keep{Blocks: last})
}

// certHeader is the title, the addressee and the warrant and event the
// certificate concerns.
func certHeader(c *compute.Case, w compute.Warrant, e compute.Entry) []render.Block {
	issuer := c.Issuer.Name
	if c.Issuer.Jurisdiction != "" {
		issuer += ", a " + c.Issuer.Jurisdiction + " corporation"
	}
	out := []render.Block{
		render.Heading{Text: strings.ToUpper(c.Issuer.Name) + " — CERTIFICATE OF ADJUSTMENT UNDER SECTION 5", Level: 3, Align: render.Center},
		certLabeled("To:", strings.Join(append([]string{w.Holder.Name}, w.Holder.Address...), ", ")),
	}
	return append(out,
		certLabeled("Re:", "Warrant No. "+w.Number+" of "+issuer+" (the “Issuer”), dated "+LongDate(c.Terms.OriginalIssueDate)+
			": "+entryWhat(e)+" (Section "+e.Section+"), "+LongDate(e.Date)+"."),
	)
}

// amountText is the amount of the adjustment in a sentence: each
// quantity's change, from and to.
func amountText(t compute.Terms, e compute.Entry) string {
	change := func(what, from, to, by string, up, same bool) string {
		switch {
		case same:
			return what + " is unchanged at " + from
		case up:
			return what + " is increased by " + by + ", from " + from + " to " + to
		}
		return what + " is reduced by " + by + ", from " + from + " to " + to
	}
	b, a := e.Before, e.After
	p := change("the Warrant Price", usd(t, b.Price), usd(t, a.Price), usd(t, a.Price.Sub(b.Price).Abs()), a.Price.GreaterThan(b.Price), a.Price.Equal(b.Price))
	n := change("the Warrant Share Number", shares(t, b.Shares), shares(t, a.Shares), shares(t, a.Shares.Sub(b.Shares).Abs())+" shares", a.Shares.GreaterThan(b.Shares), a.Shares.Equal(b.Shares))
	return capitalize(p) + "; " + n + "."
}

// certLabeled is a "Label: text" paragraph.
func certLabeled(label, text string) render.Paragraph {
	return render.Paragraph{Spans: []render.Span{render.B(label + " "), render.T(text)}, Align: render.Left, Size: certSize, SpaceAfter: 1.2}
}

// certification is the Chief Financial Officer's certificate of Section 5,
// signed below.
func certification(c *compute.Case) render.Span {
	return render.T(fmt.Sprintf(" I, %s, %s of %s, certify pursuant to Section 5 of the Warrant that this certificate sets forth in reasonable detail the event requiring the adjustment, its amount, the method by which it was calculated, and the Warrant Price and Warrant Share Number after it.",
		nonEmpty(c.Issuer.Signatory.Name, "the undersigned"), nonEmpty(c.Issuer.Signatory.Title, "Chief Financial Officer"), c.Issuer.Name))
}

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
