package casefile

// The register reader (SPEC §2.2): a CSV of warrants, streamed row by row so
// that a register of any length is read in flat memory, apart from the set of
// warrant numbers already seen (needed to reject duplicates). A row may hold
// at most MaxRegisterRowBytes; a larger one is refused before it is read
// whole.

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// Register columns.
const (
	colNumber        = "number"
	colHolderName    = "holder_name"
	colHolderAddress = "holder_address"
	colShares        = "shares"
	colEmail         = "email"
	colTaxID4        = "tax_id_last4"
	colParent        = "parent"
	colWarrantPrice  = "warrant_price"
	colIssued        = "issued"
)

// registerColumns are the columns a register may have, required ones first;
// the order of the columns in the file is free. The last two are the
// register view's only (SPEC §4.5): a register refuses them.
var registerColumns = []string{colNumber, colHolderName, colHolderAddress, colShares, colEmail, colTaxID4, colParent, colWarrantPrice, colIssued}

// The positions in registerColumns of the columns read by position.
const (
	registerRequired = 4 // the first four of registerColumns
	kParent          = 6
	kWarrantPrice    = 7
	kIssued          = 8
)

const (
	registerColumnsAllowed = "number, holder_name, holder_address, shares (required), email, tax_id_last4, parent (optional), in any order"
	viewColumnsAllowed     = "number, holder_name, holder_address, shares (required), warrant_price, issued, parent, email, tax_id_last4 (optional), in any order"
)

// RegisterReader reads the warrants of a register one row at a time.
//
// A cell that begins with a single quote before '=', '+', '-', '@', a tab or
// a carriage return is read without that quote (CSVValue): the registers
// warrantkit writes quote such cells against CSV injection.
//
// Rows are numbered from 1, the header being row 0. An *InputError about one
// row (a bad value, a duplicate number, a wrong number of fields) does not end
// the reading: Next may be called again to go on with the next row, so that a
// caller can report every bad row. A CSV syntax error, or an error reading the
// underlying reader, ends it: Next keeps returning that error.
type RegisterReader struct {
	name  string
	terms compute.Terms
	r     *csv.Reader
	view  bool                  // a register view (ReadRegisterView), not a register
	col   [9]int                // index of each of registerColumns in a record; -1 if absent
	width int                   // number of columns in the header
	row   int                   // the last data row read
	seen  map[string]seenNumber // by WarrantNumberKey
	err   error                 // sticky: io.EOF or a fatal error
	limit *rowLimiter
	bom   int64 // bytes of byte order mark skipped before the CSV reader
}

// seenNumber is where a warrant number was first seen, and how many leading
// zeros it was written with: the key and the zeros spell it again without
// keeping a copy of every number.
type seenNumber struct {
	row   int
	zeros int
}

// NewRegisterReader reads and checks the header of the register r, named name
// in errors. t supplies the series and share_decimals the rows are checked
// against.
func NewRegisterReader(name string, r io.Reader, t compute.Terms) (*RegisterReader, error) {
	return newRegisterReader(name, r, t, false)
}

// newRegisterReader is NewRegisterReader, of a register view when view is set.
func newRegisterReader(name string, r io.Reader, t compute.Terms, view bool) (*RegisterReader, error) {
	rr := &RegisterReader{name: name, terms: t, view: view, seen: make(map[string]seenNumber)}
	rr.limit = &rowLimiter{r: r}
	br := bufio.NewReader(rr.limit)
	rr.limit.readBuf = int64(br.Size())
	// A spreadsheet's UTF-8 byte order mark is not part of the first column's name.
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
		rr.bom = 3
	}
	rr.r = csv.NewReader(br)
	rr.r.ReuseRecord = true
	rr.r.FieldsPerRecord = 0 // set from the header

	header, err := rr.r.Read()
	if err == io.EOF {
		return nil, rr.headerError(1, "empty register: no header row")
	}
	if errors.Is(err, errRowTooLarge) {
		return nil, rr.headerError(1, rowTooLarge)
	}
	rr.limit.rowEnd = rr.bom + rr.r.InputOffset()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, rr.headerError(pe.Line, fmt.Sprintf("column %d: %v", pe.Column, pe.Err))
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	for i := range rr.col {
		rr.col[i] = -1
	}
	rr.width = len(header)
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, rr.headerError(1, fmt.Sprintf("column %d is not valid UTF-8", i+1))
		}
		h = strings.TrimSpace(h)
		k := slices.Index(registerColumns, h)
		if k < 0 {
			return nil, rr.headerError(1, fmt.Sprintf("unknown column %q", h))
		}
		if rr.col[k] >= 0 {
			return nil, rr.headerError(1, fmt.Sprintf("duplicate column %q (columns %d and %d)", h, rr.col[k]+1, i+1))
		}
		if k >= kWarrantPrice && !view {
			return nil, rr.headerError(1, fmt.Sprintf("column %q is the register view's (SPEC §4.5), which reissue and register write: a view shows current share numbers and warrants issued later, and is never an input", h))
		}
		rr.col[k] = i
	}
	for k := range registerRequired {
		if rr.col[k] < 0 {
			return nil, rr.headerError(1, fmt.Sprintf("missing required column %q", registerColumns[k]))
		}
	}
	return rr, nil
}

