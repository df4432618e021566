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
	// ws is every warrant ever issued, originals first; byNum and byLong
	// find one by its number's value (find).
	ws     []issued
	byNum  map[uint64]int32 // numbers of at most 19 digits
	byLong map[string]int32 // longer ones, by WarrantNumberKey
	// highest is the key of the highest number ever issued.
	highest string
	// links are, for each original, the positions in txs of the
	// transactions that surrender a warrant of its lineage: a list from
	// the original's head, latest first.
	links  []txLink
	issues int // warrants issued by transactions so far
	// live is every warrant outstanding (positions in ws), in no order
	// (issued.liveAt is each one's place): a reissue takes them without a
	// scan of every warrant ever issued.
	live []int32
}

// MaxLedgerWarrants is the most warrants a ledger may ever issue, originals
// included: each reissue issues one per warrant outstanding, so a ledger of
// many reissues of a large register is refused rather than computed for
// minutes.
const MaxLedgerWarrants = 2_000_000

// issued is one warrant of the ledger, kept small and free of pointers
// but its number (ledger_index.go): the ledger of a large register is
// hundreds of thousands of them.
type issued struct {
	number      string
	root        int32 // position in Ledger.ws of the original it descends from (itself for an original)
	created     int32 // position in Ledger.txs of the transaction that issued it; -1 for an original
	surrendered int32 // position in Ledger.txs of the transaction that surrendered it; -1 while outstanding
	slot        int32 // its position in the surrendered list of that transaction's step
	seq         int32 // the order it was issued in among the warrants transactions issued
	head        int32 // an original's: its latest entry in Ledger.links; -1 for none
	liveAt      int32 // its place in Ledger.live while outstanding
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
	l := &Ledger{t: t, ws: make([]issued, 0, len(originals)+2*len(txs)), byNum: make(map[uint64]int32, len(originals)+2*len(txs)),
		live: make([]int32, 0, len(originals))}
	for _, n := range originals {
		k := l.key(n)
		if _, dup := l.findKey(k); dup {
			return nil, &InputError{Field: "warrants", Problem: fmt.Sprintf("%s is listed twice", n), Allowed: "each number once"}
		}
		w := l.add(issued{number: n, created: -1, surrendered: -1, head: -1}, k)
		l.ws[w].root = w
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
	ids := make([]int32, len(news))
	for j, n := range news {
		if ids[j], err = l.issue(i, n, old, newNumberField(x, j)); err != nil {
			return err
		}
	}
	l.surrender(i, []int32{old}, ids, []int32{0, int32(len(ids))})
	return nil
}

// reissue surrenders every warrant outstanding and issues each, in ascending
// order of its number, a new one numbered consecutively from first_number
// (default: one above the highest number issued so far).
func (l *Ledger) reissue(i int) error {
	x := &l.txs[i]
	if len(l.ws)+len(l.live) > MaxLedgerWarrants {
		return txError(*x, "type", fmt.Sprintf("this reissue would take the warrants the ledger issued to %d", len(l.ws)+len(l.live)), fmt.Sprintf("at most %d warrants issued in a ledger", MaxLedgerWarrants))
	}
	// Sorted by key, each key computed once (not per comparison).
	type keyed struct {
		key string
		w   int32
	}
	ks := make([]keyed, len(l.live))
	for j, w := range l.live {
		ks[j] = keyed{l.key(l.ws[w].number), w}
	}
	slices.SortFunc(ks, func(a, b keyed) int { return compareKeys(a.key, b.key) })
	out := make([]int32, len(ks))
	for j, kw := range ks {
		out[j] = kw.w
	}
	ks = nil
	l.ws = slices.Grow(l.ws, len(out))
	first := x.FirstNumber
	if first == "" {
		first = l.NextNumber()
		x.FirstNumber = first
	}
	next := l.key(first)
	news := make([]int32, len(out))
	for j, w := range out {
		n, err := l.issue(i, l.format(next, first), w, "first_number")
		if err != nil {
			return err
		}
		news[j] = n
		next = incKey(next)
	}
	l.surrender(i, out, news, nil)
	return nil
}

// outstanding is the warrant numbered num, which the i-th transaction
// surrenders: it must have been issued and not yet surrendered.
func (l *Ledger) outstanding(x *Transaction, num, field string) (int32, error) {
	i, ok := l.find(num)
	if !ok {
		return -1, txError(*x, field, fmt.Sprintf("no warrant numbered %s was issued on or before %s", num, x.Date), "the number of a warrant outstanding on that date")
	}
	if w := &l.ws[i]; w.surrendered >= 0 {
		return -1, txError(*x, field, l.surrenderedProblem(w), "the number of a warrant outstanding on that date")
	}
	return i, nil
}

// issue records the warrant numbered num, issued by the i-th transaction in
// place of parent.
func (l *Ledger) issue(i int, num string, parent int32, field string) (int32, error) {
	x := l.txs[i]
	if !strings.HasPrefix(num, l.t.Series+"-") {
		return -1, txError(x, field, fmt.Sprintf("%s is not a number of the series %s", num, l.t.Series), l.t.Series+"-NNN")
	}
	k := l.key(num)
	if w, used := l.findKey(k); used {
		how := "an original warrant"
		if c := l.ws[w].created; c >= 0 {
			how = "issued by " + describeTx(l.txs[c])
		}
		return -1, txError(x, field, fmt.Sprintf("%s is already used (%s)", num, how), "a number no warrant of the ledger has, such as "+l.NextNumber())
	}
	l.issues++
	return l.add(issued{number: num, root: l.ws[parent].root, created: int32(i), surrendered: -1, seq: int32(l.issues), head: -1}, k), nil
}

// surrender records what the i-th transaction surrendered and issued: the
// successors of old[j] are news[first[j]:first[j+1]], or news[j] alone when
// first is nil.
func (l *Ledger) surrender(i int, old []int32, news []int32, first []int32) {
	st := txStep{l: l, pos: int32(i), news: news, first: first, surrendered: old}
	for j, wi := range old {
		w := &l.ws[wi]
		w.surrendered, w.slot = int32(i), int32(j)
		l.leave(wi)
		if r := &l.ws[w.root]; r.head < 0 || l.links[r.head].pos != int32(i) {
			l.links = append(l.links, txLink{pos: int32(i), prev: r.head})
			r.head = int32(len(l.links) - 1)
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
	i, ok := l.find(num)
	if !ok {
		return "", &InputError{Field: "warrant", Problem: fmt.Sprintf("no warrant numbered %s was ever issued", num), Allowed: "the number of an outstanding warrant"}
	}
	w := &l.ws[i]
	if w.surrendered >= 0 {
		return "", &InputError{Field: "warrant", Problem: l.surrenderedProblem(w), Allowed: "the number of an outstanding warrant"}
	}
	return w.number, nil
}

// surrenderedProblem says that w, surrendered, is no longer outstanding:
// which transaction surrendered it, when, and what it issued in its place.
func (l *Ledger) surrenderedProblem(w *issued) string {
	by := l.txs[w.surrendered]
	return fmt.Sprintf("%s is no longer outstanding: %s surrendered it on %s%s", w.number, describeTx(by), by.Date, successorsNote(l.steps[w.surrendered], w.number))
}

// Used reports whether the ledger has issued a warrant numbered num.
func (l *Ledger) Used(num string) bool { _, ok := l.find(num); return ok }

// Root is the number of the original warrant that num descends from, or ""
// when the ledger never issued num.
func (l *Ledger) Root(num string) string {
	i, ok := l.find(num)
	if !ok {
		return ""
	}
	return l.ws[l.ws[i].root].number
}

// seq is the order num was issued in among the warrants transactions
// issued (0 for an original).
func (l *Ledger) seq(num string) int {
	if i, ok := l.find(num); ok {
		return int(l.ws[i].seq)
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
	for i, w := range st.surrendered {
		if st.l.ws[w].number == num && len(st.successors(i)) > 0 {
			return ", issuing " + strings.Join(st.successors(i), ", ")
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

// Surrendered are the numbers the transaction of the file numbered index
// (Transaction.Index) surrendered, in ascending order: for a reissue, every
// warrant outstanding then.
func (l *Ledger) Surrendered(index int) []string {
	for i, x := range l.txs {
		if x.Index == index {
			return l.steps[i].numbers(l.steps[i].surrendered)
		}
	}
	return nil
}

// IssuedBy is the transaction that issued the warrant numbered num, or nil
// for an original or a number the ledger never issued.
func (l *Ledger) IssuedBy(num string) *Transaction {
	if i, ok := l.find(num); ok && l.ws[i].created >= 0 {
		return &l.txs[l.ws[i].created]
	}
	return nil
}

// Last is the date of the ledger's latest transaction; zero when it has
// none. The transactions are in date order.
func (l *Ledger) Last() Date {
	if len(l.txs) == 0 {
		return Date{}
	}
	return l.txs[len(l.txs)-1].Date
}
