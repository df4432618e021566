package main

import (
	"context"
	"fmt"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
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
	first := fs.String("first-number", "", "the number of the first new warrant (default: the next free number of the ledger)")
	record := fs.Bool("record", false, "also replace CASE with the ledger written into DIR (CASE plus this assignment), atomically")
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
	if err := books.CheckOutDir("assign", "--out", *out, false); err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	opt.FirstNumber = *first
	b, err := books.Open(path, *register)
	if err != nil {
		return err
	}
	for _, f := range []struct{ flag, value string }{{"--to", *to}, {"--to-address", *toAddress}, {"--attorney", *attorney}} {
		if err := books.FlagPrintable(f.flag, f.value, opt.Documents.Font); err != nil {
			return err
		}
	}
	a := books.Assignment{Assignee: books.Holder(*to, *toAddress), Attorney: *attorney, Shares: *sharesFlag}
	if a.Warrant, err = b.Outstanding(*warrant); err != nil {
		return err
	}
	if a.Date, err = compute.ParseDate(*date); err != nil {
		return &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	tr, err := b.Assign(a, *out, *record, opt)
	if err != nil {
		return err
	}
	places := b.Terms.ShareDecimals
	fmt.Fprintf(env.Stdout, "%s: %s of %s shares to %s; new warrants:", a.Warrant, tr.Kind, tr.Shares.StringFixed(places), a.Assignee.Name)
	for _, nw := range tr.New {
		fmt.Fprintf(env.Stdout, " %s (%s, %s shares)", nw.Number, nw.Holder.Name, nw.Shares.StringFixed(places))
	}
	fmt.Fprintln(env.Stdout)
	return nil
}
