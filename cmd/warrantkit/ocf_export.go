package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/ocf"
)

func runOCFExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "ocf export", "DIR --ocf DIR|MANIFEST.ocf.json -o OUT [--assignee-country CC --assignee-type individual|institution]")
	src := fs.String("ocf", "", "the OCF export the warrants were imported from (required)")
	out := fs.StringP("output", "o", "", "the output `DIR`: must be empty or absent (required)")
	country := fs.String("assignee-country", "", "assign: the new assignee's country, ISO 3166-1 alpha-2 `CC` (unless the address's last line is one)")
	kind := fs.String("assignee-type", "", "assign: the new assignee's OCF stakeholder type, individual or institution")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if len(fs.Args()) != 1 {
		return usageErrorf("ocf export: expected one reissue, exercise or assign output directory, got %d arguments", len(fs.Args()))
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
		if err := verifyBeforeExport(ctx, env, o.Dir); err != nil {
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

// verifyBeforeExport recomputes the reissue in dir as verify does: an OCF
// export states what the documents say, so a folder whose manifest, tables
// or documents were edited after the reissue is refused (exit 3), each
// problem named on its own line, before anything is written.
func verifyBeforeExport(ctx context.Context, env *Env, dir string) error {
	n, _, err := verifyReissue(ctx, env, dir, "ocf export", runtime.NumCPU())
	if err == nil && n > 0 {
		err = &compute.InputError{File: dir, Problem: fmt.Sprintf("the reissue does not match its manifest: %d problem%s, each named above", n, plural(n)),
			Allowed: "a reissue folder that warrantkit verify accepts"}
	}
	return err
}
