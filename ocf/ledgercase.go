package ocf

// The import's steps as the case's transactions (SPEC §2.5), and the check
// that the ledger they make says what the export says: every warrant a
// transaction issued has, as the engine replays it, the quantity and the
// exercise price its issuance states.

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"go.yaml.in/yaml/v3"
)

// caseWriter writes the case of an import from its parts.
type caseWriter struct {
	imp           *Import
	opt           CaseOptions
	issuer, terms *yaml.Node
	events        []*yaml.Node // the terms file's
	unfilled      []string
}

// encode writes the case with the transactions txs and decodes it.
func (w *caseWriter) encode(txs []compute.Transaction) ([]byte, *compute.Case, error) {
	imp, opt := w.imp, w.opt
	data, err := imp.encodeCase(imp.caseRoot(w.issuer, w.terms, w.events, opt.Register == "", txs), opt.Source, w.unfilled)
	if err != nil {
		return nil, nil, err
	}
	c, err := casefile.Decode(opt.CaseName, bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("the case the import would write is not valid: %w", err)
	}
	return data, c, nil
}

// write writes the case without transactions, to learn its terms and
// events, and the register; then the case with the transactions, which
// need them; and replays the ledger (checkLedger).
func (w *caseWriter) write() (caseData, register []byte, err error) {
	imp := w.imp
	caseData, c, err := w.encode(nil)
	if err != nil {
		return nil, nil, err
	}
	originals := c.Warrants
	if w.opt.Register != "" {
		if register, originals, err = imp.register(w.opt.Register, c.Terms); err != nil {
			return nil, nil, err
		}
	}
	if len(imp.Steps) > 0 {
		txs, err := imp.transactions(c, originals)
		if err != nil {
			return nil, nil, err
		}
		if caseData, c, err = w.encode(txs); err != nil {
			return nil, nil, err
		}
	}
	c.Warrants = originals
	if err := imp.checkLedger(c); err != nil {
		return nil, nil, err
	}
	return caseData, register, nil
}

// transactions are the steps as transactions of the case c (its terms and
// events; originals are its warrants, from the case or the register). OCF
// states neither the shares an exercise exercised nor the Warrant Share
// Number it acted on: Y is that number, replayed to the exercise, less the
// balance's quantity (all of it without a balance).
func (imp *Import) transactions(c *compute.Case, originals []compute.Warrant) ([]compute.Transaction, error) {
	key := func(number string) string { return compute.WarrantNumberKey(c.Terms.Series, number) }
	roots := make(map[string]compute.Warrant, len(originals)) // by WarrantNumberKey: W-F-05-7 is W-F-05-007
	for _, w := range originals {
		roots[key(w.Number)] = w
	}
	txs := make([]compute.Transaction, 0, len(imp.Steps))
	byRoot := map[string][]compute.Transaction{} // by the key of the original's number
	for i, st := range imp.Steps {
		x := compute.Transaction{Index: i + 1, Type: st.Type, Date: st.Date, Warrant: st.Warrant,
			Note: fmt.Sprintf("OCF %s %s", st.Tx.ObjectType, st.Tx.ID)}
		switch st.Type {
		case compute.TxExercise:
			root, ok := roots[key(st.Root.Number)]
			if !ok {
				return nil, fmt.Errorf("ocf: %s descends from %s, which is no original", st.Warrant, st.Root.Number)
			}
			n, err := shareNumberAt(c, root, byRoot[key(root.Number)], st.Date, st.Warrant)
			if err != nil {
				return nil, fmt.Errorf("%s: the exercise %s of %s: %w", st.Tx.at.file, st.Tx.ID, st.Warrant, err)
			}
			x.Shares = n
			if st.Balance != nil {
				x.Shares, x.Balance = n.Sub(st.Balance.Shares), st.Balance.Number
			}
			if st.Balance != nil && x.Shares.Sign() <= 0 {
				return nil, st.Tx.at.problem("resulting_security_ids", fmt.Sprintf("the balance %s of the exercise %s is for %s shares, but %s held %s then: nothing was exercised", st.Balance.Number, st.Tx.ID, st.Balance.Shares, st.Warrant, n), "a balance for fewer shares than the warrant exercised").err()
			}
		case compute.TxAssignment:
			a := st.New[0]
			x.To, x.Number = a.Holder, a.Number
			if st.Balance != nil {
				x.Shares, x.Balance = a.Shares, st.Balance.Number
			}
		case compute.TxExchange:
			for j, r := range st.New {
				it := compute.ExchangeItem{Number: r.Number}
				if j < len(st.New)-1 {
					it.Shares = r.Shares
				}
				x.Into = append(x.Into, it)
			}
		case compute.TxCancellation:
			x.Reason = st.Reason
		}
		txs = append(txs, x)
		byRoot[key(st.Root.Number)] = append(byRoot[key(st.Root.Number)], x)
	}
	return txs, nil
}