const rowTooLarge = "the row is larger than 64 KiB"

// headerError builds the InputError for the header row.
func (rr *RegisterReader) headerError(line int, problem string) *compute.InputError {
	allowed := registerColumnsAllowed
	if rr.view {
		allowed = viewColumnsAllowed
	}
	return &compute.InputError{File: rr.name, Line: line, Field: "header", Problem: problem, Allowed: allowed}
}

// rowError builds the InputError for column k of the current row.
func (rr *RegisterReader) rowError(k int, problem, allowed string) *compute.InputError {
	e := &compute.InputError{File: rr.name, Row: rr.row, Problem: problem, Allowed: allowed}
	if k >= 0 {
		e.Field = registerColumns[k]
	}
	return e
}

// Next returns the warrant of the next row, or io.EOF after the last one.
// Warrant.Line is the row number.
func (rr *RegisterReader) Next() (compute.Warrant, error) {
	v, err := rr.next()
	return v.Warrant, err
}

// next reads the next row.
func (rr *RegisterReader) next() (RegisterViewRow, error) {
	if rr.err != nil {
		return RegisterViewRow{}, rr.err
	}
	rec, err := rr.r.Read()
	if err == io.EOF {
		rr.err = io.EOF
		return RegisterViewRow{}, io.EOF
	}
	rr.row++
	if errors.Is(err, errRowTooLarge) {
		// The rest of the row cannot be found without reading it.
		rr.err = rr.rowError(-1, rowTooLarge, fmt.Sprintf("rows of at most %d bytes", MaxRegisterRowBytes))
		return RegisterViewRow{}, rr.err
	}
	rr.limit.rowEnd = rr.bom + rr.r.InputOffset()
	if err != nil {
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			rr.err = fmt.Errorf("read %s: %w", rr.name, err)
			return RegisterViewRow{}, rr.err
		}
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return RegisterViewRow{}, rr.rowError(-1, fmt.Sprintf("has %d fields; the header has %d", len(rec), rr.width), "")
		}
		// After a quoting error the rows that follow cannot be trusted.
		rr.err = rr.rowError(-1, fmt.Sprintf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err), "RFC 4180 CSV")
		return RegisterViewRow{}, rr.err
	}
	return rr.record(rec)
}

// record checks one record and makes its warrant.
func (rr *RegisterReader) record(rec []string) (RegisterViewRow, error) {
	v, err := rr.cells(rec)
	if err != nil {
		return RegisterViewRow{}, err
	}
	w := compute.Warrant{Number: v[0], Holder: compute.Holder{Name: v[1]}, Line: rr.row}

	if p, a := warrantNumberProblem(rr.terms.Series, w.Number); p != "" {
		return RegisterViewRow{}, rr.rowError(0, p, a)
	}
	if err := rr.checkDuplicate(w.Number); err != nil {
		return RegisterViewRow{}, err
	}
	if err := rr.address(v[2], &w.Holder); err != nil {
		return RegisterViewRow{}, err
	}
	if w.Shares, err = rr.shares(v[3]); err != nil {
		return RegisterViewRow{}, err
	}
	if w.Email = v[4]; w.Email != "" {
		if p, a := emailProblem(w.Email); p != "" {
			return RegisterViewRow{}, rr.rowError(4, p, a)
		}
	}
	if w.TaxID4 = v[5]; w.TaxID4 != "" {
		if p, a := taxID4Problem(w.TaxID4); p != "" {
			return RegisterViewRow{}, rr.rowError(5, p, a)
		}
	}
	if w.Parent = v[kParent]; w.Parent != "" {
		if err := rr.parent(w); err != nil {
			return RegisterViewRow{}, err
		}
	}
	if !rr.view {
		return RegisterViewRow{Warrant: w}, nil
	}
	return rr.viewColumns(w, v)
}

