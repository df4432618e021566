package casefile

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// appendHead is the start of every case file of these tests: issuer, terms
// and four warrants of 250,000, 166,667, 83,333 and 41,667 shares.
const appendHead = `# the ledger of W-F-05
issuer:
  name: "Glowpoint, Inc."
  jurisdiction: Delaware
  address: ["225 Long Avenue", "Hillside, New Jersey 07205"]
  signatory: {name: "Gerard E. Dorsey", title: "Chief Financial Officer"}
  notice: {attention: "Chief Financial Officer", phone: "973-391-2000", fax: "973-923-3352"}

terms: &terms
  series: W-F-05
  original_issue_date: 2005-03-14
  exercise_start: 2005-09-15
  expiration: 2010-03-14T17:00:00
  initial_warrant_price: "2.40"
  market_value_at_issue: "1.50"   # a stand-in
warrants:
  - number: W-F-05-001
    holder: {name: "Alpha Capital Anstalt", address: ["Pradafant 7", "9490 Vaduz"]}
    shares: "250000"
  - number: W-F-05-004
    holder: {name: "Łukasz Żółć", address: ["ul. Marszałkowska 84/92"]}
    shares: "41667"
`

// appendTerms are the terms of appendHead.
func appendTerms(t *testing.T) compute.Terms {
	c, err := Decode("head.yaml", strings.NewReader(appendHead))
	if err != nil {
		t.Fatal(err)
	}
	return c.Terms
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func date(t *testing.T, s string) compute.Date {
	d, err := compute.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// exerciseTx is the SPEC §2.5 example's exercise of 20,000 shares of W-F-05-004.
func exerciseTx(t *testing.T) compute.Transaction {
	mv := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{dec("1.50")}, 4)
	return compute.Transaction{Type: compute.TxExercise, Warrant: "W-F-05-004", Date: date(t, "2009-10-01"),
		Shares: dec("20000"), Method: "cashless", MarketValue: &mv, Balance: "W-F-05-007"}
}

func TestEncodeTransaction(t *testing.T) {
	ex := exerciseTx(t)
	asg := compute.Transaction{Type: compute.TxAssignment, Warrant: "W-F-05-002", Date: date(t, "2007-01-05"), Shares: dec("10000"),
		To: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1", "70173 Stuttgart"}}, Number: "W-F-05-008", Balance: "W-F-05-009"}
	xch := compute.Transaction{Type: compute.TxExchange, Warrant: "W-F-05-003", Date: date(t, "2007-02-01"),
		Into: []compute.ExchangeItem{{Number: "W-F-05-010", Shares: dec("50000")}, {Number: "W-F-05-011"}}}
	rep := compute.Transaction{Type: compute.TxReplacement, Warrant: "W-F-05-010", Date: date(t, "2008-04-02"), Reason: "lost", Number: "W-F-05-012"}
	can := compute.Transaction{Type: compute.TxCancellation, Warrant: "W-F-05-011", Date: date(t, "2008-06-30"), Reason: "repurchased", ID: "c1", Note: "said \"no\"\n"}
	ris := compute.Transaction{Type: compute.TxReissue, Date: date(t, "2009-11-02"), FirstNumber: "W-F-05-013"}
	otc := compute.NewMarketValue(compute.MVExchange, []decimal.Decimal{dec("1.40"), dec("1.6")}, 4)
	ex2 := ex
	ex2.MarketValue, ex2.Method, ex2.CashlessShares = &otc, "combined", dec("5000.5")
	for _, c := range []struct {
		tx         compute.Transaction
		yaml, json string
	}{
		{ex, `{type: exercise, warrant: W-F-05-004, date: 2009-10-01, shares: "20000", method: cashless, market_value: "1.50", balance: W-F-05-007}`,
			`{"type": "exercise", "warrant": "W-F-05-004", "date": "2009-10-01", "shares": "20000", "method": "cashless", "market_value": "1.50", "balance": "W-F-05-007"}`},
		{ex2, `{type: exercise, warrant: W-F-05-004, date: 2009-10-01, shares: "20000", method: combined, cashless_shares: "5000.5", market_value: {exchange: {bid: "1.40", ask: "1.6"}}, balance: W-F-05-007}`, ""},
		{asg, `{type: assignment, warrant: W-F-05-002, date: 2007-01-05, to: {name: "Müller GmbH", address: ["Königstraße 1", "70173 Stuttgart"]}, shares: "10000", number: W-F-05-008, balance: W-F-05-009}`, ""},
		{xch, `{type: exchange, warrant: W-F-05-003, date: 2007-02-01, into: [{number: W-F-05-010, shares: "50000"}, {number: W-F-05-011}]}`,
			`{"type": "exchange", "warrant": "W-F-05-003", "date": "2007-02-01", "into": [{"number": "W-F-05-010", "shares": "50000"}, {"number": "W-F-05-011"}]}`},
		{rep, `{type: replacement, warrant: W-F-05-010, date: 2008-04-02, number: W-F-05-012, reason: lost}`, ""},
		{can, `{type: cancellation, id: c1, warrant: W-F-05-011, date: 2008-06-30, reason: repurchased, note: "said \"no\"\n"}`, ""},
		{ris, `{type: reissue, date: 2009-11-02, first_number: W-F-05-013}`, ""},
	} {
		if got := EncodeTransaction(c.tx, compute.Terms{}, false); got != c.yaml {
			t.Errorf("YAML:\n got %s\nwant %s", got, c.yaml)
		}
		if c.json != "" {
			if got := EncodeTransaction(c.tx, compute.Terms{}, true); got != c.json {
				t.Errorf("JSON:\n got %s\nwant %s", got, c.json)
			}
		}
	}
}

func TestQuoteText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":        `"plain"`,
		"a\u2028b\x7f": `"a\u2028b\u007f"`,
		"tab\there":    `"tab\there"`,
		"\x01\u0085":   `"\u0001\u0085"`,
		`back\slash`:   `"back\\slash"`,
	} {
		got := quoteText(in)
		if got != want {
			t.Errorf("quoteText(%q) = %s, want %s", in, got, want)
		}
		var back string
		if err := json.Unmarshal([]byte(got), &back); err != nil || back != in {
			t.Errorf("JSON reads %s as %q (%v)", got, back, err)
		}
	}
}

