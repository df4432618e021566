package compute

import (
	"encoding/json"
	"strings"
	"testing"
)

// The numbers below are worked by hand from the Warrant's text and SPEC
// §3.13: a 3:1 split on 2006-01-10 takes 250,000.00 shares at $2.40 to
// 750,000.00 at $0.8000 (§4(b)); an exercise of Y surrenders the warrant and
// a balance of N − Y is issued at the same Warrant Price (§2(e), §6).

func txs(xs ...Transaction) []Transaction {
	for i := range xs {
		xs[i].Index = i + 1
		xs[i].Line = 100 + 10*i
	}
	return xs
}

func ledgerCase(ws []Warrant, evs []Event, xs []Transaction) *Case {
	return &Case{Terms: testTerms(), Warrants: ws, Events: evs, Transactions: xs}
}

func numbered(num, shares string) Warrant {
	w := testWarrant(shares)
	w.Number = num
	return w
}

func exerciseTx(warrant, date, shares, balance string) Transaction {
	return Transaction{Type: TxExercise, Warrant: warrant, Date: day(date), Shares: d(shares), Method: MethodCash, Balance: balance}
}

func byNumber(t *testing.T, as []*Adjustment) map[string]*Adjustment {
	t.Helper()
	m := map[string]*Adjustment{}
	for _, a := range as {
		m[a.Warrant] = a
	}
	return m
}

