package books

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// An Assignment is a transfer of a warrant on the books of the Issuer
// (§2(e)): in whole, or in part (a Partial Assignment) when Shares is less
// than the Warrant Share Number in effect on Date.
type Assignment struct {
	Warrant  string // the number of the warrant transferred, outstanding in the ledger
	Assignee compute.Holder
	Attorney string // appointed to transfer the Warrant on the Issuer's books
	Date     compute.Date
	Shares   string // shares of Warrant Stock assigned, a decimal; "" for the whole Warrant
}

// A Transfer is what an assignment did: its kind ("assignment" or
// "partial-assignment"), the shares assigned and the new warrants, the
// assignee's first and, for a partial assignment, the balance's.
type Transfer struct {
	Kind   string
	Shares decimal.Decimal
	New    []compute.Warrant
}

// Assign transfers a warrant and writes into out (absent or empty) the
// filled Assignment or Partial Assignment, the new warrants and the
// issuer's record, the ledger with the assignment appended (SPEC §5.2), then,
// last, assignment.json; with record the case file is then replaced by the
// ledger. §2(e): "each new Warrant to represent the right to purchase such
// number of shares of Warrant Stock as the Holder hereof shall designate":
// the assignee's part and, for a part, the balance, both at the Warrant
// Price in effect on the date.
func (b *Books) Assign(a Assignment, out string, record bool, opt Options) (*Transfer, error) {
	if err := b.Printable(opt.Documents.Font); err != nil {
		return nil, err
	}
	if err := holderPrintable(&compute.InputError{Field: "assignee"}, a.Assignee, "the assignee", opt.Documents.Font); err != nil {
		return nil, err
	}
	t, day := b.Terms, a.Date
	if err := inTerm(t, "assignment_date", day); err != nil {
		return nil, err
	}
	adj, err := b.acting(a.Warrant, day)
	if err != nil {
		return nil, err
	}
	w := adj.Subject
	w.Number = adj.Warrant
	in, err := assignInput(a, w, adj.Final.Shares, t)
	if err != nil {
		return nil, err
	}
	count := 1 // the assignee's warrant, and the balance's for a partial assignment
	if in.Partial {
		count = 2
	}
	nn, err := b.NewNumbers(opt.FirstNumber, count) // checked before anything is written
	if err != nil {
		return nil, err
	}
	tx := b.next(compute.TxAssignment, w.Number, day)
	tx.To, tx.Number = in.Assignee, nn[0]
	if in.Partial {
		tx.Shares, tx.Balance = in.Shares, nn[1]
	}
	st, err := b.perform(tx)
	if err != nil {
		return nil, err
	}
	tr := &Transfer{Kind: "assignment", Shares: in.Shares}
	if in.Partial {
		tr.Kind = "partial-assignment"
	}
	doc, err := templates.Assignment(b.Case, in, opt.Documents)
	if err != nil {
		return nil, err
	}
	rec, err := newRecord(b, "assign", w, adj.Final, opt)
	if err != nil {
		return nil, err
	}
	rec.Assignment = &folder.Assignment{Date: day.String(), Partial: in.Partial, Assignee: recordHolder(in.Assignee), Attorney: in.Attorney,
		Shares: in.Shares.StringFixed(t.ShareDecimals)}
	if err := recordDoc(rec, tr.Kind+"-"+fileName(w.Number)+".pdf", doc); err != nil {
		return nil, err
	}
	for _, a := range st.news {
		nw := a.Subject
		nw.Number = a.Warrant
		tr.New = append(tr.New, nw)
	}
	return tr, b.finishTransaction(out, rec, st, w, record, opt.Documents)
}

// Holder is a holder as the commands take one: a name, and an address whose
// lines are separated by | (as in a register's holder_address), each
// trimmed, empty lines dropped.
func Holder(name, address string) compute.Holder {
	h := compute.Holder{Name: strings.TrimSpace(name)}
	for _, l := range strings.Split(address, "|") {
		if l = strings.TrimSpace(l); l != "" {
			h.Address = append(h.Address, l)
		}
	}
	return h
}

// assignInput is the Assignment as the form states it: the whole Warrant
// Share Number n in effect, or a part of it (more than 0, at most n, in the
// Warrant's decimals), which makes it a Partial Assignment.
func assignInput(a Assignment, w compute.Warrant, n decimal.Decimal, t compute.Terms) (templates.AssignInput, error) {
	in := templates.AssignInput{Warrant: w, Assignee: a.Assignee, Attorney: a.Attorney, Date: a.Date, Shares: n}
	if a.Shares == "" {
		return in, nil
	}
	s, err := ParseDecimal("shares", a.Shares)
	if err != nil {
		return in, err
	}
	if s.Sign() <= 0 || s.GreaterThan(n) || !s.Equal(s.Round(t.ShareDecimals)) {
		return in, &compute.InputError{Field: "shares", Problem: fmt.Sprintf("%s is not a part of the Warrant Share Number %s in effect on %s", s, n.StringFixed(t.ShareDecimals), a.Date),
			Allowed: fmt.Sprintf("more than 0 and at most %s, with at most %d decimals", n.StringFixed(t.ShareDecimals), t.ShareDecimals)}
	}
	in.Shares, in.Partial = s, !s.Equal(n)
	return in, nil
}

var (
	plainDecimal = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)
	// groupedDecimal has commas between groups of three digits: 1,250,000.50.
	groupedDecimal = regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
)

// ParseDecimal parses a decimal number exactly, as the commands take one:
// digits with an optional decimal point, commas allowed between groups of
// three digits before it (1,250,000; not 12,5, which may mean 12.5). A
// problem is an *compute.InputError naming field.
func ParseDecimal(field, s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	allowed := "digits with an optional decimal point, such as 250000, 250,000 or 1.20"
	if strings.Contains(s, ",") {
		if !groupedDecimal.MatchString(s) {
			return decimal.Decimal{}, &compute.InputError{Field: field, Problem: fmt.Sprintf("%q: a comma separates thousands, in groups of three digits; the decimal point is a point", s), Allowed: allowed}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	if !plainDecimal.MatchString(s) {
		return decimal.Decimal{}, &compute.InputError{Field: field, Problem: fmt.Sprintf("%q is not a decimal number", s), Allowed: allowed}
	}
	return decimal.RequireFromString(s), nil
}
