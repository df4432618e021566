package casefile

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// The values a distribution's and a Triggering Event's kind may take, and
// the keys and kinds of an item of a Triggering Event's consideration.
var (
	distributionKinds = []string{"cash", "indebtedness", "securities", "property", "rights"}
	triggeringKinds   = []string{"merger", "asset-sale", "reclassification", "reorganization"}
	considerKinds     = []string{"cash", "security", "property"}
	considerKeys      = []string{"description", "amount", "kind"}
)

// eventFields decodes the fields e's type adds to the common ones, and
// returns the references to other events among them, which decodeEvents
// resolves once every event is known.
func (d *caseDecoder) eventFields(f mapFields, e *compute.Event) ([]refUse, error) {
	var refs []refUse
	ref := func(key string, dst *string, types ...compute.EventType) error {
		n := f.get(key)
		if n == nil {
			return nil
		}
		s, err := d.requiredStr(f, key)
		if err != nil {
			return err
		}
		*dst = s
		refs = append(refs, refUse{node: resolveAlias(n), path: f.path + "." + key, id: s, types: types})
		return nil
	}
	var err error
	switch e.Type {
	case compute.StockSplit, compute.Combination:
		err = d.eventRatio(f, e)
	case compute.StockDividend:
		err = d.eventDividend(f, e)
	case compute.Distribution:
		err = d.eventDistribution(f, e)
	case compute.Issuance:
		if err = d.eventIssuance(f, e); err == nil {
			err = ref("from_cse", &e.FromCSE, compute.CSEIssuance)
		}
	case compute.CSEIssuance:
		err = d.eventCSEIssuance(f, e)
	case compute.CSEExpiry:
		err = ref("ref", &e.Ref, compute.CSEIssuance)
	case compute.CSEPriceIncrease:
		if err = ref("ref", &e.Ref, compute.CSEIssuance); err == nil {
			err = d.eventCSEPriceIncrease(f, e)
		}
	case compute.DividendAbandoned:
		err = ref("ref", &e.Ref, compute.StockDividend, compute.Distribution)
	case compute.TriggeringEvent:
		err = d.eventTriggering(f, e)
	}
	return refs, err
}

// eventDividend decodes a stock dividend's shares per share and the date it
// is paid, which may not precede the record date.
func (d *caseDecoder) eventDividend(f mapFields, e *compute.Event) error {
	var err error
	if e.SharesPerShare, err = d.positive(f.get("shares_per_share"), f.path+".shares_per_share"); err != nil {
		return err
	}
	if pn := f.get("paid_date"); pn != nil {
		if e.PaidDate, err = d.date(pn, f.path+".paid_date"); err != nil {
			return err
		}
		if e.PaidDate.Before(e.Date) {
			return d.fail(pn, f.path+".paid_date", fmt.Sprintf("%s is before the record date %s", e.PaidDate, e.Date), "a date on or after the event's date")
		}
	}
	return nil
}

// eventIssuance decodes an issuance of Common Stock: the shares, the
// consideration and the shares outstanding before it.
func (d *caseDecoder) eventIssuance(f mapFields, e *compute.Event) error {
	var err error
	if e.Shares, err = d.shares(f.get("shares"), f.path+".shares"); err != nil {
		return err
	}
	if e.Consideration, err = d.nonNegative(f.get("consideration"), f.path+".consideration"); err != nil {
		return err
	}
	e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), f.path+".outstanding_before")
	return err
}

// eventCSEIssuance decodes an issuance of Common Stock Equivalents: the
// most shares they may be exchanged for, the consideration and the shares
// outstanding before it.
func (d *caseDecoder) eventCSEIssuance(f mapFields, e *compute.Event) error {
	var err error
	if e.MaxShares, err = d.shares(f.get("max_shares"), f.path+".max_shares"); err != nil {
		return err
	}
	if e.Consideration, err = d.nonNegative(f.get("consideration"), f.path+".consideration"); err != nil {
		return err
	}
	e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), f.path+".outstanding_before")
	return err
}

// eventCSEPriceIncrease decodes the new terms of Common Stock Equivalents
// whose price was raised: the consideration, the shares they may still be
// exchanged for and the shares outstanding before.
func (d *caseDecoder) eventCSEPriceIncrease(f mapFields, e *compute.Event) error {
	var err error
	if e.Consideration, err = d.nonNegative(f.get("consideration"), f.path+".consideration"); err != nil {
		return err
	}
	if e.RemainingMaxShares, err = d.shares(f.get("remaining_max_shares"), f.path+".remaining_max_shares"); err != nil {
		return err
	}
	e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), f.path+".outstanding_before")
	return err
}

