package casefile

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

var update = flag.Bool("update", false, "rewrite testdata/bad-ledger/WANT.txt from the messages the decoder gives")

// TestDecodeTransactions_SpecExample: SPEC §2.5's example of a ledger
// decodes to the transactions it describes, in file order, each with its
// line.
func TestDecodeTransactions_SpecExample(t *testing.T) {
	c := tcLoad(t, "testdata/good/ledger.yaml")
	mv := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{tcDec("1.50")}, 4)
	want := []compute.Transaction{
		{Index: 1, Line: 19, Type: compute.TxExercise, Date: tcDate(t, "2009-10-01"), Warrant: "W-F-05-004",
			Shares: tcDec("20000"), Method: "cashless", MarketValue: &mv, Balance: "W-F-05-007"},
		{Index: 2, Line: 21, Type: compute.TxAssignment, Date: tcDate(t, "2007-01-05"), Warrant: "W-F-05-002",
			Shares: tcDec("10000"), To: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1", "70173 Stuttgart"}},
			Number: "W-F-05-008", Balance: "W-F-05-009"},
		{Index: 3, Line: 24, Type: compute.TxExchange, Date: tcDate(t, "2007-02-01"), Warrant: "W-F-05-003",
			Into: []compute.ExchangeItem{{Number: "W-F-05-010", Shares: tcDec("50000")}, {Number: "W-F-05-011"}}},
		{Index: 4, Line: 26, Type: compute.TxReplacement, Date: tcDate(t, "2008-04-02"), Warrant: "W-F-05-010",
			Reason: "lost", Number: "W-F-05-012"},
		{Index: 5, Line: 27, Type: compute.TxCancellation, Date: tcDate(t, "2008-06-30"), Warrant: "W-F-05-011", Reason: "repurchased"},
		{Index: 6, Line: 28, Type: compute.TxReissue, Date: tcDate(t, "2009-11-02"), FirstNumber: "W-F-05-013"},
	}
	if len(c.Transactions) != len(want) {
		t.Fatalf("%d transactions, want %d", len(c.Transactions), len(want))
	}
	for i, w := range want {
		if got := c.Transactions[i]; !reflect.DeepEqual(got, w) {
			t.Errorf("transactions[%d]:\n got %s\nwant %s", i+1, tcTx(got), tcTx(w))
		}
	}
	// The example's numbers stand as written: 20000 is not 2E+4.
	tcWantDec(t, "transactions[1].shares", c.Transactions[0].Shares, "20000")
	tcWantDec(t, "transactions[1].market_value", c.Transactions[0].MarketValue.Value, "1.5000")
}

// TestDecodeTransactions_Defaults: an exercise without a method is a cash
// exercise (§2(b)); a cash exercise may state the market value; an
// assignment without shares assigns them all (Shares zero); a reissue
// without first_number leaves it to the ledger; an id and a note are kept.
func TestDecodeTransactions_Defaults(t *testing.T) {
	c, err := tcDecode(t, tcMinimal(t)+`transactions:
  - {type: exercise, id: ex-1, note: "by fax", warrant: W-F-05-001, date: 2009-10-01, shares: "1000.5", balance: W-F-05-002}
  - {type: exercise, warrant: W-F-05-002, date: 2009-10-02, shares: "10", market_value: {exchange: {bid: "1.00", ask: "1.10"}}}
  - {type: assignment, warrant: W-F-05-003, date: 2009-10-03, to: {name: Assignee}, number: W-F-05-004}
  - {type: reissue, date: 2009-11-02}
  - {type: exercise, warrant: W-F-05-004, date: 2009-10-04, shares: "10", method: combined, cashless_shares: "9.99", market_value: "3"}
`)
	if err != nil {
		t.Fatal(err)
	}
	x := c.Transactions
	if x[0].Method != "cash" || x[0].ID != "ex-1" || x[0].Note != "by fax" || x[0].MarketValue != nil {
		t.Errorf("transactions[1] = %s", tcTx(x[0]))
	}
	tcWantDec(t, "transactions[1].shares", x[0].Shares, "1000.5")
	if x[1].Method != "cash" || x[1].MarketValue == nil || x[1].MarketValue.Method != compute.MVExchange || x[1].Balance != "" {
		t.Errorf("transactions[2] = %s", tcTx(x[1]))
	}
	tcWantDec(t, "transactions[2].market_value", x[1].MarketValue.Value, "1.0500")
	if !x[2].Shares.IsZero() || x[2].To.Name != "Assignee" || x[2].To.Address != nil || x[2].Balance != "" {
		t.Errorf("transactions[3] = %s", tcTx(x[2]))
	}
	if x[3].FirstNumber != "" || x[3].Warrant != "" {
		t.Errorf("transactions[4] = %s", tcTx(x[3]))
	}
	if x[4].Method != "combined" {
		t.Errorf("transactions[5] = %s", tcTx(x[4]))
	}
	tcWantDec(t, "transactions[5].cashless_shares", x[4].CashlessShares, "9.99")
}

