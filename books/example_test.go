package books_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/warrantkit/warrantkit/books"
)

// A Go program re-issues a register after a stock split: per holder a
// Certificate of Adjustment, the replacement warrant and the issuer's record;
// then the new register, a summary and the manifest.
func ExampleReissue() {
	dir, err := os.MkdirTemp("", "books-example-*")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	// The case file: the issuer, the terms and a two-for-one split.
	caseFile := filepath.Join(dir, "case.yaml")
	caseYAML := `
issuer:
  name: "Glowpoint, Inc."
  jurisdiction: Delaware
  address: ["225 Long Avenue", "Hillside, New Jersey 07205"]
  signatory: {name: "Gerard E. Dorsey", title: "Chief Financial Officer"}
  notice: {attention: "Chief Financial Officer", phone: "973-391-2000", fax: "973-923-3352"}
terms:
  series: W-F-05
  original_issue_date: 2005-03-14
  exercise_start: 2005-09-15
  expiration: 2010-03-14T17:00:00
  time_zone: America/New_York
  initial_warrant_price: "2.40"
  market_value_at_issue: "1.50"
events:
  - id: split-2006
    type: stock-split
    date: 2006-01-17
    description: "Two-for-one stock split of the Common Stock"
    ratio: "2:1"
`
	register := filepath.Join(dir, "register.csv")
	rows := "number,holder_name,holder_address,shares,email\n" +
		"W-F-05-001,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,250000,\n" +
		"W-F-05-002,Zoë Søren,Kongens Nytorv 3|1050 København K,1000.50,\n"
	if err := os.WriteFile(caseFile, []byte(caseYAML), 0o644); err != nil {
		panic(err)
	}
	if err := os.WriteFile(register, []byte(rows), 0o644); err != nil {
		panic(err)
	}

	out := filepath.Join(dir, "out")
	stats, err := books.Reissue(context.Background(), caseFile, register, out, books.Options{Version: "example", Workers: 2})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d warrants re-issued: %d documents\n", stats.Warrants, stats.Documents)
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, path)
			fmt.Println(filepath.ToSlash(rel))
		}
		return err
	})
	reissued, _ := os.ReadFile(filepath.Join(out, "register.csv"))
	fmt.Print(string(reissued))
	// Output:
	// 2 warrants re-issued: 6 documents
	// .reissue.json
	// case.yaml
	// certificates/W-F-05-001-split-2006.pdf
	// certificates/W-F-05-002-split-2006.pdf
	// inputs/case.yaml
	// inputs/register.csv
	// manifest.json
	// records/W-F-05-001.pdf
	// records/W-F-05-002.pdf
	// register.csv
	// summary.csv
	// warrants/W-F-05-003.pdf
	// warrants/W-F-05-004.pdf
	// number,holder_name,holder_address,shares,warrant_price,issued,parent
	// W-F-05-003,Alpha Capital Anstalt,Pradafant 7|9490 Vaduz,500000.00,1.2000,2006-01-17,W-F-05-001
	// W-F-05-004,Zoë Søren,Kongens Nytorv 3|1050 København K,2001.00,1.2000,2006-01-17,W-F-05-002
}
