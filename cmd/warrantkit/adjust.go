package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
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
	var cutoff compute.Date
	if *asOf != "" {
		if cutoff, err = compute.ParseDate(*asOf); err != nil {
			return &compute.InputError{Field: "--as-of", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
		}
	}
	if *certs != "" {
		if err := checkOutDir("adjust", "--certificates", *certs, false); err != nil {
			return err
		}
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	c, err := loadCase(path, *register)
	if err != nil {
		return err
	}
	// Every warrant is adjusted before the first certificate is written.
	adjs := make([]*compute.Adjustment, 0, len(c.Warrants))
	out := make([]compute.AdjustmentReport, 0, len(c.Warrants))
	for _, w := range c.Warrants {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		a, err := compute.Adjust(c.Terms, w, c.Events, cutoff)
		if err != nil {
			return inFile(err, path)
		}
		adjs = append(adjs, a)
		out = append(out, a.Report(c.Terms))
	}
	if *certs != "" {
		written, err := writeCertificates(ctx, *certs, path, c, adjs, *all, opt)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "wrote %d certificates of adjustment to %s\n", written, *certs)
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return writeAdjustTable(env.Stdout, c, out)
}

// certificate is one Certificate of Adjustment adjust writes.
type certificate struct {
	w    compute.Warrant
	e    compute.Entry
	name string
}

// writeCertificates writes a Certificate of Adjustment per warrant and
// certified entry (every entry with all) into dir. Every file name is
// planned, and checked to be distinct, before the first is written.
func writeCertificates(ctx context.Context, dir, casePath string, c *compute.Case, adjs []*compute.Adjustment, all bool, opt templates.Options) (int, error) {
	if err := checkFileNames(c, casePath); err != nil {
		return 0, err
	}
	paths := newOutputPaths(casePath)
	var plan []certificate
	for i, a := range adjs {
		w := c.Warrants[i]
		for _, e := range a.Entries {
			if !e.Status.Certified() && !all {
				continue
			}
			name := fileName(w.Number) + "-" + fileName(e.Event) + ".pdf"
			if err := paths.add(name, fmt.Sprintf("the certificate of warrant %s for event %q", w.Number, e.Event)); err != nil {
				return 0, err
			}
			plan = append(plan, certificate{w, e, name})
		}
	}
	for _, p := range plan {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		doc, err := templates.Certificate(c, p.w, p.e, opt)
		if err != nil {
			return 0, err
		}
		if err := writeDoc(filepath.Join(dir, p.name), doc); err != nil {
			return 0, err
		}
	}
	return len(plan), nil
}

// writeAdjustTable prints the adjustments for a person: one block per warrant.
func writeAdjustTable(w io.Writer, c *compute.Case, out []compute.AdjustmentReport) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, a := range out {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s  %s  (initial: Warrant Price %s, Warrant Share Number %s)\n",
			a.Warrant, c.Warrants[i].Holder.Name, a.Initial.Price, a.Initial.Shares)
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
	}
	return tw.Flush()
}

func arrow(before, after string) string {
	if before == after {
		return after
	}
	return before + " → " + after
}

// writeJSON writes v as indented JSON with a final newline; the same value
// always gives the same bytes.
func writeJSON(w io.Writer, v any) error {
	var b strings.Builder
	enc := newJSONEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}