// TestAppendTransactions_YAML: worked cases, each the input with the lines
// shown inserted where shown.
func TestAppendTransactions_YAML(t *testing.T) {
	item := "  - " + EncodeTransaction(exerciseTx(t), compute.Terms{}, false) + "\n"
	events := "events:\n  - {type: stock-split, date: 2006-01-17, ratio: \"2:1\"}\n"
	for _, c := range []struct{ name, before, after string }{
		{"no key", appendHead + events, ""},
		{"no key, no final newline", appendHead + strings.TrimSuffix(events, "\n"), ""},
		{"no key, trailing comment", appendHead + events + "# end\n", ""},
		{"empty key", appendHead + "transactions:   # none yet\n", ""},
		{"empty key before events", appendHead + "transactions:\n", events},
		{"after the last item, above the next key's comment", appendHead + "transactions:\n  - {type: cancellation, warrant: W-F-05-001, date: 2006-01-02}\n    # about it\n", "\n# the events\n" + events},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := []byte(c.before + c.after)
			out, err := AppendTransactions("case.yaml", in, []compute.Transaction{exerciseTx(t)}, appendTerms(t))
			if err != nil {
				t.Fatal(err)
			}
			at, text := insertionOf(t, in, out)
			if c.after != "" && at != len(c.before) {
				t.Errorf("inserted at %d, want %d:\n%s", at, len(c.before), out)
			}
			if !bytes.HasSuffix(in, []byte("\n")) && !strings.HasPrefix(text, "\n") {
				t.Errorf("inserted %q after a last line without its newline", text)
			}
			if !strings.HasSuffix(text, item) {
				t.Errorf("inserted %q, want it to end with %q", text, item)
			}
		})
	}
}

