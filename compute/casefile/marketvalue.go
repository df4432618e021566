package casefile

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// The keys of a market value given as a mapping (one method) and of the
// exchange and OTC methods' quotes.
var (
	marketKeys   = []string{compute.MVExchange, compute.MVOTC, compute.MVPinkSheets, compute.MVAppraisal}
	exchangeKeys = []string{"bid", "ask"}
	otcKeys      = []string{"closing_bid"}
)

// marketValueAllowed describes SPEC §2.4 for error messages.
const marketValueAllowed = "a positive decimal, or exactly one of {exchange: {bid, ask}}, {otc: {closing_bid}}, {pink_sheets: [q1, q2, ...]}, {appraisal: [v1]} or {appraisal: [v1, v2]}"

// marketValue decodes a Per Share Market Value (SPEC §2.4), rounded to places.
func (d *caseDecoder) marketValue(n *yaml.Node, path string, places int32) (compute.MarketValue, error) {
	m := resolveAlias(n)
	if m == nil || m.Kind == yaml.ScalarNode {
		v, err := d.positive(n, path)
		if err != nil {
			return compute.MarketValue{}, err
		}
		return compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{v}, places), nil
	}
	if m.Kind != yaml.MappingNode {
		return compute.MarketValue{}, d.fail(m, path, "is "+kindName(m)+", not a market value", marketValueAllowed)
	}
	f, err := d.mapping(m, path, marketKeys)
	if err != nil {
		return compute.MarketValue{}, err
	}
	if len(f.m) != 1 {
		return compute.MarketValue{}, d.fail(m, path, fmt.Sprintf("gives %d methods; give exactly one", len(f.m)), marketValueAllowed)
	}
	var method string
	for k := range f.m {
		method = k
	}
	var inputs []decimal.Decimal
	switch method {
	case compute.MVExchange:
		inputs, err = d.quotes(f, method, exchangeKeys)
	case compute.MVOTC:
		inputs, err = d.quotes(f, method, otcKeys)
	case compute.MVPinkSheets, compute.MVAppraisal:
		inputs, err = d.quoteList(f, method)
	}
	if err != nil {
		return compute.MarketValue{}, err
	}
	return compute.NewMarketValue(method, inputs, places), nil
}

// quotes decodes the mapping of quotes at method of f (the exchange's bid
// and ask, the OTC closing bid): every one of keys, each positive.
func (d *caseDecoder) quotes(f mapFields, method string, keys []string) ([]decimal.Decimal, error) {
	q, err := d.sub(f, method, keys)
	if err != nil {
		return nil, err
	}
	if err := q.require(d, keys...); err != nil {
		return nil, err
	}
	var inputs []decimal.Decimal
	for _, k := range keys {
		v, err := d.positive(q.get(k), q.path+"."+k)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, v)
	}
	return inputs, nil
}

// quoteList decodes the list of values at method of f: Pink Sheets quotes
// (one or more) or appraisals (one or two), each positive.
func (d *caseDecoder) quoteList(f mapFields, method string) ([]decimal.Decimal, error) {
	mp := f.path + "." + method
	mn := f.get(method)
	items, err := d.sequence(mn, mp)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 || len(items) > MaxListItems || (method == compute.MVAppraisal && len(items) > 2) {
		want := "at least one quote"
		if len(items) > MaxListItems {
			want = fmt.Sprintf("at most %d quotes", MaxListItems)
		}
		if method == compute.MVAppraisal {
			want = "one or two appraisals"
		}
		return nil, d.fail(resolveAlias(mn), mp, fmt.Sprintf("has %d values", len(items)), want)
	}
	inputs := make([]decimal.Decimal, 0, len(items))
	for i, item := range items {
		v, err := d.positive(item, itemPath(mp, i))
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, v)
	}
	return inputs, nil
}
