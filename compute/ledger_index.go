package compute

// The ledger's indexes (ledger.go): which warrants are outstanding, each
// lineage's transactions, and each transaction's warrants. The ledger of a
// 100,000-row register and a reissue holds 200,000 warrants, so these are
// slices and int32 positions, not a map or a slice per warrant.

import "slices"

// txLink is one entry of a lineage's list of transactions.
type txLink struct {
	pos  int32 // a position in Ledger.txs
	prev int32 // the lineage's previous entry; -1 for none
}

// txStep is what one transaction did: the warrants it surrendered and, for
// each, the warrants it issued in their place.
type txStep struct {
	l           *Ledger
	pos         int32    // its position in l.txs
	surrendered []string // numbers, in ascending order (a reissue: every warrant outstanding)
	// news are the numbers issued, the successors of surrendered[i] being
	// news[first[i]:first[i+1]]; first is nil when each got exactly one
	// (a reissue).
	news  []string
	first []int32
}

// successors are the warrants issued for surrendered[i].
func (st *txStep) successors(i int) []string {
	if st.first == nil {
		return st.news[i : i+1 : i+1]
	}
	return st.news[st.first[i]:st.first[i+1]:st.first[i+1]] // capped: an append copies
}

// of are the positions in st.surrendered of the numbers among live, in
// ascending order: what the step does to one lineage.
func (st *txStep) of(live []string) []int {
	if len(st.surrendered) == 1 {
		if slices.Contains(live, st.surrendered[0]) {
			return []int{0}
		}
		return nil
	}
	var out []int
	for _, n := range live {
		if w := st.l.byKey[st.l.key(n)]; w != nil && w.surrendered == st.pos {
			out = append(out, int(w.slot))
		}
	}
	slices.Sort(out)
	return out
}

// goLive adds w to the warrants outstanding.
func (l *Ledger) goLive(w *issued) {
	w.liveAt = int32(len(l.live))
	l.live = append(l.live, w)
}

// leave takes w out of the warrants outstanding: the last takes its place.
func (l *Ledger) leave(w *issued) {
	last := l.live[len(l.live)-1]
	l.live[w.liveAt], last.liveAt = last, w.liveAt
	l.live = l.live[:len(l.live)-1]
}

// lineageTxs are the positions in l.txs of the transactions that surrender
// a warrant descended from the original numbered root, in ascending order.
func (l *Ledger) lineageTxs(root string) []int {
	w := l.byKey[l.key(root)]
	if w == nil || w.root != w {
		return nil
	}
	var out []int
	for k := w.head; k >= 0; k = l.links[k].prev {
		out = append(out, int(l.links[k].pos))
	}
	slices.Reverse(out)
	return out
}
