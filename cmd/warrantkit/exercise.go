package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
)

func runExercise(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "exercise", "CASE --warrant NUM --shares Y --date D [--method cash|cashless|combined] [--market-value B] [--owned H --outstanding O] [--json]")
	warrant := fs.String("warrant", "", "the warrant exercised, e.g. W-F-05-001 (required)")
	f := exerciseFlags{
		shares:      fs.String("shares", "", "Y: shares of Warrant Stock exercised, including any canceled in a cashless exercise (required)"),
		date:        fs.String("date", "", "date of exercise `YYYY-MM-DD`, or YYYY-MM-DDTHH:MM in the Warrant's time zone on the last day (required)"),
		method:      fs.String("method", compute.MethodCash, "how the Warrant Price is paid: cash, cashless or combined (§2(b))"),
		cashless:    fs.String("cashless-shares", "", "with --method combined: the part of --shares exercised cashless"),
		market:      fs.String("market-value", "", "B: the Per Share Market Value (§8); needed for cashless exercise and fractional cash"),
		owned:       fs.String("owned", "0", "H: shares of Common Stock the holder owns before the exercise (§7)"),
		outstanding: fs.String("outstanding", "", "O: shares of Common Stock outstanding (§7); needed while the cap applies"),
		waiver:      fs.String("waiver-notice", "", "date a §7 Waiver Notice was given, `YYYY-MM-DD`"),
	}
	register := fs.String("register", "", "take the warrants from this register `CSV` instead of the case file")
	asJSON := fs.Bool("json", false, "print the exercise as JSON: price, shares issued and canceled, cash, remaining shares, delivery deadline, the §7 cap")
	out := fs.String("out", "", "write the filled Exercise Form, the new warrant for the balance and the issuer record into `DIR`, which must be empty or absent")
	first := fs.String("first-number", "", "with --out: the number of the new warrant for the balance (default: next in the series)")
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
		if err := checkOutDir("exercise", "--out", *out, false); err != nil {
			return err
		}
	}
	b, err := books.Open(path, *register)
	if err != nil {
		return err
	}
	w, err := b.Warrant(*warrant)
	if err != nil {
		return err
	}
	in, err := f.input(b.Terms)
	if err != nil {
		return err
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	opt.FirstNumber = *first
	res, err := b.Exercise(w, in, *out, opt)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	printExercise(env.Stdout, w, res)
	return nil
}

// printExercise prints an exercise for a person.
func printExercise(out io.Writer, w compute.Warrant, res *compute.ExerciseResult) {
	fmt.Fprintf(out, "%s exercised %s on %s for %s shares at the Warrant Price %s\n", w.Number, res.Method, res.Date, res.SharesExercised, res.WarrantPrice)
	fmt.Fprintf(out, "  %s\n", res.Computation)
	fmt.Fprintf(out, "  shares issued %s, cash in lieu %s, aggregate price %s, canceled %s\n", res.SharesIssued, res.CashInLieu, res.AggregatePrice, res.SharesCanceled)
	fmt.Fprintf(out, "  remaining %s (new warrant for the balance), certificates due by %s\n", res.RemainingShares, res.DeliveryDeadline)
	if res.Cap.Applies {
		fmt.Fprintf(out, "  §7 cap applies: at most %s shares may be issued\n", res.Cap.MaxShares)
	} else {
		fmt.Fprintf(out, "  §7 cap does not apply: %s\n", res.Cap.Reason)
	}
}

// exerciseFlags are the flags that state an exercise.
type exerciseFlags struct {
	shares, date, method, cashless, market, owned, outstanding, waiver *string
}

// input reads the flags into the exercise, each checked as it is read.
func (f exerciseFlags) input(t compute.Terms) (compute.ExerciseInput, error) {
	in := compute.ExerciseInput{Method: *f.method}
	var err error
	if in.Date, in.Time, err = parseExerciseDate(*f.date, t.Location); err != nil {
		return in, err
	}
	if in.Shares, err = decimalFlag("--shares", *f.shares); err != nil {
		return in, err
	}
	if *f.cashless != "" {
		if in.CashlessShares, err = decimalFlag("--cashless-shares", *f.cashless); err != nil {
			return in, err
		}
	} else if *f.method == compute.MethodCombined {
		return in, usageErrorf("exercise: --method combined needs --cashless-shares")
	}
	if *f.market != "" {
		b, err := decimalFlag("--market-value", *f.market)
		if err != nil {
			return in, err
		}
		if b.Sign() <= 0 {
			return in, &compute.InputError{Field: "--market-value", Problem: fmt.Sprintf("%s is not positive", b), Allowed: "a price above 0"}
		}
		mv := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{b}, t.PriceDecimals)
		in.MarketValue = &mv
	}
	if in.Owned, err = decimalFlag("--owned", *f.owned); err != nil {
		return in, err
	}
	if *f.outstanding != "" {
		if in.Outstanding, err = decimalFlag("--outstanding", *f.outstanding); err != nil {
			return in, err
		}
		if in.Outstanding.Sign() <= 0 {
			return in, &compute.InputError{Field: "--outstanding", Problem: fmt.Sprintf("%s is not positive", in.Outstanding), Allowed: "a number of shares above 0"}
		}
	}
	if in.Owned.Sign() < 0 {
		return in, &compute.InputError{Field: "--owned", Problem: fmt.Sprintf("%s is negative", in.Owned), Allowed: "0 or more shares"}
	}
	if *f.waiver != "" {
		if in.WaiverNotice, err = compute.ParseDate(*f.waiver); err != nil {
			return in, &compute.InputError{Field: "--waiver-notice", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
	}
	return in, nil
}

// parseExerciseDate accepts YYYY-MM-DD or a wall time YYYY-MM-DDTHH:MM[:SS]
// in the Warrant's time zone.
func parseExerciseDate(s string, loc *time.Location) (compute.Date, time.Time, error) {
	const allowed = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM on the last day of the Term"
	if !strings.Contains(s, "T") {
		d, err := compute.ParseDate(s)
		if err != nil {
			return d, time.Time{}, &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: allowed}
		}
		return d, time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			if _, err := compute.ParseDate(t.Format(time.DateOnly)); err != nil {
				return compute.Date{}, time.Time{}, &compute.InputError{Field: "--date", Problem: err.Error(), Allowed: allowed}
			}
			return compute.DateOf(t), t, nil
		}
	}
	return compute.Date{}, time.Time{}, &compute.InputError{Field: "--date", Problem: fmt.Sprintf("%q is not a date", s), Allowed: allowed}
}

// decimalFlag parses a decimal flag value exactly.
func decimalFlag(flag, s string) (decimal.Decimal, error) { return books.ParseDecimal(flag, s) }