// eventRatio decodes the new:old ratio of a stock split or combination.
func (d *caseDecoder) eventRatio(f mapFields, e *compute.Event) error {
	n := f.get("ratio")
	path := f.path + ".ratio"
	s, err := d.str(n, path)
	if err != nil {
		return err
	}
	allowed := `"new:old" with both sides positive decimals, new > old for a stock-split, new < old for a combination`
	parts := strings.Split(s, ":")
	if len(parts) != 2 {
		return d.fail(n, path, fmt.Sprintf("%q is not a ratio", s), allowed)
	}
	var side [2]decimal.Decimal
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !decimalPattern.MatchString(p) {
			return d.fail(n, path, fmt.Sprintf("%q is not a ratio", s), allowed)
		}
		if problem := digitsProblem(p); problem != "" {
			return d.fail(n, path, fmt.Sprintf("%s side %s", [2]string{"the new", "the old"}[i], problem), allowed)
		}
		v, err := parseDecimal(p)
		if err != nil || v.Sign() <= 0 {
			return d.fail(n, path, fmt.Sprintf("%q: both sides must be positive", s), allowed)
		}
		side[i] = v
	}
	e.Ratio = compute.Ratio{New: side[0], Old: side[1]}
	switch c := e.Ratio.New.Cmp(e.Ratio.Old); {
	case c == 0:
		return d.fail(n, path, fmt.Sprintf("a %s ratio is no split", s), allowed)
	case c < 0 && e.Type == compute.StockSplit:
		return d.fail(n, path, fmt.Sprintf("a stock-split has more new shares than old; %s is a combination", s), allowed)
	case c > 0 && e.Type == compute.Combination:
		return d.fail(n, path, fmt.Sprintf("a combination has fewer new shares than old; %s is a stock-split", s), allowed)
	}
	return nil
}

// eventDistribution decodes a distribution: its kind, the value per share
// distributed and the Per Share Market Value it must be less than.
func (d *caseDecoder) eventDistribution(f mapFields, e *compute.Event) error {
	var err error
	if e.Kind, err = d.oneOf(f.get("kind"), f.path+".kind", distributionKinds); err != nil {
		return err
	}
	pv := f.get("per_share_value")
	if e.PerShareValue, err = d.positive(pv, f.path+".per_share_value"); err != nil {
		return err
	}
	if e.MarketValue, err = d.marketValue(f.get("market_value"), f.path+".market_value", d.terms.PriceDecimals); err != nil {
		return err
	}
	if e.PerShareValue.Cmp(e.MarketValue.Value) >= 0 {
		return d.fail(pv, f.path+".per_share_value",
			fmt.Sprintf("%s is not less than the market_value %s (§4(c) divides by their difference)", decimalText(e.PerShareValue), decimalText(e.MarketValue.Value)),
			"a value below the Per Share Market Value")
	}
	if n := f.get("from_earnings"); n != nil {
		if e.FromEarnings, err = d.boolean(n, f.path+".from_earnings"); err != nil {
			return err
		}
	}
	return nil
}

// eventTriggering decodes a Triggering Event: its kind, the successor, the
// consideration per share (a list of items) and whether the successor
// assumed the Warrant.
func (d *caseDecoder) eventTriggering(f mapFields, e *compute.Event) error {
	var err error
	if e.Kind, err = d.oneOf(f.get("kind"), f.path+".kind", triggeringKinds); err != nil {
		return err
	}
	if e.Successor, err = d.requiredStr(f, "successor"); err != nil {
		return err
	}
	path := f.path + ".consideration_per_share"
	items, err := d.itemList(f.get("consideration_per_share"), path, "at least one {description, amount, kind}")
	if err != nil {
		return err
	}
	for i, item := range items {
		p := itemPath(path, i)
		c, err := d.mapping(item, p, considerKeys)
		if err != nil {
			return err
		}
		if err := c.require(d, considerKeys...); err != nil {
			return err
		}
		var ci compute.ConsiderationItem
		if ci.Description, err = d.requiredStr(c, "description"); err != nil {
			return err
		}
		if ci.Amount, err = d.nonNegative(c.get("amount"), p+".amount"); err != nil {
			return err
		}
		if ci.Kind, err = d.oneOf(c.get("kind"), p+".kind", considerKinds); err != nil {
			return err
		}
		e.ConsiderationPerShare = append(e.ConsiderationPerShare, ci)
	}
	if n := f.get("assumed"); n != nil {
		if e.Assumed, err = d.boolean(n, f.path+".assumed"); err != nil {
			return err
		}
	}
	return nil
}
