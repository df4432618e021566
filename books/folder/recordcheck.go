package folder

import (
	"fmt"
	"path"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/internal/strictjson"
)

// checkRecord checks the values of a record of the right shape: decimal
// strings, dates, relative paths, sha256 digests, the series of every
// warrant, the roles of the new warrants. It returns the first problem.
func checkRecord(file string, r *Record) error {
	c := &recordCheck{file: file, r: r, roles: map[string]int{}}
	c.file_("/inputs/case", r.Inputs.Case)
	if r.Inputs.Register != nil {
		c.file_("/inputs/register", *r.Inputs.Register)
	}
	c.warrant("/warrant", r.Warrant)
	if r.Warrant.Role != "" {
		c.bad("/warrant/role", "the warrant before has no role", "no role")
	}
	c.newWarrants()
	for i, f := range r.Files {
		ptr := fmt.Sprintf("/files/%d", i)
		c.file_(ptr, f)
		if !strings.HasSuffix(f.Path, ".pdf") {
			c.bad(ptr+"/path", fmt.Sprintf("%s is not a PDF", f.Path), "the PDFs the command wrote")
		}
	}
	if e := r.Exercise; e != nil {
		c.exercise(e)
	}
	if a := r.Assignment; a != nil {
		c.assignment(a)
	}
	if len(c.probs) > 0 {
		return c.probs[0]
	}
	return nil
}

// recordCheck is a record being checked and the problems found.
type recordCheck struct {
	file  string
	r     *Record
	probs []error
	roles map[string]int // the new warrants' roles, counted
}

func (c *recordCheck) bad(ptr, problem, allowed string) {
	c.probs = append(c.probs, &compute.InputError{File: c.file, Field: ptr, Problem: problem, Allowed: allowed})
}

func (c *recordCheck) num(ptr, s string, positive bool) {
	d, pr := strictjson.ParseNumeric(s)
	switch {
	case pr != "":
		c.bad(ptr, pr, strictjson.NumericAllowed)
	case d.Sign() < 0 || (positive && d.Sign() == 0):
		c.bad(ptr, fmt.Sprintf("%s is not positive", s), "a number above 0")
	}
}

func (c *recordCheck) date(ptr, s string) {
	if _, err := compute.ParseDate(s); err != nil {
		c.bad(ptr, err.Error(), "YYYY-MM-DD")
	}
}

func (c *recordCheck) file_(ptr string, f File) {
	if _, err := safepath.Clean(f.Path, safepath.From{File: c.file, Field: ptr + "/path"}); err != nil {
		c.probs = append(c.probs, err)
	} else if path.Clean(f.Path) != f.Path {
		c.bad(ptr+"/path", fmt.Sprintf("%q is not a clean path", f.Path), "a relative slash-separated path such as warrants/W-F-05-013.pdf")
	}
	if len(f.SHA256) != 64 || strings.Trim(f.SHA256, "0123456789abcdef") != "" {
		c.bad(ptr+"/sha256", fmt.Sprintf("%q is not a sha256", f.SHA256), "64 lower-case hex digits")
	}
	if f.Size < 0 {
		c.bad(ptr+"/size", "is negative", "0 or more bytes")
	}
}

func (c *recordCheck) warrant(ptr string, w Warrant) {
	series := c.r.Series
	if !strings.HasPrefix(w.Number, series+"-") {
		c.bad(ptr+"/number", fmt.Sprintf("%q is not a warrant of series %s", w.Number, series), series+"-NNN")
	}
	if strings.TrimSpace(w.Holder.Name) == "" {
		c.bad(ptr+"/holder/name", "is empty", "the holder's name")
	}
	c.num(ptr+"/shares", w.Shares, true)
	c.num(ptr+"/price", w.Price, true)
}

// newWarrants checks the new warrants and counts their roles: a balance,
// and for an assignment an assignee, each once.
func (c *recordCheck) newWarrants() {
	command := c.r.Command
	for i, w := range c.r.NewWarrants {
		ptr := fmt.Sprintf("/new_warrants/%d", i)
		c.warrant(ptr, w)
		c.roles[w.Role]++
		switch {
		case w.Role == "balance" || (w.Role == "assignee" && command == "assign"):
		default:
			c.bad(ptr+"/role", fmt.Sprintf("%q is not a new warrant of %s", w.Role, command), map[string]string{"exercise": "balance", "assign": "assignee or balance"}[command])
		}
		if c.roles[w.Role] > 1 {
			c.bad(ptr+"/role", fmt.Sprintf("a second %s warrant", w.Role), "one warrant per role")
		}
	}
}

func (c *recordCheck) exercise(e *Exercise) {
	c.date("/exercise/date", e.Date)
	if e.Method != compute.MethodCash && e.Method != compute.MethodCashless && e.Method != compute.MethodCombined {
		c.bad("/exercise/method", fmt.Sprintf("%q is not a method of exercise", e.Method), "cash, cashless or combined")
	}
	c.num("/exercise/warrant_price", e.WarrantPrice, true)
	if e.MarketValue != "" {
		c.num("/exercise/market_value", e.MarketValue, true)
	}
	c.num("/exercise/shares_exercised", e.SharesExercised, true)
	for _, f := range []struct{ name, value string }{{"cashless_shares", e.CashlessShares}, {"cash_shares", e.CashShares}, {"shares_issued", e.SharesIssued},
		{"shares_canceled", e.SharesCanceled}, {"fraction", e.Fraction}, {"cash_in_lieu", e.CashInLieu}, {"aggregate_price", e.AggregatePrice}, {"remaining_shares", e.RemainingShares}} {
		c.num("/exercise/"+f.name, f.value, false)
	}
	if c.roles["balance"] == 0 && len(c.probs) == 0 {
		if rem, _ := strictjson.ParseNumeric(e.RemainingShares); rem.Sign() > 0 {
			c.bad("/new_warrants", fmt.Sprintf("%s shares remain and no balance warrant is recorded", e.RemainingShares), "a new warrant with role balance")
		}
	}
}

func (c *recordCheck) assignment(a *Assignment) {
	c.date("/assignment/date", a.Date)
	c.num("/assignment/shares", a.Shares, true)
	if strings.TrimSpace(a.Assignee.Name) == "" {
		c.bad("/assignment/assignee/name", "is empty", "the assignee's name")
	}
	if c.roles["assignee"] != 1 {
		c.bad("/new_warrants", "no assignee warrant", "one new warrant with role assignee")
	}
	if a.Partial != (c.roles["balance"] == 1) {
		c.bad("/assignment/partial", fmt.Sprintf("partial is %t with %d balance warrants", a.Partial, c.roles["balance"]), "true with one balance warrant, false with none")
	}
}
