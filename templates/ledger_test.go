package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The documents of the ledger (SPEC §2.5, §3.13, §4.3): the Schedule of
// Adjustments of a warrant created by a transaction, and the issuer's record
// of each transaction. The lineages are built by hand, with numbers worked by
// hand, so that these tests do not depend on the engine.

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(y int, m time.Month, d int) compute.Date { return compute.Date{Year: y, Month: m, Day: d} }

// splitEntry is a certified 2:1 split entry from before to after.
func splitEntry(id string, on compute.Date, before, after compute.State) compute.Entry {
	return compute.Entry{Event: id, Type: compute.StockSplit, Section: "4(b)", Date: on, Effective: on, Status: compute.StatusApplied,
		Description: "Two-for-one stock split of the Common Stock", Before: before, After: after}
}

func st(p, n string) compute.State { return compute.State{Price: dec(p), Shares: dec(n)} }

// balanceLineage is W-F-05-004 (Łukasz Żółć, 41,667 shares at $2.40):
//
//	2006-01-17 split 2:1           $2.40 × 41,667  → $1.20 × 83,334
//	2009-10-01 exercise of 20,000 (cashless): 83,334 − 20,000 = 63,334 issued as W-F-05-007
//	2009-12-01 split 2:1 of W-F-05-007 $1.20 × 63,334 → $0.60 × 126,668
//	2009-12-15 reissue: W-F-05-007 replaced by W-F-05-013 for 126,668
func balanceLineage(c *compute.Case) ([]*compute.Adjustment, []compute.Transaction) {
	lukasz := c.Warrants[3]
	exercise := compute.Transaction{Index: 1, ID: "ex-2009", Type: compute.TxExercise, Date: date(2009, 10, 1), Warrant: "W-F-05-004",
		Shares: dec("20000"), Method: compute.MethodCashless, Balance: "W-F-05-007"}
	reissue := compute.Transaction{Index: 2, Type: compute.TxReissue, Date: date(2009, 12, 15), FirstNumber: "W-F-05-013"}
	orig := &compute.Adjustment{Warrant: lukasz.Number, Subject: lukasz, Initial: st("2.40", "41667"),
		Entries:     []compute.Entry{splitEntry("split-2006", date(2006, 1, 17), st("2.40", "41667"), st("1.20", "83334"))},
		Surrendered: &compute.Surrender{Date: exercise.Date, Type: exercise.Type, Transaction: "ex-2009", Index: 1, Successors: []string{"W-F-05-007"}},
		Final:       st("1.20", "83334")}
	bal := &compute.Adjustment{Warrant: "W-F-05-007", Subject: compute.Warrant{Number: "W-F-05-007", Holder: lukasz.Holder, Shares: dec("63334"), Parent: "W-F-05-004"},
		Issued: exercise.Date, CreatedBy: &compute.TxRef{Type: exercise.Type, Transaction: "ex-2009", Index: 1, Date: exercise.Date, Role: "balance"},
		Initial: st("1.20", "63334"),
		Entries: []compute.Entry{splitEntry("split-2009", date(2009, 12, 1), st("1.20", "63334"), st("0.60", "126668"))},
		Final:   st("0.60", "126668")}
	re := &compute.Adjustment{Warrant: "W-F-05-013", Subject: compute.Warrant{Number: "W-F-05-013", Holder: lukasz.Holder, Shares: dec("126668"), Parent: "W-F-05-007"},
		Issued: reissue.Date, CreatedBy: &compute.TxRef{Type: reissue.Type, Transaction: "#2", Index: 2, Date: reissue.Date, Role: "reissue"},
		Initial: st("0.60", "126668"), Final: st("0.60", "126668")}
	bal.Surrendered = &compute.Surrender{Date: reissue.Date, Type: reissue.Type, Transaction: "#2", Index: 2, Successors: []string{"W-F-05-013"}}
	return []*compute.Adjustment{orig, bal, re}, []compute.Transaction{exercise, reissue}
}

