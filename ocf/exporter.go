package ocf

import (
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// idPart makes s a part of an OCF object id: runs of other characters than
// letters, digits, '.', '_' and '-' become '_'.
var unsafeID = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

func idPart(s string) string { return strings.Trim(unsafeID.ReplaceAllString(s, "_"), "_") }

// exporter collects what an export of warrantkit output adds to a package:
// transactions, documents, stakeholders, the PDFs to copy; it hands out ids
// only once and refuses one the package already holds.
type exporter struct {
	p            *Package
	imp          *Import
	rows         map[string]Row // outstanding, by warrant number
	day          string
	what         string // "reissue", "exercise", "assignment": for messages
	newIDs       map[string]bool
	securities   map[string]bool
	txs          []map[string]any
	docs         []map[string]any
	stakeholders []map[string]any
	out          []OutFile
}

func newExporter(p *Package, series, day, what string) (*exporter, error) {
	imp, err := p.Warrants(series)
	if err != nil {
		return nil, err
	}
	x := &exporter{p: p, imp: imp, rows: map[string]Row{}, day: day, what: what, newIDs: map[string]bool{}, securities: map[string]bool{}}
	for _, row := range imp.Rows {
		x.rows[row.Number] = row
	}
	for _, tx := range p.Transactions {
		x.securities[tx.SecurityID] = true
	}
	return x, nil
}

// claim reserves new object ids; claimSecurity a new security id.
func (x *exporter) claim(ids ...string) error {
	for _, id := range ids {
		if _, taken := x.p.ObjectIDs[id]; taken || x.newIDs[id] {
			return &compute.InputError{File: x.p.ManifestPath, Problem: fmt.Sprintf("the export already holds an object or security %q", id), Allowed: "an export not yet holding this " + x.what}
		}
		x.newIDs[id] = true
	}
	return nil
}

func (x *exporter) claimSecurity(sec string) error {
	if x.securities[sec] || x.newIDs[sec] {
		return &compute.InputError{File: x.p.ManifestPath, Problem: fmt.Sprintf("security_id %q is already used", sec), Allowed: "an export not yet holding this " + x.what}
	}
	x.newIDs[sec] = true
	return nil
}

// warrantIssuance is the TX_WARRANT_ISSUANCE of a warrant replacing row's
// (a replacement, balance or assignee warrant): row's exemptions, triggers
// (a fixed conversion amount set to quantity) and expiration, with quantity
// and price after adjustment.
func (x *exporter) warrantIssuance(row Row, id, sec, number, stakeholderID, quantity, price string, comments []string) map[string]any {
	issuance := map[string]any{
		"object_type": "TX_WARRANT_ISSUANCE", "id": id, "security_id": sec, "date": x.day,
		"custom_id": number, "stakeholder_id": stakeholderID,
		"security_law_exemptions": rawOr(row.Issuance.SecurityLawExemptions, "[]"),
		"quantity":                quantity,
		"exercise_price":          Monetary{Amount: price, Currency: row.Currency},
		"purchase_price":          Monetary{Amount: "0.00", Currency: row.Currency},
		"exercise_triggers":       triggersFor(row.Issuance, quantity),
		"comments":                comments,
	}
	if row.Expiration != "" {
		issuance["warrant_expiration_date"] = row.Expiration
	}
	return issuance
}

// document adds a DOCUMENT for the listed PDF f of root, related to
// related, and the PDF to copy: its size and sha256 are checked now, and
// again as it is copied.
func (x *exporter) document(root *safepath.Root, f listed, related []map[string]string) error {
	sum, err := checkListed(root, f)
	if err != nil {
		return err
	}
	rel := path.Clean(f.Path)
	docID := "wk-doc-" + idPart(strings.TrimSuffix(rel, ".pdf"))
	if err := x.claim(docID); err != nil {
		return err
	}
	d := map[string]any{"object_type": "DOCUMENT", "id": docID, "path": rel, "md5": sum}
	if len(related) > 0 {
		d["related_objects"] = related
	}
	x.docs = append(x.docs, d)
	x.out = append(x.out, OutFile{Path: rel, From: f.from, Copy: func(w io.Writer) error {
		_, err := copyListed(root, f, w)
		return err
	}})
	return nil
}

// finish returns the files of the export: the PDFs, the package's own files
// unchanged, the new transactions, documents (and stakeholders) files named
// after stem, and the manifest listing them — every JSON file validated.
func (x *exporter) finish(stem string) ([]OutFile, error) {
	out := x.out
	for _, f := range x.p.Files {
		from := safepath.From{File: x.p.ManifestPath, Field: f.At}
		if _, err := safepath.Clean(f.Ref.Filepath, from); err != nil {
			return nil, err
		}
		out = append(out, OutFile{Path: path.Clean(f.Ref.Filepath), Data: f.Data, From: from})
	}
	add := map[string]OutFile{}
	for _, nf := range []struct {
		list, name, fileType string
		items                []map[string]any
	}{
		{"transactions_files", "Transactions." + stem + ".ocf.json", "OCF_TRANSACTIONS_FILE", x.txs},
		{"documents_files", "Documents." + stem + ".ocf.json", "OCF_DOCUMENTS_FILE", x.docs},
		{"stakeholders_files", "Stakeholders." + stem + ".ocf.json", "OCF_STAKEHOLDERS_FILE", x.stakeholders},
	} {
		if nf.list == "stakeholders_files" && len(nf.items) == 0 {
			continue
		}
		f, err := ocfFile(nf.name, nf.fileType, nf.items)
		if err != nil {
			return nil, err
		}
		add[nf.list] = f
	}
	for _, f := range out {
		for _, nf := range add {
			if f.Path == nf.Path || f.Path == ManifestName {
				return nil, &compute.InputError{File: x.p.ManifestPath, Problem: fmt.Sprintf("the export already holds %s", f.Path), Allowed: "an export not yet holding this " + x.what}
			}
		}
	}
	for _, list := range []string{"transactions_files", "documents_files", "stakeholders_files"} {
		if f, ok := add[list]; ok {
			out = append(out, f)
		}
	}
	man, err := updatedManifest(x.p, x.day, add)
	if err != nil {
		return nil, err
	}
	out = append(out, man)
	return out, distinctPaths(out)
}

// distinctPaths refuses two files of an export at one path, or a file at
// the path of another's directory: the second would overwrite the first,
// or fail after the first was written.
func distinctPaths(files []OutFile) error {
	at := make(map[string]OutFile, len(files))
	for _, f := range files {
		if g, dup := at[f.Path]; dup {
			return overwrite(g, f)
		}
		at[f.Path] = f
	}
	for _, f := range files {
		for dir := path.Dir(f.Path); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if g, ok := at[dir]; ok {
				return overwrite(g, f)
			}
		}
	}
	return nil
}

func overwrite(a, b OutFile) error {
	from := b.From
	if from.File == "" {
		from = a.From
	}
	return &compute.InputError{File: from.File, Field: from.Field, Problem: fmt.Sprintf("the export would write %s and %s: one would overwrite the other", a.Path, b.Path),
		Allowed: "files and PDFs at distinct paths"}
}
