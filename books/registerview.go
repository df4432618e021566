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
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/internal/safepath"
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
		Issued: issued.String(), Parent: w.Parent}
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
func RegisterView(ctx context.Context, c *compute.Case, asOf compute.Date) (*View, error) {
	if err := checkAsOf(c.Terms, asOf); err != nil {
		return nil, err
	}
	numbers := make([]string, len(c.Warrants))
	for i, w := range c.Warrants {
		numbers[i] = w.Number
	}
	l, err := compute.NewLedger(c.Terms, numbers, c.Transactions)
	if err != nil {
		return nil, err
	}
	v := viewBuilder{c: c, l: l, asOf: asOf, view: &View{Contact: hasContact(c.Warrants)}}
	for _, root := range c.Warrants {
		if err := v.add(ctx, root); err != nil {
			return nil, err
		}
	}
	return v.sorted(), nil
}

// RegisterViewOf is RegisterView of the case file at casePath, its original
// warrants taken from the register at registerPath when it is not "". The
// register is streamed twice, never held: once for the numbers the ledger
// needs (and whether any row has an email or a tax id, View.Contact), once
// to replay each original's lineage.
func RegisterViewOf(ctx context.Context, casePath, registerPath string, asOf compute.Date) (*View, error) {
	c, err := OpenCase(casePath)
	if err != nil {
		return nil, err
	}
	if registerPath == "" {
		if len(c.Warrants) == 0 {
			return nil, &compute.InputError{File: casePath, Field: "warrants", Problem: "the case lists no warrants and no --register was given", Allowed: "a warrants list, or --register FILE.csv"}
		}
		v, err := RegisterView(ctx, c, asOf)
		return v, InCaseFile(err, casePath)
	}
	if err := checkAsOf(c.Terms, asOf); err != nil {
		return nil, err
	}
	var numbers []string
	contact := false
	err = eachOriginal(registerPath, c.Terms, func(w compute.Warrant) error {
		// The row's strings share one buffer: keep the number only.
		numbers = append(numbers, strings.Clone(w.Number))
		contact = contact || w.Email != "" || w.TaxID4 != ""
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(numbers) == 0 {
		return nil, &compute.InputError{File: registerPath, Field: "register", Problem: "the register has a header but no warrants", Allowed: "one row per outstanding warrant"}
	}
	l, err := compute.NewLedger(c.Terms, numbers, c.Transactions)
	if err != nil {
		return nil, InCaseFile(err, casePath)
	}
	numbers = nil
	v := viewBuilder{c: c, l: l, asOf: asOf, view: &View{Contact: contact}}
	if err := eachOriginal(registerPath, c.Terms, func(w compute.Warrant) error { return v.add(ctx, w) }); err != nil {
		return nil, InCaseFile(err, casePath)
	}
	return v.sorted(), nil
}

// checkAsOf refuses a view dated before the Original Issue Date, when no
// warrant of the series was outstanding: most likely a mistyped year.
func checkAsOf(t compute.Terms, asOf compute.Date) error {
	if !asOf.IsZero() && asOf.Before(t.OriginalIssueDate) {
		return &compute.InputError{Field: "as_of", Problem: fmt.Sprintf("%s is before the Original Issue Date %s: no warrant was outstanding", asOf, t.OriginalIssueDate),
			Allowed: "a date on or after " + t.OriginalIssueDate.String()}
	}
	return nil
}

// eachOriginal calls f with each warrant of the register at path, read as a
// stream.
func eachOriginal(path string, t compute.Terms, f func(compute.Warrant) error) error {
	file, err := safepath.OpenRegular(path, "register")
	if errors.As(err, new(*safepath.Error)) {
		return err
	}
	if err != nil {
		return &compute.InputError{File: path, Field: "register", Problem: fmt.Sprintf("cannot open the register: %v", safepath.Unwrap(err))}
	}
	defer file.Close()
	rr, err := casefile.NewRegisterReader(path, bufio.NewReader(file), t)
	if err != nil {
		return err
	}
	for {
		w, err := rr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f(w); err != nil {
			return err
		}
	}
}

// viewBuilder gathers the rows of a view, one original's lineage at a time.
type viewBuilder struct {
	c    *compute.Case
	l    *compute.Ledger
	asOf compute.Date
	view *View
}

// add replays the lineage of the original warrant root and keeps a row for
// each of its warrants outstanding at the end of asOf.
func (v *viewBuilder) add(ctx context.Context, root compute.Warrant) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	t := v.c.Terms
	if !v.asOf.IsZero() && v.asOf.After(t.ExpirationDate()) {
		return nil // expired (§1): no warrant is outstanding
	}
	adjs, err := v.l.Lineage(root, v.c.Events, v.asOf)
	if err != nil {
		return err
	}
	for _, a := range adjs {
		if !outstandingAt(a, v.asOf) {
			continue
		}
		w, issued := a.Subject, t.OriginalIssueDate
		w.Number = a.Warrant
		if a.CreatedBy != nil {
			issued = a.Issued
		}
		v.view.rows = append(v.view.rows, viewRow(t, w, a.Final, issued, v.view.Contact).pack())
	}
	return nil
}

// sorted is the view, its rows in ascending order of number by value.
func (v *viewBuilder) sorted() *View {
	v.view.sort(v.c.Terms.Series)
	return v.view
}

// sort puts the rows in ascending order of number by value.
func (v *View) sort(series string) {
	slices.SortFunc(v.rows, func(a, b string) int {
		ka, kb := compute.WarrantNumberKey(series, firstCell(a)), compute.WarrantNumberKey(series, firstCell(b))
		if c := cmp.Compare(len(ka), len(kb)); c != 0 {
			return c
		}
		return strings.Compare(ka, kb)
	})
}

// View is a register view: its rows, each kept packed in one string (its
// cells separated by NUL, which no text of a case or a register may
// contain), about a third of the memory of a ViewRow.
type View struct {
	// Contact: the view has the email and tax_id_last4 columns.
	Contact bool
	rows    []string
}

// Len is the number of rows.
func (v *View) Len() int { return len(v.rows) }

// Rows are the rows in order.
func (v *View) Rows() iter.Seq[ViewRow] {
	return func(yield func(ViewRow) bool) {
		for _, p := range v.rows {
			if !yield(unpack(p)) {
				return
			}
		}
	}
}

func (r ViewRow) pack() string {
	cells := []string{r.Number, r.HolderName, r.HolderAddress, r.Shares, r.WarrantPrice, r.Issued, r.Parent}
	if r.Email != nil {
		cells = append(cells, *r.Email, *r.TaxID4)
	}
	return strings.Join(cells, "\x00")
}

func unpack(p string) ViewRow {
	c := strings.Split(p, "\x00")
	r := ViewRow{Number: c[0], HolderName: c[1], HolderAddress: c[2], Shares: c[3], WarrantPrice: c[4], Issued: c[5], Parent: c[6]}
	if len(c) == 9 {
		r.Email, r.TaxID4 = &c[7], &c[8]
	}
	return r
}

func firstCell(p string) string {
	if i := strings.IndexByte(p, 0); i >= 0 {
		return p[:i]
	}
	return p
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

// WriteCSV writes the view as CSV with its header, every cell a
// spreadsheet would run as a formula quoted (casefile.CSVCell).
func (v *View) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(viewHeader(v.Contact)); err != nil {
		return err
	}
	for r := range v.Rows() {
		if err := cw.Write(r.record()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteJSON writes the view as a JSON array of objects with the keys of the
// CSV's columns: the bytes warrantkit writes all its JSON with
// (folder.Encode), one object at a time.
func (v *View) WriteJSON(w io.Writer) error {
	if v.Len() == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriter(w)
	var obj bytes.Buffer
	enc := json.NewEncoder(&obj)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[\n")
	i := 0
	for r := range v.Rows() {
		obj.Reset()
		if err := enc.Encode(r); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(obj.Bytes(), []byte("\n")))
		if i++; i < v.Len() {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}
