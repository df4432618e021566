package casefile_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

// A case file names the Issuer, states the terms of the series, lists its
// warrants and the Issuer's events; a term it leaves out keeps the Warrant's
// default.
func ExampleDecode() {
	const src = `
issuer:
  name: "Glowpoint, Inc."
terms:
  series: W-F-05
  original_issue_date: 2005-03-14
  exercise_start: 2005-09-15
  expiration: 2010-03-14             # 5:00 p.m. that day
  time_zone: America/New_York
  initial_warrant_price: "2.40"
  market_value_at_issue: {exchange: {bid: "1.90", ask: "2.00"}}
warrants:
  - number: W-F-05-001
    holder: {name: "Alpha Capital Anstalt", address: ["Pradafant 7", "9490 Vaduz, Liechtenstein"]}
    shares: "250000"
events:
  - type: stock-split
    date: 2006-01-17
    ratio: "3:1"
`
	c, err := casefile.Decode("glowpoint.yaml", strings.NewReader(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	t := c.Terms
	fmt.Println("series", t.Series, "expires", t.Expiration.Format("2006-01-02 15:04 MST"))
	fmt.Println("Warrant Price", t.InitialWarrantPrice.StringFixed(2), "floor", t.MarketValueAtIssue.StringFixed(2), "cap", t.OwnershipCapPercent.String()+"%")
	for _, w := range c.Warrants {
		fmt.Println(w.Number, w.Holder.Name, w.Shares)
	}
	for _, e := range c.Events {
		fmt.Println(e.Date, e.Type, e.Ratio.New.String()+":"+e.Ratio.Old.String())
	}
	// Output:
	// series W-F-05 expires 2010-03-14 17:00 EDT
	// Warrant Price 2.40 floor 1.95 cap 4.999%
	// W-F-05-001 Alpha Capital Anstalt 250000
	// 2006-01-17 stock-split 3:1
}

// Every problem with a case file is a *compute.InputError naming the file,
// the line, the field, what is wrong and what is allowed.
func ExampleDecode_invalid() {
	const src = `
issuer: {name: "Glowpoint, Inc."}
terms:
  series: W-F-05
  original_issue_date: 2005-03-14
  exercise_start: 2005-09-15
  expiration: 2010-03-14T17:00:00
  initial_warrant_price: "2.4e0"
  market_value_at_issue: "1.95"
`
	_, err := casefile.Decode("bad.yaml", strings.NewReader(src))
	var ie *compute.InputError
	fmt.Println(errors.Is(err, compute.ErrInvalid), errors.As(err, &ie), ie.Line, ie.Field)
	fmt.Println(err)
	// Output:
	// true true 8 terms.initial_warrant_price
	// bad.yaml:8: terms.initial_warrant_price: "2.4e0" is not a decimal (allowed: a decimal such as 2.40 or "250000": digits, an optional decimal point and fraction; no exponent, no separators)
}

// A register lists the warrants of a series too large to write inline; it
// is read a row at a time, checked against the case file's terms.
func ExampleReadRegister() {
	const csv = `number,holder_name,holder_address,shares
W-F-05-001,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,250000
W-F-05-002,'=Gryphon Master Fund,100 Crescent Court|Dallas,166667.5
`
	t := compute.DefaultTerms()
	t.Series = "W-F-05"
	ws, err := casefile.ReadRegister("register.csv", strings.NewReader(csv), t)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range ws {
		fmt.Printf("row %d: %s %q %q %s\n", w.Line, w.Number, w.Holder.Name, w.Holder.Address, w.Shares)
	}
	// Output:
	// row 1: W-F-05-001 "Alpha Capital Anstalt" ["Pradafant 7" "9490 Vaduz"] 250000
	// row 2: W-F-05-002 "=Gryphon Master Fund" ["100 Crescent Court" "Dallas"] 166667.5
}
