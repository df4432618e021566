package books

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/internal/strictjson"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/templates"
)

// Verify recomputes every document of a reissue from the inputs its manifest
// names (the copies under DIR/inputs) and checks each hash: the manifest's
// against the recomputed document's and against the file on disk.

// Verify checks the reissue in dir against its manifest: it recomputes
// every document from the copies of the inputs, with opt.Workers, and
// compares each hash with the manifest's and the file's on disk. It returns
// one line per problem, sorted, and the number of files the manifest lists;
// an error only when it could not check (not a reissue, unreadable).
// opt.Version is compared with the manifest's; opt.Documents.Creator names
// the recomputed documents' creator, as the reissue did; opt.Documents.Font
// is the fallback font, which must be the reissue's (the manifest names its
// hash) when it had one.
func Verify(ctx context.Context, dir string, opt Options) ([]string, int, error) {
	v, err := openVerifier(dir)
	if err != nil {
		return nil, 0, err
	}
	defer v.root.Close()
	m := &v.m
	v.problems = append(v.problems, checkManifestHead(m)...)
	v.problems = append(v.problems, checkStateFile(dir, m)...)
	v.problems = append(v.problems, strayFiles(dir, m)...)
	// The inputs must be the ones the manifest names: else the documents
	// cannot be recomputed.
	changed, err := checkInputs(v.root, m)
	if err != nil {
		return nil, 0, err
	}
	if len(changed) > 0 {
		v.problems = append(v.problems, changed...)
		sort.Strings(v.problems)
		return v.problems, len(m.Files), nil
	}
	if err := v.recompute(ctx, opt); err != nil {
		return nil, 0, err
	}
	for _, f := range m.Files {
		if !v.seen[f.Path] {
			v.report("%s: in the manifest, but not produced by its inputs", f.Path)
		}
	}
	sort.Strings(v.problems)
	return v.problems, len(m.Files), nil
}

// verifier is a verification: the directory, its manifest, and what was
// found. The workers of the recomputation report to it concurrently.
type verifier struct {
	dir  string
	root *safepath.Root
	m    folder.Manifest
	want map[string]folder.File // the manifest's files, by path

	mu       sync.Mutex
	problems []string
	seen     map[string]bool // recomputed
}

// openVerifier reads the manifest of dir, strictly.
func openVerifier(dir string) (*verifier, error) {
	root, b, err := openManifest(dir)
	if err != nil {
		return nil, err
	}
	v := &verifier{dir: dir, root: root}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v.m); err != nil {
		root.Close()
		return nil, &compute.InputError{File: filepath.Join(dir, folder.ManifestName), Problem: "not a warrantkit manifest: " + err.Error()}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		root.Close()
		return nil, &compute.InputError{File: filepath.Join(dir, folder.ManifestName), Problem: "not a warrantkit manifest: it has more after its JSON object", Allowed: "one JSON object"}
	}
	v.want = make(map[string]folder.File, len(v.m.Files))
	v.seen = make(map[string]bool, len(v.m.Files))
	for i, f := range v.m.Files {
		if _, dup := v.want[f.Path]; dup {
			v.report("%s: files[%d]: %s is listed twice", folder.ManifestName, i, f.Path)
		}
		v.want[f.Path] = f
	}
	return v, nil
}

func (v *verifier) report(format string, a ...any) {
	v.mu.Lock()
	v.problems = append(v.problems, fmt.Sprintf(format, a...))
	v.mu.Unlock()
}

