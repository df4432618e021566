package ocf

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// Row is one warrant of the series, as the export issued it.
type Row struct {
	Number        string // custom_id
	TxID          string // the TX_WARRANT_ISSUANCE
	SecurityID    string
	StakeholderID string
	Holder        compute.Holder
	Email         string
	Shares        decimal.Decimal // quantity
	Price         decimal.Decimal // exercise_price.amount
	Currency      string
	Date          compute.Date
	Expiration    string // warrant_expiration_date, if any
	StockClassID  string // the class it is exercisable for, if named
	Issuance      *Tx
	Parent        string // the number of the warrant it was issued for, if a transaction issued it
}

// Import is what an OCF package says about the warrants of one series: its
// ledger (SPEC §2.5), the original warrants and the transactions.
type Import struct {
	Series     string
	Issuer     compute.Issuer
	Originals  []Row           // issued by no transaction, in the order the export issued them: the case's warrants
	Steps      []Step          // the transactions, in the order they apply
	Rows       []Row           // outstanding at the end, originals and new warrants, in the order the export issued them
	Price      decimal.Decimal // the originals' common exercise price
	Currency   string
	FirstIssue compute.Date // the earliest issuance date of the originals: the Original Issue Date
	Expiration string       // the common warrant_expiration_date, or ""
	StockClass string       // the underlying class, or ""
	Splits     []compute.Event
	// Notes are what the export could not say, for the user to check.
	Notes []string
}

var ocfEventID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// Warrants finds the ledger of series (warrants whose custom_id is
// "SERIES-NNN"): the original warrants, the exercises, transfers,
// cancellations and retractions that ended a warrant and the warrants they
// issued, the warrants outstanding at the end, and the splits of their
// underlying class. Every inconsistency met (including the package's own,
// from Read), and everything the ledger cannot express, is returned as an
// *Error naming the object: nothing is guessed.
func (p *Package) Warrants(series string) (*Import, error) {
	s := &seriesImport{
		p:     p,
		imp:   &Import{Series: series, Issuer: p.issuer()},
		probs: append(slices.Clone(p.SchemaProblems), p.Inconsistencies...),
	}
	txs := p.byDate()
	warrants, issued := s.issuances(txs)
	ended := s.endings(txs, warrants)
	rows, g := s.allRows(issued)
	s.ledger(txs, rows, warrants, ended)
	s.checkFound(len(issued))
	s.checkOneOfEach(g)
	if err := s.err(); err != nil {
		return nil, err
	}
	s.imp.summarize()
	s.splits(txs)
	if err := s.err(); err != nil {
		return nil, err
	}
	return s.imp, nil
}

// seriesImport is one call of Warrants: the package, the import being
// built and every problem met so far, in the order met.
type seriesImport struct {
	p     *Package
	imp   *Import
	probs []Problem
}

// bad reports a problem with field of transaction t.
func (s *seriesImport) bad(t *Tx, field, problem, allowed string) {
	s.probs = append(s.probs, t.at.problem(field, problem, allowed))
}

// err is the problems met so far as one *Error, or nil if there are none.
func (s *seriesImport) err() error {
	if len(s.probs) > 0 {
		return asError(dedup(s.probs))
	}
	return nil
}

// issuer is the issuer as the manifest names it.
func (p *Package) issuer() compute.Issuer {
	var iss compute.Issuer
	is := p.Manifest.Issuer
	iss.Name = is.LegalName
	iss.Jurisdiction = is.CountrySubdivisionOfFormation
	if is.Address != nil {
		iss.Address = is.Address.Lines()
	}
	if is.Phone != nil {
		iss.Notice.Phone = is.Phone.PhoneNumber
	}
	return iss
}

// byDate is the package's transactions in the order they take effect: OCF
// transactions take effect in date order; same-day ones in file order.
func (p *Package) byDate() []*Tx {
	txs := slices.Clone(p.Transactions)
	sort.SliceStable(txs, func(i, j int) bool { return txs[i].Date < txs[j].Date })
	return txs
}

