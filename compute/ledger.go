package compute

// The ledger's structure (SPEC §2.5, §3.13): which warrants exist, which
// transaction issued each and which surrendered it. It needs no quantities,
// so it is worked out once for the whole series, before any replay: every
// refusal about numbers and dates is made here, and the replay of each
// lineage (lineage.go) only checks the quantities.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Ledger is the structure of a series' ledger: the originals, the
// transactions in the order they apply and what each issued and
// surrendered.
type Ledger struct {
	t     Terms
	txs   []Transaction // in the order they apply: by date, same-day in file order
	steps []txStep      // steps[i] is what txs[i] did
	// byKey is every warrant ever issued, by WarrantNumberKey.
	byKey map[string]*issued
	// highest is the key of the highest number ever issued.
	highest string
	// byRoot lists, for each original (by key), the positions in txs of the
	// transactions that surrender a warrant of its lineage.
	byRoot map[string][]int
	issues int // warrants issued by transactions so far
	// live is every warrant outstanding, by key.
	live map[string]*issued
}

// MaxLedgerWarrants is the most warrants a ledger may ever issue, originals
// included: each reissue issues one per warrant outstanding, so a ledger of
// many reissues of a large register is refused rather than computed for
// minutes.
const MaxLedgerWarrants = 2_000_000

// issued is one warrant of the ledger.
type issued struct {
	number      string
	root        string // the key of the original it descends from
	parent      string // "" for an original
	created     int    // position in Ledger.txs of the transaction that issued it; -1 for an original
	surrendered int    // position in Ledger.txs of the transaction that surrendered it; -1 while outstanding
	seq         int    // the order it was issued in among the warrants transactions issued
}

// txStep is what one transaction did: the warrants it surrendered and, for
// each, the warrants it issued in their place.
type txStep struct {
	surrendered []string       // numbers, in ascending order (a reissue: every warrant outstanding)
	successors  [][]string     // successors[i] were issued for surrendered[i]
	at          map[string]int // surrendered[at[n]] == n, for a step that surrenders many
}

