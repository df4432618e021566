package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// nextNumber is the first number of the series after every number in the
// case's warrants: W-F-05-004 → W-F-05-005.
func nextNumber(c *compute.Case) string {
	highest := 0
	width := 3
	for _, w := range c.Warrants {
		suffix := strings.TrimPrefix(w.Number, c.Terms.Series+"-")
		if n, err := strconv.Atoi(suffix); err == nil && n > highest {
			highest = n
			width = max(width, len(suffix))
		}
	}
	return fmt.Sprintf("%s-%0*d", c.Terms.Series, width, highest+1)
}

// newNumbers hands out new warrant numbers: from --first-number if given,
// else after the highest in the case.
type newNumbers struct {
	series string
	next   int
	width  int
}

func numbering(c *compute.Case, first string) (*newNumbers, error) {
	if first == "" {
		first = nextNumber(c)
	}
	suffix, ok := strings.CutPrefix(first, c.Terms.Series+"-")
	n, err := strconv.Atoi(suffix)
	if !ok || err != nil || n < 0 {
		return nil, &compute.InputError{Field: "--first-number", Problem: fmt.Sprintf("%q is not a number of series %s", first, c.Terms.Series), Allowed: c.Terms.Series + "-NNN"}
	}
	for _, w := range c.Warrants {
		if w.Number == first {
			return nil, &compute.InputError{Field: "--first-number", Problem: fmt.Sprintf("%s is already issued", first), Allowed: "a number not in the register, such as " + nextNumber(c)}
		}
	}
	return &newNumbers{series: c.Terms.Series, next: n, width: max(3, len(suffix))}, nil
}

func (nn *newNumbers) take() string {
	s := fmt.Sprintf("%s-%0*d", nn.series, nn.width, nn.next)
	nn.next++
	return s
}

// replacement writes the warrant that replaces old for shares (the balance or
// an assignee's part), as of date, and returns the new warrant.
func writeReplacement(dir string, c *compute.Case, old compute.Warrant, holder compute.Holder, shares decimal.Decimal,
	number string, adj *compute.Adjustment, date compute.Date, opt templates.Options) (compute.Warrant, error) {
	nw := compute.Warrant{Number: number, Holder: holder, Shares: shares, Parent: old.Number}
	doc, err := templates.Warrant(c, templates.WarrantInput{
		Warrant: nw, Replacing: old.Number, State: compute.State{Price: adj.Final.Price, Shares: shares},
		Entries: adj.Entries, Issued: date,
	}, opt)
	if err != nil {
		return nw, err
	}
	return nw, writeDoc(filepath.Join(dir, "warrants", fileName(number)+".pdf"), doc)
}
