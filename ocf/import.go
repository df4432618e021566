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

// Row is one outstanding warrant of the series, as the export has it.
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
}

// Import is what an OCF package says about the warrants of one series.
type Import struct {
	Series     string
	Issuer     compute.Issuer
	Rows       []Row           // outstanding, in the order the export issued them
	Price      decimal.Decimal // the common exercise price
	Currency   string
	FirstIssue compute.Date // the earliest issuance date of the rows
	Expiration string       // the common warrant_expiration_date, or ""
	StockClass string       // the underlying class, or ""
	Splits     []compute.Event
	// Notes are what the export could not say, for the user to check.
	Notes []string
}

var ocfEventID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// Warrants finds the warrants of series (custom_id "SERIES-NNN") outstanding
// in the package after its transfers, cancellations, exercises and
// retractions, and the splits of their underlying class. Every inconsistency
// met (including the package's own, from Read) is returned as an *Error
// naming the object: nothing is guessed.
func (p *Package) Warrants(series string) (*Import, error) {
	probs := append(slices.Clone(p.SchemaProblems), p.Inconsistencies...)
	imp := &Import{Series: series}
	bad := func(t *Tx, field, problem, allowed string) {
		probs = append(probs, t.at.problem(field, problem, allowed))
	}

	// The issuer.
	is := p.Manifest.Issuer
	imp.Issuer.Name = is.LegalName
	imp.Issuer.Jurisdiction = is.CountrySubdivisionOfFormation
	if is.Address != nil {
		imp.Issuer.Address = is.Address.Lines()
	}
	if is.Phone != nil {
		imp.Issuer.Notice.Phone = is.Phone.PhoneNumber
	}

	// Every warrant issuance by security id; the series' in order.
	warrants := map[string]*Tx{}
	var series_ []*Tx
	txs := slices.Clone(p.Transactions)
	// OCF transactions take effect in date order; same-day ones in file order.
	sort.SliceStable(txs, func(i, j int) bool { return txs[i].Date < txs[j].Date })
	for _, t := range txs {
		if t.ObjectType != "TX_WARRANT_ISSUANCE" {
			continue
		}
		if first, dup := warrants[t.SecurityID]; dup {
			bad(t, "security_id", fmt.Sprintf("security_id %q was already issued by %s (%s#%s)", t.SecurityID, first.ID, first.at.file, first.at.path), "one issuance per security_id")
			continue
		}
		warrants[t.SecurityID] = t
		if strings.HasPrefix(t.CustomID, series+"-") {
			series_ = append(series_, t)
		}
	}

	// Transfers, cancellations, exercises, retractions end a security.
	ended := map[string]*Tx{}
	for _, t := range txs {
		switch t.ObjectType {
		case "TX_WARRANT_TRANSFER", "TX_WARRANT_CANCELLATION", "TX_WARRANT_EXERCISE", "TX_WARRANT_RETRACTION":
		default:
			continue
		}
		w, ok := warrants[t.SecurityID]
		if !ok {
			bad(t, "security_id", fmt.Sprintf("%s %s names security_id %q, which no TX_WARRANT_ISSUANCE issued", t.ObjectType, t.ID, t.SecurityID), "the security_id of a warrant issuance of the export")
			continue
		}
		if prev, done := ended[t.SecurityID]; done {
			bad(t, "security_id", fmt.Sprintf("security_id %q was already ended by %s %s", t.SecurityID, prev.ObjectType, prev.ID), "one transfer, cancellation, exercise or retraction per security")
			continue
		}
		if t.Date < w.Date {
			bad(t, "date", fmt.Sprintf("%s is before the issuance %s of %s (%s)", t.Date, w.ID, t.SecurityID, w.Date), "a date on or after the issuance")
		}
		ended[t.SecurityID] = t
		for _, id := range append(slices.Clone(t.ResultingSecurityIDs), t.BalanceSecurityID) {
			if id == "" {
				continue
			}
			if _, ok := warrants[id]; !ok && t.ObjectType != "TX_WARRANT_EXERCISE" {
				bad(t, "resulting_security_ids", fmt.Sprintf("security_id %q resulting from %s is issued by no TX_WARRANT_ISSUANCE", id, t.ID), "the security_id of a warrant issuance of the export")
			}
		}
		if t.Quantity != "" && w.Quantity != "" {
			q, p1 := ParseNumeric(t.Quantity)
			wq, p2 := ParseNumeric(w.Quantity)
			switch {
			case p1 != "" || p2 != "":
			case q.GreaterThan(wq):
				bad(t, "quantity", fmt.Sprintf("%s ends %s shares of %s, which was issued for %s", t.ID, t.Quantity, t.SecurityID, w.Quantity), "at most the quantity issued")
			case q.LessThan(wq) && t.BalanceSecurityID == "":
				bad(t, "quantity", fmt.Sprintf("%s ends %s of the %s shares of %s and names no balance_security_id", t.ID, t.Quantity, w.Quantity, t.SecurityID), "the whole quantity, or a balance_security_id for the rest")
			}
		}
	}

	// The outstanding warrants of the series.
	numbers := map[string]*Tx{}
	prices := map[string][]string{}
	classes := map[string][]string{}
	expirations := map[string][]string{}
	for _, t := range series_ {
		if _, done := ended[t.SecurityID]; done {
			continue
		}
		r := Row{Number: t.CustomID, TxID: t.ID, SecurityID: t.SecurityID, StakeholderID: t.StakeholderID, Issuance: t, Expiration: t.WarrantExpirationDate}
		if digits := strings.TrimPrefix(t.CustomID, series+"-"); digits == "" || strings.Trim(digits, "0123456789") != "" {
			bad(t, "custom_id", fmt.Sprintf("%q is not a warrant number of series %s", t.CustomID, series), series+"-NNN, digits after the series")
			continue
		}
		if first, dup := numbers[t.CustomID]; dup {
			bad(t, "custom_id", fmt.Sprintf("warrant number %q is also the custom_id of outstanding %s", t.CustomID, first.ID), "one outstanding warrant per number")
			continue
		}
		numbers[t.CustomID] = t
		d, err := compute.ParseDate(t.Date)
		if err != nil {
			bad(t, "date", err.Error(), "YYYY-MM-DD")
			continue
		}
		r.Date = d
		sh, ok := p.Stakeholders[t.StakeholderID]
		if !ok {
			bad(t, "stakeholder_id", fmt.Sprintf("stakeholder_id %q of %s resolves to no stakeholder", t.StakeholderID, t.ID), "the id of a STAKEHOLDER in the stakeholders files")
			continue
		}
		r.Holder.Name = strings.TrimSpace(sh.Name.LegalName)
		if len(sh.Addresses) == 0 || len(sh.Addresses[0].Lines()) == 0 {
			probs = append(probs, sh.at.problem("addresses", fmt.Sprintf("stakeholder %s, holder of %s, has no address; the register needs one", sh.ID, t.CustomID), "an addresses entry"))
			continue
		}
		r.Holder.Address = sh.Addresses[0].Lines()
		if sh.ContactInfo != nil && len(sh.ContactInfo.Emails) > 0 {
			r.Email = sh.ContactInfo.Emails[0].EmailAddress
		}
		if t.Quantity == "" {
			bad(t, "quantity", fmt.Sprintf("%s has no quantity: the Warrant Share Number is unknown", t.ID), "a quantity")
			continue
		}
		q, pr := ParseNumeric(t.Quantity)
		if pr == "" && q.Sign() <= 0 {
			pr = fmt.Sprintf("quantity %s is not positive", t.Quantity)
		}
		if pr != "" {
			bad(t, "quantity", pr, NumericAllowed)
			continue
		}
		r.Shares = q
		if t.ExercisePrice == nil {
			bad(t, "exercise_price", fmt.Sprintf("%s has no exercise_price: the Warrant Price is unknown", t.ID), "an exercise_price")
			continue
		}
		price, pr := ParseNumeric(t.ExercisePrice.Amount)
		if pr == "" && price.Sign() <= 0 {
			pr = fmt.Sprintf("exercise price %s is not positive", t.ExercisePrice.Amount)
		}
		if pr != "" {
			bad(t, "exercise_price/amount", pr, NumericAllowed)
			continue
		}
		r.Price, r.Currency = price, t.ExercisePrice.Currency
		prices[price.String()+" "+r.Currency] = append(prices[price.String()+" "+r.Currency], t.ID)
		r.StockClassID = underlyingClass(t)
		if r.StockClassID != "" {
			if _, ok := p.StockClasses[r.StockClassID]; !ok {
				bad(t, "exercise_triggers", fmt.Sprintf("converts_to_stock_class_id %q of %s resolves to no stock class", r.StockClassID, t.ID), "the id of a STOCK_CLASS of the export")
				continue
			}
			classes[r.StockClassID] = append(classes[r.StockClassID], t.ID)
		}
		expirations[r.Expiration] = append(expirations[r.Expiration], t.ID)
		imp.Rows = append(imp.Rows, r)
	}
	if len(series_) == 0 {
		probs = append(probs, Problem{File: p.ManifestPath, Problem: fmt.Sprintf("the export issues no warrant of series %s", series), Allowed: "a series whose TX_WARRANT_ISSUANCE custom_ids start with SERIES-"})
	} else if len(imp.Rows) == 0 && len(probs) == 0 {
		probs = append(probs, Problem{File: p.ManifestPath, Problem: fmt.Sprintf("no warrant of series %s is outstanding", series)})
	}

	// One price, one class, one expiration for the case.
	if len(prices) > 1 {
		probs = append(probs, Problem{File: p.ManifestPath, Problem: "the outstanding warrants of series " + series + " have different exercise prices: " + describeGroups(prices), Allowed: "one exercise price per series (a case has one Warrant Price)"})
	}
	if len(classes) > 1 {
		probs = append(probs, Problem{File: p.ManifestPath, Problem: "the warrants of series " + series + " are exercisable for different stock classes: " + describeGroups(classes), Allowed: "one underlying stock class"})
	}
	if len(expirations) > 1 {
		probs = append(probs, Problem{File: p.ManifestPath, Problem: "the warrants of series " + series + " expire on different dates: " + describeGroups(expirations), Allowed: "one warrant_expiration_date (or none) per series"})
	}
	if len(probs) > 0 {
		return nil, asError(dedup(probs))
	}
	r0 := imp.Rows[0]
	imp.Price, imp.Currency, imp.Expiration, imp.FirstIssue = r0.Price, r0.Currency, r0.Expiration, r0.Date
	for _, r := range imp.Rows {
		if r.Date.Before(imp.FirstIssue) {
			imp.FirstIssue = r.Date
		}
		if r.StockClassID != "" {
			imp.StockClass = r.StockClassID
		}
	}
	if imp.Currency != "USD" {
		imp.Notes = append(imp.Notes, fmt.Sprintf("exercise prices are in %s; warrantkit's documents print amounts as dollars", imp.Currency))
	}
	if imp.Expiration == "" {
		imp.Notes = append(imp.Notes, "terms.expiration: no warrant_expiration_date in the export")
	}

	// Splits of the underlying class.
	if imp.StockClass == "" {
		imp.Notes = append(imp.Notes, "events: no warrant names its underlying class (exercise_triggers[].conversion_right.converts_to_stock_class_id), so no TX_STOCK_CLASS_SPLIT was imported")
	}
	for _, t := range txs {
		if t.ObjectType != "TX_STOCK_CLASS_SPLIT" || imp.StockClass == "" || t.StockClassID != imp.StockClass {
			continue
		}
		e, pr, field := splitEvent(t)
		if pr != "" {
			bad(t, field, pr, "")
			continue
		}
		// A split on or before a warrant's issuance is already in its numbers.
		var before, after []string
		for _, r := range imp.Rows {
			if e.Date.After(r.Date) {
				after = append(after, r.Number)
			} else {
				before = append(before, r.Number)
			}
		}
		switch {
		case len(after) == 0:
			imp.Notes = append(imp.Notes, fmt.Sprintf("split %s of %s is not an event: every outstanding warrant was issued on or after it", t.ID, t.Date))
		case len(before) > 0:
			bad(t, "date", fmt.Sprintf("split %s of %s falls after the issuance of %s but not of %s: one case cannot hold both", t.ID, t.Date, strings.Join(after, ", "), strings.Join(before, ", ")), "warrants of one series issued on the same side of every split")
		default:
			imp.Splits = append(imp.Splits, e)
		}
	}
	if len(probs) > 0 {
		return nil, asError(dedup(probs))
	}
	return imp, nil
}

// underlyingClass is the stock class the first trigger naming one converts to.
func underlyingClass(t *Tx) string {
	for _, raw := range t.ExerciseTriggers {
		var trig struct {
			ConversionRight struct {
				ConvertsToStockClassID string `json:"converts_to_stock_class_id"`
			} `json:"conversion_right"`
		}
		if jsonUnmarshal(raw, &trig) == nil && trig.ConversionRight.ConvertsToStockClassID != "" {
			return trig.ConversionRight.ConvertsToStockClassID
		}
	}
	return ""
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
