package ocf

// The export of a ledger (SPEC §2.5): a case file's warrants and
// transactions as a whole OCF package, which `ocf import` reads back into
// the same register view (SPEC §4.5).

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
)

// LedgerOptions are what OCF requires that a case file does not say.
type LedgerOptions struct {
	FormationDate string // the issuer's formation_date, YYYY-MM-DD
	Country       string // the issuer's country of formation, ISO 3166-1 alpha-2
	HolderType    string // every holder's stakeholder_type: INDIVIDUAL or INSTITUTION
	// HolderCountry is the country of a holder whose address does not end
	// in a code; without it, such a holder is refused.
	HolderCountry string
}

// ledgerClass is the id of the stock class the warrants are exercisable for.
const ledgerClass = "wk-class-common"

// ExportLedger writes the ledger of c (its warrants are the originals) as
// an OCF package: the issuer, a stakeholder per holder, the Common Stock,
// and the transactions — a TX_WARRANT_ISSUANCE per warrant ever issued (an
// original on the Original Issue Date at the initial Warrant Price; a new
// warrant on its transaction's date with the Warrant Share Number and
// Warrant Price it was created with), a TX_STOCK_CLASS_SPLIT per split or
// combination, and per transaction:
//
//   - exercise: TX_WARRANT_EXERCISE, resulting_security_ids the balance
//     (the Warrant Stock issued is not in the ledger, so not in the export);
//   - assignment: TX_WARRANT_TRANSFER, quantity in the units of the security
//     as issued, resulting_security_ids the assignee's warrant,
//     balance_security_id the balance;
//   - exchange, replacement, reissue: a TX_WARRANT_TRANSFER of the whole
//     warrant to the same stakeholder, resulting_security_ids the new
//     warrants (OCF 1.2.0 has no warrant reissuance);
//   - cancellation: TX_WARRANT_CANCELLATION of the whole warrant.
//
// The notes name the events OCF has no transaction for: an import needs
// them in its --terms file. Every file is validated against the schemas.
func ExportLedger(c *compute.Case, opt LedgerOptions) (files []OutFile, notes []string, err error) {
	if err := opt.check(); err != nil {
		return nil, nil, err
	}
	adjs, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		return nil, nil, err
	}
	x := &ledgerExport{c: c, t: c.Terms, opt: opt, stakeholder: map[string]string{}, index: map[string]int{}, byNumber: map[string]*compute.Adjustment{}, tx: map[int]compute.Transaction{}}
	for _, tx := range c.Transactions {
		x.tx[tx.Index] = tx
	}
	for _, a := range adjs {
		x.byNumber[a.Warrant] = a
		if err := x.holder(a.Subject.Holder, a.Subject.Email); err != nil {
			err.File, err.Field = c.File, a.Warrant+": holder.address"
			return nil, nil, err
		}
	}
	for _, a := range adjs {
		if a.CreatedBy == nil {
			x.issuance(a, x.t.OriginalIssueDate, "Original warrant, issued on the Original Issue Date.")
		}
	}
	notes = x.items(adjs)
	files, err = x.files()
	return files, append(notes, x.notes...), err
}

func (opt LedgerOptions) check() error {
	if _, err := compute.ParseDate(opt.FormationDate); err != nil {
		return &compute.InputError{Field: "--formation-date", Problem: fmt.Sprintf("%q: %v", opt.FormationDate, err), Allowed: "the issuer's formation date, YYYY-MM-DD (OCF requires it)"}
	}
	if !isCountryCode(opt.Country) {
		return &compute.InputError{Field: "--country", Problem: fmt.Sprintf("%q is not a country code", opt.Country), Allowed: "the issuer's country of formation, ISO 3166-1 alpha-2 (OCF requires it)"}
	}
	if opt.HolderCountry != "" && !isCountryCode(opt.HolderCountry) {
		return &compute.InputError{Field: "--holder-country", Problem: fmt.Sprintf("%q is not a country code", opt.HolderCountry), Allowed: "ISO 3166-1 alpha-2"}
	}
	if opt.HolderType != "INDIVIDUAL" && opt.HolderType != "INSTITUTION" {
		return &compute.InputError{Field: "--holder-type", Problem: fmt.Sprintf("%q is not a stakeholder type", opt.HolderType), Allowed: "individual or institution (OCF requires one of every holder)"}
	}
	return nil
}

// ledgerExport is one ExportLedger: the case, the stakeholders by holder,
// the warrants by number and the objects written so far.
type ledgerExport struct {
	c            *compute.Case
	t            compute.Terms
	opt          LedgerOptions
	stakeholder  map[string]string // holderKey → id
	index        map[string]int    // id → position in stakeholders
	byNumber     map[string]*compute.Adjustment
	tx           map[int]compute.Transaction // by Index
	pendingStock []map[string]any            // the stock an exercise issued, written after it
	notes        []string
	stakeholders []map[string]any
	txs          []map[string]any
	last         compute.Date
}

func holderKey(h compute.Holder) string { return h.Name + "\x00" + strings.Join(h.Address, "\x00") }

