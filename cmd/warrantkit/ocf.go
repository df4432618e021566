package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/ocf"
)

// ocf: import a warrant register from an Open Cap Table Format export, and
// export what a reissue, exercise or assign did back into OCF.

func runOCF(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		return usageErrorf("ocf: missing subcommand: import or export (run warrantkit ocf --help)")
	}
	switch args[0] {
	case "import":
		return runOCFImport(env, args[1:])
	case "export":
		return runOCFExport(ctx, env, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(env.Stdout, "usage: warrantkit ocf import DIR|MANIFEST.ocf.json --series SERIES -o CASE.yaml [--register REGISTER.csv] [--terms FILE.yaml]")
		fmt.Fprintln(env.Stdout, "       warrantkit ocf export CASE [--register FILE.csv] -o OUT --formation-date D --country CC --holder-type individual|institution [--holder-country CC]")
		fmt.Fprintln(env.Stdout, "       warrantkit ocf export REISSUE|EXERCISE|ASSIGN-DIR --ocf DIR|MANIFEST.ocf.json -o OUT [--assignee-country CC --assignee-type individual|institution]")
		return errHelp
	}
	return usageErrorf("ocf: unknown subcommand %q: import or export", args[0])
}

func runOCFImport(env *Env, args []string) error {
	fs := newFlags(env, "ocf import", "DIR|MANIFEST.ocf.json --series SERIES -o CASE.yaml [--register REGISTER.csv] [--terms FILE.yaml]")
	series := fs.String("series", "", "the series to import: warrants whose custom_id is SERIES-NNN (required)")
	out := fs.StringP("output", "o", "", "the case file to write, `CASE.yaml` (required)")
	register := fs.String("register", "", "write the warrants to this register `CSV` instead of the case file")
	terms := fs.String("terms", "", "a case file without warrants, `FILE.yaml`, for what OCF cannot express: dates, floor, cap, signatory")
	start := fs.String("exercise-start", "", "terms.exercise_start, `YYYY-MM-DD` (§2(a))")
	expiration := fs.String("expiration", "", "terms.expiration, `YYYY-MM-DD[THH:MM:SS]` (§1)")
	floor := fs.String("market-value-at-issue", "", "terms.market_value_at_issue, the §4 floor")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if len(fs.Args()) != 1 {
		return usageErrorf("ocf import: expected one OCF export (a directory or its manifest), got %d arguments", len(fs.Args()))
	}
	if err := required(fs, "series", "output"); err != nil {
		return err
	}
	if err := books.CheckOutFile("ocf import", "-o", *out); err != nil {
		return err
	}
	if *register != "" {
		if err := books.CheckOutFile("ocf import", "--register", *register); err != nil {
			return err
		}
	}
	pkg, manifest, err := readPackage(env, fs.Args()[0])
	if err != nil {
		return err
	}
	imp, err := pkg.Warrants(*series)
	if err != nil {
		return ocfError(env, err)
	}
	opt := ocf.CaseOptions{TermsFile: *terms, Register: *register, CaseName: *out, Source: manifest, Set: map[string]string{}}
	for k, v := range map[string]string{"exercise_start": *start, "expiration": *expiration, "market_value_at_issue": *floor} {
		if v != "" {
			opt.Set[k] = v
		}
	}
	caseData, regData, unfilled, err := imp.Case(opt)
	if err != nil {
		return ocfError(env, err)
	}
	// Everything is checked: now write.
	if err := books.WriteFile(*out, caseData); err != nil {
		return err
	}
	if *register != "" {
		if err := books.WriteFile(*register, regData); err != nil {
			return err
		}
	}
	printImport(env, imp, *series, unfilled, *out, *register)
	return nil
}

// readPackage reads the OCF export at path (a directory or its manifest)
// and returns it with its manifest's path; every problem but the first is
// printed (ocfError).
func readPackage(env *Env, path string) (*ocf.Package, string, error) {
	manifest, err := ocf.FindManifest(path)
	if err != nil {
		return nil, "", err
	}
	pkg, err := ocf.Read(manifest)
	if err != nil {
		return nil, "", ocfError(env, err)
	}
	return pkg, manifest, nil
}

// printImport says what an import wrote, and what the export did not say.
func printImport(env *Env, imp *ocf.Import, series string, unfilled []string, out, register string) {
	if len(unfilled) > 0 {
		fmt.Fprintf(env.Stderr, "ocf import: not in the export, the Warrant's defaults apply: %s\n", strings.Join(unfilled, ", "))
	}
	for _, n := range imp.Notes {
		fmt.Fprintf(env.Stderr, "ocf import: note: %s\n", n)
	}
	dest := out
	if register != "" {
		dest += " and " + register
	}
	fmt.Fprintf(env.Stdout, "imported %d warrants of series %s (%d original, %d transactions, %d events) → %s\n", len(imp.Rows), series, len(imp.Originals), len(imp.Steps), len(imp.Splits), dest)
}

// ocfError prints every problem of an OCF package but the first, which the
// caller's report prints as the error line.
func ocfError(env *Env, err error) error {
	first, rest := ocf.SplitProblems(err)
	for _, p := range rest {
		fmt.Fprintln(env.Stderr, "warrantkit: "+p.String())
	}
	return first
}
