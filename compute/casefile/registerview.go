package casefile

// The register view (SPEC §4.5): the CSV that reissue and register write,
// the warrants outstanding with their current share numbers. It is read to
// check or carry on what a command wrote, never as a register (§2.2): the
// register reader refuses its rows (a parent) and its columns.

import (
	"fmt"
	"io"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

// RegisterViewRow is one row of a register view (SPEC §4.5): a warrant
// outstanding, with the Warrant Share Number in effect.
type RegisterViewRow struct {
	// Warrant's Parent is the number it was issued in place of; "" for an
	// original warrant.
	compute.Warrant
	WarrantPrice decimal.Decimal // zero when the view has no warrant_price column
	Issued       compute.Date    // zero when the view has no issued column
}

// ReadRegisterView reads a whole register view, the register.csv that
// reissue and register write (SPEC §4.5): the columns of a register and
// warrant_price, issued and parent, in any order; the form written before
// SPEC §4.5 (number, holder_name, holder_address, shares, email,
// tax_id_last4, parent) is one. A view is never an input to a computation
// (SPEC §2.2): it is read to check or carry on what a command wrote. It
// returns the first error.
func ReadRegisterView(name string, r io.Reader, t compute.Terms) ([]RegisterViewRow, error) {
	rr, err := newRegisterReader(name, r, t, true)
	if err != nil {
		return nil, err
	}
	var rows []RegisterViewRow
	for {
		v, err := rr.next()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, v)
	}
}

// parent checks the parent of w: a register refuses it (SPEC §2.2), a view
// names the warrant w was issued in place of.
func (rr *RegisterReader) parent(w compute.Warrant) error {
	if !rr.view {
		p, a := parentRefused(w.Parent, "a register lists")
		return rr.rowError(kParent, p, a)
	}
	if p, a := warrantNumberProblem(rr.terms.Series, w.Parent); p != "" {
		return rr.rowError(kParent, p, a)
	}
	if compute.WarrantNumberKey(rr.terms.Series, w.Parent) == compute.WarrantNumberKey(rr.terms.Series, w.Number) {
		return rr.rowError(kParent, "a warrant cannot replace itself", "the number of the warrant this one replaced")
	}
	return nil
}

// viewColumns reads the columns only a register view has: the Warrant
// Price and the date the warrant was issued.
func (rr *RegisterReader) viewColumns(w compute.Warrant, v [9]string) (RegisterViewRow, error) {
	row := RegisterViewRow{Warrant: w}
	if cell := v[kWarrantPrice]; cell != "" {
		price, problem := decimalFromText(cell)
		if problem != "" {
			return RegisterViewRow{}, rr.rowError(kWarrantPrice, problem, decimalAllowed)
		}
		if price.Sign() <= 0 {
			return RegisterViewRow{}, rr.rowError(kWarrantPrice, fmt.Sprintf("must be greater than 0, got %s", decimalText(price)), "a positive decimal")
		}
		row.WarrantPrice = price
	}
	if cell := v[kIssued]; cell != "" {
		d, err := compute.ParseDate(cell)
		if err != nil {
			return RegisterViewRow{}, rr.rowError(kIssued, fmt.Sprintf("%s is not a date", quoteShort(cell)), "a calendar date written YYYY-MM-DD, "+dateRangeAllowed)
		}
		row.Issued = d
	}
	return row, nil
}
