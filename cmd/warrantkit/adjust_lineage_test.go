package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

// ledgerInGo is testdata/ledger-case.yaml built in Go, for the tests that
// need not wait for the case file decoder to read transactions: the
// minimal case's warrants (W-M-01-001 for 100000, -002 for 50000; its
// issuance takes 2.40 to 2.3333, its 2:1 split to 1.1667) with an exercise,
// a partial assignment and a replacement.
func ledgerInGo(t *testing.T, moreEvents string) *compute.Case {
	t.Helper()
	data, err := os.ReadFile("testdata/minimal-case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "case.yaml")
	if err := os.WriteFile(path, append(data, moreEvents...), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := casefile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) compute.Date {
		x, err := compute.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	c.Transactions = []compute.Transaction{
		{Index: 1, Line: 1, Type: compute.TxExercise, Date: d("2007-01-05"), Warrant: "W-M-01-001", Shares: decimal.RequireFromString("50000"), Method: compute.MethodCash, Balance: "W-M-01-003"},
		{Index: 2, Line: 2, ID: "gift", Type: compute.TxAssignment, Date: d("2008-01-07"), Warrant: "W-M-01-002", Shares: decimal.RequireFromString("40000"),
			To: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1"}}, Number: "W-M-01-004", Balance: "W-M-01-005"},
		{Index: 3, Line: 3, Type: compute.TxReplacement, Date: d("2008-04-02"), Warrant: "W-M-01-004", Reason: "lost", Number: "W-M-01-006"},
	}
	return c
}

// TestAdjustTable_Lineage: the table heads a created warrant with where it
// came from and closes a surrendered one with what it was surrendered for.
func TestAdjustTable_Lineage(t *testing.T) {
	c := ledgerInGo(t, "")
	adjs, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	var out []compute.AdjustmentReport
	for _, a := range adjs {
		out = append(out, a.Report(c.Terms))
	}
	var b bytes.Buffer
	if err := writeAdjustTable(&b, c, adjs, out); err != nil {
		t.Fatal(err)
	}
	table := b.String()
	for _, s := range []string{
		"W-M-01-001  First Holder  (initial: Warrant Price 2.4000, Warrant Share Number 100000.00)",
		"  surrendered on 2007-01-05 by the exercise #1: issued W-M-01-003\n",
		"W-M-01-003 — balance of W-M-01-001 after the exercise of 2007-01-05\n  First Holder  (initial: Warrant Price 1.1667, Warrant Share Number 150000.00)\n",
		"  surrendered on 2008-01-07 by the assignment gift: issued W-M-01-004, W-M-01-005\n",
		"W-M-01-004 — assigned from W-M-01-002 on 2008-01-07\n  Müller GmbH  (initial: Warrant Price 1.1667, Warrant Share Number 40000.00)\n",
		"W-M-01-005 — balance of W-M-01-002 after the assignment of 2008-01-07\n  Second Holder  (initial: Warrant Price 1.1667, Warrant Share Number 60000.00)\n",
		"  surrendered on 2008-04-02 by the replacement #3 (lost): issued W-M-01-006\n",
		"W-M-01-006 — replacing W-M-01-004, lost, on 2008-04-02\n  Müller GmbH  (initial: Warrant Price 1.1667, Warrant Share Number 40000.00)\n",
	} {
		if !strings.Contains(table, s) {
			t.Errorf("the table lacks %q:\n%s", s, table)
		}
	}
	// The JSON of SPEC §4.1: the lineage keys where they apply, in the
	// order of creation.
	js, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`"warrant":"W-M-01-001","initial"`,
		`"surrendered":{"date":"2007-01-05","type":"exercise","transaction":"#1","successors":["W-M-01-003"]}`,
		`"warrant":"W-M-01-003","parent":"W-M-01-001","issued":"2007-01-05","created_by":{"type":"exercise","transaction":"#1"},"initial":{"warrant_price":"1.1667","warrant_share_number":"150000.00"}`,
		`"warrant":"W-M-01-004","parent":"W-M-01-002","issued":"2008-01-07","created_by":{"type":"assignment","transaction":"gift"}`,
		`"surrendered":{"date":"2008-04-02","type":"replacement","transaction":"#3","successors":["W-M-01-006"]}`,
	} {
		if !strings.Contains(string(js), s) {
			t.Errorf("the JSON lacks %s:\n%s", s, js)
		}
	}
	order := []string{"W-M-01-001", "W-M-01-002", "W-M-01-003", "W-M-01-004", "W-M-01-005", "W-M-01-006"}
	for i, a := range out {
		if a.Warrant != order[i] {
			t.Errorf("object %d is %s, want %s", i, a.Warrant, order[i])
		}
	}
}

// TestAdjustCertificates_CreatedWarrants: an event after a warrant was
// created is certified for that warrant and its holder, not its ancestor;
// a warrant surrendered before the event has none.
func TestAdjustCertificates_CreatedWarrants(t *testing.T) {
	c := ledgerInGo(t, "  - {id: split-2008, type: stock-split, date: 2008-06-30, ratio: \"3:1\"}\n")
	adjs, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "certs")
	b := &books.Books{Case: c, CasePath: "case.yaml"}
	if _, err := b.Certificates(context.Background(), dir, adjs, false, toolOptions()); err != nil {
		t.Fatal(err)
	}
	files := tree(t, dir)
	var names []string
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	want := []string{"W-M-01-001-event-1.pdf", "W-M-01-001-event-2.pdf", "W-M-01-002-event-1.pdf", "W-M-01-002-event-2.pdf", "W-M-01-003-split-2008.pdf", "W-M-01-005-split-2008.pdf", "W-M-01-006-split-2008.pdf"}
	if !slices.Equal(names, want) {
		t.Fatalf("certificates %q, want %q", names, want)
	}
	texts := checkPDFs(t, map[string][]byte{"W-M-01-006-split-2008.pdf": files["W-M-01-006-split-2008.pdf"]}, true)
	text := strings.Join(valuesOf(texts), "\n")
	for _, s := range []string{"W-M-01-006", "Müller GmbH", "120,000"} {
		if !strings.Contains(text, s) {
			t.Errorf("the certificate of W-M-01-006 lacks %q:\n%s", s, text)
		}
	}
}
