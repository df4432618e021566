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
