package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
)

// verify recomputes every document of a reissue from the inputs its manifest
// names (the copies under DIR/inputs) and checks each hash: the manifest's
// against the recomputed document's and against the file on disk.

func runVerify(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "verify", "DIR [-j N]")
	jobs := fs.IntP("jobs", "j", runtime.NumCPU(), "recompute with `N` workers")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	dir, err := oneArg("verify", fs.Args())
	if err != nil {
		return err
	}
	if err := checkJobs("verify", *jobs); err != nil {
		return err
	}
	tuneGC(env)
	start := time.Now()
	problems, checked, err := verifyDir(ctx, dir, *jobs)
	if err != nil {
		return err
	}
	for _, p := range problems {
		fmt.Fprintln(env.Stderr, "warrantkit: verify: "+p)
	}
	if len(problems) > 0 {
		return fmt.Errorf("verify: %d of %d files do not match the manifest of %s", len(problems), checked, dir)
	}
	fmt.Fprintf(env.Stderr, "verified %d files of %s in %s: every hash matches\n", checked, dir, time.Since(start).Round(time.Millisecond))
	return nil
}

// verifyDir returns one line per problem and the number of files checked.
func verifyDir(ctx context.Context, dir string, workers int) ([]string, int, error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, 0, &compute.InputError{File: filepath.Join(dir, manifestName), Problem: fmt.Sprintf("cannot read the manifest: %v", unwrapPath(err)), Allowed: "the output directory of a finished reissue"}
	}
	var m manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, 0, &compute.InputError{File: filepath.Join(dir, manifestName), Problem: "not a warrantkit manifest: " + err.Error()}
	}
	var (
		mu       sync.Mutex
		problems []string
		want     = make(map[string]manifestFile, len(m.Files))
		seen     = make(map[string]bool, len(m.Files))
	)
	report := func(format string, a ...any) {
		mu.Lock()
		problems = append(problems, fmt.Sprintf(format, a...))
		mu.Unlock()
	}
	for _, f := range m.Files {
		want[f.Path] = f
	}
	// The inputs must be the ones the manifest names.
	for _, in := range []inputFile{m.Inputs.Case, m.Inputs.Register} {
		data, err := os.ReadFile(filepath.Join(dir, in.Path))
		if err != nil {
			return nil, 0, &compute.InputError{File: filepath.Join(dir, in.Path), Problem: fmt.Sprintf("input missing: %v", unwrapPath(err))}
		}
		if sha(data) != in.SHA256 {
			report("%s: input changed since the reissue (sha256 %s, manifest %s)", in.Path, sha(data), in.SHA256)
			return problems, 0, nil
		}
	}
	opt := templates.Options{Creator: "warrantkit " + version, ESign: m.Options.ESign, EmbedData: m.Options.EmbedData}
	if m.Options.Created != "" {
		if opt.Created, err = time.Parse(time.RFC3339, m.Options.Created); err != nil {
			return nil, 0, fmt.Errorf("manifest options.created: %w", err)
		}
	}
	if m.Version != version {
		report("%s: written by warrantkit %s, verified with %s: documents may differ", manifestName, m.Version, version)
	}
	scratch, err := os.MkdirTemp("", "warrantkit-verify-*")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(scratch)
	r, err := prepareReissue(filepath.Join(dir, m.Inputs.Case.Path), filepath.Join(dir, m.Inputs.Register.Path), scratch, m.Options.FirstNumber, m.Options.Date, opt, false, m.Options.Bundle)
	if err != nil {
		return nil, 0, err
	}
	check := func(rel string, data []byte) (manifestFile, error) {
		got := manifestFile{Path: rel, SHA256: sha(data), Size: int64(len(data))}
		mu.Lock()
		seen[rel] = true
		mu.Unlock()
		w, ok := want[rel]
		switch {
		case !ok:
			report("%s: recomputed, but not in the manifest", rel)
		case w.SHA256 != got.SHA256:
			report("%s: recomputed document differs from the manifest (sha256 %s, manifest %s)", rel, got.SHA256, w.SHA256)
		}
		onDisk, err := os.ReadFile(filepath.Join(dir, rel))
		switch {
		case errors.Is(err, os.ErrNotExist):
			report("%s: missing", rel)
		case err != nil:
			return got, err
		case ok && sha(onDisk) != w.SHA256:
			report("%s: file on disk differs from the manifest (sha256 %s, manifest %s)", rel, sha(onDisk), w.SHA256)
		}
		return got, nil
	}
	r.sink = check
	if _, err := r.run(ctx, workers, func() {}); err != nil {
		return nil, 0, err
	}
	// The tables were recomputed into the scratch directory.
	for _, name := range []string{"register.csv", "summary.csv"} {
		data, err := os.ReadFile(filepath.Join(scratch, name))
		if err != nil {
			return nil, 0, err
		}
		if _, err := check(name, data); err != nil {
			return nil, 0, err
		}
	}
	for _, f := range m.Files {
		if !seen[f.Path] {
			report("%s: in the manifest, but not produced by its inputs", f.Path)
		}
	}
	sort.Strings(problems)
	return problems, len(m.Files), nil
}
