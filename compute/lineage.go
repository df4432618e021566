package compute

// Lineage — transactions in the replay (SPEC §3.13).
//
// An original warrant and every warrant descended from it are replayed
// together: a transaction surrenders a warrant, makes its deferred
// adjustments, and issues new warrants "of like tenor" (§2(e)) that start
// from the surrendered warrant's state with their own Warrant Share Number.
// Each warrant keeps a replay of its own (its own rounding, §4(g)(iii)); the
// Warrant Price, the floor, live Common Stock Equivalents and alternate
// consideration carry over. A superseding or rescission replay (§4(f),
// §4(g)(iv)) re-runs the transactions, whose named quantities are facts.

// AdjustCase computes the history of every warrant of c ever issued, in the
// order of SPEC §4.1: the originals in file order, then the warrants created
// by transactions in the order they were created. Transactions and events
// after asOf are ignored unless asOf is the zero Date.
func AdjustCase(c *Case, asOf Date) ([]*Adjustment, error) {
	numbers := make([]string, len(c.Warrants))
	for i, w := range c.Warrants {
		numbers[i] = w.Number
	}
	l, err := NewLedger(c.Terms, numbers, c.Transactions)
	if err != nil {
		return nil, err
	}
	// The warrants transactions issued go in the order they were issued:
	// each in its place, by its seq (1..l.issues), rather than sorted.
	out := make([]*Adjustment, len(c.Warrants), len(c.Warrants)+l.issues)
	created := make([]*Adjustment, l.issues)
	for i, w := range c.Warrants {
		as, err := l.Lineage(w, c.Events, asOf)
		if err != nil {
			return nil, err
		}
		out[i] = as[0]
		for _, a := range as[1:] {
			created[l.seq(a.Warrant)-1] = a
		}
	}
	for _, a := range created {
		if a != nil { // nil: issued after asOf
			out = append(out, a)
		}
	}
	return out, nil
}

// Lineage computes the history of the original warrant root and of every
// warrant descended from it by the ledger's transactions: root's first, then
// the others in the order they were created. Transactions and events after
// asOf are ignored unless asOf is the zero Date.
func (l *Ledger) Lineage(root Warrant, events []Event, asOf Date) ([]*Adjustment, error) {
	return lineage(l.t, root, events, l, l.lineageTxs(root.Number), asOf)
}

// lineage is the replay of root and its descendants: the events, and the
// transactions at positions txPos of l (none when l is nil).
func lineage(t Terms, root Warrant, events []Event, l *Ledger, txPos []int, asOf Date) ([]*Adjustment, error) {
	initial := State{Price: Round(t.InitialWarrantPrice, t.PriceDecimals), Shares: Round(root.Shares, t.ShareDecimals)}
	h := &history{t: t, root: root.Number, initial: initial, sorted: merged(events, l, txPos, asOf)}
	h.f = newForest(&h.t, root.Number, initial)
	h.items = make([]item, 0, len(h.sorted)) // items are large: grown once, not per append
	b := &books{adjs: map[string]*Adjustment{}}
	b.add(&Adjustment{Warrant: root.Number, Subject: root, Initial: initial})
	for k, it := range h.sorted {
		var err error
		if it.tx != nil {
			err = h.transact(it, b)
		} else {
			err = h.event(k, it.ev, b)
		}
		if err != nil {
			return nil, err
		}
	}
	for i, n := range h.f.order {
		rs, a := h.f.reps[i], b.adjs[n]
		a.Final, a.Floor, a.Alternate = rs.E, rs.F, rs.alternate()
		if !rs.V.Equal(rs.E) {
			v := rs.V
			a.Pending = &v
		}
	}
	return b.order, nil
}

// books are the Adjustments of a lineage being written: by number, and in
// the order the warrants were issued.
type books struct {
	adjs  map[string]*Adjustment
	order []*Adjustment
}

func (b *books) add(a *Adjustment) {
	b.adjs[a.Warrant] = a
	b.order = append(b.order, a)
}

