package ocf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/warrantkit/warrantkit/internal/strictjson"
	"os"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// ManifestName is the name of the manifest warrantkit writes, and looks for
// in a directory.
const ManifestName = "Manifest.ocf.json"

// fileLists are the manifest's lists of files, in the order they are read,
// with the file_type each must hold.
var fileLists = []struct{ key, fileType string }{
	{"stock_classes_files", "OCF_STOCK_CLASSES_FILE"},
	{"stakeholders_files", "OCF_STAKEHOLDERS_FILE"},
	{"stock_plans_files", "OCF_STOCK_PLANS_FILE"},
	{"stock_legend_templates_files", "OCF_STOCK_LEGEND_TEMPLATES_FILE"},
	{"vesting_terms_files", "OCF_VESTING_TERMS_FILE"},
	{"valuations_files", "OCF_VALUATIONS_FILE"},
	{"financings_files", "OCF_FINANCINGS_FILE"},
	{"documents_files", "OCF_DOCUMENTS_FILE"},
	{"transactions_files", "OCF_TRANSACTIONS_FILE"},
}

// File is one file of a package as read.
type File struct {
	List string // the manifest key that lists it
	At   string // the JSON pointer of its filepath in the manifest
	Ref  FileRef
	Path string // on disk
	Data []byte
}

// Package is an OCF export, read and validated against the schemas.
type Package struct {
	Dir          string // the manifest's directory
	ManifestPath string
	ManifestData []byte
	Manifest     Manifest
	Files        []File

	Stakeholders map[string]*Stakeholder
	StockClasses map[string]*StockClass
	Transactions []*Tx // in file order
	ObjectIDs    map[string]location

	// SchemaProblems are the files' failures against their schemas.
	SchemaProblems []Problem
	// Inconsistencies are what the package says against itself (md5
	// mismatches, duplicate ids): reported by the import, not guessed around.
	Inconsistencies []Problem
}

// FindManifest resolves DIR or MANIFEST.ocf.json to the manifest's path.
func FindManifest(arg string) (string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return "", &compute.InputError{File: arg, Problem: "no such OCF export: " + safepath.Unwrap(err).Error(), Allowed: "a directory holding " + ManifestName + ", or an OCF manifest file"}
	}
	if !st.IsDir() {
		return arg, nil
	}
	p := filepath.Join(arg, ManifestName)
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	entries, _ := os.ReadDir(arg)
	var found []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), "manifest.ocf.json") {
			found = append(found, filepath.Join(arg, e.Name()))
		}
	}
	if len(found) == 1 {
		return found[0], nil
	}
	return "", &compute.InputError{File: arg, Problem: "the directory holds no OCF manifest", Allowed: "a directory holding " + ManifestName + " (or one *manifest.ocf.json), or the manifest file itself"}
}

// Read reads the package whose manifest is at manifestPath (see
// FindManifest): the manifest and every file it lists, each validated
// against its schema. Schema failures, unreadable files and JSON syntax
// errors are returned together as an *Error; md5 mismatches and duplicate
// ids are recorded in Inconsistencies.
func Read(manifestPath string) (*Package, error) {
	p := &Package{Dir: filepath.Dir(manifestPath), ManifestPath: manifestPath,
		Stakeholders: map[string]*Stakeholder{}, StockClasses: map[string]*StockClass{}, ObjectIDs: map[string]location{}}
	data, err := safepath.ReadRegular(manifestPath, "", safepath.MaxRead)
	if err != nil {
		return nil, err
	}
	p.ManifestData = data
	doc, probs, err := parseAndValidate(manifestPath, data, fileSchemas["OCF_MANIFEST_FILE"])
	if err != nil {
		return nil, err
	}
	if len(probs) > 0 {
		return nil, asError(probs)
	}
	if err := json.Unmarshal(data, &p.Manifest); err != nil {
		return nil, asError([]Problem{{File: manifestPath, Problem: err.Error()}})
	}
	p.noteID(p.Manifest.Issuer.ID, location{manifestPath, "/issuer"})
	m := doc.(map[string]any)
	root, err := safepath.OpenRoot(p.Dir)
	if err != nil {
		return nil, &compute.InputError{File: p.Dir, Problem: "cannot open the OCF export's directory: " + safepath.Unwrap(err).Error()}
	}
	defer root.Close()
	var all []Problem
	for _, list := range fileLists {
		refs, _ := m[list.key].([]any)
		for i := range refs {
			raw, _ := json.Marshal(refs[i])
			var ref FileRef
			json.Unmarshal(raw, &ref)
			at := fmt.Sprintf("/%s/%d/filepath", list.key, i)
			f, probs, err := p.readFile(root, list.key, list.fileType, ref, at)
			if err != nil {
				return nil, err
			}
			if f == nil { // unreadable, or not JSON
				all = append(all, probs...)
				continue
			}
			// A file that fails its schema is reported, but still read, so
			// that the import can report what else is wrong by object id.
			p.SchemaProblems = append(p.SchemaProblems, probs...)
			p.Files = append(p.Files, *f)
		}
	}
	if len(all) > 0 {
		return nil, asError(all)
	}
	for _, f := range p.Files {
		p.decode(f)
	}
	return p, nil
}

