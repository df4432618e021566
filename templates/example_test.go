package templates_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/render/pdftest"
	"github.com/warrantkit/warrantkit/templates"
)

// Render the first warrant of the Glowpoint sample as a PDF and read back,
// with an independent PDF reader, what its document information says.
func ExampleWarrant() {
	c, err := casefile.Load("../samples/glowpoint-2005.yaml")
	if err != nil {
		log.Fatal(err)
	}
	doc, err := templates.Warrant(c, templates.WarrantInput{Warrant: c.Warrants[0]}, templates.Options{})
	if err != nil {
		log.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := doc.Write(&pdf); err != nil {
		log.Fatal(err)
	}
	info, err := pdftest.Info(pdf.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(info.Title)
	fmt.Println(info.Author, "—", info.Keywords)
	fmt.Println(info.Pages, "pages, dated", info.Created.Format("January 2, 2006"))
	// Output:
	// Warrant to Purchase Shares of Common Stock — No. W-F-05-001
	// Glowpoint, Inc. — W-F-05-001, Warrant
	// 17 pages, dated March 14, 2005
}

// A Warrant Share Number in words and figures, as the face of a Warrant
// and a Certificate of Adjustment write it.
func ExampleSharesInWords() {
	s, err := templates.SharesInWords(decimal.RequireFromString("254237.29"), 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s)
	// Output: Two Hundred Fifty-Four Thousand Two Hundred Thirty-Seven and 29/100 (254,237.29)
}

// A Warrant Price in words and figures.
func ExampleDollarsInWords() {
	s, err := templates.DollarsInWords(decimal.RequireFromString("2.40"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s)
	// Output: Two and 40/100 Dollars ($2.40)
}

func ExampleLongDate() {
	d, err := compute.ParseDate("2005-03-14")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(templates.LongDate(d))
	// Output: March 14, 2005
}

// The issuer's record of a replacement of a lost warrant (§3(d)), from the
// transaction as the ledger states it.
func ExampleRecordOf() {
	c, err := casefile.Load("../samples/glowpoint-2005.yaml")
	if err != nil {
		log.Fatal(err)
	}
	old := c.Warrants[2]
	x := compute.Transaction{Index: 4, Type: compute.TxReplacement, Date: compute.Date{Year: 2008, Month: 4, Day: 2},
		Warrant: old.Number, Number: "W-F-05-012", Reason: "lost"}
	nw := compute.Warrant{Number: "W-F-05-012", Holder: old.Holder, Shares: decimal.RequireFromString("166666"), Parent: old.Number}
	in := templates.RecordOf(c.Terms, x, old, []compute.Warrant{nw})
	fmt.Println(in.Old.Number, in.Reason)
	fmt.Println(in.New[0].Number, in.Shares[0])
	fmt.Println(in.Notes[0])
	fmt.Println(in.FillIn)
	// Output:
	// W-F-05-003 was reported lost and replaced under Section 3(d) by a new Warrant of like tenor
	// W-F-05-012 166666
	// Recorded in the ledger of the series as its 4th transaction (replacement).
	// [Affidavit of loss received on: Evidence of ownership: Indemnity or security:]
}