// TestDecodeTransactions_Boundaries: the dates and quantities at the edge
// of what is allowed decode; one step beyond is refused.
func TestDecodeTransactions_Boundaries(t *testing.T) {
	tests := []struct {
		tx, field string // field "" means accepted
	}{
		{`{type: cancellation, warrant: W-F-05-001, date: 2005-03-14}`, ""},
		{`{type: cancellation, warrant: W-F-05-001, date: 2005-03-13}`, "transactions[1].date"},
		{`{type: cancellation, warrant: W-F-05-001, date: 2010-03-14}`, ""},
		{`{type: cancellation, warrant: W-F-05-001, date: 2010-03-15}`, "transactions[1].date"},
		{`{type: exercise, warrant: W-F-05-001, date: 2005-09-15, shares: "1"}`, ""},
		{`{type: exercise, warrant: W-F-05-001, date: 2005-09-14, shares: "1"}`, "transactions[1].date"},
		{`{type: assignment, warrant: W-F-05-001, date: 2005-09-14, to: {name: A}, number: W-F-05-002}`, ""}, // only an exercise waits for exercise_start
		{`{type: exercise, warrant: W-F-05-001, date: 2009-10-01, shares: "0.01"}`, ""},
		{`{type: exercise, warrant: W-F-05-001, date: 2009-10-01, shares: "0.001"}`, "transactions[1].shares"},
		{`{type: exercise, warrant: W-F-05-001, date: 2009-10-01, shares: "10", method: combined, cashless_shares: "9.99", market_value: "3"}`, ""},
		{`{type: exercise, warrant: W-F-05-001, date: 2009-10-01, shares: "10", method: combined, cashless_shares: "10.00", market_value: "3"}`, "transactions[1].cashless_shares"},
		{`{type: exercise, warrant: W-F-05-001, date: 2009-10-01, shares: "10", method: combined, cashless_shares: "10.01", market_value: "3"}`, "transactions[1].cashless_shares"},
		{`{type: exchange, warrant: W-F-05-001, date: 2009-10-01, into: [{number: W-F-05-002}]}`, ""}, // into one warrant
		{`{type: exchange, warrant: W-F-05-001, date: 2009-10-01, into: [{number: W-F-05-002, shares: "250000"}]}`, ""},
		{`{type: exchange, warrant: W-F-05-001, date: 2009-10-01, into: [{number: W-F-05-002, shares: "1"}, {number: W-F-05-003, shares: "2"}]}`, ""},
		{`{type: replacement, warrant: W-F-05-001, date: 2009-10-01, number: W-F-05-002, reason: mutilated}`, ""},
		{`{type: replacement, warrant: W-F-05-001, date: 2009-10-01, number: W-F-05-002, reason: Lost}`, "transactions[1].reason"},
	}
	for _, tt := range tests {
		t.Run(tt.tx, func(t *testing.T) {
			_, err := tcDecode(t, tcMinimal(t)+"transactions:\n  - "+tt.tx+"\n")
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var ie *compute.InputError
			if !errors.As(err, &ie) || ie.Field != tt.field {
				t.Fatalf("err = %v, want an error at %s", err, tt.field)
			}
		})
	}
}

