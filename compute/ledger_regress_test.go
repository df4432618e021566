package compute

import "testing"

// Bugs the ledger's property tests found, each worked by hand.

// A cashless exercise is valid when B > P as the price was known on its
// date (SPEC §3.13: "The checks of 2.5 (…, B > P) use that same
// as-known-then state"). A later §4(f) replay that raises P above B keeps
// the exercise: it happened, on the certificates then in effect.
//
// 4(e): C/S = 1.00 < 2.40; Q = round(1,000,000 / 2.40) = 416,666.67;
// P* = 2.40 × 10,416,666.67 / 11,000,000 = 2.2727. The exercise of 1,000 at
// B = 2.30 > 2.2727 leaves a balance of 249,000.00; the expiry puts its
// price back to 2.4000 (above B), and the balance keeps its shares.
func TestLineage_CashlessKeptWhenReplayRaisesPrice(t *testing.T) {
	cse := cseIssuance("notes", "2006-06-01", "1000000", "1000000", "10000000")
	expiry := Event{Type: CSEExpiry, Date: day("2008-01-01"), Ref: "notes"}
	c := ledgerCase([]Warrant{numbered("W-F-05-001", "250000")}, events(cse, expiry),
		txs(Transaction{Type: TxExercise, Warrant: "W-F-05-001", Date: day("2007-03-01"), Shares: d("1000"), Method: MethodCashless,
			MarketValue: &MarketValue{Method: MVPlain, Value: d("2.30")}, Balance: "W-F-05-002"}))
	m := byNumber(t, mustAdjustCase(t, c))
	wantState(t, "exercised, as acted on", m["W-F-05-001"].Final, "2.2727", "250000.00")
	wantState(t, "balance initial", m["W-F-05-002"].Initial, "2.2727", "249000.00")
	wantState(t, "balance final", m["W-F-05-002"].Final, "2.4000", "249000.00")
	// As known then, B ≤ P is still refused.
	c.Transactions[0].MarketValue.Value = d("2.2727")
	if _, err := AdjustCase(c, Date{}); err == nil {
		t.Error("a cashless exercise at B = P was accepted")
	}
}
