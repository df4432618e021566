package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books/folder"

	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/ocf"
)

func runOCFExport(env *Env, args []string) error {
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
	if err := checkOutDir("ocf export", "-o", *out, false); err != nil {
		return err
	}
	dir := fs.Args()[0]
	// Which command's output: reissue writes manifest.json, exercise and
	// assign their record.
	var r *ocf.Reissue
	var rec *folder.Record
	var recFile string
	var err error
	if _, statErr := os.Stat(filepath.Join(dir, folder.ManifestName)); statErr == nil {
		r, err = ocf.ReadReissue(dir)
	} else {
		rec, recFile, err = ocf.ReadRecord(dir)
	}
	if err != nil {
		return err
	}
	manifest, err := ocf.FindManifest(*src)
	if err != nil {
		return err
	}
	pkg, err := ocf.Read(manifest)
	if err != nil {
		return ocfError(env, err)
	}
	var files []ocf.OutFile
	if r != nil {
		files, err = ocf.ExportReissue(pkg, r.Case.Terms.Series, r)
	} else {
		files, err = ocf.ExportRecord(pkg, rec, dir, recFile, ocf.RecordOptions{AssigneeCountry: *country, AssigneeType: *kind})
	}
	if err != nil {
		return ocfError(env, err)
	}
	// Everything is computed and validated: now write, the manifest last.
	if err := writeOCF(*out, files); err != nil {
		return err
	}
	if r != nil {
		fmt.Fprintf(env.Stdout, "exported the reissue of %d warrants as OCF %s: %d files → %s\n", len(r.New), ocf.Version, len(files), *out)
	} else {
		fmt.Fprintf(env.Stdout, "exported the %s of %s as OCF %s: %d files → %s\n", rec.Command, rec.Warrant.Number, ocf.Version, len(files), *out)
	}
	return nil
}

// writeOCF writes the files of an export under out, each through
// safepath: a path an input named (the OCF manifest, a reissue manifest, a
// record) cannot lead outside out.
func writeOCF(out string, files []ocf.OutFile) error {
	for _, f := range files {
		if _, err := safepath.Clean(f.Path, f.From); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	root, err := safepath.OpenRoot(out)
	if err != nil {
		return err
	}
	defer root.Close()
	for _, f := range files {
		write := f.Copy
		if write == nil {
			data := f.Data
			write = func(w io.Writer) error { _, err := w.Write(data); return err }
		}
		if err := root.WriteFile(f.Path, f.From, write); err != nil {
			return err
		}
	}
	return nil
}
