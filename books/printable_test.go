package books

import (
	"os"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// TestCheckPrintable: each name and address the documents print is
// checked, and a refusal names where it is: file and line (case file) or
// row (register), the field, the characters.
func TestCheckPrintable(t *testing.T) {
	ttf, err := os.ReadFile("../samples/fonts/DroidSansFallback-cut.ttf")
	if err != nil {
		t.Fatal(err)
	}
	font, err := render.LoadFont(ttf)
	if err != nil {
		t.Fatal(err)
	}
	base := func() *compute.Case {
		return &compute.Case{File: "case.yaml",
			Issuer:   compute.Issuer{Name: "Glowpoint, Inc.", Address: []string{"225 Long Avenue"}, Signatory: compute.Person{Name: "Gerard E. Dorsey", Title: "CFO"}},
			Warrants: []compute.Warrant{{Number: "W-F-05-001", Holder: compute.Holder{Name: "Łukasz Żółć", Address: []string{"Warszawa"}}, Line: 30}},
			Events:   []compute.Event{{Description: "Two-for-one split", Line: 50}},
			Transactions: []compute.Transaction{{Index: 1, Type: compute.TxAssignment, Warrant: "W-F-05-001", Line: 70,
				To: compute.Holder{Name: "Ada", Address: []string{"London"}}}},
		}
	}
	for _, c := range []struct {
		name     string
		edit     func(c *compute.Case)
		register string
		want     string // with no fallback font; "" accepted
		withFont string // with the sample font
	}{
		{"all Latin", func(*compute.Case) {}, "", "", ""},
		{"issuer", func(c *compute.Case) { c.Issuer.Name = "山田株式会社" }, "", `case.yaml: issuer.name: 山田株式会社: the embedded font (Liberation Serif) has no glyphs for "山田株式会社" (U+5C71 U+7530 U+682A U+5F0F U+4F1A U+793E)`, ""},
		{"signatory", func(c *compute.Case) { c.Issuer.Signatory.Name = "李明" }, "", `case.yaml: issuer.signatory.name: 李明:`, ""},
		{"holder", func(c *compute.Case) { c.Warrants[0].Holder.Name = "山田太郎" }, "", `case.yaml:30: warrants[1].holder.name: 山田太郎 (warrant W-F-05-001): the embedded font`, ""},
		{"register row", func(c *compute.Case) { c.Warrants[0].Holder.Address = []string{"丸の内", "東京都"} }, "reg.csv", `reg.csv: row 30: holder_address: 丸の内 | 東京都 (warrant W-F-05-001):`, ""},
		{"event", func(c *compute.Case) { c.Events[0].Description = "株式分割" }, "", `case.yaml:50: events[1].description: 株式分割: the embedded font`, `has glyphs for "分割" (U+5206 U+5272)`},
		{"assignee", func(c *compute.Case) { c.Transactions[0].To.Name = "한국" }, "", `case.yaml:70: transactions[1].to.name: 한국 (the assignee of W-F-05-001): the embedded font`,
			`case.yaml:70: transactions[1].to.name: 한국 (the assignee of W-F-05-001): neither the embedded font nor the fallback font DroidSansFallback has glyphs for "한국" (U+D55C U+AD6D)`},
	} {
		cs := base()
		c.edit(cs)
		for _, f := range []struct {
			font *render.Font
			want string
		}{{nil, c.want}, {font, c.withFont}} {
			err := CheckPrintable(cs, c.register, f.font)
			if f.want == "" {
				if err != nil {
					t.Errorf("%s (font %v): %v", c.name, f.font != nil, err)
				}
				continue
			}
			if err == nil || !strings.Contains(err.Error(), f.want) {
				t.Errorf("%s (font %v): %v, want %q", c.name, f.font != nil, err, f.want)
			}
		}
	}
}
