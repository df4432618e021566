package main

import (
	"context"
	"fmt"
	"github.com/warrantkit/warrantkit/books/folder"
	"regexp"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

func runExercise(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "exercise", "CASE --warrant NUM --shares Y --date D [--method cash|cashless|combined] [--market-value B] [--owned H --outstanding O] [--json]")
	warrant := fs.String("warrant", "", "the warrant exercised, e.g. W-F-05-001 (required)")
	shares := fs.String("shares", "", "Y: shares of Warrant Stock exercised, including any canceled in a cashless exercise (required)")
	date := fs.String("date", "", "date of exercise `YYYY-MM-DD`, or YYYY-MM-DDTHH:MM in the Warrant's time zone on the last day (required)")
	method := fs.String("method", compute.MethodCash, "how the Warrant Price is paid: cash, cashless or combined (§2(b))")
	cashless := fs.String("cashless-shares", "", "with --method combined: the part of --shares exercised cashless")
	market := fs.String("market-value", "", "B: the Per Share Market Value (§8); needed for cashless exercise and fractional cash")
	owned := fs.String("owned", "0", "H: shares of Common Stock the holder owns before the exercise (§7)")
	outstanding := fs.String("outstanding", "", "O: shares of Common Stock outstanding (§7); needed while the cap applies")
	waiver := fs.String("waiver-notice", "", "date a §7 Waiver Notice was given, `YYYY-MM-DD`")
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
	c, err := loadCase(path, *register)
	if err != nil {
		return err
	}
	w, err := findWarrant(c, *warrant)
	if err != nil {
		return err
	}
	in := compute.ExerciseInput{Method: *method}
	if in.Date, in.Time, err = parseExerciseDate(*date, c.Terms.Location); err != nil {
		return err
	}
	if in.Shares, err = decimalFlag("--shares", *shares); err != nil {
		return err
	}
	if *cashless != "" {
		if in.CashlessShares, err = decimalFlag("--cashless-shares", *cashless); err != nil {
			return err
		}
	} else if *method == compute.MethodCombined {
		return usageErrorf("exercise: --method combined needs --cashless-shares")
	}
	if *market != "" {
		b, err := decimalFlag("--market-value", *market)
		if err != nil {
			return err
		}
		if b.Sign() <= 0 {
			return &compute.InputError{Field: "--market-value", Problem: fmt.Sprintf("%s is not positive", b), Allowed: "a price above 0"}
		}
		mv := compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{b}, c.Terms.PriceDecimals)
		in.MarketValue = &mv
	}
	if in.Owned, err = decimalFlag("--owned", *owned); err != nil {
		return err
	}
	if *outstanding != "" {
		if in.Outstanding, err = decimalFlag("--outstanding", *outstanding); err != nil {
			return err
		}
		if in.Outstanding.Sign() <= 0 {
			return &compute.InputError{Field: "--outstanding", Problem: fmt.Sprintf("%s is not positive", in.Outstanding), Allowed: "a number of shares above 0"}
		}
	}
	if in.Owned.Sign() < 0 {
		return &compute.InputError{Field: "--owned", Problem: fmt.Sprintf("%s is negative", in.Owned), Allowed: "0 or more shares"}
	}
	if *waiver != "" {
		if in.WaiverNotice, err = compute.ParseDate(*waiver); err != nil {
			return &compute.InputError{Field: "--waiver-notice", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	res, err := compute.Exercise(c.Terms, w, c.Events, in)
	if err != nil {
		return inFile(err, path)
	}
	if *out != "" {
		if err := writeExercise(*out, path, *register, c, w, in.Date, res, *first, opt); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "%s exercised %s on %s for %s shares at the Warrant Price %s\n", w.Number, res.Method, res.Date, res.SharesExercised, res.WarrantPrice)
	fmt.Fprintf(env.Stdout, "  %s\n", res.Computation)
	fmt.Fprintf(env.Stdout, "  shares issued %s, cash in lieu %s, aggregate price %s, canceled %s\n", res.SharesIssued, res.CashInLieu, res.AggregatePrice, res.SharesCanceled)
	fmt.Fprintf(env.Stdout, "  remaining %s (new warrant for the balance), certificates due by %s\n", res.RemainingShares, res.DeliveryDeadline)
	if res.Cap.Applies {
		fmt.Fprintf(env.Stdout, "  §7 cap applies: at most %s shares may be issued\n", res.Cap.MaxShares)
	} else {
		fmt.Fprintf(env.Stdout, "  §7 cap does not apply: %s\n", res.Cap.Reason)
	}
	return nil
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

var plainDecimal = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// decimalFlag parses a decimal flag value exactly.
func decimalFlag(flag, s string) (decimal.Decimal, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if !plainDecimal.MatchString(s) {
		return decimal.Decimal{}, &compute.InputError{Field: flag, Problem: fmt.Sprintf("%q is not a decimal number", s), Allowed: "digits with an optional decimal point, such as 250000 or 1.20"}
	}
	return decimal.RequireFromString(s), nil
}

// writeExercise writes the documents of an exercise: the filled Exercise Form
// with its schedule, the new warrant for the balance (§2(d)(ii)) and the
// issuer's record of the exercised warrant; then, last, exercise.json.
func writeExercise(dir, casePath, regPath string, c *compute.Case, w compute.Warrant, date compute.Date, res *compute.ExerciseResult, first string, opt templates.Options) error {
	nn, err := numbering(c, first, 1) // checked before anything is written
	if err != nil {
		return err
	}
	v := res.Values
	rec, err := newRecord(dir, "exercise", casePath, regPath, c, w, v.State)
	if err != nil {
		return err
	}
	t := c.Terms
	rec.Exercise = &folder.Exercise{Date: res.Date, Method: res.Method, WarrantPrice: res.WarrantPrice, MarketValue: res.MarketValue,
		SharesExercised: res.SharesExercised, CashlessShares: v.Exercised.Sub(v.CashPart).StringFixed(t.ShareDecimals), CashShares: v.CashPart.StringFixed(t.ShareDecimals),
		SharesIssued: res.SharesIssued, SharesCanceled: res.SharesCanceled, Fraction: res.Fraction, CashInLieu: res.CashInLieu,
		AggregatePrice: res.AggregatePrice, RemainingShares: res.RemainingShares}
	doc, err := templates.ExerciseForm(c, templates.ExerciseInput{Warrant: w, Result: res, Date: date}, opt)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, dir, "exercise-form-"+fileName(w.Number)+".pdf", doc); err != nil {
		return err
	}
	record := templates.RecordInput{Old: w, Date: date, IssuedTo: w.Holder.Name,
		Reason: fmt.Sprintf("was exercised for %s shares of Warrant Stock (%s)", templates.Figures(res.Values.Exercised, c.Terms.ShareDecimals), res.Method)}
	if res.Values.Remaining.Sign() > 0 {
		nw, err := writeReplacement(rec, dir, c, w, w.Holder, res.Values.Remaining, nn.take(), res.Values.Adjustment, date, opt)
		if err != nil {
			return err
		}
		record.New, record.Shares = append(record.New, nw), append(record.Shares, nw.Shares)
		rec.NewWarrants = append(rec.NewWarrants, recordWarrant("balance", c, nw.Number, nw.Holder, nw.Shares, v.State.Price))
	}
	rdoc, err := templates.IssuerRecord(c, record, opt)
	if err != nil {
		return err
	}
	if err := recordDoc(rec, dir, "records/"+fileName(w.Number)+".pdf", rdoc); err != nil {
		return err
	}
	return finishRecord(dir, rec)
}