// readFile reads a file the manifest lists, at the JSON pointer at: a
// regular file inside the manifest's directory (safepath), of at most
// safepath.MaxRead bytes.
func (p *Package) readFile(root *safepath.Root, list, fileType string, ref FileRef, at string) (*File, []Problem, error) {
	path := root.Path(ref.Filepath)
	data, err := root.ReadFile(ref.Filepath, safepath.From{File: p.ManifestPath, Field: at}, safepath.MaxRead)
	if err != nil {
		var ie *compute.InputError
		if !errors.As(err, &ie) {
			return nil, nil, err
		}
		return nil, []Problem{{File: ie.File, Path: ie.Field, Problem: ie.Problem, Allowed: ie.Allowed}}, nil
	}
	sum := md5.Sum(data)
	if got := hex.EncodeToString(sum[:]); !strings.EqualFold(got, ref.MD5) {
		p.Inconsistencies = append(p.Inconsistencies, Problem{File: p.ManifestPath, Path: strings.TrimSuffix(at, "/filepath") + "/md5",
			Problem: fmt.Sprintf("md5 %s of %s does not match the file's md5 %s", ref.MD5, ref.Filepath, got)})
	}
	doc, probs, err := parseAndValidate(path, data, fileSchemas[fileType])
	if err != nil || doc == nil {
		return nil, probs, err
	}
	return &File{List: list, At: at, Ref: ref, Path: path, Data: data}, probs, nil
}

// parseAndValidate parses data as JSON (numbers kept as text) and validates
// it against the schema at rel.
func parseAndValidate(file string, data []byte, rel string) (any, []Problem, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, []Problem{{File: file, Problem: "is not JSON: " + strictjson.SyntaxProblem(data, err), Allowed: "an OCF " + Version + " JSON file"}}, nil
	}
	if err := strictjson.CheckKeys(file, data); err != nil {
		return nil, []Problem{keyProblem(err)}, nil
	}
	probs, err := validateDoc(file, rel, doc)
	return doc, probs, err
}

// keyProblem is the Problem of a strictjson.CheckKeys error.
func keyProblem(err error) Problem {
	var ie *compute.InputError
	if !errors.As(err, &ie) {
		return Problem{Problem: err.Error()}
	}
	return Problem{File: ie.File, Path: ie.Field, Problem: fmt.Sprintf("line %d: %s", ie.Line, ie.Problem), Allowed: ie.Allowed}
}

// decode reads the objects of one validated file.
func (p *Package) decode(f File) {
	var file struct {
		Items []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(f.Data, &file); err != nil {
		p.SchemaProblems = append(p.SchemaProblems, Problem{File: f.Path, Problem: "cannot be read as an OCF file: " + err.Error()})
		return
	}
	for i, raw := range file.Items {
		at := location{f.Path, fmt.Sprintf("/items/%d", i)}
		var head struct {
			ID string `json:"id"`
		}
		json.Unmarshal(raw, &head)
		p.noteID(head.ID, at)
		var err error
		switch f.List {
		case "stakeholders_files":
			s := &Stakeholder{at: at}
			if err = json.Unmarshal(raw, s); err == nil {
				if _, dup := p.Stakeholders[s.ID]; !dup {
					p.Stakeholders[s.ID] = s
				}
			}
		case "stock_classes_files":
			c := &StockClass{at: at}
			if err = json.Unmarshal(raw, c); err == nil {
				if _, dup := p.StockClasses[c.ID]; !dup {
					p.StockClasses[c.ID] = c
				}
			}
		case "transactions_files":
			t := &Tx{at: at}
			if err = json.Unmarshal(raw, t); err == nil {
				p.Transactions = append(p.Transactions, t)
			}
		}
		if err != nil {
			p.SchemaProblems = append(p.SchemaProblems, at.problem("", "cannot be read as an OCF object: "+err.Error(), ""))
		}
	}
}

// noteID records an object id; a second object with the same id is an
// inconsistency.
func (p *Package) noteID(id string, at location) {
	if id == "" {
		return
	}
	if first, dup := p.ObjectIDs[id]; dup {
		p.Inconsistencies = append(p.Inconsistencies, at.problem("id", fmt.Sprintf("object id %q is already the id of %s#%s", id, first.file, first.path), "ids unique across the package"))
		return
	}
	p.ObjectIDs[id] = at
}