// recompute reissues the manifest's inputs, with its options, into a
// scratch directory, checking every document (check) instead of writing it,
// then the tables.
func (v *verifier) recompute(ctx context.Context, opt Options) error {
	m := &v.m
	ro := Options{Tool: opt.Tool, Version: opt.Version, Workers: opt.Workers, FirstNumber: m.Options.FirstNumber, Date: m.Options.Date, Bundle: m.Options.Bundle,
		Documents: templates.Options{Creator: opt.Documents.Creator, ESign: m.Options.ESign, EmbedData: m.Options.EmbedData}}
	if err := fontOfManifest(m.Options.Font, opt.Documents.Font); err != nil {
		return err
	}
	if m.Options.Font != "" {
		ro.Documents.Font = opt.Documents.Font
	}
	if m.Options.Created != "" {
		var err error
		if ro.Documents.Created, err = time.Parse(time.RFC3339, m.Options.Created); err != nil {
			return fmt.Errorf("manifest options.created: %w", err)
		}
	}
	if m.Version != opt.Version {
		v.report("%s: written by warrantkit %s, verified with %s: documents may differ", folder.ManifestName, m.Version, opt.Version)
	}
	scratch, err := os.MkdirTemp(opt.TempDir, "warrantkit-verify-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	// Only planned, not claimed: the recomputation streams the folder's own
	// checked copy of the register, and the scratch directory receives just
	// the tables.
	r, err := plan(filepath.Join(v.dir, m.Inputs.Case.Path), filepath.Join(v.dir, m.Inputs.Register.Path), scratch, ro)
	if err != nil {
		return err
	}
	r.regPath = r.srcReg
	if m.Warrants != r.reissued {
		v.report("%s: warrants is %d, but the ledger %s and the register %s re-issue %d", folder.ManifestName, m.Warrants, m.Inputs.Case.Path, m.Inputs.Register.Path, r.reissued)
	}
	r.sink = v.check
	if _, err := r.run(ctx); err != nil {
		return err
	}
	// The tables were recomputed into the scratch directory.
	for _, name := range []string{"register.csv", "summary.csv"} {
		data, err := os.ReadFile(filepath.Join(scratch, name))
		if err != nil {
			return err
		}
		if _, err := v.check(name, data); err != nil {
			return err
		}
	}
	return nil
}

// check compares a recomputed document with the manifest's entry and with
// the file on disk.
func (v *verifier) check(rel string, data []byte) (folder.File, error) {
	got := entry(rel, data)
	v.mu.Lock()
	v.seen[rel] = true
	v.mu.Unlock()
	w, ok := v.want[rel]
	switch {
	case !ok:
		v.report("%s: recomputed, but not in the manifest", rel)
	case w.SHA256 != got.SHA256:
		v.report("%s: recomputed document differs from the manifest (sha256 %s, manifest %s)", rel, got.SHA256, w.SHA256)
	case w.Size != got.Size:
		v.report("%s: recomputed document has %d bytes, the manifest says %d", rel, got.Size, w.Size)
	}
	onDisk, err := v.root.ReadFile(rel, safepath.From{File: v.dir}, max(safepath.MaxRead, got.Size))
	switch {
	case errors.Is(err, os.ErrNotExist):
		v.report("%s: missing", rel)
	case err != nil:
		return got, err
	case ok && sha(onDisk) != w.SHA256:
		v.report("%s: file on disk differs from the manifest (sha256 %s, manifest %s)", rel, sha(onDisk), w.SHA256)
	}
	return got, nil
}

// checkManifestHead checks what the manifest says of itself.
func checkManifestHead(m *folder.Manifest) []string {
	var problems []string
	if m.Tool != "warrantkit" {
		problems = append(problems, fmt.Sprintf("%s: tool is %q, not \"warrantkit\"", folder.ManifestName, m.Tool))
	}
	return problems
}

// checkInputs checks the copies of the inputs against the manifest; a
// problem means the documents cannot be recomputed.
func checkInputs(root *safepath.Root, m *folder.Manifest) ([]string, error) {
	var problems []string
	for i, in := range []folder.File{m.Inputs.Case, m.Inputs.Register} {
		field := []string{"inputs.case.path", "inputs.register.path"}[i]
		data, err := root.ReadFile(in.Path, safepath.From{File: root.Path(folder.ManifestName), Field: field}, safepath.MaxRead)
		switch {
		case errors.Is(err, os.ErrNotExist):
			problems = append(problems, fmt.Sprintf("%s: input missing", in.Path))
		case err != nil:
			return nil, err
		case sha(data) != in.SHA256:
			problems = append(problems, fmt.Sprintf("%s: input changed since the reissue (sha256 %s, manifest %s): the documents cannot be recomputed", in.Path, sha(data), in.SHA256))
		case int64(len(data)) != in.Size:
			problems = append(problems, fmt.Sprintf("%s: input has %d bytes, the manifest says %d", in.Path, len(data), in.Size))
		}
	}
	return problems, nil
}

// checkStateFile checks the state a --resume would match (.reissue.json):
// it stays after the run and must name the manifest's inputs and options.
func checkStateFile(dir string, m *folder.Manifest) []string {
	b, err := os.ReadFile(filepath.Join(dir, folder.StateName))
	if err != nil {
		return []string{fmt.Sprintf("%s: missing (%v)", folder.StateName, safepath.Unwrap(err))}
	}
	var st folder.State
	if err := json.Unmarshal(b, &st); err != nil {
		return []string{fmt.Sprintf("%s: not the state of a reissue: %v", folder.StateName, err)}
	}
	var differ []string
	for _, f := range []struct {
		name string
		same bool
	}{
		{"version", st.Version == m.Version},
		{"case_sha256", st.Case == m.Inputs.Case.SHA256},
		{"register_sha256", st.Register == m.Inputs.Register.SHA256},
		{"options", st.Options == m.Options},
	} {
		if !f.same {
			differ = append(differ, f.name)
		}
	}
	if len(differ) > 0 {
		return []string{fmt.Sprintf("%s: %s differ from %s", folder.StateName, strings.Join(differ, ", "), folder.ManifestName)}
	}
	return nil
}

// verifyAllowed are the files of a reissue directory the manifest does not
// list in files[]: itself, the state and the copies of the inputs (listed
// under inputs).
func verifyAllowed(m *folder.Manifest) map[string]bool {
	return map[string]bool{folder.ManifestName: true, folder.StateName: true, m.Inputs.Case.Path: true, m.Inputs.Register.Path: true}
}

// strayFiles names every file (or link, or anything else that is not a
// directory) under dir that the manifest does not list.
func strayFiles(dir string, m *folder.Manifest) []string {
	known := verifyAllowed(m)
	for _, f := range m.Files {
		known[f.Path] = true
	}
	var problems []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); !known[rel] {
			problems = append(problems, fmt.Sprintf("%s: in the directory, but not in the manifest", rel))
		}
		return nil
	})
	if err != nil {
		problems = append(problems, fmt.Sprintf("cannot list every file: %v", err))
	}
	return problems
}

