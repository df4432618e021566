package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
)

func runAdjust(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "adjust", "CASE [--json] [--as-of DATE] [--register FILE.csv] [--certificates DIR [--all] [--esign SERVICE] [--embed-data]]")
	asJSON := fs.Bool("json", false, "print the adjustments as JSON: per warrant its initial state, each event's entry (status, before, after, method) and its final state")
	asOf := fs.String("as-of", "", "apply only events effective on or before `DATE` (YYYY-MM-DD)")
	register := fs.String("register", "", "take the warrants from this register `CSV` instead of the case file")
	certs := fs.String("certificates", "", "write a Certificate of Adjustment (§5) per warrant and adjustment into `DIR`, which must be empty or absent")
	all := fs.Bool("all", false, "with --certificates: also for entries that make no adjustment or are deferred")
	df := newDocFlags(fs, "attach each certificate's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	env.JSONErrors = *asJSON
	path, err := oneArg("adjust", fs.Args())
	if err != nil {
		return err
	}
	cutoff, err := parseAsOf(*asOf)
	if err != nil {
		return err
	}
	if *certs != "" {
		if err := books.CheckOutDir("adjust", "--certificates", *certs, false); err != nil {
			return err
		}
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	b, err := books.Open(path, *register)
	if err != nil {
		return err
	}
	c := b.Case
	// Every warrant of the ledger is adjusted before the first certificate
	// is written.
	adjs, err := compute.AdjustCase(c, cutoff)
	if err != nil {
		return books.InCaseFile(err, path)
	}
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	out := make([]compute.AdjustmentReport, 0, len(adjs))
	for _, a := range adjs {
		out = append(out, a.Report(c.Terms))
	}
	if *certs != "" {
		written, err := b.Certificates(ctx, *certs, adjs, *all, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "wrote %d certificates of adjustment to %s\n", written, *certs)
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return writeAdjustTable(env.Stdout, c, adjs, out)
}

// writeAdjustTable prints the adjustments for a person: one block per
// warrant, a created warrant's headed by where it came from and a
// surrendered one's closed by what it was surrendered for.
func writeAdjustTable(w io.Writer, c *compute.Case, adjs []*compute.Adjustment, out []compute.AdjustmentReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, a := range out {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		holder := adjs[i].Subject.Holder.Name
		if x := adjs[i].CreatedBy; x != nil {
			fmt.Fprintf(tw, "%s — %s\n  %s  (initial: Warrant Price %s, Warrant Share Number %s)\n",
				a.Warrant, createdText(c, x, adjs[i].Subject.Parent), holder, a.Initial.Price, a.Initial.Shares)
		} else {
			fmt.Fprintf(tw, "%s  %s  (initial: Warrant Price %s, Warrant Share Number %s)\n",
				a.Warrant, holder, a.Initial.Price, a.Initial.Shares)
		}
		fmt.Fprintln(tw, "  EFFECTIVE\tEVENT\tSECTION\tSTATUS\tWARRANT PRICE\tWARRANT SHARE NUMBER")
		for _, e := range a.Entries {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", e.Effective, e.Event, e.Section, e.Status,
				arrow(e.Before.Price, e.After.Price), arrow(e.Before.Shares, e.After.Shares))
		}
		fmt.Fprintf(tw, "  final: Warrant Price %s, Warrant Share Number %s\n", a.Final.Price, a.Final.Shares)
		if a.Pending != nil {
			fmt.Fprintf(tw, "  pending (deferred under §4(g)(ii)): Warrant Price %s, Warrant Share Number %s\n", a.Pending.Price, a.Pending.Shares)
		}
		for _, alt := range a.Alternate {
			fmt.Fprintf(tw, "  on exercise, in lieu of Common Stock: %s %s (%s per share)\n", alt.Amount, alt.Description, alt.PerShare)
		}
		if s := adjs[i].Surrendered; s != nil {
			fmt.Fprintf(tw, "  %s\n", surrenderedText(c, s))
		}
	}
	return tw.Flush()
}

// createdText says where a warrant created by the transaction x came from:
// "balance of W-F-05-004 after the exercise of 2009-10-01".
func createdText(c *compute.Case, x *compute.TxRef, parent string) string {
	switch x.Role {
	case "balance":
		return fmt.Sprintf("balance of %s after the %s of %s", parent, x.Type, x.Date)
	case "assignee":
		return fmt.Sprintf("assigned from %s on %s", parent, x.Date)
	case "exchange":
		return fmt.Sprintf("issued in exchange for %s on %s", parent, x.Date)
	case "replacement":
		reason := ""
		if k := x.Index - 1; k >= 0 && k < len(c.Transactions) && c.Transactions[k].Reason != "" {
			reason = c.Transactions[k].Reason + ", "
		}
		return fmt.Sprintf("replacing %s, %son %s", parent, reason, x.Date)
	case "reissue":
		return fmt.Sprintf("re-issued for %s on %s", parent, x.Date)
	}
	return fmt.Sprintf("issued for %s by the %s of %s", parent, x.Type, x.Date)
}

// surrenderedText says what a warrant was surrendered for: "surrendered on
// 2009-10-01 by the exercise #3: issued W-F-05-007".
func surrenderedText(c *compute.Case, s *compute.Surrender) string {
	what := "nothing issued"
	if len(s.Successors) > 0 {
		what = "issued " + strings.Join(s.Successors, ", ")
	}
	reason := ""
	if k := s.Index - 1; k >= 0 && k < len(c.Transactions) && c.Transactions[k].Reason != "" {
		reason = " (" + c.Transactions[k].Reason + ")"
	}
	return fmt.Sprintf("surrendered on %s by the %s %s%s: %s", s.Date, s.Type, s.Transaction, reason, what)
}

func arrow(before, after string) string {
	if before == after {
		return after
	}
	return before + " → " + after
}
