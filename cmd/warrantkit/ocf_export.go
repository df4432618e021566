package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/ocf"
)

func runOCFExport(env *Env, args []string) error {
	fs := newFlags(env, "ocf export", "DIR --ocf DIR|MANIFEST.ocf.json -o OUT")
	src := fs.String("ocf", "", "the OCF export the re-issued register was imported from (required)")
	out := fs.StringP("output", "o", "", "the output `DIR`: must be empty or absent (required)")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	if len(fs.Args()) != 1 {
		return usageErrorf("ocf export: expected one reissue output directory, got %d arguments", len(fs.Args()))
	}
	if err := required(fs, "ocf", "output"); err != nil {
		return err
	}
	r, err := ocf.ReadReissue(fs.Args()[0])
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
	files, err := ocf.ExportReissue(pkg, r.Case.Terms.Series, r)
	if err != nil {
		return ocfError(env, err)
	}
	entries, err := os.ReadDir(*out)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return err
	case len(entries) > 0:
		return usageErrorf("ocf export: %s is not empty; give an empty or new directory", *out)
	}
	// Everything is computed and validated: now write, the manifest last.
	for _, f := range files {
		dst := filepath.Join(*out, filepath.FromSlash(f.Path))
		if f.Src == "" {
			if err := writeBytes(dst, f.Data); err != nil {
				return err
			}
			continue
		}
		if err := copyFile(dst, f.Src); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "exported the reissue of %d warrants as OCF %s: %d files → %s\n", len(r.New), ocf.Version, len(files), *out)
	return nil
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeAtomic(dst, func(w io.Writer) error { _, err := io.Copy(w, in); return err })
}