// shareNumberAt is the Warrant Share Number of warrant number, of the
// lineage of root with the transactions txs, that a transaction dated d
// acts on: every event effective before d, the pending adjustments made
// (SPEC §3.13).
func shareNumberAt(c *compute.Case, root compute.Warrant, txs []compute.Transaction, d compute.Date, number string) (decimal.Decimal, error) {
	var events []compute.Event
	for _, e := range c.Events {
		if e.Effective().Before(d) {
			events = append(events, e)
		}
	}
	l, err := compute.NewLedger(c.Terms, []string{root.Number}, txs)
	if err != nil {
		return decimal.Decimal{}, err
	}
	as, err := l.Lineage(root, events, compute.Date{})
	if err != nil {
		return decimal.Decimal{}, err
	}
	for _, a := range as {
		if compute.WarrantNumberKey(c.Terms.Series, a.Warrant) == compute.WarrantNumberKey(c.Terms.Series, number) {
			if a.Pending != nil {
				return a.Pending.Shares, nil
			}
			return a.Final.Shares, nil
		}
	}
	return decimal.Decimal{}, fmt.Errorf("%s is not in the ledger of %s", number, root.Number)
}

// checkLedger replays the case c (originals its warrants) and reports each
// warrant a transaction issued whose quantity or exercise price is not the
// Warrant Share Number or Warrant Price the ledger gives it — when issued,
// or after the events of that day (a reissue on the day of a split states
// the split's numbers; the ledger issues before the day's events and then
// applies them, SPEC §3.13): the export and the case's events disagree, and
// a person must decide which is right.
func (imp *Import) checkLedger(c *compute.Case) error {
	adjs, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		return err
	}
	created := map[string]Row{} // by WarrantNumberKey
	for _, st := range imp.Steps {
		for _, r := range append(append([]Row(nil), st.New...), derefRows(st.Balance)...) {
			created[compute.WarrantNumberKey(c.Terms.Series, r.Number)] = r
		}
	}
	t := c.Terms
	var probs []Problem
	for _, a := range adjs {
		r, ok := created[compute.WarrantNumberKey(c.Terms.Series, a.Warrant)]
		if a.CreatedBy == nil || !ok {
			continue
		}
		states := []compute.State{a.Initial}
		for _, e := range a.Entries {
			if e.Effective.Compare(a.Issued) == 0 {
				states = append(states, e.After)
			}
		}
		shares, price := compute.Round(r.Shares, t.ShareDecimals), compute.Round(r.Price, t.PriceDecimals)
		if slices.ContainsFunc(states, func(s compute.State) bool { return s.Shares.Equal(shares) && s.Price.Equal(price) }) {
			continue
		}
		by := fmt.Sprintf("issued by the %s of %s on %s", a.CreatedBy.Type, a.Subject.Parent, a.Issued)
		ledger := describeStates(t, states)
		if !slices.ContainsFunc(states, func(s compute.State) bool { return s.Shares.Equal(shares) }) {
			probs = append(probs, r.Issuance.at.problem("quantity", fmt.Sprintf("%s (%s) is for %s shares at %s; the ledger gives %s", r.Number, by, r.Shares, r.Price, ledger),
				"the Warrant Share Number the case's events and transactions give (are events missing from --terms?)"))
			continue
		}
		probs = append(probs, r.Issuance.at.problem("exercise_price/amount", fmt.Sprintf("%s (%s) has the exercise price %s for %s shares; the ledger gives %s", r.Number, by, r.Price, r.Shares, ledger),
			"the Warrant Price the case's events give (are events missing from --terms?)"))
	}
	return asError(probs)
}

// describeStates says what the ledger gives a new warrant: "250000.00 shares
// at 2.4000 (750000.00 at 0.8000 after the events of that day)".
func describeStates(t compute.Terms, states []compute.State) string {
	f := func(s compute.State) string {
		return s.Shares.StringFixed(t.ShareDecimals) + " shares at " + s.Price.StringFixed(t.PriceDecimals)
	}
	out := f(states[0])
	if n := len(states); n > 1 {
		out += " (" + f(states[n-1]) + " after the events of that day)"
	}
	return out
}

// err is the problem as an *Error.
func (p Problem) err() error { return asError([]Problem{p}) }

// transactionNode is transaction x as an item of the case's transactions,
// on one line.
func transactionNode(x compute.Transaction) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	add(m, "type", str(string(x.Type)))
	add(m, "date", str(x.Date.String()))
	add(m, "warrant", str(x.Warrant))
	if !x.Shares.IsZero() {
		add(m, "shares", str(x.Shares.String()))
	}
	if x.Type == compute.TxAssignment {
		h := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		add(h, "name", str(x.To.Name))
		add(h, "address", strs(x.To.Address))
		add(m, "to", h)
		add(m, "number", str(x.Number))
	}
	if x.Balance != "" {
		add(m, "balance", str(x.Balance))
	}
	if len(x.Into) > 0 {
		into := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, it := range x.Into {
			n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
			add(n, "number", str(it.Number))
			if !it.Shares.IsZero() {
				add(n, "shares", str(it.Shares.String()))
			}
			into.Content = append(into.Content, n)
		}
		add(m, "into", into)
	}
	if x.Reason != "" {
		add(m, "reason", str(x.Reason))
	}
	add(m, "note", str(x.Note))
	return m
}
