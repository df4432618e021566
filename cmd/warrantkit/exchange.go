package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
)

func runExchange(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "exchange", "CASE --warrant NUM --into SHARES,SHARES[,…|rest] --date D --out DIR [--record]")
	warrant := fs.String("warrant", "", "the warrant surrendered for exchange (required)")
	into := fs.String("into", "", "the Warrant Share Number of each new warrant, separated by commas; the last may be rest (required)")
	date := fs.String("date", "", "date of the exchange, `YYYY-MM-DD` (required)")
	out := fs.String("out", "", "write the new warrants, the issuer record and the ledger into `DIR`, which must be empty or absent (required)")
	first := fs.String("first-number", "", "the number of the first new warrant (default: the next free number of the ledger)")
	record := fs.Bool("record", false, "also replace CASE with the ledger written into DIR (CASE plus this exchange), atomically")
	register := fs.String("register", "", "take the original warrants from this register `CSV` instead of the case file")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("exchange", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "warrant", "into", "date", "out"); err != nil {
		return err
	}
	b, day, opt, err := openTransaction(env, "exchange", path, *register, *date, *out, *first, df)
	if err != nil {
		return err
	}
	num, err := b.Outstanding(*warrant)
	if err != nil {
		return err
	}
	news, err := b.Exchange(num, strings.Split(*into, ","), day, *out, *record, opt)
	if err != nil {
		return err
	}
	printNew(env.Stdout, b, num, "exchanged for", news)
	return nil
}

func runReplace(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "replace", "CASE --warrant NUM --reason lost|stolen|destroyed|mutilated --date D --out DIR [--record]")
	warrant := fs.String("warrant", "", "the warrant lost, stolen, destroyed or mutilated (required)")
	reason := fs.String("reason", "", "why it is replaced (§3(d)): lost, stolen, destroyed or mutilated (required)")
	date := fs.String("date", "", "date of the replacement, `YYYY-MM-DD` (required)")
	out := fs.String("out", "", "write the new warrant, the issuer record and the ledger into `DIR`, which must be empty or absent (required)")
	first := fs.String("first-number", "", "the number of the new warrant (default: the next free number of the ledger)")
	record := fs.Bool("record", false, "also replace CASE with the ledger written into DIR (CASE plus this replacement), atomically")
	register := fs.String("register", "", "take the original warrants from this register `CSV` instead of the case file")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	path, err := oneArg("replace", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "warrant", "reason", "date", "out"); err != nil {
		return err
	}
	b, day, opt, err := openTransaction(env, "replace", path, *register, *date, *out, *first, df)
	if err != nil {
		return err
	}
	num, err := b.Outstanding(*warrant)
	if err != nil {
		return err
	}
	news, err := b.Replace(num, *reason, day, *out, *record, opt)
	if err != nil {
		return err
	}
	printNew(env.Stdout, b, num, "replaced by", news)
	return nil
}

// openTransaction checks what every transaction command takes: the output
// directory (empty or absent), the date, the document options; and opens the
// books.
func openTransaction(env *Env, command, path, register, date, out, first string, df docFlags) (*books.Books, compute.Date, books.Options, error) {
	if err := books.CheckOutDir(command, "--out", out, false); err != nil {
		return nil, compute.Date{}, books.Options{}, err
	}
	day, err := compute.ParseDate(date)
	if err != nil {
		return nil, day, books.Options{}, &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	opt, err := df.options(env)
	if err != nil {
		return nil, day, opt, err
	}
	opt.FirstNumber = first
	b, err := books.Open(path, register)
	return b, day, opt, err
}

// printNew prints what a transaction issued.
func printNew(w io.Writer, b *books.Books, num, what string, news []compute.Warrant) {
	fmt.Fprintf(w, "%s %s:", num, what)
	for _, nw := range news {
		fmt.Fprintf(w, " %s (%s, %s shares)", nw.Number, nw.Holder.Name, nw.Shares.StringFixed(b.Terms.ShareDecimals))
	}
	fmt.Fprintln(w)
}
