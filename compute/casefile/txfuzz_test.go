package casefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// FuzzDecodeTransactions: whatever follows `transactions:` in a case file,
// the decoder never crashes, refuses it with a one-line *InputError, or
// returns transactions that keep every promise of SPEC §2.5 a transaction
// can keep on its own. The input is the list alone, after the terms, the
// warrants and the events of testdata/good/ledger.yaml, so that the fuzzer
// spends its time on transactions; it is seeded with SPEC §2.5's example
// and the bad ledgers.
func FuzzDecodeTransactions(f *testing.F) {
	example, err := os.ReadFile("testdata/good/ledger.yaml")
	if err != nil {
		f.Fatal(err)
	}
	head, list, ok := bytes.Cut(example, []byte("\ntransactions:"))
	if !ok {
		f.Fatal("ledger.yaml has no transactions")
	}
	head = append(head, "\ntransactions:"...)
	f.Add(list)
	bad, err := filepath.Glob("testdata/bad-ledger/*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range bad {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		if _, l, ok := bytes.Cut(data, []byte("\ntransactions:")); ok {
			f.Add(l)
		}
	}
	f.Fuzz(func(t *testing.T, list []byte) {
		c, err := Decode("fuzz.yaml", bytes.NewReader(slices.Concat(head, list)))
		if err != nil {
			var ie *compute.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error is %T, not *InputError: %v", err, err)
			}
			if msg := err.Error(); strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, "fuzz.yaml") {
				t.Fatalf("bad message: %q", msg)
			}
			return
		}
		ids := map[string]bool{}
		for _, e := range c.Events {
			if e.ID != "" {
				ids[e.ID] = true
			}
		}
		for i, x := range c.Transactions {
			if x.Index != i+1 || x.Line <= 0 {
				t.Fatalf("transactions[%d]: Index %d, Line %d", i+1, x.Index, x.Line)
			}
			if x.ID != "" {
				if ids[x.ID] {
					t.Fatalf("id %q accepted twice", x.ID)
				}
				ids[x.ID] = true
			}
			tcFuzzTransaction(t, c.Terms, x)
		}
	})
}

// tcFuzzTransaction fails if x is a transaction the decoder should have
// refused.
func tcFuzzTransaction(t *testing.T, terms compute.Terms, x compute.Transaction) {
	t.Helper()
	fail := func(why string) { t.Fatalf("%s accepted: %s: %+v", x.Path(), why, x) }
	if x.Date.Before(terms.OriginalIssueDate) || x.Date.After(terms.ExpirationDate()) {
		fail("date " + x.Date.String())
	}
	if x.Type == compute.TxExercise && x.Date.Before(terms.ExerciseStart) {
		fail("an exercise before exercise_start")
	}
	shares := func(d decimal.Decimal, zeroOK bool) bool {
		return (d.Sign() > 0 || zeroOK && d.IsZero()) && d.Equal(d.Round(terms.ShareDecimals))
	}
	number := func(s string, emptyOK bool) bool {
		p, _ := warrantNumberProblem(terms.Series, s)
		return s == "" && emptyOK || p == ""
	}
	if !number(x.Warrant, x.Type == compute.TxReissue) || !number(x.Balance, true) || !number(x.FirstNumber, true) {
		fail("a number")
	}
	switch x.Type {
	case compute.TxExercise:
		combined := x.Method == compute.MethodCombined
		if !shares(x.Shares, false) || !slices.Contains(exerciseMethods, x.Method) ||
			combined != (x.CashlessShares.Sign() > 0) || combined && !(shares(x.CashlessShares, false) && x.CashlessShares.LessThan(x.Shares)) ||
			x.Method != compute.MethodCash && x.MarketValue == nil || x.MarketValue != nil && x.MarketValue.Value.Sign() <= 0 {
			fail("the exercise's quantities")
		}
	case compute.TxAssignment:
		if x.To.Name == "" || !shares(x.Shares, true) || !number(x.Number, false) {
			fail("the assignment's fields")
		}
	case compute.TxExchange:
		if len(x.Into) == 0 {
			fail("an exchange into nothing")
		}
		for i, it := range x.Into {
			if !number(it.Number, false) || !shares(it.Shares, i == len(x.Into)-1) {
				fail("an exchange item")
			}
		}
	case compute.TxReplacement:
		if !number(x.Number, false) || !slices.Contains(compute.ReplacementReasons, x.Reason) {
			fail("the replacement's fields")
		}
	case compute.TxReissue, compute.TxCancellation:
	default:
		fail("type " + string(x.Type))
	}
	news := []string{x.Warrant, x.Number, x.Balance}
	for _, it := range x.Into {
		news = append(news, it.Number)
	}
	seen := map[string]bool{}
	for _, n := range news {
		if k := compute.WarrantNumberKey(terms.Series, n); n != "" && seen[k] {
			fail("a number used twice: " + n)
		} else if n != "" {
			seen[k] = true
		}
	}
	tcFuzzText(t, x.ID, x.Note, x.Reason, x.To.Name)
	tcFuzzText(t, x.To.Address...)
}
