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

func (d *caseDecoder) eventTriggering(f mapFields, e *compute.Event) error {
	var err error
	if e.Kind, err = d.oneOf(f.get("kind"), f.path+".kind", triggeringKinds); err != nil {
		return err
	}
	if e.Successor, err = d.requiredStr(f, "successor"); err != nil {
		return err
	}
	path := f.path + ".consideration_per_share"
	items, err := d.sequence(f.get("consideration_per_share"), path)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return d.fail(resolveAlias(f.get("consideration_per_share")), path, "the list is empty", "at least one {description, amount, kind}")
	}
	if len(items) > MaxListItems {
		return d.fail(resolveAlias(f.get("consideration_per_share")), path, fmt.Sprintf("has %d items", len(items)), fmt.Sprintf("at most %d items", MaxListItems))
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
