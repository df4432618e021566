package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/ocf"
	"github.com/warrantkit/warrantkit/templates"
)

// issuedNumbers is what a series has issued: the numeric suffixes of its
// warrant numbers, the highest, and the widest suffix (for zero padding).
type issuedNumbers struct {
	series  string
	taken   map[int]bool
	highest int
	width   int
}

func newIssued(series string) *issuedNumbers {
	return &issuedNumbers{series: series, taken: map[int]bool{}, width: 3}
}

// add records a warrant number; numbers outside the series are ignored.
func (in *issuedNumbers) add(number string) {
	suffix, ok := strings.CutPrefix(number, in.series+"-")
	n, err := strconv.Atoi(suffix)
	if !ok || err != nil {
		return
	}
	in.taken[n] = true
	in.highest, in.width = max(in.highest, n), max(in.width, len(suffix))
}

func (in *issuedNumbers) format(n, width int) string {
	return fmt.Sprintf("%s-%0*d", in.series, width, n)
}

// numbers hands out count new numbers: from first (--first-number) if given,
// else after the highest issued. Every one of them must be free.
func (in *issuedNumbers) numbers(first string, count int) (*newNumbers, error) {
	next, width := in.highest+1, in.width
	if first != "" {
		suffix, ok := strings.CutPrefix(first, in.series+"-")
		n, err := strconv.Atoi(suffix)
		if !ok || err != nil || n < 0 {
			return nil, &compute.InputError{Field: "--first-number", Problem: fmt.Sprintf("%q is not a number of series %s", first, in.series), Allowed: in.series + "-NNN"}
		}
		next, width = n, max(3, len(suffix))
	}
	for n := next; n < next+count; n++ {
		if in.taken[n] {
			return nil, &compute.InputError{Field: "--first-number", Problem: fmt.Sprintf("%s is already issued", in.format(n, width)),
				Allowed: fmt.Sprintf("%d numbers not in the register, such as from %s", count, in.format(in.highest+1, in.width))}
		}
	}
	return &newNumbers{series: in.series, next: next, width: width}, nil
}

// newNumbers hands out new warrant numbers in order.
type newNumbers struct {
	series string
	next   int
	width  int
}

// numbering hands out count new numbers after the case's warrants.
func numbering(c *compute.Case, first string, count int) (*newNumbers, error) {
	in := newIssued(c.Terms.Series)
	for _, w := range c.Warrants {
		in.add(w.Number)
	}
	return in.numbers(first, count)
}

// peek is the next number, take hands it out.
func (nn *newNumbers) peek() string { return fmt.Sprintf("%s-%0*d", nn.series, nn.width, nn.next) }

func (nn *newNumbers) take() string {
	s := nn.peek()
	nn.next++
	return s
}

// writeReplacement writes the warrant that replaces old for shares (the
// balance or an assignee's part), as of date, into DIR/warrants, lists it in
// rec, and returns the new warrant.
func writeReplacement(rec *ocf.Record, dir string, c *compute.Case, old compute.Warrant, holder compute.Holder, shares decimal.Decimal,
	number string, adj *compute.Adjustment, date compute.Date, opt templates.Options) (compute.Warrant, error) {
	nw := compute.Warrant{Number: number, Holder: holder, Shares: shares, Parent: old.Number}
	doc, err := templates.Warrant(c, templates.WarrantInput{
		Warrant: nw, Replacing: old.Number, State: compute.State{Price: adj.Final.Price, Shares: shares},
		Entries: adj.Entries, Issued: date,
	}, opt)
	if err != nil {
		return nw, err
	}
	return nw, recordDoc(rec, dir, "warrants/"+fileName(number)+".pdf", doc)
}