func mustAdjustCase(t *testing.T, c *Case) []*Adjustment {
	t.Helper()
	as, err := AdjustCase(c, Date{})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func wantState(t *testing.T, what string, got State, price, shares string) {
	t.Helper()
	if !got.Price.Equal(d(price)) || !got.Shares.Equal(d(shares)) {
		t.Errorf("%s = P %s, N %s; want P %s, N %s", what, got.Price, got.Shares, price, shares)
	}
}

// The balance of an exercise starts where its parent stood and is adjusted
// only by the events after it was issued: no share number counted twice.
func TestLineage_BalanceAfterExercise(t *testing.T) {
	c := ledgerCase([]Warrant{numbered("W-F-05-004", "250000")},
		events(split("2006-01-10", "3", "1"), split("2009-12-01", "2", "1")),
		txs(exerciseTx("W-F-05-004", "2009-10-01", "20000", "W-F-05-007")))
	as := mustAdjustCase(t, c)
	if len(as) != 2 || as[0].Warrant != "W-F-05-004" || as[1].Warrant != "W-F-05-007" {
		t.Fatalf("warrants = %v; want W-F-05-004 then W-F-05-007", numbers(as))
	}
	orig, bal := as[0], as[1]
	wantState(t, "original final", orig.Final, "0.8000", "750000.00")
	if len(orig.Entries) != 1 {
		t.Errorf("original has %d entries; want 1 (the split before it was surrendered)", len(orig.Entries))
	}
	if orig.Surrendered == nil || orig.Surrendered.Type != TxExercise || strings.Join(orig.Surrendered.Successors, ",") != "W-F-05-007" || orig.Surrendered.Transaction != "#1" {
		t.Errorf("surrendered = %+v", orig.Surrendered)
	}
	// 750,000.00 − 20,000.00 = 730,000.00 at $0.8000; the 2:1 split makes it
	// 1,460,000.00 at $0.4000.
	wantState(t, "balance initial", bal.Initial, "0.8000", "730000.00")
	wantState(t, "balance final", bal.Final, "0.4000", "1460000.00")
	if len(bal.Entries) != 1 || bal.Entries[0].Effective != day("2009-12-01") {
		t.Errorf("balance entries = %+v; want only the split of 2009-12-01", bal.Entries)
	}
	if bal.Subject.Parent != "W-F-05-004" || bal.Issued != day("2009-10-01") || bal.CreatedBy.Role != "balance" || bal.Subject.Holder.Name != "Alpha Capital Anstalt" {
		t.Errorf("balance = %+v, created by %+v", bal.Subject, bal.CreatedBy)
	}
}

// A transaction dated D applies before the events effective on D, so the
// new warrant's entries include them (SPEC §3.13).
func TestLineage_SameDayEventAfterTransaction(t *testing.T) {
	c := ledgerCase([]Warrant{numbered("W-F-05-001", "100000")},
		events(split("2007-01-05", "2", "1")),
		txs(Transaction{Type: TxAssignment, Warrant: "W-F-05-001", Date: day("2007-01-05"), Shares: d("10000"),
			To: Holder{Name: "Müller GmbH"}, Number: "W-F-05-008", Balance: "W-F-05-009"}))
	m := byNumber(t, mustAdjustCase(t, c))
	if len(m["W-F-05-001"].Entries) != 0 {
		t.Errorf("the assigned warrant has entries %+v; want none (surrendered before the split)", m["W-F-05-001"].Entries)
	}
	wantState(t, "assignee final", m["W-F-05-008"].Final, "1.2000", "20000.00")
	wantState(t, "balance final", m["W-F-05-009"].Final, "1.2000", "180000.00")
	if m["W-F-05-008"].Subject.Holder.Name != "Müller GmbH" || m["W-F-05-008"].CreatedBy.Role != "assignee" {
		t.Errorf("assignee = %+v", m["W-F-05-008"].Subject)
	}
}

// A reissue surrenders every warrant outstanding, in ascending order of
// number, and numbers the new ones consecutively.
func TestLineage_Reissue(t *testing.T) {
	c := ledgerCase([]Warrant{numbered("W-F-05-003", "50000"), numbered("W-F-05-001", "100000"), numbered("W-F-05-002", "70000")},
		events(split("2006-01-10", "3", "1")),
		txs(exerciseTx("W-F-05-002", "2006-02-01", "210000", ""),
			Transaction{Type: TxReissue, Date: day("2006-03-01")}))
	as := mustAdjustCase(t, c)
	if got := strings.Join(numbers(as), " "); got != "W-F-05-003 W-F-05-001 W-F-05-002 W-F-05-004 W-F-05-005" {
		t.Fatalf("warrants = %s", got)
	}
	m := byNumber(t, as)
	if m["W-F-05-004"].Subject.Parent != "W-F-05-001" || m["W-F-05-005"].Subject.Parent != "W-F-05-003" {
		t.Errorf("parents: 004 ← %s, 005 ← %s; want 001, 003", m["W-F-05-004"].Subject.Parent, m["W-F-05-005"].Subject.Parent)
	}
	wantState(t, "W-F-05-004", m["W-F-05-004"].Final, "0.8000", "300000.00")
	wantState(t, "W-F-05-005", m["W-F-05-005"].Final, "0.8000", "150000.00")
	if s := m["W-F-05-002"].Surrendered; s == nil || len(s.Successors) != 0 {
		t.Errorf("the fully exercised warrant: surrendered %+v; want no successors", s)
	}
}

// A superseding adjustment (§4(f)) reaches the warrants issued in an
// exchange before it: the exchange is re-run on the replayed state.
//
// 4(e): C/S = 1,000,000 / 1,000,000 = 1.00 < 2.40; Q = round(1,000,000 /
// 2.40) = 416,666.67; P* = 2.40 × 10,416,666.67 / 11,000,000 = 2.2727. The
// CSEs expire unexercised: the price goes back to 2.4000 (superseding,
// raised).
func TestLineage_SupersedingReachesExchange(t *testing.T) {
	cse := Event{ID: "notes", Type: CSEIssuance, Date: day("2006-06-01"), MaxShares: d("1000000"), Consideration: d("1000000"), OutstandingBefore: d("10000000")}
	expiry := Event{Type: CSEExpiry, Date: day("2008-01-01"), Ref: "notes"}
	c := ledgerCase([]Warrant{numbered("W-F-05-003", "250000")}, events(cse, expiry),
		txs(Transaction{Type: TxExchange, Warrant: "W-F-05-003", Date: day("2007-02-01"),
			Into: []ExchangeItem{{Number: "W-F-05-010", Shares: d("100000")}, {Number: "W-F-05-011"}}}))
	m := byNumber(t, mustAdjustCase(t, c))
	wantState(t, "exchanged final", m["W-F-05-003"].Final, "2.2727", "250000.00")
	for num, shares := range map[string]string{"W-F-05-010": "100000.00", "W-F-05-011": "150000.00"} {
		a := m[num]
		wantState(t, num+" initial", a.Initial, "2.2727", shares)
		wantState(t, num+" final", a.Final, "2.4000", shares)
		if len(a.Entries) != 1 || a.Entries[0].Status != StatusSuperseding || !a.Entries[0].PriceRaised {
			t.Errorf("%s entries = %+v; want one superseding entry that raises the price", num, a.Entries)
		}
	}
}

// A replay that leaves a recorded quantity larger than the warrant is
// refused, naming the transaction and the event: a person must decide.
func TestLineage_ReplayRefusesQuantity(t *testing.T) {
	terms := testTerms()
	terms.DilutionAdjustsShares = true
	cse := Event{ID: "notes", Type: CSEIssuance, Date: day("2006-06-01"), MaxShares: d("1000000"), Consideration: d("1000000"), OutstandingBefore: d("10000000")}
	expiry := Event{Type: CSEExpiry, Date: day("2008-01-01"), Ref: "notes"}
	// N' = round(250,000 × 2.40 / 2.2727) = 264,003.17; 260,000 exercised,
	// 4,003.17 left as the balance. The expiry puts N back to 250,000.00:
	// the exercise names more than the warrant holds.
	c := &Case{Terms: terms, Warrants: []Warrant{numbered("W-F-05-001", "250000")}, Events: events(cse, expiry),
		Transactions: txs(exerciseTx("W-F-05-001", "2007-03-01", "260000", "W-F-05-002"))}
	_, err := AdjustCase(c, Date{})
	want := "transactions[1].shares: 260000.00 exceeds the Warrant Share Number 250000.00 in effect after the replay that events[2] (#2, cse-expiry, 2008-01-01) caused"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v; want it to contain %q", err, want)
	}
	// Fully exercised before the expiry, the exercise still names more than
	// the replayed warrant held: "a full exercise or full assignment of a
	// number that the replay changed" is refused too (SPEC §3.13).
	c.Transactions = txs(exerciseTx("W-F-05-001", "2007-03-01", "264003.17", ""))
	_, err = AdjustCase(c, Date{})
	want = "transactions[1].shares: 264003.17 exceeds the Warrant Share Number 250000.00 in effect after the replay that events[2]"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("fully exercised before the expiry: err = %v; want it to contain %q", err, want)
	}
}

