package main

import (
	"context"
	"fmt"
	"github.com/warrantkit/warrantkit/books/folder"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

func runAssign(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "assign", "CASE --warrant NUM --to NAME --to-address ADDR --date D [--shares N] --out DIR")
	warrant := fs.String("warrant", "", "the warrant transferred (required)")
	to := fs.String("to", "", "the assignee's name (required)")
	toAddress := fs.String("to-address", "", "the assignee's address, lines separated by | (required)")
	sharesFlag := fs.String("shares", "", "assign only this many shares of Warrant Stock (Partial Assignment); default: the whole Warrant")
	date := fs.String("date", "", "date of the assignment, `YYYY-MM-DD` (required)")
	attorney := fs.String("attorney", "", "the attorney appointed to transfer the Warrant on the Issuer's books")
	out := fs.String("out", "", "write the filled Assignment or Partial Assignment, the new warrants and the issuer record into `DIR`, which must be empty or absent (required)")
	first := fs.String("first-number", "", "the number of the first new warrant (default: next in the series)")
	register := fs.String("register", "", "take the warrants from this register `CSV` instead of the case file")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("assign", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "warrant", "to", "to-address", "date", "out"); err != nil {
		return err
	}
	if err := checkOutDir("assign", "--out", *out, false); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	c, err := loadCase(path, *register)
	if err != nil {
		return err
	}
	w, err := findWarrant(c, *warrant)
	if err != nil {
		return err
	}
	day, err := compute.ParseDate(*date)
	if err != nil {
		return &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	if day.Before(c.Terms.OriginalIssueDate) || day.After(c.Terms.ExpirationDate()) {
		return &compute.InputError{Field: "--date", Problem: fmt.Sprintf("%s is outside the Term", day), Allowed: fmt.Sprintf("%s to %s", c.Terms.OriginalIssueDate, c.Terms.ExpirationDate())}
	}
	adj, err := compute.Adjust(c.Terms, w, c.Events, day)
	if err != nil {
		return inFile(err, path)
	}
	adj.MakePending()
	n := adj.Final.Shares
	in := templates.AssignInput{Warrant: w, Assignee: compute.Holder{Name: strings.TrimSpace(*to), Address: splitAddress(*toAddress)},
		Attorney: *attorney, Date: day, Shares: n}
	if *sharesFlag != "" {
		s, err := decimalFlag("--shares", *sharesFlag)
		if err != nil {
			return err
		}
		if s.Sign() <= 0 || s.GreaterThan(n) || !s.Equal(s.Round(c.Terms.ShareDecimals)) {
			return &compute.InputError{Field: "--shares", Problem: fmt.Sprintf("%s is not a part of the Warrant Share Number %s in effect on %s", s, n.StringFixed(c.Terms.ShareDecimals), day),
				Allowed: fmt.Sprintf("more than 0 and at most %s, with at most %d decimals", n.StringFixed(c.Terms.ShareDecimals), c.Terms.ShareDecimals)}
		}
		in.Shares, in.Partial = s, !s.Equal(n)
	}
	count := 1 // the assignee's warrant, and the balance's for a partial assignment
	if in.Partial {
		count = 2
	}
	nn, err := numbering(c, *first, count) // checked before anything is written
	if err != nil {
		return err
	}
	doc, err := templates.Assignment(c, in, opt)
	if err != nil {
		return err
	}
	kind := "assignment"
	if in.Partial {
		kind = "partial-assignment"
	}
	rec, err := newRecord(*out, "assign", path, *register, c, w, adj.Final)
	if err != nil {
		return err
	}
	rec.Assignment = &folder.Assignment{Date: day.String(), Partial: in.Partial, Assignee: recordHolder(in.Assignee), Attorney: in.Attorney,
		Shares: in.Shares.StringFixed(c.Terms.ShareDecimals)}
	if err := recordDoc(rec, *out, kind+"-"+fileName(w.Number)+".pdf", doc); err != nil {
		return err
	}
	record := templates.RecordInput{Old: w, Date: day, Reason: fmt.Sprintf("was transferred to %s (%s shares of Warrant Stock)", in.Assignee.Name, templates.Figures(in.Shares, c.Terms.ShareDecimals))}
	assignee, err := writeReplacement(rec, *out, c, w, in.Assignee, in.Shares, nn.take(), adj, day, opt)
	if err != nil {
		return err
	}
	record.New, record.Shares = append(record.New, assignee), append(record.Shares, in.Shares)
	rec.NewWarrants = append(rec.NewWarrants, recordWarrant("assignee", c, assignee.Number, assignee.Holder, assignee.Shares, adj.Final.Price))
	if in.Partial {
		balance, err := writeReplacement(rec, *out, c, w, w.Holder, n.Sub(in.Shares), nn.take(), adj, day, opt)
		if err != nil {
			return err
		}
		record.New, record.Shares = append(record.New, balance), append(record.Shares, balance.Shares)
		rec.NewWarrants = append(rec.NewWarrants, recordWarrant("balance", c, balance.Number, balance.Holder, balance.Shares, adj.Final.Price))
	}
	rdoc, err := templates.IssuerRecord(c, record, opt)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, *out, "records/"+fileName(w.Number)+".pdf", rdoc); err != nil {
		return err
	}
	if err := finishRecord(*out, rec); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s: %s of %s shares to %s; new warrants:", w.Number, kind, in.Shares.StringFixed(c.Terms.ShareDecimals), in.Assignee.Name)
	for i, nw := range record.New {
		fmt.Fprintf(env.Stdout, " %s (%s, %s shares)", nw.Number, nw.Holder.Name, record.Shares[i].StringFixed(c.Terms.ShareDecimals))
	}
	fmt.Fprintln(env.Stdout)
	return nil
}

// splitAddress splits "line 1|line 2" into trimmed lines.
func splitAddress(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "|") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