// issuances indexes every warrant issuance by security id, reporting a
// security issued twice, and lists the series' issuances in order.
func (s *seriesImport) issuances(txs []*Tx) (warrants map[string]*Tx, issued []*Tx) {
	warrants = map[string]*Tx{}
	for _, t := range txs {
		if t.ObjectType != "TX_WARRANT_ISSUANCE" {
			continue
		}
		if first, dup := warrants[t.SecurityID]; dup {
			s.bad(t, "security_id", fmt.Sprintf("security_id %q was already issued by %s (%s#%s)", t.SecurityID, first.ID, first.at.file, first.at.path), "one issuance per security_id")
			continue
		}
		warrants[t.SecurityID] = t
		if strings.HasPrefix(t.CustomID, s.imp.Series+"-") {
			issued = append(issued, t)
		}
	}
	return warrants, issued
}

// endings finds the transfer, cancellation, exercise or retraction that
// ends each security, by security id, reporting every one that names no
// issuance, ends a security twice or does not fit the issuance it ends.
func (s *seriesImport) endings(txs []*Tx, warrants map[string]*Tx) map[string]*Tx {
	ended := map[string]*Tx{}
	for _, t := range txs {
		switch t.ObjectType {
		case "TX_WARRANT_TRANSFER", "TX_WARRANT_CANCELLATION", "TX_WARRANT_EXERCISE", "TX_WARRANT_RETRACTION":
		default:
			continue
		}
		w, ok := warrants[t.SecurityID]
		if !ok {
			s.bad(t, "security_id", fmt.Sprintf("%s %s names security_id %q, which no TX_WARRANT_ISSUANCE issued", t.ObjectType, t.ID, t.SecurityID), "the security_id of a warrant issuance of the export")
			continue
		}
		if prev, done := ended[t.SecurityID]; done {
			s.bad(t, "security_id", fmt.Sprintf("security_id %q was already ended by %s %s", t.SecurityID, prev.ObjectType, prev.ID), "one transfer, cancellation, exercise or retraction per security")
			continue
		}
		if t.Date < w.Date {
			s.bad(t, "date", fmt.Sprintf("%s is before the issuance %s of %s (%s)", t.Date, w.ID, t.SecurityID, w.Date), "a date on or after the issuance")
		}
		ended[t.SecurityID] = t
		s.checkResulting(t, warrants)
		s.checkEndedQuantity(t, w)
	}
	return ended
}

// checkResulting reports each security resulting from t (other than an
// exercise's) that no warrant issuance issued.
func (s *seriesImport) checkResulting(t *Tx, warrants map[string]*Tx) {
	for _, id := range append(slices.Clone(t.ResultingSecurityIDs), t.BalanceSecurityID) {
		if id == "" {
			continue
		}
		if _, ok := warrants[id]; !ok && t.ObjectType != "TX_WARRANT_EXERCISE" {
			s.bad(t, "resulting_security_ids", fmt.Sprintf("security_id %q resulting from %s is issued by no TX_WARRANT_ISSUANCE", id, t.ID), "the security_id of a warrant issuance of the export")
		}
	}
}

// checkEndedQuantity reports a t that ends more shares than issuance w
// issued, or fewer without a balance security for the rest.
func (s *seriesImport) checkEndedQuantity(t, w *Tx) {
	if t.Quantity == "" || w.Quantity == "" {
		return
	}
	q, p1 := ParseNumeric(t.Quantity)
	wq, p2 := ParseNumeric(w.Quantity)
	switch {
	case p1 != "" || p2 != "":
	case q.GreaterThan(wq):
		s.bad(t, "quantity", fmt.Sprintf("%s ends %s shares of %s, which was issued for %s", t.ID, t.Quantity, t.SecurityID, w.Quantity), "at most the quantity issued")
	case q.LessThan(wq) && t.BalanceSecurityID == "":
		s.bad(t, "quantity", fmt.Sprintf("%s ends %s of the %s shares of %s and names no balance_security_id", t.ID, t.Quantity, w.Quantity, t.SecurityID), "the whole quantity, or a balance_security_id for the rest")
	}
}

