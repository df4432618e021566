package books

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

// viewCase is the minimal case of the CLI's tests with the given warrants:
// an issuance of 2,000,000 shares at 1.00 on 2005-11-15, with 40,000,000
// outstanding, takes the Warrant Price 2.40 to 2.40 × (40,000,000 +
// 2,000,000/2.40) / 42,000,000 = 98/42 = 2.3333 (§4(d)); the 2:1 split of
// 2006-01-17 doubles the shares and halves the price: 2.3333 × N/2N =
// 1.16665 → 1.1667 (half away from zero).
func viewCase(t *testing.T, ws ...compute.Warrant) *compute.Case {
	t.Helper()
	c, err := casefile.Load("../cmd/warrantkit/testdata/minimal-case.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c.Warrants = ws
	return c
}

func warrant(num, holder, shares string) compute.Warrant {
	return compute.Warrant{Number: num, Holder: compute.Holder{Name: holder, Address: []string{"1 Main St", "Town"}}, Shares: decimal.RequireFromString(shares)}
}

func date(t *testing.T, s string) compute.Date {
	t.Helper()
	d, err := compute.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func viewCSV(t *testing.T, c *compute.Case, asOf compute.Date) string {
	t.Helper()
	v, err := RegisterView(context.Background(), c, asOf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := v.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRegisterView_OrderByValue: rows are in ascending order of number by
// value, whatever zeros lead the digits and whatever the register's order;
// shares and price are those in effect.
func TestRegisterView_OrderByValue(t *testing.T) {
	c := viewCase(t, warrant("W-M-01-10", "Ten", "10"), warrant("W-M-01-9", "Nine", "9"),
		warrant("W-M-01-100", "Hundred", "100.5"), warrant("W-M-01-0011", "Eleven", "11"))
	want := "number,holder_name,holder_address,shares,warrant_price,issued,parent\n" +
		"W-M-01-9,Nine,1 Main St|Town,18.00,1.1667,2005-03-14,\n" +
		"W-M-01-10,Ten,1 Main St|Town,20.00,1.1667,2005-03-14,\n" +
		"W-M-01-0011,Eleven,1 Main St|Town,22.00,1.1667,2005-03-14,\n" +
		"W-M-01-100,Hundred,1 Main St|Town,201.00,1.1667,2005-03-14,\n"
	if got := viewCSV(t, c, compute.Date{}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The day before the split: the original numbers.
	if got := viewCSV(t, c, date(t, "2006-01-16")); !strings.Contains(got, "W-M-01-9,Nine,1 Main St|Town,9.00,2.3333,2005-03-14,\n") {
		t.Errorf("as of 2006-01-16:\n%s", got)
	}
}

// TestRegisterView_ContactAndFormulas: email and tax_id_last4 are columns
// once any warrant has one; a cell a spreadsheet would run is quoted.
func TestRegisterView_ContactAndFormulas(t *testing.T) {
	a, b := warrant("W-M-01-001", "=HYPERLINK(\"x\")", "1"), warrant("W-M-01-002", "Plain", "2")
	b.TaxID4 = "0042"
	got := viewCSV(t, viewCase(t, a, b), compute.Date{})
	want := "number,holder_name,holder_address,shares,warrant_price,issued,parent,email,tax_id_last4\n" +
		"W-M-01-001,\"'=HYPERLINK(\"\"x\"\")\",1 Main St|Town,2.00,1.1667,2005-03-14,,,\n" +
		"W-M-01-002,Plain,1 Main St|Town,4.00,1.1667,2005-03-14,,,0042\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestRegisterView_Ledger: a case with transactions, built in Go (the
// numbers as in cmd/warrantkit/testdata/ledger-case.yaml without its second
// split): an exercise with a balance and a partial assignment.
func TestRegisterView_Ledger(t *testing.T) {
	c := viewCase(t, warrant("W-M-01-001", "First", "100000"), warrant("W-M-01-002", "Second", "50000"))
	c.Transactions = []compute.Transaction{
		{Index: 1, Line: 1, Type: compute.TxExercise, Date: date(t, "2007-01-05"), Warrant: "W-M-01-001", Shares: decimal.RequireFromString("50000"), Method: compute.MethodCash, Balance: "W-M-01-003"},
		{Index: 2, Line: 2, ID: "gift", Type: compute.TxAssignment, Date: date(t, "2008-01-07"), Warrant: "W-M-01-002", Shares: decimal.RequireFromString("40000"),
			To: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1"}}, Number: "W-M-01-004", Balance: "W-M-01-005"},
	}
	if adjs, err := compute.AdjustCase(c, compute.Date{}); err == nil && len(adjs) == 2 {
		t.Skip("PENDING: the engine does not replay the transactions yet")
	}
	want := "number,holder_name,holder_address,shares,warrant_price,issued,parent\n" +
		"W-M-01-003,First,1 Main St|Town,150000.00,1.1667,2007-01-05,W-M-01-001\n" +
		"W-M-01-004,Müller GmbH,Königstraße 1,40000.00,1.1667,2008-01-07,W-M-01-002\n" +
		"W-M-01-005,Second,1 Main St|Town,60000.00,1.1667,2008-01-07,W-M-01-002\n"
	if got := viewCSV(t, c, compute.Date{}); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	want = "number,holder_name,holder_address,shares,warrant_price,issued,parent\n" +
		"W-M-01-002,Second,1 Main St|Town,100000.00,1.1667,2005-03-14,\n" +
		"W-M-01-003,First,1 Main St|Town,150000.00,1.1667,2007-01-05,W-M-01-001\n"
	if got := viewCSV(t, c, date(t, "2008-01-06")); got != want {
		t.Errorf("as of 2008-01-06: got\n%s\nwant\n%s", got, want)
	}
}

// TestOutstandingAt: issued by the end of the day and not yet surrendered.
func TestOutstandingAt(t *testing.T) {
	d := func(s string) compute.Date { return date(t, s) }
	created := &compute.Adjustment{CreatedBy: &compute.TxRef{}, Issued: d("2007-01-05")}
	surrendered := &compute.Adjustment{Surrendered: &compute.Surrender{Date: d("2008-01-07")}}
	cases := []struct {
		a    *compute.Adjustment
		asOf compute.Date
		want bool
	}{
		{&compute.Adjustment{}, compute.Date{}, true},
		{created, compute.Date{}, true},
		{created, d("2007-01-04"), false},
		{created, d("2007-01-05"), true},
		{surrendered, compute.Date{}, false},
		{surrendered, d("2008-01-06"), true},
		{surrendered, d("2008-01-07"), false},
	}
	for i, c := range cases {
		if got := outstandingAt(c.a, c.asOf); got != c.want {
			t.Errorf("case %d: got %v", i, got)
		}
	}
}

// TestViewWriteJSON_AsEncode: the JSON streamed one object at a time, from
// the packed rows, is the bytes folder.Encode gives for the whole array.
func TestViewWriteJSON_AsEncode(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := rapid.StringOf(rapid.RuneFrom([]rune("aZ<>&\"\\|é😀 '=\t\n\u2028")))
		rows := rapid.SliceOf(rapid.Custom(func(t *rapid.T) ViewRow {
			r := ViewRow{Number: text.Draw(t, "number"), HolderName: text.Draw(t, "name"), HolderAddress: text.Draw(t, "address"),
				Shares: text.Draw(t, "shares"), WarrantPrice: text.Draw(t, "price"), Issued: text.Draw(t, "issued"), Parent: text.Draw(t, "parent")}
			if rapid.Bool().Draw(t, "contact") {
				e, x := text.Draw(t, "email"), text.Draw(t, "tax")
				r.Email, r.TaxID4 = &e, &x
			}
			return r
		})).Draw(t, "rows")
		want, err := folder.Encode(rows)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			want = []byte("[]\n")
		}
		v := &View{}
		for _, r := range rows {
			v.rows = append(v.rows, r.pack())
		}
		var got bytes.Buffer
		if err := v.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != string(want) {
			t.Fatalf("got\n%s\nwant\n%s", got.String(), want)
		}
	})
}
