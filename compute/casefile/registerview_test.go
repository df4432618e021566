package casefile

import (
	"strings"
	"testing"
)

// TestReadRegisterView_BothForms: the view reissue wrote before SPEC §4.5
// (seven columns, parent last) and the view of §4.5 (warrant_price, issued,
// parent before email and tax_id_last4) read alike; an original has no
// parent.
func TestReadRegisterView_BothForms(t *testing.T) {
	old := "number,holder_name,holder_address,shares,email,tax_id_last4,parent\n" +
		"W-F-05-013,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,500000.00,,,W-F-05-001\n" +
		"W-F-05-014,Dolphin Offshore Partners,1 Main St,126668.00,d@example.com,0123,W-F-05-004\n"
	view := "number,holder_name,holder_address,shares,warrant_price,issued,parent,email,tax_id_last4\n" +
		"W-F-05-001,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,500000.00,1.2000,2005-03-14,,,\n" +
		"W-F-05-007,Dolphin Offshore Partners,1 Main St,126668.00,1.2000,2009-10-01,W-F-05-004,d@example.com,0123\n"

	rows, err := ReadRegisterView("register.csv", strings.NewReader(old), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Parent != "W-F-05-001" || rows[1].Parent != "W-F-05-004" || rows[1].Email != "d@example.com" ||
		!rows[0].WarrantPrice.IsZero() || !rows[0].Issued.IsZero() || rows[1].Line != 2 {
		t.Errorf("old form: %+v", rows)
	}
	tcWantDec(t, "old form row 1 shares", rows[0].Shares, "500000.00")

	rows, err = ReadRegisterView("register.csv", strings.NewReader(view), registerTerms())
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Parent != "" || rows[1].Parent != "W-F-05-004" || rows[1].TaxID4 != "0123" ||
		rows[0].Issued.String() != "2005-03-14" || rows[1].Issued.String() != "2009-10-01" {
		t.Errorf("§4.5 form: %+v", rows)
	}
	tcWantDec(t, "row 2 warrant_price", rows[1].WarrantPrice, "1.2000")
	tcWantDec(t, "row 2 shares", rows[1].Shares, "126668.00")

	// Neither is a register (SPEC §2.2).
	_, err = ReadRegister("register.csv", strings.NewReader(old), registerTerms())
	tcWantInputError(t, err, "register.csv", "parent", "row 1: parent: W-F-05-001 — a register lists original warrants only")
	_, err = ReadRegister("register.csv", strings.NewReader(view), registerTerms())
	tcWantInputError(t, err, "register.csv", "header", `column "warrant_price" is the register view's (SPEC §4.5)`)
}

// TestReadRegisterView_Bad: the view's own columns are checked like the
// rest; a register's rules hold for the others.
func TestReadRegisterView_Bad(t *testing.T) {
	const header = "number,holder_name,holder_address,shares,warrant_price,issued,parent\n"
	tests := []struct {
		row, field, want string
	}{
		{"W-F-05-007,A,B,1,abc,2009-10-01,W-F-05-004", "warrant_price", `row 1: warrant_price: "abc" is not a decimal`},
		{"W-F-05-007,A,B,1,0,2009-10-01,W-F-05-004", "warrant_price", "row 1: warrant_price: must be greater than 0, got 0"},
		{"W-F-05-007,A,B,1,1.2,2009-13-01,W-F-05-004", "issued", `row 1: issued: "2009-13-01" is not a date`},
		{"W-F-05-007,A,B,1,1.2,2009-10-01,W-F-05-0007", "parent", "row 1: parent: a warrant cannot replace itself"},
		{"W-F-05-007,A,B,1,1.2,2009-10-01,W-G-05-004", "parent", `row 1: parent: "W-G-05-004" is not a warrant number of series W-F-05`},
		{"W-F-05-007,A,B,0,1.2,2009-10-01,W-F-05-004", "shares", "row 1: shares: must be greater than 0"},
	}
	for _, tt := range tests {
		t.Run(tt.row, func(t *testing.T) {
			rows, err := ReadRegisterView("register.csv", strings.NewReader(header+tt.row+"\n"), registerTerms())
			if rows != nil {
				t.Errorf("%d rows with the error", len(rows))
			}
			tcWantInputError(t, err, "register.csv", tt.field, tt.want)
		})
	}
	_, err := ReadRegisterView("register.csv", strings.NewReader("number,holder_name,holder_address,shares,price\n"), registerTerms())
	tcWantInputError(t, err, "register.csv", "header", `unknown column "price" (allowed: number, holder_name, holder_address, shares (required), warrant_price, issued, parent, email, tax_id_last4 (optional), in any order)`)
}
