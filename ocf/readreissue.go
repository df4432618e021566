package ocf

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"github.com/warrantkit/warrantkit/internal/strictjson"
)

// Reissue is what a `warrantkit reissue` output directory says it did.
type Reissue struct {
	Dir      string
	Manifest string // Dir/manifest.json
	Date     compute.Date
	Case     *compute.Case
	Old      map[string]compute.Warrant // by number, from inputs/register.csv
	New      []compute.Warrant          // register.csv, in order; Parent is the old number
	Prices   map[string]string          // new number → warrant_price from summary.csv
	PDFs     []string                   // the manifest's PDFs, in its order

	root *safepath.Root
	pdfs []listed
}

// ReadReissue reads a reissue output directory: its manifest.json, the
// inputs it copied, register.csv and summary.csv. Every path the manifest
// names must lie inside the directory (safepath), and every file it reads
// must have the manifest's size and sha256; so must the PDFs, which
// ExportReissue checks as it reads them.
func ReadReissue(dir string) (*Reissue, error) {
	root, err := safepath.OpenRoot(dir)
	if err != nil {
		return nil, &compute.InputError{File: dir, Problem: "is not the output of warrantkit reissue: " + safepath.Unwrap(err).Error(), Allowed: "a reissue --out directory (with manifest.json)"}
	}
	r := &Reissue{Dir: dir, Manifest: root.Path(folder.ManifestName), Old: map[string]compute.Warrant{}, Prices: map[string]string{}, root: root}
	man, err := readReissueManifest(root, r.Manifest)
	if err != nil {
		return nil, err
	}
	if r.Date, err = compute.ParseDate(man.Options.Date); err != nil {
		return nil, &compute.InputError{File: r.Manifest, Field: "options.date", Problem: err.Error(), Allowed: "YYYY-MM-DD"}
	}
	in := func(field string, f folder.File) listed {
		return listed{File: f, from: safepath.From{File: r.Manifest, Field: field + ".path"}, field: field + "."}
	}
	byPath := map[string]listed{}
	var others []listed
	for i, f := range man.Files {
		l := in(fmt.Sprintf("files[%d]", i), f)
		if _, err := safepath.Clean(f.Path, l.from); err != nil {
			return nil, err
		}
		byPath[f.Path] = l
		switch {
		case strings.HasSuffix(f.Path, ".pdf"):
			r.PDFs = append(r.PDFs, f.Path)
			r.pdfs = append(r.pdfs, l)
		case f.Path != "register.csv" && f.Path != "summary.csv":
			others = append(others, l)
		}
	}
	caseData, err := readListed(root, in("inputs.case", man.Inputs.Case))
	if err != nil {
		return nil, err
	}
	if r.Case, err = casefile.Decode(root.Path(man.Inputs.Case.Path), bytes.NewReader(caseData)); err != nil {
		return nil, err
	}
	old, err := r.register(in("inputs.register", man.Inputs.Register))
	if err != nil {
		return nil, err
	}
	for _, w := range old {
		r.Old[w.Number] = w
	}
	if err := r.readTables(byPath); err != nil {
		return nil, err
	}
	for _, l := range others {
		if _, err := checkListed(root, l); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// readReissueManifest reads manifest.json as leniently as ever (a field it
// does not use may be anything): only the tool, the date, the inputs and the
// files matter to an export.
func readReissueManifest(root *safepath.Root, mpath string) (*folder.Manifest, error) {
	data, err := root.ReadFile(folder.ManifestName, safepath.From{File: root.Dir()}, safepath.MaxRead)
	if err != nil {
		return nil, err
	}
	if err := strictjson.CheckKeys(mpath, data); err != nil {
		return nil, err
	}
	var man folder.Manifest
	if err := json.Unmarshal(data, &man); err != nil || man.Tool != "warrantkit" {
		return nil, &compute.InputError{File: mpath, Problem: "is not a warrantkit reissue manifest", Allowed: "the manifest.json reissue writes"}
	}
	return &man, nil
}

func (r *Reissue) register(l listed) ([]compute.Warrant, error) {
	data, err := readListed(r.root, l)
	if err != nil {
		return nil, err
	}
	return casefile.ReadRegister(r.root.Path(l.Path), bytes.NewReader(data), r.Case.Terms)
}

// readTables reads the new register (register.csv) and the prices of the
// new warrants (summary.csv), both listed in the manifest.
func (r *Reissue) readTables(byPath map[string]listed) error {
	var tables [2][]byte
	for i, name := range []string{"register.csv", "summary.csv"} {
		l, ok := byPath[name]
		if !ok {
			return &compute.InputError{File: r.Manifest, Field: "files", Problem: "lists no " + name, Allowed: "the manifest.json reissue writes"}
		}
		var err error
		if tables[i], err = readListed(r.root, l); err != nil {
			return err
		}
	}
	// register.csv is the view reissue wrote (SPEC §4.5), whose rows name
	// their parent: never a register (§2.2).
	view, err := casefile.ReadRegisterView(r.root.Path("register.csv"), bytes.NewReader(tables[0]), r.Case.Terms)
	if err != nil {
		return err
	}
	r.New = make([]compute.Warrant, len(view))
	for i, v := range view {
		r.New[i] = v.Warrant
	}
	return r.readSummary(tables[1])
}

func (r *Reissue) readSummary(data []byte) error {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(recs) == 0 || len(recs[0]) < 6 || recs[0][1] != "new_number" || recs[0][5] != "warrant_price" {
		return &compute.InputError{File: r.root.Path("summary.csv"), Problem: "is not a reissue summary", Allowed: "the summary.csv reissue writes"}
	}
	for _, rec := range recs[1:] {
		if len(rec) >= 6 {
			r.Prices[casefile.CSVValue(rec[1])] = casefile.CSVValue(rec[5])
		}
	}
	return nil
}
