package compute

// The ledger's indexes (ledger.go): which warrants are outstanding, each
// lineage's transactions, and each transaction's warrants. The ledger of a
// 100,000-row register and a reissue holds 200,000 warrants, so these are
// slices and int32 positions, not a map or a slice per warrant.

import (
	"slices"
	"strconv"
)

// txLink is one entry of a lineage's list of transactions.
type txLink struct {
	pos  int32 // a position in Ledger.txs
	prev int32 // the lineage's previous entry; -1 for none
}

// txStep is what one transaction did: the warrants it surrendered and, for
// each, the warrants it issued in their place.
type txStep struct {
	l           *Ledger
	pos         int32   // its position in l.txs
	surrendered []int32 // positions in l.ws, in ascending order of number (a reissue: every warrant outstanding)
	// news are the warrants issued (positions in l.ws), the successors of
	// surrendered[i] being news[first[i]:first[i+1]]; first is nil when
	// each got exactly one (a reissue).
	news  []int32
	first []int32
}

// numbers are the numbers of the warrants at positions ws of l.ws.
func (st *txStep) numbers(ws []int32) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = st.l.ws[w].number
	}
	return out
}

// surrenderedNumber is the number of surrendered[i].
func (st *txStep) surrenderedNumber(i int) string { return st.l.ws[st.surrendered[i]].number }

// successors are the numbers of the warrants issued for surrendered[i].
func (st *txStep) successors(i int) []string {
	if st.first == nil {
		return st.numbers(st.news[i : i+1])
	}
	return st.numbers(st.news[st.first[i]:st.first[i+1]])
}

// of are the positions in st.surrendered of the numbers among live, in
// ascending order: what the step does to one lineage.
func (st *txStep) of(live []string) []int {
	if len(st.surrendered) == 1 {
		if slices.Contains(live, st.surrenderedNumber(0)) {
			return []int{0}
		}
		return nil
	}
	var out []int
	for _, n := range live {
		if i, ok := st.l.find(n); ok && st.l.ws[i].surrendered == st.pos {
			out = append(out, int(st.l.ws[i].slot))
		}
	}
	slices.Sort(out)
	return out
}

// add appends w, whose number's key is k, to the ledger's warrants,
// outstanding, and returns its position.
func (l *Ledger) add(w issued, k string) int32 {
	i := int32(len(l.ws))
	w.liveAt = int32(len(l.live))
	l.ws = append(l.ws, w)
	l.live = append(l.live, i)
	if n, ok := numKey(k); ok {
		l.byNum[n] = i
	} else {
		if l.byLong == nil {
			l.byLong = map[string]int32{}
		}
		l.byLong[k] = i
	}
	l.noteHighest(k)
	return i
}

// find is the position in l.ws of the warrant numbered num.
func (l *Ledger) find(num string) (int32, bool) { return l.findKey(l.key(num)) }

// findKey is the position in l.ws of the warrant whose number's key is k.
func (l *Ledger) findKey(k string) (int32, bool) {
	if n, ok := numKey(k); ok {
		i, found := l.byNum[n]
		return i, found
	}
	i, found := l.byLong[k]
	return i, found
}

// numKey is the value of a number key of at most 19 digits.
func numKey(k string) (uint64, bool) {
	if len(k) > 19 {
		return 0, false
	}
	n, err := strconv.ParseUint(k, 10, 64)
	return n, err == nil
}

// leave takes the warrant at position wi out of the warrants outstanding:
// the last takes its place.
func (l *Ledger) leave(wi int32) {
	w := &l.ws[wi]
	last := l.live[len(l.live)-1]
	l.live[w.liveAt], l.ws[last].liveAt = last, w.liveAt
	l.live = l.live[:len(l.live)-1]
}

// lineageTxs are the positions in l.txs of the transactions that surrender
// a warrant descended from the original numbered root, in ascending order.
func (l *Ledger) lineageTxs(root string) []int {
	i, ok := l.find(root)
	if !ok || l.ws[i].root != i {
		return nil
	}
	w := &l.ws[i]
	var out []int
	for k := w.head; k >= 0; k = l.links[k].prev {
		out = append(out, int(l.links[k].pos))
	}
	slices.Reverse(out)
	return out
}