// TestDecodeTransactions_IDsAcrossEventsAndTransactions: an id names one
// event or one transaction, whichever of the two lists comes first in the
// file.
func TestDecodeTransactions_IDsAcrossEventsAndTransactions(t *testing.T) {
	events := "events:\n  - {type: stock-split, id: s1, date: 2006-01-10, ratio: \"2:1\"}\n"
	txs := "transactions:\n  - {type: cancellation, id: s1, warrant: W-F-05-001, date: 2008-06-30}\n"
	for _, order := range []string{events + txs, txs + events} {
		_, err := tcDecode(t, tcMinimal(t)+order)
		tcWantInputError(t, err, "case.yaml", "transactions[1].id", `duplicate id "s1" (used by events[1])`)
	}
}

// TestDecodeTransactions_CountLimit: MaxTransactions transactions decode
// (a 4 MiB file can hold them: the shortest, a reissue, takes 38 bytes);
// one more is refused, whether written out or made of aliases.
func TestDecodeTransactions_CountLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 100,000 transactions")
	}
	base := tcMinimal(t)
	reissue := "{type: reissue, date: 2009-11-02}"
	src := tcRepeat(t, base, "transactions", reissue, MaxTransactions)
	if len(src) > MaxCaseFileBytes {
		t.Fatalf("%d transactions take %d bytes, more than the file may", MaxTransactions, len(src))
	}
	c, err := tcDecode(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Transactions) != MaxTransactions {
		t.Fatalf("%d transactions decoded", len(c.Transactions))
	}
	_, err = tcDecode(t, tcRepeat(t, base, "transactions", reissue, MaxTransactions+1))
	tcWantInputError(t, err, "case.yaml", "transactions", "lists 100001 transactions (allowed: at most 100000 transactions)")
	aliased := base + "transactions:\n  - &x " + reissue + "\n" + strings.Repeat("  - *x\n", MaxTransactions)
	_, err = tcDecode(t, aliased)
	tcWantInputError(t, err, "case.yaml", "transactions", "lists 100001 transactions")
}

// TestDecodeTransactions_BadLedger: each file of testdata/bad-ledger breaks
// one rule of SPEC §2.5 that a transaction breaks on its own, and is refused
// with exactly the one-line message of WANT.txt (go test -run BadLedger
// -update rewrites it), on the line marked "# ERROR".
func TestDecodeTransactions_BadLedger(t *testing.T) {
	const dir = "testdata/bad-ledger"
	want := readLedgerWant(t, dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range entries {
		if e.Name() == "WANT.txt" {
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			path := filepath.Join(dir, e.Name())
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Decode(path, bytes.NewReader(data))
			ie := checkInputError(t, err, path, badInput{field: tcFieldOf(err), substring: "transactions"})
			got[e.Name()] = err.Error()
			if line := errorMarkerLine(data); line != 0 && ie.Line != line {
				t.Errorf("error on line %d, want %d (the # ERROR line): %v", ie.Line, line, err)
			}
			if !*update && err.Error() != want[e.Name()] {
				t.Errorf("message:\n got %s\nwant %s", err, want[e.Name()])
			}
		})
	}
	if *update {
		writeLedgerWant(t, dir, got)
		return
	}
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("WANT.txt lists %s, which is not in %s", name, dir)
		}
	}
}

// tcFieldOf is the field err names, which checkInputError then checks is in
// the message.
func tcFieldOf(err error) string {
	var ie *compute.InputError
	if errors.As(err, &ie) && ie.Field != "" {
		return ie.Field
	}
	return "-"
}

// readLedgerWant reads dir/WANT.txt: file<TAB>message lines.
func readLedgerWant(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "WANT.txt"))
	if err != nil {
		if *update {
			return nil
		}
		t.Fatal(err)
	}
	want := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, msg, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("WANT.txt: %q has no tab", line)
		}
		want[name] = msg
	}
	return want
}