// checkFound reports a series the export never issued, or one that
// has no original warrant when nothing else explains why.
func (s *seriesImport) checkFound(issued int) {
	p, series := s.p, s.imp.Series
	if issued == 0 {
		s.probs = append(s.probs, Problem{File: p.ManifestPath, Problem: fmt.Sprintf("the export issues no warrant of series %s", series), Allowed: "a series whose TX_WARRANT_ISSUANCE custom_ids start with SERIES-"})
	} else if len(s.imp.Originals) == 0 && len(s.probs) == 0 {
		s.probs = append(s.probs, Problem{File: p.ManifestPath, Problem: fmt.Sprintf("every warrant of series %s was issued by a transaction of another: the ledger has no original", series)})
	}
}

// checkOneOfEach reports original warrants that differ in exercise price,
// and warrants that differ in underlying class or expiration: a case has
// one of each. (A warrant a transaction issued states the price in effect
// then, which the case's events must explain: Case checks it.)
func (s *seriesImport) checkOneOfEach(g seriesGroups) {
	file, series := s.p.ManifestPath, s.imp.Series
	prices := map[string][]string{}
	for _, r := range s.imp.Originals {
		k := r.Price.String() + " " + r.Currency
		prices[k] = append(prices[k], r.TxID)
	}
	if len(prices) > 1 {
		s.probs = append(s.probs, Problem{File: file, Problem: "the original warrants of series " + series + " (those no exercise, transfer or cancellation issued) have different exercise prices: " + describeGroups(prices), Allowed: "one initial Warrant Price for the originals; a warrant issued later at another price is the result of a transaction of the export"})
	}
	if len(g.classes) > 1 {
		s.probs = append(s.probs, Problem{File: file, Problem: "the warrants of series " + series + " are exercisable for different stock classes: " + describeGroups(g.classes), Allowed: "one underlying stock class"})
	}
	if len(g.expirations) > 1 {
		s.probs = append(s.probs, Problem{File: file, Problem: "the warrants of series " + series + " expire on different dates: " + describeGroups(g.expirations), Allowed: "one warrant_expiration_date (or none) per series"})
	}
}

// summarize sets the series' price, currency, expiration, first issue and
// underlying class from its originals, all checked, and notes what the
// documents will not show as the export has it.
func (imp *Import) summarize() {
	r0 := imp.Originals[0]
	imp.Price, imp.Currency, imp.Expiration, imp.FirstIssue = r0.Price, r0.Currency, r0.Expiration, r0.Date
	for _, r := range imp.Originals {
		if r.Date.Before(imp.FirstIssue) {
			imp.FirstIssue = r.Date
		}
		if r.StockClassID != "" {
			imp.StockClass = r.StockClassID
		}
	}
	for _, r := range imp.Originals {
		if r.Date.After(imp.FirstIssue) {
			imp.Notes = append(imp.Notes, fmt.Sprintf("%s was issued on %s, after the Original Issue Date %s, by no transaction of the export: it is an original warrant of the case", r.Number, r.Date, imp.FirstIssue))
		}
	}
	if imp.Currency != "USD" {
		imp.Notes = append(imp.Notes, fmt.Sprintf("exercise prices are in %s; warrantkit's documents print amounts as dollars", imp.Currency))
	}
	if imp.Expiration == "" {
		imp.Notes = append(imp.Notes, "terms.expiration: no warrant_expiration_date in the export")
	}
}