// merged is the events effective on or before asOf and the transactions at
// txPos dated on or before it, in the order they apply: a transaction dated
// D after every event effective before D and before the events effective on
// D (§4(g)(ii) deems an event to occur at the close of business) — but a
// reissue after them (Transaction.endOfDay).
func merged(events []Event, l *Ledger, txPos []int, asOf Date) []item {
	evs := Ordered(events, asOf)
	out := make([]item, 0, len(evs)+len(txPos))
	i := 0
	for _, p := range txPos {
		x := &l.txs[p]
		if !asOf.IsZero() && x.Date.After(asOf) {
			break
		}
		for ; i < len(evs) && (evs[i].Effective().Before(x.Date) || x.endOfDay() == 1 && evs[i].Effective() == x.Date); i++ {
			out = append(out, item{ev: evs[i]})
		}
		out = append(out, item{tx: x, st: &l.steps[p]})
	}
	for ; i < len(evs); i++ {
		out = append(out, item{ev: evs[i]})
	}
	for k := range out {
		out[k].pos = k
	}
	return out
}

// event applies the k-th item, an event, and writes its entry for every
// warrant outstanding.
func (h *history) event(k int, ev Event, b *books) error {
	before := h.f.states()
	var (
		out  []stepResult
		note string
		err  error
	)
	switch ev.Type {
	case CSEExpiry, CSEPriceIncrease:
		out, note, err = h.supersede(k, ev)
	case DividendAbandoned:
		note, err = h.rescind(k, ev)
	default:
		out, note, err = h.occur(k, ev)
	}
	if err != nil {
		return err
	}
	for i, n := range h.f.order {
		rs := h.f.reps[i]
		entry := Entry{Event: ev.Name(), Type: ev.Type, Section: ev.Type.Section(), Date: ev.Date,
			Effective: ev.Effective(), Description: ev.Description, Before: before[i]}
		switch {
		case ev.Type == CSEExpiry || ev.Type == CSEPriceIncrease:
			method := note
			if ev.Type == CSEPriceIncrease && out != nil && out[i].method != "" {
				method += "; " + out[i].method
			}
			h.replayed(&entry, rs, StatusSuperseding, method)
		case ev.Type == DividendAbandoned:
			h.replayed(&entry, rs, StatusRescission, note)
		case out == nil:
			abandonedBeforeMade(&entry)
		default:
			made(&entry, rs, out[i])
		}
		entry.Floor = rs.F
		entry.Alternate = rs.alternate()
		if h.rewrite != nil {
			rw := *h.rewrite
			rw.Recomputed, rw.Pending = rs.log, append([]string(nil), rs.pending...)
			entry.Rewrite = &rw
			rs.log = nil
		}
		a := b.adjs[n]
		a.Entries = append(a.Entries, entry)
	}
	h.rewrite = nil
	return nil
}

// made completes the entry of an event that did not rewrite the history.
func made(entry *Entry, rs *replay, res stepResult) {
	entry.After = rs.E
	entry.Status = res.status
	entry.Method = res.method
	entry.Carries = res.carries
	entry.Figures = res.fig
	if entry.Status != StatusDeferred && entry.Status != StatusTriggeringEvent && entry.After.Equal(entry.Before) && len(res.carries) == 0 {
		entry.Status = StatusNoAdjustment
	}
}

// transact applies a transaction item and writes what it did: the
// surrendered warrants' final state, and the new warrants' histories.
func (h *history) transact(it item, b *books) error {
	h.items = append(h.items, it)
	changes, err := h.f.transact(it, h)
	if err != nil {
		return err
	}
	x := it.tx
	name := x.Name()
	for _, c := range changes {
		old := b.adjs[c.old]
		old.Final, old.Floor, old.Alternate, old.Pending = c.acted, c.floor, c.alternate, nil
		old.Surrendered = &Surrender{Date: x.Date, Type: x.Type, Transaction: name, Index: x.Index, Successors: c.news}
		for j, n := range c.news {
			subject := Warrant{Number: n, Holder: old.Subject.Holder, Email: old.Subject.Email, TaxID4: old.Subject.TaxID4,
				Parent: c.old, Shares: c.initials[j].Shares, Line: x.Line}
			if x.Type == TxAssignment && j == 0 {
				subject.Holder, subject.Email, subject.TaxID4 = x.To, "", ""
			}
			b.add(&Adjustment{Warrant: n, Subject: subject, Initial: c.initials[j], Issued: x.Date,
				CreatedBy: &TxRef{Type: x.Type, Transaction: name, Index: x.Index, Date: x.Date, Role: role(x.Type, j)}})
		}
	}
	return nil
}

// role is the part of the j-th warrant a transaction of type tt issues.
func role(tt TransactionType, j int) string {
	switch tt {
	case TxExercise:
		return "balance"
	case TxAssignment:
		if j == 0 {
			return "assignee"
		}
		return "balance"
	}
	return string(tt)
}