func writeLedgerWant(t *testing.T, dir string, got map[string]string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# The message each bad ledger in this directory is refused with: file<TAB>message.\n")
	b.WriteString("# Rewritten by go test ./compute/casefile -run BadLedger -update.\n")
	names := make([]string, 0, len(got))
	for n := range got {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Fprintf(&b, "%s\t%s\n", n, got[n])
	}
	if err := os.WriteFile(filepath.Join(dir, "WANT.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDecodeTransactions_JSONMatchesYAML: the ledger written as JSON decodes
// to what it decodes to as YAML, decimals digit for digit.
func TestDecodeTransactions_JSONMatchesYAML(t *testing.T) {
	y := tcLoad(t, "testdata/good/ledger.yaml")
	j := tcLoad(t, "testdata/good/ledger.json")
	for _, c := range []*compute.Case{y, j} {
		c.File = ""
		c.Terms.Expiration = c.Terms.Expiration.UTC()
		c.Terms.Location = nil
		for i := range c.Warrants {
			c.Warrants[i].Line = 0
		}
		for i := range c.Events {
			c.Events[i].Line = 0
		}
		for i := range c.Transactions {
			c.Transactions[i].Line = 0
		}
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("YAML and JSON differ:\nyaml: %+v\njson: %+v", y.Transactions, j.Transactions)
	}
}

// tcDate is the date written s.
func tcDate(t *testing.T, s string) compute.Date {
	t.Helper()
	d, err := compute.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tcTx prints a transaction with its decimals and market value spelled out.
func tcTx(x compute.Transaction) string {
	mv := "<nil>"
	if x.MarketValue != nil {
		mv = fmt.Sprintf("%+v", *x.MarketValue)
	}
	return fmt.Sprintf("%+v shares=%s cashless=%s mv=%s", x, tcLiteral(x.Shares), tcLiteral(x.CashlessShares), mv)
}

// TestDecodeTransactions_LedgerAccepted: SPEC §2.5's example, decoded, is a
// ledger the engine accepts. Worked by hand: the 2:1 split of 2006-01-10
// doubles every original (002 and 003: 200,000; 004: 166,668); the
// assignment of 10,000 of 002 leaves 190,000 on 009; the exchange of 003
// gives 010 50,000 and 011 the rest, 150,000; 012 replaces 010 for 50,000;
// the exercise of 20,000 of 004 leaves 146,668 on 007; the reissue re-issues
// the five warrants then outstanding (001, 007, 008, 009, 012) as 013-017.
func TestDecodeTransactions_LedgerAccepted(t *testing.T) {
	c := tcLoad(t, "testdata/good/ledger.yaml")
	as, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	initial := map[string]string{
		"W-F-05-008": "10000.00", "W-F-05-009": "190000.00", "W-F-05-010": "50000.00", "W-F-05-011": "150000.00",
		"W-F-05-012": "50000.00", "W-F-05-007": "146668.00", "W-F-05-013": "500000.00", "W-F-05-014": "146668.00",
		"W-F-05-015": "10000.00", "W-F-05-016": "190000.00", "W-F-05-017": "50000.00",
	}
	var numbers []string
	checked := 0
	for _, a := range as {
		numbers = append(numbers, a.Warrant)
		if want, ok := initial[a.Warrant]; ok {
			checked++
			if got := a.Initial.Shares.StringFixed(2); got != want {
				t.Errorf("%s issued for %s shares, want %s", a.Warrant, got, want)
			}
		}
	}
	if checked != len(initial) {
		t.Errorf("%d of the %d created warrants checked", checked, len(initial))
	}
	want := []string{"W-F-05-001", "W-F-05-002", "W-F-05-003", "W-F-05-004", "W-F-05-008", "W-F-05-009", "W-F-05-010",
		"W-F-05-011", "W-F-05-012", "W-F-05-007", "W-F-05-013", "W-F-05-014", "W-F-05-015", "W-F-05-016", "W-F-05-017"}
	if !slices.Equal(numbers, want) {
		t.Errorf("warrants %v, want %v", numbers, want)
	}
}
