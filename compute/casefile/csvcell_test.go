package casefile

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

func TestCSVCell(t *testing.T) {
	cases := []struct{ value, cell string }{
		{"Alpha Capital Anstalt", "Alpha Capital Anstalt"},
		{`=HYPERLINK("http://example.com","x")`, `'=HYPERLINK("http://example.com","x")`},
		{"+1", "'+1"},
		{"-2", "'-2"},
		{"@x", "'@x"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"'=x", "''=x"}, // a value that begins with the quote keeps it
		{"O'Brien", "O'Brien"},
		{"'quoted'", "'quoted'"},
		{"'", "'"},
		{"", ""},
		{"1-2", "1-2"},
	}
	for _, c := range cases {
		if got := CSVCell(c.value); got != c.cell {
			t.Errorf("CSVCell(%q) = %q, want %q", c.value, got, c.cell)
		}
		if got := CSVValue(c.cell); got != c.value {
			t.Errorf("CSVValue(%q) = %q, want %q", c.cell, got, c.value)
		}
	}
}

// FuzzCSVCell: no written cell begins with a formula character, and every
// value reads back as itself through encoding/csv.
func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"=1+1", "'=1", "''@", "-", "\t", "O'Brien", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cell := CSVCell(s)
		if cell != "" && strings.IndexByte(formulaStart, cell[0]) >= 0 {
			t.Fatalf("CSVCell(%q) = %q begins with a formula character", s, cell)
		}
		if got := CSVValue(cell); got != s {
			t.Fatalf("CSVValue(CSVCell(%q)) = %q", s, got)
		}
		if strings.ContainsRune(s, '\r') {
			return // encoding/csv reads \r\n as \n inside a quoted field
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Write(CSVRecord([]string{s, "x"}))
		w.Flush()
		rec, err := csv.NewReader(&b).Read()
		if err != nil || CSVValue(rec[0]) != s {
			t.Fatalf("%q → %q → %q, %v", s, b.String(), rec, err)
		}
	})
}

// TestRegisterReadsQuotedCells: a register warrantkit wrote reads back with
// the names it was given.
func TestRegisterReadsQuotedCells(t *testing.T) {
	reg := "number,holder_name,holder_address,shares\n" +
		`W-F-05-001,"'=HYPERLINK(""http://example.com"",""x"")",'@street|'-town,100` + "\n" +
		"W-F-05-002,''+1,'plain|x,200\n"
	ws, err := ReadRegister("r.csv", strings.NewReader(reg), compute.Terms{Series: "W-F-05", ShareDecimals: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, addr string }{
		{`=HYPERLINK("http://example.com","x")`, "@street|'-town"},
		{"'+1", "'plain|x"},
	}
	for i, w := range want {
		if ws[i].Holder.Name != w.name || strings.Join(ws[i].Holder.Address, "|") != w.addr {
			t.Errorf("row %d: %q %q, want %q %q", i+1, ws[i].Holder.Name, ws[i].Holder.Address, w.name, w.addr)
		}
	}
}
