package books

// The register view (SPEC §4.5): the warrants outstanding at the end of a
// date, in ascending order of number, with the Warrant Share Number and the
// Warrant Price in effect. `warrantkit register` prints it; a reissue writes
// it as register.csv. It is a view for people and mail merges, never an
// input: its parent column is what the register reader (SPEC §2.2) refuses,
// so a view cannot be adjusted a second time.
//
// The email and tax_id_last4 columns are there when they are known: when any
// original warrant of the case (its register or the case file's list) has an
// email or a tax id. That is decided before a row is computed, so a reissue
// streaming its register writes the same header as `register` would. A
// warrant an assignee holds has neither: its cells are empty.

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

// ViewRow is one warrant of the register view. Email and TaxID4 are set
// (possibly to "") only when the view has those columns.
type ViewRow struct {
	Number        string  `json:"number"`
	HolderName    string  `json:"holder_name"`
	HolderAddress string  `json:"holder_address"`
	Shares        string  `json:"shares"`
	WarrantPrice  string  `json:"warrant_price"`
	Issued        string  `json:"issued"`
	Parent        string  `json:"parent"`
	Email         *string `json:"email,omitempty"`
	TaxID4        *string `json:"tax_id_last4,omitempty"`
	key           string  // WarrantNumberKey, to sort by
}

// viewHeader is the view's CSV header; contact adds email and tax_id_last4.
func viewHeader(contact bool) []string {
	h := []string{"number", "holder_name", "holder_address", "shares", "warrant_price", "issued", "parent"}
	if contact {
		h = append(h, "email", "tax_id_last4")
	}
	return h
}

// hasContact reports whether any of ws has an email or a tax id: whether the
// view has those columns.
func hasContact(ws []compute.Warrant) bool {
	return slices.ContainsFunc(ws, func(w compute.Warrant) bool { return w.Email != "" || w.TaxID4 != "" })
}

// viewRow is the row of the warrant w (its number, holder, contact and
// parent), issued on issued, in the state s, with t's places.
func viewRow(t compute.Terms, w compute.Warrant, s compute.State, issued compute.Date, contact bool) ViewRow {
	r := ViewRow{Number: w.Number, HolderName: w.Holder.Name, HolderAddress: strings.Join(w.Holder.Address, "|"),
		Shares: s.Shares.StringFixed(t.ShareDecimals), WarrantPrice: s.Price.StringFixed(t.PriceDecimals),
		Issued: issued.String(), Parent: w.Parent, key: compute.WarrantNumberKey(t.Series, w.Number)}
	if contact {
		r.Email, r.TaxID4 = &w.Email, &w.TaxID4
	}
	return r
}

// record is r's CSV record, its cells protected against formulas
// (casefile.CSVCell).
func (r ViewRow) record() []string {
	rec := []string{r.Number, r.HolderName, r.HolderAddress, r.Shares, r.WarrantPrice, r.Issued, r.Parent}
	if r.Email != nil {
		rec = append(rec, *r.Email, *r.TaxID4)
	}
	return casefile.CSVRecord(rec)
}

// RegisterView is the register view of the case c at the end of asOf (the
// zero Date: after the whole history): every warrant outstanding then, in
// ascending order of number by value (W-F-05-9 before W-F-05-10).
//
// It replays one original's lineage at a time and keeps only the rows, not
// the adjustments' entries: memory grows with the rows of the view (a few
// hundred bytes each), not with the history.
func RegisterView(ctx context.Context, c *compute.Case, asOf compute.Date) ([]ViewRow, error) {
	t := c.Terms
	numbers := make([]string, len(c.Warrants))
	for i, w := range c.Warrants {
		numbers[i] = w.Number
	}
	l, err := compute.NewLedger(t, numbers, c.Transactions)
	if err != nil {
		return nil, err
	}
	contact := hasContact(c.Warrants)
	var rows []ViewRow
	for _, root := range c.Warrants {
		if err := ctx.Err(); err != nil {
			return nil, context.Cause(ctx)
		}
		adjs, err := l.Lineage(root, c.Events, asOf)
		if err != nil {
			return nil, err
		}
		for _, a := range adjs {
			if !outstandingAt(a, asOf) {
				continue
			}
			w, issued := a.Subject, t.OriginalIssueDate
			w.Number = a.Warrant
			if a.CreatedBy != nil {
				issued = a.Issued
			}
			rows = append(rows, viewRow(t, w, a.Final, issued, contact))
		}
	}
	slices.SortFunc(rows, func(a, b ViewRow) int {
		if c := cmp.Compare(len(a.key), len(b.key)); c != 0 {
			return c
		}
		return strings.Compare(a.key, b.key)
	})
	return rows, nil
}

// outstandingAt reports whether the warrant of a was outstanding at the end
// of asOf (the zero Date: at the end of its history): issued by then and not
// surrendered by then.
func outstandingAt(a *compute.Adjustment, asOf compute.Date) bool {
	if asOf.IsZero() {
		return a.Surrendered == nil
	}
	if a.CreatedBy != nil && a.Issued.After(asOf) {
		return false
	}
	return a.Surrendered == nil || a.Surrendered.Date.After(asOf)
}

// WriteRegisterViewCSV writes rows as CSV with the view's header; contact
// adds the email and tax_id_last4 columns.
func WriteRegisterViewCSV(w io.Writer, rows []ViewRow, contact bool) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(viewHeader(contact)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r.record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteRegisterViewJSON writes rows as a JSON array of objects with the
// keys of the CSV's columns, the same bytes as warrantkit writes all its
// JSON (folder.Encode), one object at a time.
func WriteRegisterViewJSON(w io.Writer, rows []ViewRow) error {
	if len(rows) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriter(w)
	var obj bytes.Buffer
	enc := json.NewEncoder(&obj)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[\n")
	for i, r := range rows {
		obj.Reset()
		if err := enc.Encode(r); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(obj.Bytes(), []byte("\n")))
		if i < len(rows)-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// ViewHasContact reports whether the register view of c has the email and
// tax_id_last4 columns.
func ViewHasContact(c *compute.Case) bool { return hasContact(c.Warrants) }