// insertionOf finds the one insertion that makes out from in, and fails the
// test when out is not in with one insertion.
func insertionOf(t *testing.T, in, out []byte) (int, string) {
	t.Helper()
	p := 0
	for p < len(in) && in[p] == out[p] {
		p++
	}
	n := len(out) - len(in)
	if n <= 0 || !bytes.Equal(out[:p], in[:p]) || !bytes.Equal(out[p+n:], in[p:]) {
		// the insertion may start earlier (the common prefix runs into it)
		for q := p; q >= 0; q-- {
			if n > 0 && bytes.Equal(out[:q], in[:q]) && bytes.Equal(out[q+n:], in[q:]) {
				return q, string(out[q : q+n])
			}
		}
		t.Fatalf("not one insertion:\n--- in\n%s\n--- out\n%s", in, out)
	}
	return p, string(out[p : p+n])
}

// TestAppendTransactions_Refused: a flow list, a null written out, a flow
// document: each an InputError naming the line.
func TestAppendTransactions_Refused(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{appendHead + "transactions: []\n", "case.yaml:23: transactions: is a flow list"},
		{appendHead + "transactions: [{type: reissue, date: 2009-11-02}]\n", "case.yaml:23: transactions: is a flow list"},
		{appendHead + "transactions: ~\n", "case.yaml:23: transactions: is empty"},
		{"{issuer: {name: x}}\n", "is not strict JSON"},
		{`{"issuer": {}, "transactions": null}`, "case.yaml:1: transactions: is not an array"},
	} {
		_, err := AppendTransactions("case.yaml", []byte(c.in), []compute.Transaction{exerciseTx(t)}, appendTerms(t))
		var ie *compute.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want an InputError containing %q", c.in[len(c.in)-min(len(c.in), 40):], err, c.want)
		}
	}
}

// TestAppendTransactions_JSON: the JSON case files, pretty and compact, with
// and without transactions.
func TestAppendTransactions_JSON(t *testing.T) {
	obj := EncodeTransaction(exerciseTx(t), compute.Terms{}, true)
	head := `{
  "issuer": {"name": "Glowpoint, Inc.", "jurisdiction": "Delaware", "address": ["225 Long Avenue"],
    "signatory": {"name": "G", "title": "CFO"}, "notice": {"attention": "CFO", "phone": "1", "fax": "2"}},
  "terms": {"series": "W-F-05", "original_issue_date": "2005-03-14", "exercise_start": "2005-09-15",
    "expiration": "2010-03-14T17:00:00", "initial_warrant_price": "2.40", "market_value_at_issue": "1.50"},
  "warrants": [{"number": "W-F-05-004", "holder": {"name": "Ł", "address": ["x"]}, "shares": "41667"}]`
	for _, c := range []struct{ name, in, text string }{
		{"no key", head + "\n}\n", ",\n  \"transactions\": [\n    " + obj + "\n  ]"},
		{"empty", head + ",\n  \"transactions\": []\n}\n", "\n    " + obj + "\n  "},
		{"one item", head + ",\n  \"transactions\": [\n    {\"type\": \"reissue\", \"date\": \"2006-02-01\"}\n  ]\n}\n", ",\n    " + obj},
		{"compact", strings.ReplaceAll(head, "\n", "") + "}", `, "transactions": [` + obj + "]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, err := AppendTransactions("case.json", []byte(c.in), []compute.Transaction{exerciseTx(t)}, compute.Terms{})
			if err != nil {
				t.Fatal(err)
			}
			if _, text := insertionOf(t, []byte(c.in), out); text != c.text {
				t.Errorf("inserted %q, want %q", text, c.text)
			}
			if !json.Valid(out) {
				t.Errorf("not valid JSON:\n%s", out)
			}
		})
	}
}