// holder adds the stakeholder of h on first use: the address's last line
// is its country when it is a code, else --holder-country (OCF requires a
// country; none is guessed); email, the first given of the holder's
// warrants, is its contact.
func (x *ledgerExport) holder(h compute.Holder, email string) *compute.InputError {
	if id, ok := x.stakeholder[holderKey(h)]; ok {
		if st := x.stakeholders[x.index[id]]; email != "" && st["contact_info"] == nil {
			st["contact_info"] = contactInfo(email)
		}
		return nil
	}
	id := fmt.Sprintf("wk-holder-%d", len(x.stakeholders)+1)
	lines, country := h.Address, x.opt.HolderCountry
	if n := len(lines); n > 1 && isCountryCode(strings.TrimSpace(lines[n-1])) {
		lines, country = lines[:n-1], strings.TrimSpace(lines[n-1])
	}
	if country == "" {
		return &compute.InputError{Problem: fmt.Sprintf("the address of %s does not end in a country code, which OCF requires", h.Name),
			Allowed: "an address whose last line is an ISO 3166-1 alpha-2 code (US, DE, …), or --holder-country CC for such holders"}
	}
	addr := map[string]any{"address_type": "CONTACT", "country": country}
	if len(lines) > 0 {
		addr["street_suite"] = strings.Join(lines, "\n")
	}
	x.stakeholder[holderKey(h)] = id
	x.index[id] = len(x.stakeholders)
	st := map[string]any{
		"object_type": "STAKEHOLDER", "id": id, "name": map[string]string{"legal_name": h.Name},
		"stakeholder_type": x.opt.HolderType, "addresses": []any{addr},
	}
	if email != "" {
		st["contact_info"] = contactInfo(email)
	}
	x.stakeholders = append(x.stakeholders, st)
	return nil
}

func contactInfo(email string) map[string]any {
	return map[string]any{"emails": []any{map[string]string{"email_type": "OTHER", "email_address": email}}}
}

// files are the package's files, each validated, the manifest last.
func (x *ledgerExport) files() ([]OutFile, error) {
	class := map[string]any{"object_type": "STOCK_CLASS", "id": ledgerClass, "name": "Common Stock", "class_type": "COMMON",
		"default_id_prefix": "CS-", "initial_shares_authorized": "UNLIMITED", "votes_per_share": "1", "seniority": "1",
		"comments": []string{"The Common Stock the warrants of series " + x.t.Series + " are exercisable for."}}
	var out []OutFile
	refs := map[string]string{}
	for _, f := range []struct {
		list, name, fileType string
		items                []map[string]any
	}{
		{"stock_classes_files", "StockClasses.ocf.json", "OCF_STOCK_CLASSES_FILE", []map[string]any{class}},
		{"stakeholders_files", "Stakeholders.ocf.json", "OCF_STAKEHOLDERS_FILE", x.stakeholders},
		{"transactions_files", "Transactions.ocf.json", "OCF_TRANSACTIONS_FILE", x.txs},
	} {
		of, err := ocfFile(f.name, f.fileType, f.items)
		if err != nil {
			return nil, err
		}
		sum := md5.Sum(of.Data)
		refs[f.list] = hex.EncodeToString(sum[:])
		out = append(out, of)
	}
	man, err := x.manifest(refs)
	if err != nil {
		return nil, err
	}
	return append(out, man), nil
}

// manifest is the package's manifest, as of the ledger's last date.
func (x *ledgerExport) manifest(md5s map[string]string) (OutFile, error) {
	iss := map[string]any{"object_type": "ISSUER", "id": "wk-issuer", "legal_name": x.c.Issuer.Name,
		"formation_date": x.opt.FormationDate, "country_of_formation": x.opt.Country}
	if len(x.c.Issuer.Address) > 0 {
		iss["address"] = map[string]any{"address_type": "LEGAL", "street_suite": strings.Join(x.c.Issuer.Address, "\n"), "country": x.opt.Country}
	}
	list := func(key, name string) []FileRef { return []FileRef{{Filepath: "./" + name, MD5: md5s[key]}} }
	day := x.last.String()
	m := map[string]any{
		"ocf_version": Version, "file_type": "OCF_MANIFEST_FILE", "issuer": iss, "as_of": day, "generated_at": day + "T00:00:00Z",
		"comments":          []string{fmt.Sprintf("The ledger of warrant series %s, exported by warrantkit ocf export.", x.t.Series)},
		"stock_plans_files": []FileRef{}, "stock_legend_templates_files": []FileRef{}, "vesting_terms_files": []FileRef{}, "valuations_files": []FileRef{},
		"stock_classes_files": list("stock_classes_files", "StockClasses.ocf.json"),
		"stakeholders_files":  list("stakeholders_files", "Stakeholders.ocf.json"),
		"transactions_files":  list("transactions_files", "Transactions.ocf.json"),
	}
	data, err := folder.Encode(m)
	if err != nil {
		return OutFile{}, err
	}
	return OutFile{Path: ManifestName, Data: data}, checkOwn(ManifestName, fileSchemas["OCF_MANIFEST_FILE"], data)
}
