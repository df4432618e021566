package casefile

import (
	"fmt"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// The values and keys of a transaction's fields.
var (
	exerciseMethods = []string{compute.MethodCash, compute.MethodCashless, compute.MethodCombined}
	exchangeItemKey = []string{"number", "shares"}
)

// txFields decodes the fields x's type adds to the common ones, and returns
// the numbers it issues.
func (d *caseDecoder) txFields(f mapFields, x *compute.Transaction) ([]newNumber, error) {
	var news []newNumber
	// number decodes the number at key, if given, into dst.
	number := func(key string, dst *string) error {
		n := f.get(key)
		if n == nil {
			return nil
		}
		s, err := d.warrantNumber(n, f.path+"."+key)
		if err != nil {
			return err
		}
		*dst = s
		if key != "first_number" {
			news = append(news, newNumber{node: resolveAlias(n), field: key, number: s})
		}
		return nil
	}
	var err error
	switch x.Type {
	case compute.TxExercise:
		if err = d.txExercise(f, x); err == nil {
			err = number("balance", &x.Balance)
		}
	case compute.TxAssignment:
		if err = d.txAssignment(f, x); err == nil {
			if err = number("number", &x.Number); err == nil {
				err = number("balance", &x.Balance)
			}
		}
	case compute.TxExchange:
		var items []newNumber
		items, err = d.txExchange(f, x)
		news = append(news, items...)
	case compute.TxReplacement:
		// §3(d): "in lieu of such lost, stolen, destroyed or mutilated Warrant".
		if err = number("number", &x.Number); err == nil {
			x.Reason, err = d.oneOf(f.get("reason"), f.path+".reason", compute.ReplacementReasons)
		}
	case compute.TxReissue:
		err = number("first_number", &x.FirstNumber)
	case compute.TxCancellation:
		x.Reason, err = d.str(f.get("reason"), f.path+".reason")
	}
	return news, err
}

// txExercise decodes an exercise (§2): the shares exercised Y, the method of
// payment, the part exercised cashless of a combined exercise, and the Per
// Share Market Value B a cashless part needs (§2(c)). §2(b): payable "(i) by
// certified or official bank check or by wire transfer ..., (ii) by
// "cashless exercise" ..., or (iii) by a combination of the foregoing
// methods of payment selected by the Holder" — cash, cashless, combined.
func (d *caseDecoder) txExercise(f mapFields, x *compute.Transaction) error {
	var err error
	if x.Shares, err = d.shares(f.get("shares"), f.path+".shares"); err != nil {
		return err
	}
	x.Method = compute.MethodCash
	if mn := f.get("method"); mn != nil {
		if x.Method, err = d.oneOf(mn, f.path+".method", exerciseMethods); err != nil {
			return err
		}
	}
	cn := f.get("cashless_shares")
	switch {
	case x.Method == compute.MethodCombined && cn == nil:
		return f.missing(d, "cashless_shares")
	case x.Method != compute.MethodCombined && cn != nil:
		return d.fail(resolveAlias(cn), f.path+".cashless_shares", fmt.Sprintf("is given for a %s exercise", x.Method),
			"cashless_shares only with method: combined (a cashless exercise is cashless for all its shares)")
	case cn != nil:
		if x.CashlessShares, err = d.shares(cn, f.path+".cashless_shares"); err != nil {
			return err
		}
		if x.CashlessShares.GreaterThanOrEqual(x.Shares) {
			return d.fail(resolveAlias(cn), f.path+".cashless_shares", fmt.Sprintf("%s is not less than the %s shares exercised", decimalText(x.CashlessShares), decimalText(x.Shares)),
				"0 < cashless_shares < shares: the rest is paid in cash (an exercise all cashless is method: cashless)")
		}
	}
	mv := f.get("market_value")
	if mv == nil {
		if x.Method != compute.MethodCash {
			return f.missing(d, "market_value")
		}
		return nil
	}
	v, err := d.marketValue(mv, f.path+".market_value", d.terms.PriceDecimals)
	if err != nil {
		return err
	}
	x.MarketValue = &v
	return nil
}

// txAssignment decodes an assignment (§2(e)): the assignee, as a holder, and
// the shares assigned when not all of them.
func (d *caseDecoder) txAssignment(f mapFields, x *compute.Transaction) error {
	h, err := d.sub(f, "to", holderKeys)
	if err != nil {
		return err
	}
	if x.To.Name, err = d.requiredStr(h, "name"); err != nil {
		return err
	}
	if x.To.Address, err = d.lines(h.get("address"), f.path+".to.address"); err != nil {
		return err
	}
	if sn := f.get("shares"); sn != nil {
		x.Shares, err = d.shares(sn, f.path+".shares")
	}
	return err
}

// txExchange decodes the new warrants of an exchange (§2(e): "exchangeable
// ... for Warrants for the purchase of the same aggregate number of shares
// of Warrant Stock, each new Warrant to represent the right to purchase such
// number of shares ... as the Holder hereof shall designate"): at least one,
// each with its number and shares, which only the last may leave out (it
// takes the rest; that they add up is the engine's to check). It returns
// their numbers.
func (d *caseDecoder) txExchange(f mapFields, x *compute.Transaction) ([]newNumber, error) {
	in := f.get("into")
	path := f.path + ".into"
	items, err := d.itemList(in, path, "one or more {number, shares}; only the last may leave out shares, and takes the rest")
	if err != nil {
		return nil, err
	}
	news := make([]newNumber, 0, len(items))
	for i, item := range items {
		it, nn, err := d.exchangeItem(item, itemPath(path, i), i == len(items)-1)
		if err != nil {
			return nil, err
		}
		nn.field = fmt.Sprintf("into[%d].number", i+1)
		x.Into = append(x.Into, it)
		news = append(news, nn)
	}
	return news, nil
}

// exchangeItem decodes one new warrant of an exchange, at path; last says
// whether it is the last, which alone may leave out its shares.
func (d *caseDecoder) exchangeItem(n *yaml.Node, path string, last bool) (compute.ExchangeItem, newNumber, error) {
	var it compute.ExchangeItem
	c, err := d.mapping(n, path, exchangeItemKey)
	if err != nil {
		return it, newNumber{}, err
	}
	if err := c.require(d, "number"); err != nil {
		return it, newNumber{}, err
	}
	if !last {
		if err := c.require(d, "shares"); err != nil {
			return it, newNumber{}, withAllowed(err, "shares for every item but the last, which takes the rest")
		}
	}
	nn := newNumber{node: resolveAlias(c.get("number"))}
	if it.Number, err = d.warrantNumber(c.get("number"), path+".number"); err != nil {
		return it, newNumber{}, err
	}
	nn.number = it.Number
	if sn := c.get("shares"); sn != nil {
		if it.Shares, err = d.shares(sn, path+".shares"); err != nil {
			return it, newNumber{}, err
		}
	}
	return it, nn, nil
}

// withAllowed sets what is allowed on an input error that says nothing of it.
func withAllowed(err error, allowed string) error {
	if ie, ok := err.(*compute.InputError); ok && ie.Allowed == "" {
		ie.Allowed = allowed
	}
	return err
}