// schedulePage is the text of the Schedule of Adjustments page of a warrant.
func schedulePage(t *testing.T, c *compute.Case, in WarrantInput) string {
	t.Helper()
	text, pdf := rendered(t, func() (*render.Doc, error) { return Warrant(c, in, Options{}) }, true)
	writePDF(t, "warrant-"+in.Warrant.Number, pdf)
	for _, p := range strings.Split(text, "\n\f\n") {
		if strings.Contains(p, "SCHEDULE OF ADJUSTMENTS") {
			return p + "\n"
		}
	}
	t.Fatal("no Schedule of Adjustments")
	return ""
}

func TestSchedule_Lineage(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	all, txs := balanceLineage(c)
	t.Run("balance after an exercise, a split before and after", func(t *testing.T) {
		in := CreatedWarrant(Lineage(c.Terms.Series, all, "W-F-05-007"), txs)
		if in.Warrant.Number != "W-F-05-007" || in.Replacing != "W-F-05-004" || !in.Warrant.Shares.Equal(dec("63334")) {
			t.Fatalf("CreatedWarrant: %+v", in.Warrant)
		}
		page := schedulePage(t, c, in)
		contains(t, page,
			"This Warrant replaces Warrant No. W-F-05-004: it was issued on October 1, 2009 as the balance after the exercise of 20,000.00 shares of Warrant Stock (cashless)",
			"As of December 1, 2009", "the Warrant Price in effect is $0.6000",
			"the Warrant Share Number is One Hundred Twenty-Six Thousand Six Hundred Sixty-Eight (126,668)",
			"January 17, 2006 W-F-05-004 4(b)", "$1.2000 83,334.00",
			"October 1, 2009 W-F-05-007 2 Exercise of 20,000.00 shares of", "$1.2000 63,334.00", "W-F-05-004 (cashless); balance of",
			"December 1, 2009 W-F-05-007 4(b)", "$0.6000 126,668.00")
		if strings.Contains(page, "It descends from") {
			t.Error("a child of the original says it descends from it")
		}
		golden(t, "schedule-balance", page)
	})
	t.Run("re-issue of a balance", func(t *testing.T) {
		page := schedulePage(t, c, CreatedWarrant(all, txs))
		contains(t, page, "This Warrant replaces Warrant No. W-F-05-007: it was issued on December 15, 2009 on the re-issue of that Warrant",
			"It descends from Warrant No. W-F-05-004, issued on the Original Issue Date, March 14, 2005.",
			"As of December 15, 2009", "December 15, 2009 W-F-05-013 Re-issue of W-F-05-007 as $0.6000 126,668.00")
		golden(t, "schedule-reissue-of-balance", page)
	})
	t.Run("the warrant it replaces last: a warrant not computed yet", func(t *testing.T) {
		nw := compute.Warrant{Number: "W-F-05-013", Holder: c.Warrants[3].Holder, Shares: dec("126668"), Parent: "W-F-05-007"}
		page := schedulePage(t, c, WarrantInput{Warrant: nw, Replacing: "W-F-05-007", State: st("0.60", "126668"), Issued: date(2009, 12, 15),
			Lineage: all[:2], Transactions: txs})
		want := schedulePage(t, c, CreatedWarrant(all, txs))
		if page != want {
			t.Errorf("lineage without the warrant itself:\n%s\nwith it:\n%s", page, want)
		}
	})
}

