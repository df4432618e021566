package templates

import (
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The issuer's record of each transaction of the ledger (SPEC §2.5, §4.3
// item 6), built with RecordOf from the transaction as the ledger states it.

func TestIssuerRecord_Transactions(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	jose, gryphon := c.Warrants[2], c.Warrants[1]
	// W-F-05-003 (83,333) after the 2006 split: 166,666 shares, exchanged
	// for 50,000 and the rest, 166,666 − 50,000 = 116,666.
	w10 := compute.Warrant{Number: "W-F-05-010", Holder: jose.Holder, Shares: dec("50000"), Parent: jose.Number}
	w11 := compute.Warrant{Number: "W-F-05-011", Holder: jose.Holder, Shares: dec("116666"), Parent: jose.Number}
	w12 := compute.Warrant{Number: "W-F-05-012", Holder: jose.Holder, Shares: dec("50000"), Parent: w10.Number}
	exchange := compute.Transaction{Index: 3, ID: "exchange-2007", Type: compute.TxExchange, Date: date(2007, 2, 1), Warrant: jose.Number,
		Into: []compute.ExchangeItem{{Number: w10.Number, Shares: dec("50000")}, {Number: w11.Number}}}
	cases := []struct {
		name   string
		x      compute.Transaction
		old    compute.Warrant
		news   []compute.Warrant
		golden bool
		wants  []string
	}{
		{"exchange", exchange, jose, []compute.Warrant{w10, w11}, true, []string{
			"This Warrant No. W-F-05-003 canceled (or transferred or exchanged) this 1st day of",
			"Warrant No. W-F-05-010 and W-F-05-011 issued for 50,000 and 116,666 shares",
			"On February 1, 2007, Warrant No. W-F-05-003, held by José Ñúñez García, was exchanged under Section 2(e) for the two new Warrants below (the same aggregate number of shares of Warrant Stock).",
			"W-F-05-010 José Ñúñez García 50,000.00", "W-F-05-011 José Ñúñez García 116,666.00",
			"Recorded in the ledger of the series as its 3rd transaction (exchange)."}},
		{"replacement-lost", compute.Transaction{Index: 4, Type: compute.TxReplacement, Date: date(2008, 4, 2), Warrant: w10.Number, Number: w12.Number, Reason: "lost"},
			w10, []compute.Warrant{w12}, true, []string{
				"This Warrant No. W-F-05-010 canceled", "2nd day of April, 2008", "Warrant No. W-F-05-012 issued for 50,000 shares",
				"On April 2, 2008, Warrant No. W-F-05-010, held by José Ñúñez García, was reported lost and replaced under Section 3(d) by a new Warrant of like tenor.",
				"an affidavit of loss and other evidence satisfactory to the Issuer of the ownership of and the loss of the Warrant, and indemnity or security satisfactory to the Issuer",
				"Affidavit of loss received on:", "Indemnity or security:", "as its 4th transaction (replacement)"}},
		{"replacement-mutilated", compute.Transaction{Index: 4, Type: compute.TxReplacement, Date: date(2008, 4, 2), Warrant: w10.Number, Number: w12.Number, Reason: "mutilated"},
			w10, []compute.Warrant{w12}, true, []string{
				"was surrendered mutilated, canceled and replaced under Section 3(d)", "its surrender and cancellation", "Mutilated Warrant surrendered and canceled on:"}},
		{"cancellation", compute.Transaction{Index: 5, Type: compute.TxCancellation, Date: date(2008, 6, 30), Warrant: w11.Number, Reason: "repurchased", Note: "Repurchased for $10,000."},
			w11, nil, true, []string{"This Warrant No. W-F-05-011 canceled", "30th day of June, 2008", "On June 30, 2008, Warrant No. W-F-05-011, held by José Ñúñez García, was canceled (repurchased).",
				"No warrant was issued in its place.", "Note: Repurchased for $10,000."}},
		{"exercise", compute.Transaction{Index: 1, Type: compute.TxExercise, Date: date(2009, 10, 1), Warrant: gryphon.Number, Shares: dec("20000"), Method: compute.MethodCashless, Balance: "W-F-05-007"},
			gryphon, []compute.Warrant{{Number: "W-F-05-007", Holder: gryphon.Holder, Shares: dec("313334")}}, true, []string{
				"shares of Common Stock issued therefor in the name of Gryphon Master Fund, L.P.", "was exercised for 20,000 shares of Warrant Stock, by cashless exercise (Section 2(c))"}},
		{"partial-assignment", compute.Transaction{Index: 2, Type: compute.TxAssignment, Date: date(2007, 1, 5), Warrant: gryphon.Number, Shares: dec("10000"),
			To: compute.Holder{Name: "Müller GmbH", Address: []string{"Leopoldstraße 12", "80802 München, Germany"}}, Number: "W-F-05-008", Balance: "W-F-05-009"},
			gryphon, []compute.Warrant{{Number: "W-F-05-008", Holder: compute.Holder{Name: "Müller GmbH"}, Shares: dec("10000")}, {Number: "W-F-05-009", Holder: gryphon.Holder, Shares: dec("323334")}},
			true, []string{"Warrant No. W-F-05-008 issued for 10,000 shares of Common Stock in the name of Müller GmbH", "was transferred in part under Section 2(e): the right to purchase 10,000 shares of Warrant Stock to Müller GmbH, of Leopoldstraße 12, 80802 München, Germany, and the balance of 323,334 shares to the Holder, under the new Warrants below.",
				"W-F-05-009 Gryphon Master Fund, L.P. 323,334.00"}},
		{"reissue", compute.Transaction{Index: 6, Type: compute.TxReissue, Date: date(2009, 12, 15), FirstNumber: "W-F-05-013"},
			gryphon, []compute.Warrant{{Number: "W-F-05-013", Holder: gryphon.Holder, Shares: dec("333334")}}, true, []string{
				"was exchanged for a replacement warrant stating the adjusted Warrant Price and Warrant Share Number"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := RecordOf(c.Terms, tc.x, tc.old, tc.news)
			text, pdf := rendered(t, func() (*render.Doc, error) { return IssuerRecord(c, in, Options{}) }, true)
			writePDF(t, "record-"+tc.name, pdf)
			contains(t, text, tc.wants...)
			if tc.golden {
				golden(t, "issuer-record-"+tc.name, text)
			}
		})
	}
}