// Refusals of the ledger's structure (SPEC §2.5), each with its message.
func TestLedger_Refusals(t *testing.T) {
	ws := []Warrant{numbered("W-F-05-001", "100000"), numbered("W-F-05-002", "100000")}
	for _, tc := range []struct {
		name string
		xs   []Transaction
		want string
	}{
		{"twice exercised", txs(exerciseTx("W-F-05-001", "2007-01-02", "100", "W-F-05-003"), exerciseTx("W-F-05-001", "2007-02-01", "100", "W-F-05-004")),
			"transactions[2].warrant: W-F-05-001 is no longer outstanding: the exercise transactions[1] surrendered it on 2007-01-02, issuing W-F-05-003"},
		{"never issued", txs(exerciseTx("W-F-05-009", "2007-01-02", "100", "W-F-05-010")),
			"transactions[1].warrant: no warrant numbered W-F-05-009 was issued on or before 2007-01-02"},
		{"issued later", txs(exerciseTx("W-F-05-003", "2007-01-02", "100", "W-F-05-004"), exerciseTx("W-F-05-001", "2007-02-01", "100", "W-F-05-003")),
			"transactions[1].warrant: no warrant numbered W-F-05-003 was issued on or before 2007-01-02"},
		{"number used", txs(exerciseTx("W-F-05-001", "2007-01-02", "100", "W-F-05-2")),
			"transactions[1].balance: W-F-05-2 is already used (an original warrant)"},
		{"not of the series", txs(exerciseTx("W-F-05-001", "2007-01-02", "100", "W-G-06-003")),
			"transactions[1].balance: W-G-06-003 is not a number of the series W-F-05"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := AdjustCase(ledgerCase(ws, nil, tc.xs), Date{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want it to contain %q", err, tc.want)
			}
		})
	}
}