// openManifest opens a reissue output directory and reads its
// manifest.json: a regular file in it (not a link leading out, a FIFO or a
// device), of at most safepath.MaxRead bytes, each key once per object.
// The paths the manifest names are read through the returned root.
func openManifest(dir string) (*safepath.Root, []byte, error) {
	root, err := safepath.OpenRoot(dir)
	if err != nil {
		return nil, nil, &compute.InputError{File: dir, Problem: fmt.Sprintf("cannot open: %v", safepath.Unwrap(err)), Allowed: "the output directory of a finished reissue"}
	}
	mpath := root.Path(folder.ManifestName)
	b, err := root.ReadFile(folder.ManifestName, safepath.From{File: dir}, safepath.MaxRead)
	if errors.Is(err, fs.ErrNotExist) {
		err = &compute.InputError{File: mpath, Problem: "cannot read the manifest: no such file", Allowed: "the output directory of a finished reissue"}
	}
	if err == nil {
		err = strictjson.CheckKeys(mpath, b)
	}
	if err != nil {
		root.Close()
		return nil, nil, err
	}
	return root, b, nil
}

// fontOfManifest checks that font (--font) is the fallback font whose hash
// the manifest gives, if it gives one.
func fontOfManifest(want string, font *render.Font) error {
	switch {
	case want == "":
		return nil
	case font == nil:
		return &compute.InputError{Field: "--font", Problem: fmt.Sprintf("the reissue printed names with a fallback font (SHA-256 %s), and its documents cannot be recomputed without it", want),
			Allowed: "--font FILE.ttf, the font the reissue was given"}
	case font.SHA256() != want:
		return &compute.InputError{Field: "--font", Problem: fmt.Sprintf("the font has SHA-256 %s, the reissue's fallback font %s", font.SHA256(), want),
			Allowed: "the font the reissue was given"}
	}
	return nil
}