// splits imports the splits of the underlying class as events, noting the
// ones every original warrant already reflects and reporting one that
// falls between the issuances of the originals.
func (s *seriesImport) splits(txs []*Tx) {
	imp := s.imp
	if imp.StockClass == "" {
		imp.Notes = append(imp.Notes, "events: no warrant names its underlying class (exercise_triggers[].conversion_right.converts_to_stock_class_id), so no TX_STOCK_CLASS_SPLIT was imported")
	}
	for _, t := range txs {
		if t.ObjectType != "TX_STOCK_CLASS_SPLIT" || imp.StockClass == "" || t.StockClassID != imp.StockClass {
			continue
		}
		e, pr, field := splitEvent(t)
		if pr != "" {
			s.bad(t, field, pr, "")
			continue
		}
		before, after := splitSides(e, imp.Originals)
		switch {
		case len(after) == 0:
			imp.Notes = append(imp.Notes, fmt.Sprintf("split %s of %s is not an event: every original warrant was issued on or after it", t.ID, t.Date))
		case len(before) > 0:
			s.bad(t, "date", fmt.Sprintf("split %s of %s falls after the issuance of %s but not of %s, which no exercise, transfer or cancellation of the series issued: one case cannot hold both", t.ID, t.Date, strings.Join(after, ", "), strings.Join(before, ", ")),
				"original warrants issued on the same side of every split; a warrant issued later is the result of a transaction of the export")
		default:
			imp.Splits = append(imp.Splits, e)
		}
	}
}

// splitSides sorts the numbers of rows by where split e falls: before lists
// the rows it falls on or before the issuance of (a split on or before a
// warrant's issuance is already in its numbers), after the rest.
func splitSides(e compute.Event, rows []Row) (before, after []string) {
	for _, r := range rows {
		if e.Date.After(r.Date) {
			after = append(after, r.Number)
		} else {
			before = append(before, r.Number)
		}
	}
	return before, after
}

// splitEvent turns a TX_STOCK_CLASS_SPLIT into a stock-split or combination.
func splitEvent(t *Tx) (compute.Event, string, string) {
	e := compute.Event{Type: compute.StockSplit, Description: fmt.Sprintf("OCF %s %s", t.ObjectType, t.ID)}
	if ocfEventID.MatchString(t.ID) {
		e.ID = t.ID
	}
	d, err := compute.ParseDate(t.Date)
	if err != nil {
		return e, err.Error(), "date"
	}
	e.Date = d
	if t.SplitRatio == nil {
		return e, "a split without split_ratio", "split_ratio"
	}
	n, p1 := ParseNumeric(t.SplitRatio.Numerator)
	m, p2 := ParseNumeric(t.SplitRatio.Denominator)
	if p1 != "" {
		return e, p1, "split_ratio/numerator"
	}
	if p2 != "" {
		return e, p2, "split_ratio/denominator"
	}
	if n.Sign() <= 0 || m.Sign() <= 0 || n.Equal(m) {
		return e, fmt.Sprintf("split ratio %s:%s is no split", t.SplitRatio.Numerator, t.SplitRatio.Denominator), "split_ratio"
	}
	if n.LessThan(m) {
		e.Type = compute.Combination
	}
	e.Ratio = compute.Ratio{New: n, Old: m}
	e.Description = fmt.Sprintf("%s:%s %s of the Common Stock (OCF %s %s)", n, m, map[bool]string{true: "split", false: "combination"}[e.Type == compute.StockSplit], t.ObjectType, t.ID)
	return e, "", ""
}

func describeGroups(m map[string][]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		v := k
		if v == "" {
			v = "none"
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", v, strings.Join(m[k], ", ")))
	}
	return strings.Join(parts, "; ")
}

// dedup keeps the first problem reported at each place.
func dedup(ps []Problem) []Problem {
	seen := map[string]bool{}
	var out []Problem
	for _, p := range ps {
		k := p.File + "#" + p.Path
		if p.Path == "" {
			k += "#" + p.Problem
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}
