package templates

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// The issuer's record ("For Use by the Issuer Only") of each transaction of
// the ledger (SPEC §2.5, §4.3 item 6): which warrant was canceled,
// transferred or exchanged, and what was issued for it.

// RecordOf is the RecordInput of transaction x of the ledger (for an
// exercise, set its Exercise to the computed result for the record to
// state the shares issued and canceled and the cash), which
// surrendered old and issued news, in the order x names them: an exercise,
// its balance; an assignment, the assignee's warrant then the balance; an
// exchange, its items; a replacement or a reissue, the one new warrant; a
// cancellation, none. Each new warrant's Shares is its Warrant Share Number
// when issued (compute.Adjustment.Subject.Shares). Render it with
// IssuerRecord.
func RecordOf(t compute.Terms, x compute.Transaction, old compute.Warrant, news []compute.Warrant) RecordInput {
	in := RecordInput{Old: old, Date: x.Date, New: news, Shares: make([]decimal.Decimal, len(news))}
	for i, w := range news {
		in.Shares[i] = w.Shares
	}
	switch x.Type {
	case compute.TxExercise:
		method := x.Method
		if method == "" {
			method = compute.MethodCash
		}
		in.IssuedTo = old.Holder.Name
		in.Reason = fmt.Sprintf("was exercised for %s shares of Warrant Stock, %s", Figures(x.Shares, t.ShareDecimals), methodPaid[method])
	case compute.TxAssignment:
		s := x.Shares
		if s.IsZero() && len(news) > 0 {
			s = news[0].Shares
		}
		to := x.To.Name
		if len(x.To.Address) > 0 {
			to += ", of " + strings.Join(x.To.Address, ", ") + ","
		}
		in.Reason = fmt.Sprintf("was transferred to %s under Section 2(e) (%s shares of Warrant Stock)", to, Figures(s, t.ShareDecimals))
		if len(news) > 1 { // a Partial Assignment: the balance stays with the Holder
			in.Reason = fmt.Sprintf("was transferred in part under Section 2(e): the right to purchase %s shares of Warrant Stock to %s and the balance of %s shares to the Holder, under the new Warrants below",
				Figures(s, t.ShareDecimals), to, Figures(news[1].Shares, t.ShareDecimals))
		}
	case compute.TxExchange:
		in.Reason = fmt.Sprintf("was exchanged under Section 2(e) for the %s below (the same aggregate number of shares of Warrant Stock)", countWarrants(len(news)))
		in.Notes = []string{"Section 2(e): “This Warrant is exchangeable at the principal office of the Issuer for Warrants for the purchase of the same aggregate number of shares of Warrant Stock, each new Warrant to represent the right to purchase such number of shares of Warrant Stock as the Holder hereof shall designate at the time of such exchange.” Each new Warrant is dated the Original Issue Date."}
	case compute.TxReplacement:
		in.Reason, in.Notes, in.FillIn = replacementRecord(x.Reason)
	case compute.TxReissue:
		in.Reason = "was exchanged for a replacement warrant stating the adjusted Warrant Price and Warrant Share Number"
	case compute.TxCancellation:
		in.Reason = "was canceled"
		if x.Reason != "" {
			in.Reason += " (" + x.Reason + ")"
		}
		in.Notes = []string{"No warrant was issued in its place."}
	}
	if x.Index > 0 {
		in.Notes = append([]string{fmt.Sprintf("Recorded in the ledger of the series as its %s transaction (%s).", ordinal(x.Index), x.Type)}, in.Notes...)
	}
	if x.Note != "" {
		in.Notes = append(in.Notes, "Note: "+x.Note)
	}
	return in
}

// methodPaid says how the Warrant Price of an exercise was paid (§2(b)).
var methodPaid = map[string]string{
	compute.MethodCash:     "the Warrant Price paid in cash (Section 2(b)(i))",
	compute.MethodCashless: "by cashless exercise (Section 2(c))",
	compute.MethodCombined: "the Warrant Price paid partly in cash and partly by cashless exercise (Section 2(b)(iii))",
}

// ordinal writes n as "1st", "2nd", "3rd", "4th", "11th", "21st".
func ordinal(n int) string {
	return ordinalDay(compute.Date{Day: n, Month: 1, Year: 1})
}

// replacementRecord is what the record of a §3(d) replacement says: the
// reason, what Section 3(d) requires before the new Warrant is delivered,
// and lines to record its receipt.
//
// §3(d): "Upon receipt of an affidavit of loss and other evidence
// satisfactory to the Issuer of the ownership of and the loss, theft,
// destruction or mutilation of any Warrant and upon receipt of indemnity or
// security satisfactory to the Issuer or, in the case of any such
// mutilation, upon surrender and cancellation of such Warrant, the Issuer
// will make and deliver, in lieu of such lost, stolen, destroyed or
// mutilated Warrant, a new Warrant of like tenor and representing the right
// to purchase the same number of shares of Common Stock."
func replacementRecord(reason string) (string, []string, []string) {
	if reason == "mutilated" {
		return "was " + reasonText(reason) + ", canceled and replaced under Section 3(d) by a new Warrant of like tenor",
			[]string{"Section 3(d) requires an affidavit and other evidence satisfactory to the Issuer of the ownership of and the mutilation of the Warrant and, in the case of mutilation, its surrender and cancellation."},
			[]string{"Affidavit received on:", "Evidence of ownership:", "Mutilated Warrant surrendered and canceled on:"}
	}
	what := map[string]string{"lost": "loss", "stolen": "theft", "destroyed": "destruction"}[reason]
	if what == "" {
		what, reason = "loss, theft or destruction", "lost, stolen or destroyed"
	}
	return "was " + reasonText(reason) + " and replaced under Section 3(d) by a new Warrant of like tenor",
		[]string{"Section 3(d) requires an affidavit of loss and other evidence satisfactory to the Issuer of the ownership of and the " + what + " of the Warrant, and indemnity or security satisfactory to the Issuer. The Warrant replaced is deemed surrendered and canceled."},
		[]string{"Affidavit of loss received on:", "Evidence of ownership:", "Indemnity or security:"}
}

// countWarrants is "the new Warrant" or "two new Warrants", in words.
func countWarrants(n int) string {
	if n == 1 {
		return "new Warrant"
	}
	w, err := Words(int64(n))
	if err != nil {
		return fmt.Sprint(n) + " new Warrants"
	}
	return strings.ToLower(w) + " new Warrants"
}
