package ocf

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// seriesGroups are the issuance ids of the warrants by underlying class and
// expiration.
type seriesGroups struct {
	classes, expirations map[string][]string
}

// allRows is a row for each issuance of the series, in order, reporting
// every issuance a row cannot be made of, and the rows grouped for the
// checks across the series.
func (s *seriesImport) allRows(issued []*Tx) ([]Row, seriesGroups) {
	numbers := map[string]*Tx{}
	g := seriesGroups{classes: map[string][]string{}, expirations: map[string][]string{}}
	var rows []Row
	for _, t := range issued {
		if r, ok := s.row(t, numbers, &g); ok {
			rows = append(rows, r)
		}
	}
	return rows, g
}

// row is the row of issuance t, or false once a problem with t
// is reported. numbers holds the warrant numbers taken so far; t's class
// and expiration go to g as each is found.
func (s *seriesImport) row(t *Tx, numbers map[string]*Tx, g *seriesGroups) (Row, bool) {
	r := Row{Number: t.CustomID, TxID: t.ID, SecurityID: t.SecurityID, StakeholderID: t.StakeholderID, Issuance: t, Expiration: t.WarrantExpirationDate}
	if !s.warrantNumber(t, numbers) {
		return r, false
	}
	d, err := compute.ParseDate(t.Date)
	if err != nil {
		s.bad(t, "date", err.Error(), "YYYY-MM-DD")
		return r, false
	}
	r.Date = d
	var ok bool
	if r.Holder, r.Email, ok = s.holder(t); !ok {
		return r, false
	}
	if r.Shares, ok = s.shares(t); !ok {
		return r, false
	}
	if r.Price, r.Currency, ok = s.price(t); !ok {
		return r, false
	}
	if r.StockClassID, ok = s.underlying(t); !ok {
		return r, false
	}
	if r.StockClassID != "" {
		g.classes[r.StockClassID] = append(g.classes[r.StockClassID], t.ID)
	}
	g.expirations[r.Expiration] = append(g.expirations[r.Expiration], t.ID)
	return r, true
}

// warrantNumber checks that t's custom_id is a warrant number of the series
// no other warrant of the series has, and takes it in numbers.
func (s *seriesImport) warrantNumber(t *Tx, numbers map[string]*Tx) bool {
	series := s.imp.Series
	if digits := strings.TrimPrefix(t.CustomID, series+"-"); digits == "" || strings.Trim(digits, "0123456789") != "" {
		s.bad(t, "custom_id", fmt.Sprintf("%q is not a warrant number of series %s", t.CustomID, series), series+"-NNN, digits after the series")
		return false
	}
	key := compute.WarrantNumberKey(series, t.CustomID) // W-F-05-1 is W-F-05-001
	if first, dup := numbers[key]; dup {
		s.bad(t, "custom_id", fmt.Sprintf("warrant number %q is also the number of %s (%s)", t.CustomID, first.ID, first.CustomID), "one warrant per number: a number is never used again (SPEC §2.5)")
		return false
	}
	numbers[key] = t
	return true
}

// holder is the holder of t and their first email, if any, from t's
// stakeholder, which must exist and have an address.
func (s *seriesImport) holder(t *Tx) (h compute.Holder, email string, ok bool) {
	sh, ok := s.p.Stakeholders[t.StakeholderID]
	if !ok {
		s.bad(t, "stakeholder_id", fmt.Sprintf("stakeholder_id %q of %s resolves to no stakeholder", t.StakeholderID, t.ID), "the id of a STAKEHOLDER in the stakeholders files")
		return h, "", false
	}
	h.Name = strings.TrimSpace(sh.Name.LegalName)
	if len(sh.Addresses) == 0 || len(sh.Addresses[0].Lines()) == 0 {
		s.probs = append(s.probs, sh.at.problem("addresses", fmt.Sprintf("stakeholder %s, holder of %s, has no address; the register needs one", sh.ID, t.CustomID), "an addresses entry"))
		return h, "", false
	}
	h.Address = sh.Addresses[0].Lines()
	if sh.ContactInfo != nil && len(sh.ContactInfo.Emails) > 0 {
		email = sh.ContactInfo.Emails[0].EmailAddress
	}
	return h, email, true
}

// shares is t's quantity, the Warrant Share Number, which must be positive.
func (s *seriesImport) shares(t *Tx) (decimal.Decimal, bool) {
	if t.Quantity == "" {
		s.bad(t, "quantity", fmt.Sprintf("%s has no quantity: the Warrant Share Number is unknown", t.ID), "a quantity")
		return decimal.Decimal{}, false
	}
	q, pr := ParseNumeric(t.Quantity)
	if pr == "" && q.Sign() <= 0 {
		pr = fmt.Sprintf("quantity %s is not positive", t.Quantity)
	}
	if pr != "" {
		s.bad(t, "quantity", pr, NumericAllowed)
		return decimal.Decimal{}, false
	}
	return q, true
}

// price is t's exercise price, the Warrant Price, which must be positive,
// and its currency.
func (s *seriesImport) price(t *Tx) (decimal.Decimal, string, bool) {
	if t.ExercisePrice == nil {
		s.bad(t, "exercise_price", fmt.Sprintf("%s has no exercise_price: the Warrant Price is unknown", t.ID), "an exercise_price")
		return decimal.Decimal{}, "", false
	}
	price, pr := ParseNumeric(t.ExercisePrice.Amount)
	if pr == "" && price.Sign() <= 0 {
		pr = fmt.Sprintf("exercise price %s is not positive", t.ExercisePrice.Amount)
	}
	if pr != "" {
		s.bad(t, "exercise_price/amount", pr, NumericAllowed)
		return decimal.Decimal{}, "", false
	}
	return price, t.ExercisePrice.Currency, true
}

// underlying is the stock class t is exercisable for, or "" if it names
// none; a class it names must be a stock class of the export.
func (s *seriesImport) underlying(t *Tx) (string, bool) {
	id := underlyingClass(t)
	if id == "" {
		return "", true
	}
	if _, ok := s.p.StockClasses[id]; !ok {
		s.bad(t, "exercise_triggers", fmt.Sprintf("converts_to_stock_class_id %q of %s resolves to no stock class", id, t.ID), "the id of a STOCK_CLASS of the export")
		return "", false
	}
	return id, true
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