// cells are the values of the record's cells in the order of
// registerColumns ("" for an absent column), unquoted (CSVValue) and trimmed;
// a required cell must not be empty, and every cell but the address and the
// shares (checked later, line by line and as a decimal) must be text a
// document may print.
func (rr *RegisterReader) cells(rec []string) ([9]string, error) {
	var v [9]string
	for k, i := range rr.col {
		if i < 0 {
			continue
		}
		if !utf8.ValidString(rec[i]) {
			return v, rr.rowError(k, "is not valid UTF-8", "UTF-8 text")
		}
		v[k] = CSVValue(strings.TrimSpace(rec[i]))
		if k < registerRequired && v[k] == "" {
			return v, rr.rowError(k, "required field is empty", "")
		}
		if k != 2 && k != 3 {
			if p, a := textProblem(v[k]); p != "" {
				return v, rr.rowError(k, p, a)
			}
		}
	}
	return v, nil
}

// shares decodes the shares cell: a positive decimal with at most
// share_decimals decimals.
func (rr *RegisterReader) shares(cell string) (decimal.Decimal, error) {
	if p := literalPlacesProblem(cell, rr.terms.ShareDecimals, "terms.share_decimals"); p != "" {
		return decimal.Decimal{}, rr.rowError(3, p, "")
	}
	shares, problem := decimalFromText(cell)
	if problem != "" {
		return decimal.Decimal{}, rr.rowError(3, problem, decimalAllowed)
	}
	if shares.Sign() <= 0 {
		return decimal.Decimal{}, rr.rowError(3, fmt.Sprintf("must be greater than 0, got %s", decimalText(shares)), "a positive decimal")
	}
	if p := sharePlacesProblem(shares, rr.terms.ShareDecimals); p != "" {
		return decimal.Decimal{}, rr.rowError(3, p, "")
	}
	return shares, nil
}

// checkDuplicate refuses a number already seen, however many leading zeros
// either was written with, and otherwise remembers it.
func (rr *RegisterReader) checkDuplicate(number string) error {
	key := compute.WarrantNumberKey(rr.terms.Series, number)
	if first, dup := rr.seen[key]; dup {
		spelled := rr.terms.Series + "-" + strings.Repeat("0", first.zeros) + key
		return rr.rowError(0, duplicateNumber(number, spelled, fmt.Sprintf("row %d", first.row)), duplicateNumberAllowed)
	}
	// The record's strings share one buffer; clone the key so the set keeps
	// only the number alive, not the whole row.
	digits := len(number) - len(rr.terms.Series) - 1
	rr.seen[strings.Clone(key)] = seenNumber{row: rr.row, zeros: digits - len(key)}
	return nil
}

// address splits the holder_address cell into its lines.
func (rr *RegisterReader) address(cell string, h *compute.Holder) error {
	for _, line := range strings.Split(cell, "|") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if p, a := textProblem(line); p != "" {
			return rr.rowError(2, fmt.Sprintf("line %d %s", len(h.Address)+1, p), a)
		}
		if len(h.Address) == MaxAddressLines {
			return rr.rowError(2, fmt.Sprintf("has more than %d lines", MaxAddressLines), fmt.Sprintf("at most %d lines separated by |", MaxAddressLines))
		}
		h.Address = append(h.Address, line)
	}
	if len(h.Address) == 0 {
		return rr.rowError(2, "required field is empty", "address lines separated by |")
	}
	return nil
}

// ReadRegister reads a whole register, for a caller that wants every row
// checked before it writes anything. It returns the first error.
func ReadRegister(name string, r io.Reader, t compute.Terms) ([]compute.Warrant, error) {
	rr, err := NewRegisterReader(name, r, t)
	if err != nil {
		return nil, err
	}
	var ws []compute.Warrant
	for {
		w, err := rr.Next()
		if err == io.EOF {
			return ws, nil
		}
		if err != nil {
			return nil, err
		}
		ws = append(ws, w)
	}
}