// The issue's third failure: "The replacement warrant for a 200,000-share
// balance states 500,000.00 in its Schedule of Adjustments." W-F-05-001
// (250,000) splits 2:1 to 500,000; 300,000 are exercised, 200,000 issued as
// W-F-05-005; W-F-05-005 is lost and replaced by W-F-05-006.
func TestSchedule_ReplacementOfBalanceStatesItsOwnNumber(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	alpha := c.Warrants[0]
	ex := compute.Transaction{Index: 1, Type: compute.TxExercise, Date: date(2008, 5, 1), Warrant: alpha.Number, Shares: dec("300000"), Balance: "W-F-05-005"}
	rp := compute.Transaction{Index: 2, Type: compute.TxReplacement, Date: date(2008, 7, 1), Warrant: "W-F-05-005", Number: "W-F-05-006", Reason: "lost"}
	orig := &compute.Adjustment{Warrant: alpha.Number, Subject: alpha, Initial: st("2.40", "250000"),
		Entries:     []compute.Entry{splitEntry("split-2006", date(2006, 1, 17), st("2.40", "250000"), st("1.20", "500000"))},
		Surrendered: &compute.Surrender{Date: ex.Date, Type: ex.Type, Index: 1, Successors: []string{"W-F-05-005"}}, Final: st("1.20", "500000")}
	bal := &compute.Adjustment{Warrant: "W-F-05-005", Subject: compute.Warrant{Number: "W-F-05-005", Holder: alpha.Holder, Shares: dec("200000"), Parent: alpha.Number},
		Issued: ex.Date, CreatedBy: &compute.TxRef{Type: ex.Type, Index: 1, Date: ex.Date, Role: "balance"}, Initial: st("1.20", "200000"), Final: st("1.20", "200000"),
		Surrendered: &compute.Surrender{Date: rp.Date, Type: rp.Type, Index: 2, Successors: []string{"W-F-05-006"}}}
	repl := &compute.Adjustment{Warrant: "W-F-05-006", Subject: compute.Warrant{Number: "W-F-05-006", Holder: alpha.Holder, Shares: dec("200000"), Parent: "W-F-05-005"},
		Issued: rp.Date, CreatedBy: &compute.TxRef{Type: rp.Type, Index: 2, Date: rp.Date, Role: "replacement"}, Initial: st("1.20", "200000"), Final: st("1.20", "200000")}
	page := schedulePage(t, c, CreatedWarrant([]*compute.Adjustment{orig, bal, repl}, []compute.Transaction{ex, rp}))
	contains(t, page, "it was issued on July 1, 2008 in lieu of that Warrant, reported lost (Section 3(d))",
		"the Warrant Share Number is Two Hundred Thousand (200,000)",
		"May 1, 2008 W-F-05-005 2 Exercise of 300,000.00 shares of $1.2000 200,000.00", "W-F-05-001 (cash); balance of",
		"July 1, 2008 W-F-05-006 3(d) Replacement of W-F-05-005,", "$1.2000 200,000.00", "reported lost, issued as W-F-05-006")
	for _, line := range strings.Split(page, "\n") {
		if strings.Contains(line, "500,000") && !strings.Contains(line, "W-F-05-001") {
			t.Errorf("500,000 stated on a line not about W-F-05-001: %q", line)
		}
	}
}

