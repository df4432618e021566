package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/ocf"
	"github.com/warrantkit/warrantkit/render"
)

func runOCFExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "ocf export", "CASE [--register FILE.csv] -o OUT --formation-date D --country CC --holder-type individual|institution [--holder-country CC]\n       warrantkit ocf export REISSUE|EXERCISE|ASSIGN-DIR --ocf DIR|MANIFEST.ocf.json -o OUT [--assignee-country CC --assignee-type individual|institution]")
	src := fs.String("ocf", "", "DIR: the OCF export the warrants were imported from (required)")
	out := fs.StringP("output", "o", "", "the output `DIR`: must be empty or absent (required)")
	country := fs.String("assignee-country", "", "DIR of assign: the new assignee's country, ISO 3166-1 alpha-2 `CC` (unless the address's last line is one)")
	kind := fs.String("assignee-type", "", "DIR of assign: the new assignee's OCF stakeholder type, individual or institution")
	register := fs.String("register", "", "CASE: take the original warrants from this register `CSV`")
	formed := fs.String("formation-date", "", "CASE: the issuer's formation date, `YYYY-MM-DD` (OCF requires it)")
	issuerCountry := fs.String("country", "", "CASE: the issuer's country of formation, ISO 3166-1 alpha-2 `CC`")
	holderCountry := fs.String("holder-country", "", "CASE: the country, `CC`, of a holder whose address does not end in a country code (else refused)")
	holderType := fs.String("holder-type", "", "CASE: every holder's OCF stakeholder type, individual or institution")
	fontPath := fs.String("font", "", "DIR of a reissue made with --font: the same TrueType `FILE.ttf`, to recompute its documents")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if len(fs.Args()) != 1 {
		return usageErrorf("ocf export: expected one case file, or one reissue, exercise or assign output directory, got %d arguments", len(fs.Args()))
	}
	// A directory is a command's output; anything else (a file, or a path
	// that is not there, unless --ocf says a directory was meant) a case.
	st, statErr := os.Stat(fs.Args()[0])
	if (statErr == nil && !st.IsDir()) || (statErr != nil && *src == "") {
		if *src != "" || *country != "" || *kind != "" {
			return usageErrorf("ocf export: --ocf, --assignee-country and --assignee-type are for an output directory; a case file's ledger is exported as a whole package")
		}
		if err := required(fs, "output", "formation-date", "country", "holder-type"); err != nil {
			return err
		}
		opt := ocf.LedgerOptions{FormationDate: *formed, Country: strings.ToUpper(*issuerCountry), HolderType: strings.ToUpper(*holderType), HolderCountry: strings.ToUpper(*holderCountry)}
		return exportLedger(env, fs.Args()[0], *register, *out, opt)
	}
	if *register != "" || *formed != "" || *issuerCountry != "" || *holderType != "" || *holderCountry != "" {
		return usageErrorf("ocf export: --register, --formation-date, --country, --holder-type and --holder-country are for a case file")
	}
	if err := required(fs, "ocf", "output"); err != nil {
		return err
	}
	if err := books.CheckOutDir("ocf export", "-o", *out, false); err != nil {
		return err
	}
	o, err := ocf.ReadOutput(fs.Args()[0])
	if err != nil {
		return err
	}
	pkg, _, err := readPackage(env, *src)
	if err != nil {
		return err
	}
	files, err := o.Export(pkg, ocf.RecordOptions{AssigneeCountry: *country, AssigneeType: *kind})
	if err != nil {
		return ocfError(env, err)
	}
	// Every listed hash is right: then recompute the reissue, as verify does.
	if o.Reissue != nil {
		font, err := loadFont(*fontPath)
		if err != nil {
			return err
		}
		if err := verifyBeforeExport(ctx, env, o.Dir, font); err != nil {
			return err
		}
	}
	// Everything is computed and validated: now write, the manifest last.
	if err := ocf.WriteFiles(*out, files); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %s as OCF %s: %d files → %s\n", o, ocf.Version, len(files), *out)
	return nil
}

// exportLedger writes the ledger of the case file at path (its originals
// from register, if given) as a whole OCF package in out.
func exportLedger(env *Env, path, register, out string, opt ocf.LedgerOptions) error {
	if err := books.CheckOutDir("ocf export", "-o", out, false); err != nil {
		return err
	}
	c, err := books.LoadCase(path, register)
	if err != nil {
		return err
	}
	files, notes, err := ocf.ExportLedger(c, opt)
	if err != nil {
		return books.InCaseFile(err, path)
	}
	if err := ocf.WriteFiles(out, files); err != nil {
		return err
	}
	for _, n := range notes {
		fmt.Fprintf(env.Stderr, "ocf export: note: %s\n", n)
	}
	fmt.Fprintf(env.Stdout, "exported the ledger of series %s (%d warrants, %d transactions) as OCF %s: %d files → %s\n", c.Terms.Series, len(c.Warrants), len(c.Transactions), ocf.Version, len(files), out)
	return nil
}

// verifyBeforeExport recomputes the reissue in dir as verify does: an OCF
// export states what the documents say, so a folder whose manifest, tables
// or documents were edited after the reissue is refused (exit 3), each
// problem named on its own line, before anything is written.
func verifyBeforeExport(ctx context.Context, env *Env, dir string, font *render.Font) error {
	n, _, err := verifyReissue(ctx, env, dir, "ocf export", runtime.NumCPU(), font)
	if err == nil && n > 0 {
		err = &compute.InputError{File: dir, Problem: fmt.Sprintf("the reissue does not match its manifest: %d problem%s, each named above", n, plural(n)),
			Allowed: "a reissue folder that warrantkit verify accepts"}
	}
	return err
}
