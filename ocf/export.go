package ocf

import (
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// OutFile is one file an export writes, relative to its output directory:
// Data, or a copy of the file at Src.
type OutFile struct {
	Path string
	Data []byte
	Src  string
}

// Reissue is what a `warrantkit reissue` output directory says it did.
type Reissue struct {
	Dir    string
	Date   compute.Date
	Case   *compute.Case
	Old    map[string]compute.Warrant // by number, from inputs/register.csv
	New    []compute.Warrant          // register.csv, in order; Parent is the old number
	Prices map[string]string          // new number → warrant_price from summary.csv
	PDFs   []string                   // the manifest's PDFs, in its order
}

// ReadReissue reads a reissue output directory: its manifest.json, the
// inputs it copied, register.csv and summary.csv.
func ReadReissue(dir string) (*Reissue, error) {
	r := &Reissue{Dir: dir, Old: map[string]compute.Warrant{}, Prices: map[string]string{}}
	mpath := filepath.Join(dir, "manifest.json")
	data, err := os.ReadFile(mpath)
	if err != nil {
		return nil, &compute.InputError{File: dir, Problem: "is not the output of warrantkit reissue: " + unwrapPath(err).Error(), Allowed: "a reissue --out directory (with manifest.json)"}
	}
	var man struct {
		Tool    string `json:"tool"`
		Options struct {
			Date string `json:"date"`
		} `json:"options"`
		Inputs struct {
			Case     struct{ Path string } `json:"case"`
			Register struct{ Path string } `json:"register"`
		} `json:"inputs"`
		Files []struct {
			Path string `json:"path"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &man); err != nil || man.Tool != "warrantkit" {
		return nil, &compute.InputError{File: mpath, Problem: "is not a warrantkit reissue manifest", Allowed: "the manifest.json reissue writes"}
	}
	if r.Date, err = compute.ParseDate(man.Options.Date); err != nil {
		return nil, &compute.InputError{File: mpath, Field: "options.date", Problem: err.Error(), Allowed: "YYYY-MM-DD"}
	}
	if r.Case, err = compute.LoadCase(filepath.Join(dir, filepath.FromSlash(man.Inputs.Case.Path))); err != nil {
		return nil, err
	}
	read := func(rel string) ([]compute.Warrant, error) {
		f, err := os.Open(filepath.Join(dir, rel))
		if err != nil {
			return nil, &compute.InputError{File: filepath.Join(dir, rel), Problem: "cannot read: " + unwrapPath(err).Error()}
		}
		defer f.Close()
		return compute.ReadRegister(filepath.Join(dir, rel), f, r.Case.Terms)
	}
	old, err := read(filepath.FromSlash(man.Inputs.Register.Path))
	if err != nil {
		return nil, err
	}
	for _, w := range old {
		r.Old[w.Number] = w
	}
	if r.New, err = read("register.csv"); err != nil {
		return nil, err
	}
	sf, err := os.Open(filepath.Join(dir, "summary.csv"))
	if err != nil {
		return nil, &compute.InputError{File: filepath.Join(dir, "summary.csv"), Problem: "cannot read: " + unwrapPath(err).Error()}
	}
	defer sf.Close()
	recs, err := csv.NewReader(sf).ReadAll()
	if err != nil || len(recs) == 0 || len(recs[0]) < 6 || recs[0][1] != "new_number" || recs[0][5] != "warrant_price" {
		return nil, &compute.InputError{File: filepath.Join(dir, "summary.csv"), Problem: "is not a reissue summary", Allowed: "the summary.csv reissue writes"}
	}
	for _, rec := range recs[1:] {
		if len(rec) >= 6 {
			r.Prices[compute.CSVValue(rec[1])] = compute.CSVValue(rec[5])
		}
	}
	for _, f := range man.Files {
		if strings.HasSuffix(f.Path, ".pdf") {
			r.PDFs = append(r.PDFs, f.Path)
		}
	}
	return r, nil
}

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

// document adds a DOCUMENT for the PDF rel of dir, related to related, and
// the PDF to copy.
func (x *exporter) document(dir, rel string, related []map[string]string) error {
	src := filepath.Join(dir, filepath.FromSlash(rel))
	sum, err := md5File(src)
	if err != nil {
		return &compute.InputError{File: src, Problem: "cannot read a document of the " + x.what + ": " + unwrapPath(err).Error()}
	}
	docID := "wk-doc-" + idPart(strings.TrimSuffix(rel, ".pdf"))
	if err := x.claim(docID); err != nil {
		return err
	}
	d := map[string]any{"object_type": "DOCUMENT", "id": docID, "path": rel, "md5": sum}
	if len(related) > 0 {
		d["related_objects"] = related
	}
	x.docs = append(x.docs, d)
	x.out = append(x.out, OutFile{Path: rel, Src: src})
	return nil
}

// finish returns the files of the export: the PDFs, the package's own files
// unchanged, the new transactions, documents (and stakeholders) files named
// after stem, and the manifest listing them — every JSON file validated.
func (x *exporter) finish(stem string) ([]OutFile, error) {
	out := x.out
	for _, f := range x.p.Files {
		rel := path.Clean(strings.ReplaceAll(f.Ref.Filepath, "\\", "/"))
		if path.IsAbs(rel) || rel == ".." || strings.HasPrefix(rel, "../") {
			return nil, &compute.InputError{File: x.p.ManifestPath, Field: f.List, Problem: fmt.Sprintf("%s lies outside the export's directory and cannot be copied", f.Ref.Filepath), Allowed: "paths inside the manifest's directory"}
		}
		out = append(out, OutFile{Path: rel, Data: f.Data})
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
	return append(out, man), nil
}

// ExportReissue turns a reissue of the warrants of series read from p into
// OCF: for each re-issued warrant the TX_WARRANT_CANCELLATION of the old
// security and the TX_WARRANT_ISSUANCE of the replacement (the adjusted
// quantity and exercise price, a comment naming the Warrant's section and
// each event), a DOCUMENT per PDF, and the manifest updated to list them
// beside the export's own files (copied unchanged). Ids are derived from the
// warrant numbers and paths; dates from the reissue. Every JSON file is
// validated against the schemas before it is returned.
func ExportReissue(p *Package, series string, r *Reissue) ([]OutFile, error) {
	if r.Case.Terms.Series != series {
		return nil, &compute.InputError{File: r.Dir, Field: "terms.series", Problem: fmt.Sprintf("the reissue is of series %s, the OCF import of %s", r.Case.Terms.Series, series)}
	}
	day := r.Date.String()
	x, err := newExporter(p, series, day, "reissue")
	if err != nil {
		return nil, err
	}
	t := r.Case.Terms
	cancelOf, issueOf := map[string]string{}, map[string]string{} // by file name part of old/new number
	for _, nw := range r.New {
		row, ok := x.rows[nw.Parent]
		if !ok {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "register.csv"), Row: nw.Line, Field: "parent", Problem: fmt.Sprintf("%s is not an outstanding warrant of series %s in the OCF export", nw.Parent, series), Allowed: "a reissue of the register the OCF import wrote"}
		}
		old := r.Old[nw.Parent]
		priceText, ok := r.Prices[nw.Number]
		if !ok {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "summary.csv"), Field: "warrant_price", Problem: "no price for " + nw.Number}
		}
		price, pr := ParseNumeric(priceText)
		if pr != "" {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "summary.csv"), Field: "warrant_price", Problem: pr, Allowed: NumericAllowed}
		}
		newSec := "wk-sec-" + idPart(nw.Number)
		cancelID := "wk-cancel-" + idPart(old.Number)
		issueID := "wk-issue-" + idPart(nw.Number)
		if err := x.claim(cancelID, issueID); err != nil {
			return nil, err
		}
		if err := x.claimSecurity(newSec); err != nil {
			return nil, err
		}
		adj, err := compute.Adjust(t, old, r.Case.Events, compute.Date{})
		if err != nil {
			return nil, err
		}
		comments := []string{fmt.Sprintf("Replacement for warrant %s (OCF security %s), issued by warrantkit reissue on %s (§5 of the Warrant).", old.Number, row.SecurityID, day)}
		for _, e := range adj.Entries {
			if !e.Status.Certified() {
				continue
			}
			comments = append(comments, fmt.Sprintf("Adjusted under §%s of the Warrant for event %s (%s, effective %s, %s): Warrant Price %s → %s, Warrant Share Number %s → %s.",
				e.Section, e.Event, e.Type, e.Effective, e.Status, e.Before.Price.StringFixed(t.PriceDecimals), e.After.Price.StringFixed(t.PriceDecimals),
				e.Before.Shares.StringFixed(t.ShareDecimals), e.After.Shares.StringFixed(t.ShareDecimals)))
		}
		x.txs = append(x.txs, map[string]any{
			"object_type": "TX_WARRANT_CANCELLATION", "id": cancelID, "security_id": row.SecurityID, "date": day,
			"quantity":    row.Issuance.Quantity,
			"reason_text": fmt.Sprintf("Exchanged for replacement warrant %s (security %s) stating the adjusted Warrant Price and Warrant Share Number", nw.Number, newSec),
			"comments":    []string{fmt.Sprintf("warrantkit reissue of %s: warrant %s replaced by %s.", day, old.Number, nw.Number)},
		})
		x.txs = append(x.txs, x.warrantIssuance(row, issueID, newSec, nw.Number, row.StakeholderID,
			Numeric(nw.Shares, t.ShareDecimals), Numeric(price, t.PriceDecimals), comments))
		cancelOf[idPart(old.Number)] = cancelID
		issueOf[idPart(old.Number)] = issueID
		issueOf["new:"+idPart(nw.Number)] = issueID
	}

	// The documents.
	for _, rel := range r.PDFs {
		base := strings.TrimSuffix(path.Base(rel), ".pdf")
		var related []map[string]string
		switch path.Dir(rel) {
		case "warrants":
			if id := issueOf["new:"+base]; id != "" {
				related = append(related, ref("TX_WARRANT_ISSUANCE", id))
			}
		case "records":
			if id := cancelOf[base]; id != "" {
				related = append(related, ref("TX_WARRANT_CANCELLATION", id))
			}
		case "certificates":
			for old, id := range cancelOf {
				if strings.HasPrefix(base, old+"-") {
					related = append(related, ref("TX_WARRANT_CANCELLATION", id), ref("TX_WARRANT_ISSUANCE", issueOf[old]))
					break
				}
			}
		}
		if err := x.document(r.Dir, rel, related); err != nil {
			return nil, err
		}
	}
	return x.finish("warrantkit-reissue-" + day)
}

func ref(objectType, id string) map[string]string {
	return map[string]string{"object_type": objectType, "object_id": id}
}

func rawOr(raw json.RawMessage, def string) json.RawMessage {
	if len(bytes.TrimSpace(raw)) == 0 {
		return json.RawMessage(def)
	}
	return raw
}

// triggersFor copies the old issuance's exercise triggers, with a fixed
// amount conversion's quantity set to the new quantity.
func triggersFor(old *Tx, quantity string) []any {
	out := []any{}
	for _, raw := range old.ExerciseTriggers {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
		if err != nil {
			continue
		}
		if m, ok := doc.(map[string]any); ok {
			if cr, ok := m["conversion_right"].(map[string]any); ok {
				if cm, ok := cr["conversion_mechanism"].(map[string]any); ok && cm["type"] == "FIXED_AMOUNT_CONVERSION" {
					cm["converts_to_quantity"] = quantity
				}
			}
		}
		out = append(out, doc)
	}
	return out
}

func md5File(p string) (string, error) { return hashFile(p, md5.New()) }

func sha256File(p string) (string, error) { return hashFile(p, sha256.New()) }

func hashFile(p string, h hash.Hash) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ocfFile encodes an OCF file of items and validates it.
func ocfFile(name, fileType string, items []map[string]any) (OutFile, error) {
	if items == nil {
		items = []map[string]any{}
	}
	data, err := encode(map[string]any{"file_type": fileType, "items": items})
	if err != nil {
		return OutFile{}, err
	}
	return OutFile{Path: name, Data: data}, checkOwn(name, fileSchemas[fileType], data)
}

// encode writes JSON with sorted keys, two-space indent, no HTML escaping.
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// checkOwn validates a file warrantkit wrote: failing is a bug, not bad input.
func checkOwn(name, rel string, data []byte) error {
	_, probs, err := parseAndValidate(name, data, rel)
	if err != nil {
		return err
	}
	if len(probs) > 0 {
		return fmt.Errorf("ocf: the %s warrantkit would write fails its schema: %s", name, probs[0])
	}
	return nil
}

// updatedManifest is the export's manifest listing the new files too, as of
// the reissue's date.
func updatedManifest(p *Package, day string, add map[string]OutFile) (OutFile, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(p.ManifestData, &m); err != nil {
		return OutFile{}, err
	}
	keys := make([]string, 0, len(add))
	for k := range add {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f := add[k]
		var refs []FileRef
		if raw, ok := m[k]; ok {
			if err := json.Unmarshal(raw, &refs); err != nil {
				return OutFile{}, err
			}
		}
		sum := md5.Sum(f.Data)
		refs = append(refs, FileRef{Filepath: "./" + f.Path, MD5: hex.EncodeToString(sum[:])})
		b, _ := json.Marshal(refs)
		m[k] = b
	}
	m["as_of"], _ = json.Marshal(day)
	m["generated_at"], _ = json.Marshal(day + "T00:00:00Z")
	data, err := encode(m)
	if err != nil {
		return OutFile{}, err
	}
	return OutFile{Path: ManifestName, Data: data}, checkOwn(ManifestName, fileSchemas["OCF_MANIFEST_FILE"], data)
}

var _ = decimal.Zero
