package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// The prose check: what a holder reads must never show a number of four or
// more digits without separators, a price without "$", an internal id, or a
// formula symbol the document does not define. checkProse scans one golden
// text; TestProse_Goldens runs it over every golden it is told about (add a
// document's golden files to proseGoldens to have it checked).

// proseGoldens are the golden texts checked, as globs under testdata/golden.
var proseGoldens = []string{"certificate-*.txt", "schedule-*.txt", "waiver-notice*.txt", "exercise-default*.txt", "affidavit-*.txt"}

// proseExempt are texts that may carry bare digits: the addresses and
// telephone numbers of the samples, and the section numbers of the Warrant.
func proseExempt(cases ...*compute.Case) []string {
	var out []string
	for _, c := range cases {
		out = append(out, c.Issuer.Address...)
		out = append(out, c.Issuer.Notice.Phone, c.Issuer.Notice.Fax)
		for _, w := range c.Warrants {
			out = append(out, w.Holder.Address...)
		}
		for _, x := range c.Transactions {
			out = append(out, x.To.Address...)
		}
		for _, ev := range c.Events {
			out = append(out, ev.Description) // the Issuer's words, quoted
		}
	}
	return out
}

// proseIDs are the internal ids a holder must never read: the samples'
// event and transaction ids.
func proseIDs(cases ...*compute.Case) []string {
	var out []string
	for _, c := range cases {
		for _, ev := range c.Events {
			if ev.ID != "" {
				out = append(out, ev.ID)
			}
		}
		for _, x := range c.Transactions {
			if x.ID != "" {
				out = append(out, x.ID)
			}
		}
	}
	return out
}

var (
	// A year written in a date in words: "March 14, 2005", "the 1st day of
	// October, 2009".
	yearInDate = regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December)( \d{1,2})?, \d{4}\b`)
	number     = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?`)
	fourDigits = regexp.MustCompile(`\d{4,}`)
	// A price: four decimals (price_decimals), not after "$".
	barePrice = regexp.MustCompile(`(^|[^$\d,.])(\d[\d,]*\.\d{4})\b`)
	// Money named as such and written without "$".
	moneyNamed = regexp.MustCompile(`(?i)(consideration of|price of|price is|amount of|\bcash) (\d[\d,.]*)`)
	hashID     = regexp.MustCompile(`(^|\s)#\d+\b`)
	// A formula line: every word a symbol, a number, an operator or a
	// parenthesis, and at least one operator.
	mathWord = regexp.MustCompile(`^[(]*([A-Za-z][′*]?|\$?[\d,.]+|[=×/+−]|[A-Za-z][′*]?[+−][A-Za-z][′*]?)[)]*[,.:;]?$`)
	mathOp   = regexp.MustCompile(`[=×/+−]`)
	// A symbol: one letter, maybe primed or starred, standing alone.
	symbolRe = regexp.MustCompile(`(?:^|[^A-Za-z′*])([A-Za-z][′*]?)(?:[^A-Za-z′*]|$)`)
	// A legend: "where P is …; O is …; and P′ is …", or "N, N′ is …".
	legendRe = regexp.MustCompile(`(?:where |; (?:and )?)((?:[A-Za-z][′*]?)(?:, [A-Za-z][′*]?)*) (?:is|are) `)
)

// checkProse returns the problems of a document's text.
func checkProse(text string, exempt, ids []string) []string {
	var problems []string
	flat := strings.Join(strings.Fields(text), " ")
	scan := flat
	for _, e := range exempt {
		if e != "" {
			scan = strings.ReplaceAll(scan, e, " ")
		}
	}
	scan = yearInDate.ReplaceAllString(scan, "$1")
	for _, m := range number.FindAllString(scan, -1) {
		if whole, _, _ := strings.Cut(m, "."); fourDigits.MatchString(whole) {
			problems = append(problems, "a number without separators: "+m)
		}
	}
	for _, m := range barePrice.FindAllStringSubmatch(scan, -1) {
		problems = append(problems, "a price without $: "+m[2])
	}
	for _, m := range moneyNamed.FindAllStringSubmatch(scan, -1) {
		problems = append(problems, "money without $: "+m[0])
	}
	for _, id := range ids {
		if regexp.MustCompile(`(^|[^\w-])` + regexp.QuoteMeta(id) + `($|[^\w-])`).MatchString(flat) {
			problems = append(problems, "an internal id: "+id)
		}
	}
	if m := hashID.FindString(flat); m != "" {
		problems = append(problems, "an internal id: "+strings.TrimSpace(m))
	}
	return append(problems, undefinedSymbols(text, flat)...)
}

// undefinedSymbols are the symbols of the text's formula lines that no
// legend of the text defines.
func undefinedSymbols(text, flat string) []string {
	defined := map[string]bool{}
	for _, m := range legendRe.FindAllStringSubmatch(flat, -1) {
		for _, s := range strings.Split(m[1], ", ") {
			defined[s] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, ": "); i >= 0 && !mathOp.MatchString(line[:i]) {
			line = line[i+2:] // a caption before the formula: "Cash: A = …"
		}
		if !isMathLine(line) {
			continue
		}
		for _, m := range symbolRe.FindAllStringSubmatch(" "+line+" ", -1) {
			s := m[1]
			if !defined[s] && !seen[s] {
				seen[s] = true
				out = append(out, "a symbol not defined: "+s+" (in "+line+")")
			}
		}
	}
	return out
}

// isMathLine reports whether every word of line is a symbol, a number or
// an operator, with at least one operator.
func isMathLine(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || !mathOp.MatchString(line) {
		return false
	}
	for _, w := range words {
		if !mathWord.MatchString(w) {
			return false
		}
	}
	return true
}

func TestProse_Goldens(t *testing.T) {
	main, alt, ledger := loadSample(t, "glowpoint-2005.yaml"), loadSample(t, "glowpoint-2005-alt.yaml"), loadSample(t, "glowpoint-2005-ledger.yaml")
	exempt, ids := proseExempt(main, alt, ledger, repricedCase(t)), proseIDs(main, alt, ledger, repricedCase(t))
	n := 0
	for _, g := range proseGoldens {
		files, err := filepath.Glob(filepath.Join("testdata", "golden", g))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n++
			for _, p := range checkProse(string(b), exempt, ids) {
				t.Errorf("%s: %s", filepath.Base(f), p)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d golden texts checked", n)
	}
}

// TestProse_CheckFindsProblems proves the check can fail: each line below
// has one problem.
func TestProse_CheckFindsProblems(t *testing.T) {
	for _, bad := range []string{
		"O = 43034176 shares",
		"the Warrant Price is 2.3600",
		"an aggregate consideration of 3,000,000.00",
		"Event: placement-2005",
		"event #3 of the file",
		"P′ = P × Z\nwhere P is the Warrant Price; and P′ is the new one.",
	} {
		if len(checkProse(bad, nil, []string{"placement-2005"})) == 0 {
			t.Errorf("no problem found in %q", bad)
		}
	}
	good := "On March 14, 2005 the Warrant Price of $2.4000 and 43,034,176 shares.\nP′ = P × N\nwhere P is the price; and N, P′ are numbers."
	if p := checkProse(good, nil, nil); len(p) > 0 {
		t.Errorf("problems in good text: %v", p)
	}
}
