package compute

// Lineage — transactions in the replay (SPEC §3.13).

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
	var originals, created []*Adjustment
	for _, w := range c.Warrants {
		as, err := l.Lineage(w, c.Events, asOf)
		if err != nil {
			return nil, err
		}
		originals = append(originals, as[0])
		created = append(created, as[1:]...)
	}
	// TODO(lineage): order created by creation.
	return append(originals, created...), nil
}

// Lineage computes the history of the original warrant root and of every
// warrant descended from it by the ledger's transactions: root's first, then
// the others in the order they were created.
func (l *Ledger) Lineage(root Warrant, events []Event, asOf Date) ([]*Adjustment, error) {
	a, err := Adjust(l.t, root, events, asOf)
	if err != nil {
		return nil, err
	}
	a.Subject = root
	return []*Adjustment{a}, nil
}