// A re-issue of an original keeps the Schedule it always had, whether the
// caller passes the original's entries, the original alone, or the original
// and the re-issued warrant.
func TestSchedule_ReissueOfOriginalUnchanged(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	w := c.Warrants[3]
	adj := adjustment(t, c, w)
	nw := compute.Warrant{Number: "W-F-05-005", Holder: w.Holder, Shares: adj.Final.Shares, Parent: w.Number}
	on := date(2009, 12, 15)
	base := WarrantInput{Warrant: nw, Replacing: w.Number, State: adj.Final, Issued: on}
	old := base
	old.Entries = adj.Entries
	want := schedulePage(t, c, old)
	orig := *adj
	orig.Subject = w
	orig.Surrendered = &compute.Surrender{Date: on, Type: compute.TxReissue, Index: 1, Successors: []string{nw.Number}}
	own := &compute.Adjustment{Warrant: nw.Number, Subject: nw, Issued: on, CreatedBy: &compute.TxRef{Type: compute.TxReissue, Index: 1, Date: on, Role: "reissue"},
		Initial: adj.Final, Final: adj.Final}
	for name, lineage := range map[string][]*compute.Adjustment{"original": {&orig}, "original and itself": {&orig, own}} {
		in := base
		in.Lineage = lineage
		if got := schedulePage(t, c, in); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// Certificates of a created warrant name it and its holder, from
// Adjustment.Subject: an assignee is in no register.
func TestCertificate_CreatedWarrant(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	all, _ := balanceLineage(c)
	bal := all[1]
	assignee := compute.Warrant{Number: "W-F-05-008", Holder: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1", "70173 Stuttgart"}}, Parent: "W-F-05-002"}
	for _, w := range []compute.Warrant{bal.Subject, assignee} {
		text, _ := rendered(t, func() (*render.Doc, error) { return Certificate(c, w, bal.Entries[0], Options{}) }, true)
		contains(t, text, "Re: Warrant No. "+w.Number+" of", "To: "+w.Holder.Name, "the Warrant Share Number is increased by 63,334.00 shares, from 63,334.00 to 126,668.00")
	}
}

var pictures = flag.String("pictures", "", "also write the ledger's documents as PDF files into this directory, to look at")

// writePDF leaves a document in the -pictures directory, if any.
func writePDF(t *testing.T, name string, pdf []byte) {
	t.Helper()
	if *pictures == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*pictures, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Each transaction in words, as a row of the Schedule and as the clause
// that says how the warrant was issued.
func TestLedgerText_EveryTransaction(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	tt := c.Terms
	muller := compute.Holder{Name: "Müller GmbH"}
	assign := &compute.Transaction{Type: compute.TxAssignment, Date: date(2007, 1, 5), Warrant: "W-F-05-002", Shares: dec("10000"), To: muller, Number: "W-F-05-008", Balance: "W-F-05-009"}
	whole := &compute.Transaction{Type: compute.TxAssignment, Date: date(2007, 1, 5), Warrant: "W-F-05-002", To: muller, Number: "W-F-05-008"}
	exchange := &compute.Transaction{Type: compute.TxExchange, Date: date(2007, 2, 1), Warrant: "W-F-05-003",
		Into: []compute.ExchangeItem{{Number: "W-F-05-010", Shares: dec("50000")}, {Number: "W-F-05-011"}}}
	combined := &compute.Transaction{Type: compute.TxExercise, Date: date(2009, 10, 1), Warrant: "W-F-05-004", Shares: dec("20000"), Method: compute.MethodCombined, CashlessShares: dec("5000")}
	mutilated := &compute.Transaction{Type: compute.TxReplacement, Date: date(2008, 4, 2), Warrant: "W-F-05-010", Number: "W-F-05-012", Reason: "mutilated"}
	sur := func(x *compute.Transaction) compute.Surrender {
		if x == nil {
			return compute.Surrender{Date: date(2009, 10, 1), Type: compute.TxExercise}
		}
		return compute.Surrender{Date: x.Date, Type: x.Type}
	}
	for _, tc := range []struct {
		from, to, role, shares string
		x                      *compute.Transaction
		row, clause            string
	}{
		{"W-F-05-002", "W-F-05-008", "assignee", "10000", assign,
			"Assignment of 10,000.00 shares of W-F-05-002 to Müller GmbH, issued as W-F-05-008",
			"it was issued on January 5, 2007 to the Holder as assignee of 10,000.00 shares of Warrant Stock under that Warrant (Section 2(e))"},
		{"W-F-05-002", "W-F-05-009", "balance", "323334", assign,
			"Partial assignment of 10,000.00 shares of W-F-05-002 to Müller GmbH (W-F-05-008); balance of 323,334.00 issued as W-F-05-009",
			"it was issued on January 5, 2007 as the balance after the assignment of 10,000.00 shares of Warrant Stock under that Warrant to Müller GmbH (Section 2(e))"},
		{"W-F-05-002", "W-F-05-008", "assignee", "333334", whole,
			"Assignment of W-F-05-002 to Müller GmbH, issued as W-F-05-008",
			"it was issued on January 5, 2007 to the Holder as assignee of that Warrant (Section 2(e))"},
		{"W-F-05-003", "W-F-05-011", "exchange", "116666", exchange,
			"Exchange of W-F-05-003 for W-F-05-010 and W-F-05-011; 116,666.00 issued as W-F-05-011",
			"it was issued on February 1, 2007 in exchange for that Warrant, together with Warrant No. W-F-05-010 (Section 2(e))"},
		{"W-F-05-004", "W-F-05-007", "balance", "63334", combined,
			"Exercise of 20,000.00 shares of W-F-05-004 (combined: 5,000.00 cashless); balance of 63,334.00 issued as W-F-05-007",
			"it was issued on October 1, 2009 as the balance after the exercise of 20,000.00 shares of Warrant Stock (combined: 5,000.00 cashless) under that Warrant (Section 2)"},
		{"W-F-05-010", "W-F-05-012", "replacement", "50000", mutilated,
			"Replacement of W-F-05-010, surrendered mutilated, issued as W-F-05-012",
			"it was issued on April 2, 2008 in lieu of that Warrant, surrendered mutilated (Section 3(d))"},
		{"W-F-05-004", "W-F-05-007", "balance", "63334", nil,
			"Exercise of W-F-05-004; W-F-05-007 issued for 63,334.00",
			"it was issued on October 1, 2009 on the exercise of that Warrant"},
		{"W-F-05-007", "W-F-05-013", "", "126668", &compute.Transaction{Date: date(2009, 12, 15)},
			"W-F-05-007 replaced by W-F-05-013 for 126,668.00",
			"it was issued on December 15, 2009 in place of that Warrant"},
	} {
		s := step{from: tc.from, sur: sur(tc.x), tx: tc.x, to: compute.Warrant{Number: tc.to}, role: tc.role, initial: st("1.20", tc.shares)}
		if tc.role == "" {
			s.tx = nil // a transaction not recorded yet
		}
		if got := stepRow(tt, s); got != tc.row {
			t.Errorf("row\n got %q\nwant %q", got, tc.row)
		}
		if got := creationClause(tt, s); got != tc.clause {
			t.Errorf("clause\n got %q\nwant %q", got, tc.clause)
		}
	}
}

// Lineage follows Subject.Parent up from any warrant of the series, in any
// order, and names numbers as the ledger compares them.
func TestLineage_PicksTheLineOfDescent(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	chain, _ := balanceLineage(c)
	other := &compute.Adjustment{Warrant: "W-F-05-001", Subject: c.Warrants[0]}
	all := []*compute.Adjustment{chain[2], other, chain[0], chain[1]}
	for number, want := range map[string][]string{
		"W-F-05-013": {"W-F-05-004", "W-F-05-007", "W-F-05-013"},
		"W-F-05-7":   {"W-F-05-004", "W-F-05-007"},
		"W-F-05-004": {"W-F-05-004"},
		"W-F-05-099": nil,
	} {
		var got []string
		for _, a := range Lineage(c.Terms.Series, all, number) {
			got = append(got, a.Warrant)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("Lineage(%s) = %v, want %v", number, got, want)
		}
	}
}

// The Schedule of a balance warrant computed by the engine from the sample
// and a ledger of one exercise: the balance's rows state its 63,334 shares,
// the original's its 83,334.
func TestSchedule_FromTheEngine(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	c.Transactions = []compute.Transaction{{Index: 1, Type: compute.TxExercise, Date: date(2009, 10, 1), Warrant: "W-F-05-004", Shares: dec("20000"),
		Method: compute.MethodCashless, MarketValue: &compute.MarketValue{Method: compute.MVPlain, Value: dec("1.50")}, Balance: "W-F-05-005"}}
	all, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	in := CreatedWarrant(Lineage(c.Terms.Series, all, "W-F-05-005"), c.Transactions)
	if len(in.Lineage) != 2 || in.Replacing != "W-F-05-004" || in.Warrant.Holder.Name != "Łukasz Żółć" {
		t.Fatalf("lineage of W-F-05-005: %d warrants, replacing %q, holder %q", len(in.Lineage), in.Replacing, in.Warrant.Holder.Name)
	}
	page := schedulePage(t, c, in)
	contains(t, page, "the Warrant Price in effect is $1.1237", "Sixty-Three Thousand Three Hundred Thirty-Four (63,334)",
		"January 17, 2006 W-F-05-004 4(b)", "$1.1800 83,334.00", "October 1, 2009 W-F-05-005 2 Exercise of 20,000.00 shares of")
	for _, line := range strings.Split(page, "\n") {
		if strings.Contains(line, "W-F-05-005") && strings.Contains(line, "83,334") {
			t.Errorf("the balance states its ancestor's share number: %q", line)
		}
	}
}