// TestAppendTransactions_ReadBack: SPEC §2.5's example ledger, every type,
// appended at once to a case without transactions, reads back field for
// field (the guard decodes the result and compares each transaction).
func TestAppendTransactions_ReadBack(t *testing.T) {
	head := strings.Replace(appendHead, "warrants:\n", `warrants:
  - {number: W-F-05-002, holder: {name: "Gryphon", address: ["Dallas"]}, shares: "166667"}
  - {number: W-F-05-003, holder: {name: "José", address: ["Madrid"]}, shares: "83333"}
`, 1)
	mv := compute.NewMarketValue(compute.MVExchange, []decimal.Decimal{dec("2.90"), dec("3.10")}, 4)
	txs := []compute.Transaction{
		{Type: compute.TxAssignment, Warrant: "W-F-05-002", Date: date(t, "2007-01-05"), Shares: dec("10000"),
			To: compute.Holder{Name: "Müller GmbH", Address: []string{"Königstraße 1", "70173 Stuttgart"}}, Number: "W-F-05-008", Balance: "W-F-05-009"},
		{Type: compute.TxExchange, Warrant: "W-F-05-003", Date: date(t, "2007-02-01"),
			Into: []compute.ExchangeItem{{Number: "W-F-05-010", Shares: dec("50000")}, {Number: "W-F-05-011"}}},
		{Type: compute.TxReplacement, Warrant: "W-F-05-010", Date: date(t, "2008-04-02"), Reason: "lost", Number: "W-F-05-012"},
		{Type: compute.TxCancellation, Warrant: "W-F-05-011", Date: date(t, "2008-06-30"), Reason: "repurchased", ID: "c-2008", Note: "by agreement: \"final\""},
		{Type: compute.TxExercise, Warrant: "W-F-05-004", Date: date(t, "2009-10-01"), Shares: dec("20000"), Method: "combined",
			CashlessShares: dec("5000"), MarketValue: &mv, Balance: "W-F-05-007"},
		{Type: compute.TxReissue, Date: date(t, "2009-11-02"), FirstNumber: "W-F-05-013"},
		// defaults: an assignment of the whole warrant, an exercise for cash
		{Type: compute.TxAssignment, Warrant: "W-F-05-013", Date: date(t, "2009-12-01"), To: compute.Holder{Name: "yes", Address: []string{"null"}}, Number: "W-F-05-020"},
		{Type: compute.TxExercise, Warrant: "W-F-05-020", Date: date(t, "2009-12-02"), Shares: dec("1.5"), Balance: "W-F-05-021"},
		{Type: compute.TxReissue, Date: date(t, "2009-12-03")},
	}
	for _, in := range []string{head, head + "transactions:\n"} {
		out, err := AppendTransactions("case.yaml", []byte(in), txs, appendTerms(t))
		if err != nil {
			t.Fatal(err)
		}
		checkOneInsertion(t, []byte(in), out, true)
		// and the ledger is one the engine accepts
		c, err := Decode("case.yaml", bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		var nums []string
		for _, w := range c.Warrants {
			nums = append(nums, w.Number)
		}
		if _, err := compute.NewLedger(c.Terms, nums, c.Transactions); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAppendTransactions_GuardDecodes: a transaction the decoder refuses
// (shares beyond share_decimals) is not appended: the error says so and
// keeps the decoder's InputError.
func TestAppendTransactions_GuardDecodes(t *testing.T) {
	tx := exerciseTx(t)
	tx.Shares = dec("20000.001")
	_, err := AppendTransactions("case.yaml", []byte(appendHead), []compute.Transaction{tx}, appendTerms(t))
	var ie *compute.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "does not decode") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("error %v, want the decoder's refusal", err)
	}
}
