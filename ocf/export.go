package ocf

import (
	"bytes"
	"crypto/md5"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/internal/strictjson"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// OutFile is one file an export writes, relative to its output directory
// (slash-separated): Data, or what Copy writes (a file of a warrantkit
// output, checked against its listing as it is copied). From names the
// input that named Path, if one did.
type OutFile struct {
	Path string
	Data []byte
	Copy func(w io.Writer) error
	From safepath.From
}

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
	var err error
	if r.New, err = casefile.ReadRegister(r.root.Path("register.csv"), bytes.NewReader(tables[0]), r.Case.Terms); err != nil {
		return err
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
		comments := replacementComments(t, adj, old.Number, row.SecurityID, day)
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

	if err := r.documents(x, cancelOf, issueOf); err != nil {
		return nil, err
	}
	return x.finish("warrantkit-reissue-" + day)
}

// replacementComments are the comments of a replacement warrant's issuance:
// what it replaces, and each certified adjustment (§5).
func replacementComments(t compute.Terms, adj *compute.Adjustment, old, securityID, day string) []string {
	comments := []string{fmt.Sprintf("Replacement for warrant %s (OCF security %s), issued by warrantkit reissue on %s (§5 of the Warrant).", old, securityID, day)}
	for _, e := range adj.Entries {
		if !e.Status.Certified() {
			continue
		}
		comments = append(comments, fmt.Sprintf("Adjusted under §%s of the Warrant for event %s (%s, effective %s, %s): Warrant Price %s → %s, Warrant Share Number %s → %s.",
			e.Section, e.Event, e.Type, e.Effective, e.Status, e.Before.Price.StringFixed(t.PriceDecimals), e.After.Price.StringFixed(t.PriceDecimals),
			e.Before.Shares.StringFixed(t.ShareDecimals), e.After.Shares.StringFixed(t.ShareDecimals)))
	}
	return comments
}

// documents adds the reissue's PDFs, each related to the transactions of
// its warrant: a new warrant to its issuance, a record to the cancellation,
// a certificate to both.
func (r *Reissue) documents(x *exporter, cancelOf, issueOf map[string]string) error {
	for _, f := range r.pdfs {
		rel := path.Clean(f.Path)
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
		if err := x.document(r.root, f, related); err != nil {
			return err
		}
	}
	return nil
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

// ocfFile encodes an OCF file of items and validates it.
func ocfFile(name, fileType string, items []map[string]any) (OutFile, error) {
	if items == nil {
		items = []map[string]any{}
	}
	data, err := folder.Encode(map[string]any{"file_type": fileType, "items": items})
	if err != nil {
		return OutFile{}, err
	}
	return OutFile{Path: name, Data: data}, checkOwn(name, fileSchemas[fileType], data)
}

// encode writes JSON with sorted keys, two-space indent, no HTML escaping.
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
	data, err := folder.Encode(m)
	if err != nil {
		return OutFile{}, err
	}
	return OutFile{Path: ManifestName, Data: data}, checkOwn(ManifestName, fileSchemas["OCF_MANIFEST_FILE"], data)
}

var _ = decimal.Zero
