package ocf

import (
	"bytes"
	"cmp"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
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

// ExportReissue turns a reissue of the warrants of series read from p into
// OCF: for each re-issued warrant a TX_WARRANT_TRANSFER of the old security
// to its holder, resulting in the replacement, and the TX_WARRANT_ISSUANCE
// of the replacement (the adjusted
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
	adjs, err := r.adjustments()
	if err != nil {
		return nil, err
	}
	reissuedOf, issueOf := map[string]string{}, map[string]string{} // by file name part of old/new number
	for _, nw := range r.New {
		row, ok := x.rows[nw.Parent]
		if !ok {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "register.csv"), Row: nw.Line, Field: "parent", Problem: fmt.Sprintf("%s is not an outstanding warrant of series %s in the OCF export", nw.Parent, series), Allowed: "a reissue of the register the OCF import wrote"}
		}
		adj, ok := adjs[nw.Parent]
		if !ok {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "register.csv"), Row: nw.Line, Field: "parent", Problem: fmt.Sprintf("%s is no warrant of the reissue's case and register", nw.Parent), Allowed: "the register view the reissue wrote"}
		}
		old := adj.Subject
		priceText, ok := r.Prices[nw.Number]
		if !ok {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "summary.csv"), Field: "warrant_price", Problem: "no price for " + nw.Number}
		}
		price, pr := ParseNumeric(priceText)
		if pr != "" {
			return nil, &compute.InputError{File: filepath.Join(r.Dir, "summary.csv"), Field: "warrant_price", Problem: pr, Allowed: NumericAllowed}
		}
		newSec := "wk-sec-" + idPart(nw.Number)
		transferID := "wk-reissue-" + idPart(old.Number)
		issueID := "wk-issue-" + idPart(nw.Number)
		if err := x.claim(transferID, issueID); err != nil {
			return nil, err
		}
		if err := x.claimSecurity(newSec); err != nil {
			return nil, err
		}
		comments := replacementComments(t, adj, old.Number, row.SecurityID, day)
		// OCF 1.2.0 has no warrant reissuance: the whole warrant is
		// transferred to its holder, resulting in the replacement, which
		// an import reads as the exchange it is (SPEC §2.5).
		x.txs = append(x.txs, map[string]any{
			"object_type": "TX_WARRANT_TRANSFER", "id": transferID, "security_id": row.SecurityID, "date": day,
			"quantity":               row.Issuance.Quantity,
			"resulting_security_ids": []string{newSec},
			"consideration_text":     fmt.Sprintf("Exchanged for replacement warrant %s (security %s), to the same holder, stating the adjusted Warrant Price and Warrant Share Number", nw.Number, newSec),
			"comments":               []string{fmt.Sprintf("warrantkit reissue of %s: warrant %s replaced by %s.", day, old.Number, nw.Number)},
		})
		x.txs = append(x.txs, x.warrantIssuance(row, issueID, newSec, nw.Number, row.StakeholderID,
			Numeric(nw.Shares, t.ShareDecimals), Numeric(price, t.PriceDecimals), comments))
		reissuedOf[idPart(old.Number)] = transferID
		issueOf[idPart(old.Number)] = issueID
		issueOf["new:"+idPart(nw.Number)] = issueID
	}

	if err := r.documents(x, reissuedOf, issueOf); err != nil {
		return nil, err
	}
	return x.finish("warrantkit-reissue-" + day)
}

// adjustments are the histories of every warrant of the reissue's ledger
// (its case, the originals from its register), by number: a warrant
// re-issued may be one a transaction of the ledger created.
func (r *Reissue) adjustments() (map[string]*compute.Adjustment, error) {
	c := *r.Case
	c.Warrants = make([]compute.Warrant, 0, len(r.Old))
	for _, w := range r.Old {
		c.Warrants = append(c.Warrants, w)
	}
	slices.SortFunc(c.Warrants, func(a, b compute.Warrant) int { return cmp.Compare(a.Line, b.Line) })
	adjs, err := compute.AdjustCase(&c, compute.Date{})
	if err != nil {
		return nil, err
	}
	by := make(map[string]*compute.Adjustment, len(adjs))
	for _, a := range adjs {
		by[a.Warrant] = a
	}
	return by, nil
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
// its warrant: a new warrant to its issuance, a record to the transfer, a
// certificate to both.
func (r *Reissue) documents(x *exporter, reissuedOf, issueOf map[string]string) error {
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
			if id := reissuedOf[base]; id != "" {
				related = append(related, ref("TX_WARRANT_TRANSFER", id))
			}
		case "certificates":
			for old, id := range reissuedOf {
				if strings.HasPrefix(base, old+"-") {
					related = append(related, ref("TX_WARRANT_TRANSFER", id), ref("TX_WARRANT_ISSUANCE", issueOf[old]))
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