// of are the positions in st.surrendered of the numbers among live, in
// ascending order: what the step does to one lineage.
func (st *txStep) of(live []string) []int {
	if st.at == nil {
		var out []int
		for i, n := range st.surrendered {
			if slices.Contains(live, n) {
				out = append(out, i)
			}
		}
		return out
	}
	var out []int
	for _, n := range live {
		if i, ok := st.at[n]; ok {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// TxRef names the transaction that issued a warrant, and the warrant's part
// in it.
type TxRef struct {
	Type        TransactionType
	Transaction string // the transaction's id, or "#k"
	Index       int    // 1-based position among the file's transactions
	Date        Date
	// Role is the new warrant's part: "balance", "assignee", "exchange",
	// "replacement" or "reissue".
	Role string
}

// Surrender names the transaction that surrendered a warrant and the
// warrants issued in its place.
type Surrender struct {
	Date        Date
	Type        TransactionType
	Transaction string
	Index       int
	Successors  []string
}

// NewLedger works out the structure of the ledger of the original warrants
// numbered originals (in any order) and the transactions txs (in file
// order), and refuses every transaction that names a warrant that is not
// outstanding at that moment, or issues a number already used or not of the
// series. Dates (original issue, exercise start, expiration) are the
// decoder's to check.
func NewLedger(t Terms, originals []string, txs []Transaction) (*Ledger, error) {
	l := &Ledger{t: t, byKey: make(map[string]*issued, len(originals)+2*len(txs)), byRoot: map[string][]int{},
		live: make(map[string]*issued, len(originals))}
	for _, n := range originals {
		k := WarrantNumberKey(t.Series, n)
		if l.byKey[k] != nil {
			return nil, &InputError{Field: "warrants", Problem: fmt.Sprintf("%s is listed twice", n), Allowed: "each number once"}
		}
		w := &issued{number: n, root: k, created: -1, surrendered: -1}
		l.byKey[k], l.live[k] = w, w
		l.noteHighest(k)
	}
	l.txs = slices.Clone(txs)
	slices.SortStableFunc(l.txs, func(a, b Transaction) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.endOfDay(), b.endOfDay()))
	})
	l.steps = make([]txStep, len(l.txs))
	for i := range l.txs {
		if err := l.apply(i); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// apply works out what the i-th transaction surrenders and issues.
func (l *Ledger) apply(i int) error {
	x := &l.txs[i]
	if x.Type == TxReissue {
		return l.reissue(i)
	}
	old, err := l.outstanding(x, x.Warrant, "warrant")
	if err != nil {
		return err
	}
	var news []string
	switch x.Type {
	case TxExercise:
		news = optional(x.Balance)
	case TxAssignment:
		news = append([]string{x.Number}, optional(x.Balance)...)
	case TxExchange:
		for _, it := range x.Into {
			news = append(news, it.Number)
		}
	case TxReplacement:
		news = []string{x.Number}
	}
	for j, n := range news {
		if err := l.issue(i, n, old, newNumberField(x, j)); err != nil {
			return err
		}
	}
	l.surrender(i, []*issued{old}, [][]string{news})
	return nil
}

// reissue surrenders every warrant outstanding and issues each, in ascending
// order of its number, a new one numbered consecutively from first_number
// (default: one above the highest number issued so far).
func (l *Ledger) reissue(i int) error {
	x := &l.txs[i]
	if len(l.byKey)+len(l.live) > MaxLedgerWarrants {
		return txError(*x, "type", fmt.Sprintf("this reissue would take the warrants the ledger issued to %d", len(l.byKey)+len(l.live)), fmt.Sprintf("at most %d warrants issued in a ledger", MaxLedgerWarrants))
	}
	out := make([]*issued, 0, len(l.live))
	for _, w := range l.live {
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b *issued) int { return compareKeys(l.key(a.number), l.key(b.number)) })
	first := x.FirstNumber
	if first == "" {
		first = l.NextNumber()
		x.FirstNumber = first
	}
	next := l.key(first)
	succ := make([][]string, len(out))
	for j, w := range out {
		n := l.format(next, first)
		if err := l.issue(i, n, w, "first_number"); err != nil {
			return err
		}
		succ[j] = []string{n}
		next = incKey(next)
	}
	l.surrender(i, out, succ)
	return nil
}

// outstanding is the warrant numbered num, which the i-th transaction
// surrenders: it must have been issued and not yet surrendered.
func (l *Ledger) outstanding(x *Transaction, num, field string) (*issued, error) {
	w := l.byKey[l.key(num)]
	if w == nil {
		return nil, txError(*x, field, fmt.Sprintf("no warrant numbered %s was issued on or before %s", num, x.Date), "the number of a warrant outstanding on that date")
	}
	if w.surrendered >= 0 {
		by := l.txs[w.surrendered]
		return nil, txError(*x, field, fmt.Sprintf("%s is no longer outstanding: %s surrendered it on %s%s", w.number, describeTx(by), by.Date, successorsNote(l.steps[w.surrendered], w.number)), "the number of a warrant outstanding on that date")
	}
	return w, nil
}

// issue records the warrant numbered num, issued by the i-th transaction in
// place of parent.
func (l *Ledger) issue(i int, num string, parent *issued, field string) error {
	x := l.txs[i]
	if !strings.HasPrefix(num, l.t.Series+"-") {
		return txError(x, field, fmt.Sprintf("%s is not a number of the series %s", num, l.t.Series), l.t.Series+"-NNN")
	}
	k := l.key(num)
	if w := l.byKey[k]; w != nil {
		how := "an original warrant"
		if w.created >= 0 {
			how = "issued by " + describeTx(l.txs[w.created])
		}
		return txError(x, field, fmt.Sprintf("%s is already used (%s)", num, how), "a number no warrant of the ledger has, such as "+l.NextNumber())
	}
	l.issues++
	w := &issued{number: num, root: parent.root, parent: parent.number, created: i, surrendered: -1, seq: l.issues}
	l.byKey[k], l.live[k] = w, w
	l.noteHighest(k)
	return nil
}

// surrender records what the i-th transaction surrendered and issued.
func (l *Ledger) surrender(i int, old []*issued, succ [][]string) {
	st := txStep{successors: succ}
	for _, w := range old {
		w.surrendered = i
		delete(l.live, l.key(w.number))
		st.surrendered = append(st.surrendered, w.number)
		if ps := l.byRoot[w.root]; len(ps) == 0 || ps[len(ps)-1] != i {
			l.byRoot[w.root] = append(ps, i)
		}
	}
	if len(st.surrendered) > 8 {
		st.at = make(map[string]int, len(st.surrendered))
		for j, n := range st.surrendered {
			st.at[n] = j
		}
	}
	l.steps[i] = st
}

// NextNumber is the next free number of the series: one above the highest
// number of any warrant of the ledger.
func (l *Ledger) NextNumber() string {
	if l.highest == "" {
		return l.format("1", l.t.Series+"-001")
	}
	return l.format(incKey(l.highest), l.t.Series+"-001")
}

// Outstanding reports the number, as the ledger spells it, of the warrant
// num if it is outstanding after every transaction, or an error saying why
// not.
func (l *Ledger) Outstanding(num string) (string, error) {
	w := l.byKey[l.key(num)]
	if w == nil {
		return "", &InputError{Field: "warrant", Problem: fmt.Sprintf("no warrant numbered %s was ever issued", num), Allowed: "the number of an outstanding warrant"}
	}
	if w.surrendered >= 0 {
		by := l.txs[w.surrendered]
		return "", &InputError{Field: "warrant", Problem: fmt.Sprintf("%s is no longer outstanding: %s surrendered it on %s%s", w.number, describeTx(by), by.Date, successorsNote(l.steps[w.surrendered], w.number)), Allowed: "the number of an outstanding warrant"}
	}
	return w.number, nil
}

// Used reports whether the ledger has issued a warrant numbered num.
func (l *Ledger) Used(num string) bool { return l.byKey[l.key(num)] != nil }

// Root is the number of the original warrant that num descends from, or ""
// when the ledger never issued num.
func (l *Ledger) Root(num string) string {
	w := l.byKey[l.key(num)]
	if w == nil {
		return ""
	}
	return l.byKey[w.root].number
}

// Transactions are the ledger's transactions in the order they apply.
func (l *Ledger) Transactions() []Transaction { return l.txs }

// seq is the order num was issued in among the warrants transactions
// issued (0 for an original).
func (l *Ledger) seq(num string) int {
	if w := l.byKey[l.key(num)]; w != nil {
		return w.seq
	}
	return 0
}

func (l *Ledger) key(num string) string { return WarrantNumberKey(l.t.Series, num) }

func (l *Ledger) noteHighest(k string) {
	if compareKeys(k, l.highest) > 0 {
		l.highest = k
	}
}

// format writes the number whose key is k with as many digits as like, at
// least: W-F-05-001 → W-F-05-013.
func (l *Ledger) format(k, like string) string {
	width := len(strings.TrimPrefix(like, l.t.Series+"-"))
	if len(k) < width {
		k = strings.Repeat("0", width-len(k)) + k
	}
	return l.t.Series + "-" + k
}

// compareKeys orders number keys (digits without leading zeros) by value.
func compareKeys(a, b string) int {
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// incKey is the key one above k.
func incKey(k string) string {
	b := []byte(k)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < '9' {
			b[i]++
			return string(b)
		}
		b[i] = '0'
	}
	return "1" + string(b)
}

func optional(n string) []string {
	if n == "" {
		return nil
	}
	return []string{n}
}

// newNumberField is the field of x that names its j-th new number.
func newNumberField(x *Transaction, j int) string {
	switch x.Type {
	case TxExercise:
		return "balance"
	case TxAssignment:
		if j == 0 {
			return "number"
		}
		return "balance"
	case TxExchange:
		return fmt.Sprintf("into[%d].number", j+1)
	}
	return "number"
}

// describeTx names a transaction in a message: "the exercise transactions[3] (ex-1)".
func describeTx(x Transaction) string {
	s := fmt.Sprintf("the %s %s", x.Type, x.Path())
	if x.ID != "" {
		s += " (" + x.ID + ")"
	}
	return s
}

// successorsNote lists what was issued in place of num.
func successorsNote(st txStep, num string) string {
	for i, n := range st.surrendered {
		if n == num && len(st.successors[i]) > 0 {
			return ", issuing " + strings.Join(st.successors[i], ", ")
		}
	}
	return ""
}

// txError is an input error located at a transaction of the case file.
func txError(x Transaction, field, problem, allowed string) error {
	path := x.Path()
	if x.ID != "" {
		problem = x.ID + ": " + problem
	}
	return &InputError{Line: x.Line, Field: path + "." + field, Problem: problem, Allowed: allowed}
}