// Refusals of quantities, made in the replay (SPEC §2.5, §3.13).
func TestLineage_QuantityRefusals(t *testing.T) {
	ws := []Warrant{numbered("W-F-05-001", "100000")}
	for _, tc := range []struct {
		name string
		x    Transaction
		want string
	}{
		{"more than N", exerciseTx("W-F-05-001", "2007-01-02", "100000.01", "W-F-05-002"),
			"transactions[1].shares: 100000.01 exceeds the Warrant Share Number 100000.00 in effect"},
		{"missing balance", exerciseTx("W-F-05-001", "2007-01-02", "100", ""),
			"transactions[1].balance: 99900.00 shares remain of the Warrant Share Number and no warrant is named to hold them"},
		{"superfluous balance", exerciseTx("W-F-05-001", "2007-01-02", "100000", "W-F-05-002"),
			"transactions[1].balance: nothing remains of the Warrant Share Number"},
		{"exchange does not add up", Transaction{Type: TxExchange, Warrant: "W-F-05-001", Date: day("2007-01-02"),
			Into: []ExchangeItem{{Number: "W-F-05-002", Shares: d("60000")}, {Number: "W-F-05-003", Shares: d("30000")}}},
			"transactions[1].into: the shares add up to 90000.00, not the Warrant Share Number 100000.00"},
		{"exchange leaves nothing", Transaction{Type: TxExchange, Warrant: "W-F-05-001", Date: day("2007-01-02"),
			Into: []ExchangeItem{{Number: "W-F-05-002", Shares: d("100000")}, {Number: "W-F-05-003"}}},
			"leaving nothing of the Warrant Share Number 100000.00 for the last warrant"},
		{"cashless at B ≤ P", Transaction{Type: TxExercise, Warrant: "W-F-05-001", Date: day("2007-01-02"), Shares: d("100000"),
			Method: MethodCashless, MarketValue: &MarketValue{Method: MVPlain, Value: d("2.40")}},
			"transactions[1].market_value: the Per Share Market Value 2.4000 is not above the Warrant Price 2.4000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := AdjustCase(ledgerCase(ws, nil, txs(tc.x)), Date{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v; want it to contain %q", err, tc.want)
			}
		})
	}
}

// A case without transactions gives what Adjust gives, warrant by warrant.
func TestAdjustCase_NoTransactions(t *testing.T) {
	evs := events(split("2006-01-10", "3", "1"), issuance("2007-01-01", "1000000", "1000000", "30000000"))
	ws := []Warrant{numbered("W-F-05-001", "250000"), numbered("W-F-05-002", "83334")}
	as := mustAdjustCase(t, ledgerCase(ws, evs, nil))
	for i, w := range ws {
		a, err := Adjust(testTerms(), w, evs, Date{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := as[i].Report(testTerms()), a.Report(testTerms()); !equalJSON(t, got, want) {
			t.Errorf("%s differs", w.Number)
		}
	}
}

func numbers(as []*Adjustment) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Warrant
	}
	return out
}

func equalJSON(t *testing.T, a, b any) bool {
	t.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(ja) == string(jb)
}

// A reissue applies at the end of its date, after that day's events: it
// re-issues what is outstanding after the split of the same day (SPEC §5.1).
func TestLineage_ReissueAfterSameDayEvents(t *testing.T) {
	c := ledgerCase([]Warrant{numbered("W-F-05-001", "100000")},
		events(split("2006-01-10", "3", "1")),
		txs(Transaction{Type: TxReissue, Date: day("2006-01-10"), FirstNumber: "W-F-05-002"}))
	m := byNumber(t, mustAdjustCase(t, c))
	if len(m["W-F-05-001"].Entries) != 1 {
		t.Errorf("the reissued warrant has entries %+v; want the split of its last day", m["W-F-05-001"].Entries)
	}
	wantState(t, "reissued initial", m["W-F-05-002"].Initial, "0.8000", "300000.00")
	if len(m["W-F-05-002"].Entries) != 0 {
		t.Errorf("the new warrant has entries %+v; want none", m["W-F-05-002"].Entries)
	}
}
