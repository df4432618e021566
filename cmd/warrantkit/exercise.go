package main

import (
	"context"
	"fmt"
	"io"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
)

func runExercise(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "exercise", "CASE --warrant NUM --shares Y --date D [--method cash|cashless|combined] [--market-value B] [--owned H --outstanding O] [--json]")
	warrant := fs.String("warrant", "", "the warrant exercised, e.g. W-F-05-001 (required)")
	var f books.ExerciseForm
	fs.StringVar(&f.Shares, "shares", "", "Y: shares of Warrant Stock exercised, including any canceled in a cashless exercise (required)")
	fs.StringVar(&f.Date, "date", "", "date of exercise `YYYY-MM-DD`, or YYYY-MM-DDTHH:MM in the Warrant's time zone on the last day (required)")
	fs.StringVar(&f.Method, "method", compute.MethodCash, "how the Warrant Price is paid: cash, cashless or combined (§2(b))")
	fs.StringVar(&f.CashlessShares, "cashless-shares", "", "with --method combined: the part of --shares exercised cashless")
	fs.StringVar(&f.MarketValue, "market-value", "", "B: the Per Share Market Value (§8); needed for cashless exercise and fractional cash")
	fs.StringVar(&f.Owned, "owned", "", "H: shares of Common Stock the holder owns before the exercise (§7), as it states on the Exercise Form (default: not stated, taken as 0)")
	fs.StringVar(&f.Outstanding, "outstanding", "", "O: shares of Common Stock outstanding (§7); needed while the cap applies")
	fs.StringVar(&f.WaiverNotice, "waiver-notice", "", "date a §7 Waiver Notice for all shares was given, `YYYY-MM-DD` (a notice for part of the Warrant is not applied: see README)")
	register := fs.String("register", "", "take the warrants from this register `CSV` instead of the case file")
	asJSON := fs.Bool("json", false, "print the exercise as JSON: price, shares issued and canceled, cash, remaining shares, delivery deadline, the §7 cap")
	out := fs.String("out", "", "write the filled Exercise Form, the new warrant for the balance and the issuer record into `DIR`, which must be empty or absent")
	first := fs.String("first-number", "", "with --out: the number of the new warrant for the balance (default: the next free number of the ledger)")
	record := fs.Bool("record", false, "with --out: also replace CASE with the ledger written into DIR (CASE plus this exercise), atomically")
	df := newDocFlags(fs, "attach each document's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	env.JSONErrors = *asJSON
	path, err := oneArg("exercise", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "warrant", "shares", "date"); err != nil {
		return err
	}
	if *out != "" {
		if err := books.CheckOutDir("exercise", "--out", *out, false); err != nil {
			return err
		}
	}
	if *record && *out == "" {
		return &books.UsageError{Msg: "exercise: --record needs --out DIR"}
	}
	b, err := books.Open(path, *register)
	if err != nil {
		return err
	}
	num, err := b.Outstanding(*warrant)
	if err != nil {
		return err
	}
	in, err := f.Input(b.Terms)
	if err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	opt.FirstNumber = *first
	res, err := b.Exercise(num, in, *out, *record, opt)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	printExercise(env.Stdout, num, res)
	return nil
}

// printExercise prints an exercise for a person.
func printExercise(out io.Writer, num string, res *compute.ExerciseResult) {
	fmt.Fprintf(out, "%s exercised %s on %s for %s shares at the Warrant Price %s\n", num, res.Method, res.Date, res.SharesExercised, res.WarrantPrice)
	fmt.Fprintf(out, "  %s\n", res.Computation)
	fmt.Fprintf(out, "  shares issued %s, cash in lieu %s, aggregate price %s, canceled %s\n", res.SharesIssued, res.CashInLieu, res.AggregatePrice, res.SharesCanceled)
	fmt.Fprintf(out, "  remaining %s (new warrant for the balance), certificates due by %s\n", res.RemainingShares, res.DeliveryDeadline)
	if res.Cap.Applies {
		fmt.Fprintf(out, "  §7 cap applies: at most %s shares may be issued\n", res.Cap.MaxShares)
	} else {
		fmt.Fprintf(out, "  §7 cap does not apply: %s\n", res.Cap.Reason)
	}
}
