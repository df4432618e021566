package templates

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// The golden scan: every golden text of a document (testdata/golden/*.txt)
// read as a CFO or counsel reads before signing. What a holder reads must
// never show a number of four or more digits without separators, a price
// or money without "$", an internal id or ISO date, a subscript the font
// does not print, or a formula symbol the document does not define.

// goldenScan holds what the scan lets pass: texts that may carry bare
// digits (the samples' addresses and telephone numbers, the assignees'
// addresses of the tests, the Issuer's own descriptions of its events,
// quoted) and the internal ids a holder must never read.
type goldenScan struct {
	exempt []string
	ids    []*regexp.Regexp
}

// newGoldenScan is the scan for the goldens made from the samples and the
// tests' cases.
func newGoldenScan(t *testing.T) goldenScan {
	t.Helper()
	var g goldenScan
	// the assignees' addresses of the tests
	g.exempt = []string{"Springfield, Illinois 62701", "80802 München, Germany"}
	for _, c := range []*compute.Case{loadSample(t, "glowpoint-2005.yaml"), loadSample(t, "glowpoint-2005-alt.yaml"),
		loadSample(t, "glowpoint-2005-ledger.yaml"), repricedCase(t)} {
		g.exempt = append(g.exempt, c.Issuer.Address...)
		g.exempt = append(g.exempt, c.Issuer.Notice.Phone, c.Issuer.Notice.Fax)
		for _, w := range c.Warrants {
			g.exempt = append(g.exempt, w.Holder.Address...)
		}
		var ids []string
		for _, x := range c.Transactions {
			g.exempt = append(g.exempt, x.To.Address...)
			ids = append(ids, x.ID)
		}
		for _, ev := range c.Events {
			g.exempt = append(g.exempt, ev.Description)
			ids = append(ids, ev.ID)
		}
		for _, id := range ids {
			if id != "" {
				g.ids = append(g.ids, regexp.MustCompile(`(^|[^\w-])`+regexp.QuoteMeta(id)+`($|[^\w-])`))
			}
		}
	}
	return g
}

var (
	// A date in words, also as a form's blank leaves it: "March 14, 2005",
	// "the 1st day of October , 2009".
	longDate = regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December)\s*\d{0,2}\s*,\s*\d{4}`)
	// A run of four digits or more, not the decimals of a number.
	unseparated = regexp.MustCompile(`(^|[^\d.,])\d{4,}`)
	// A price (four decimals, price_decimals) without its dollar sign.
	barePrice = regexp.MustCompile(`(^|[^$\d,.])\d[\d,]*\.\d{4}\b`)
	// Money named as such in a sentence and written without "$" (shares
	// paid "in cash" are shares).
	moneyNamed = regexp.MustCompile(`(?i)(consideration of|price of|price is|amount of|(?:^|[^n] )cash) (\d[\d,.]*)`)
	// A line whose label speaks of money ending in a number without "$"
	// (a line that starts "Shares" or "of which" counts shares).
	moneyRow  = regexp.MustCompile(`(?i)^(?:[^s].*)?\b(price|cash|value|paid|pays)\b[^$]*\s\d[\d,]*\.\d{2}$`)
	sharesRow = regexp.MustCompile(`^(Shares|of which)\b`)
	// Internal ids of any case: "#3", an id shaped like the samples'
	// ("notes-2007"), an ISO date.
	internalID = regexp.MustCompile(`#\d|\b[a-z]+-\d{4}\b|\d{4}-\d{2}-\d{2}`)
	subscripts = regexp.MustCompile(`[\x{2080}-\x{209C}]`)

	// A formula line: every word a symbol, a number, an operator or a
	// parenthesis, and at least one operator.
	mathWord = regexp.MustCompile(`^[(]*([A-Za-z][′*]?|\$?[\d,.]+|[=×/+−]|[A-Za-z][′*]?[+−][A-Za-z][′*]?)[)]*[,.:;]?$`)
	mathOp   = regexp.MustCompile(`[=×/+−]`)
	// A symbol: one letter, maybe primed or starred, standing alone.
	symbolRe = regexp.MustCompile(`(?:^|[^A-Za-z′*])([A-Za-z][′*]?)(?:[^A-Za-z′*]|$)`)
	// The legends that define symbols: a certificate's "where P is …; O is
	// …; and P′ is …" ("N, N′ are …"), the Exercise Form's "X is the …, Y
	// the …", the Warrant's "Where X = the …", "Y = the …".
	legendIs  = regexp.MustCompile(`(?:where |; (?:and )?)((?:[A-Za-z][′*]?)(?:, [A-Za-z][′*]?)*) (?:is|are) `)
	legendThe = regexp.MustCompile(`(?:^|[\s,])([A-Za-z][′*]?) (?:is |= )?the `)
	// The end of a clause or sentence, where a formula written in one ends.
	clauseEnd = regexp.MustCompile(`[:;.]\s`)
)

// problems lists what text shows that a document a CFO signs must not.
// Numbers, ids and subscripts are looked for in the text as one line, so
// that a date broken across lines is still a date; money also line by line,
// where a table row ends with its figure; formulas line by line.
func (g goldenScan) problems(text string) []string {
	var out []string
	flat := strings.Join(strings.Fields(text), " ")
	scan := flat
	for _, e := range g.exempt {
		if e != "" {
			scan = strings.ReplaceAll(scan, e, " ")
		}
	}
	scan = longDate.ReplaceAllString(scan, " ")
	for _, re := range []struct {
		re   *regexp.Regexp
		what string
	}{{unseparated, "a number without thousands separators"}, {barePrice, "a price without $"},
		{internalID, "an internal id or ISO date"}, {subscripts, "a subscript"}} {
		for _, m := range re.re.FindAllString(scan, -1) {
			out = append(out, re.what+": "+strings.TrimSpace(m))
		}
	}
	for _, m := range moneyNamed.FindAllString(scan, -1) {
		out = append(out, "money without $: "+m)
	}
	for _, line := range strings.Split(text, "\n") {
		if l := strings.TrimSpace(line); !sharesRow.MatchString(l) && moneyRow.MatchString(l) {
			out = append(out, "money without $: "+l)
		}
	}
	for _, id := range g.ids {
		if m := id.FindString(flat); m != "" {
			out = append(out, "an internal id: "+strings.Trim(m, " ,.;:()“”"))
		}
	}
	return append(out, undefinedSymbols(text, flat)...)
}

// undefinedSymbols are the symbols of the text's formula lines that no
// legend of the text defines.
func undefinedSymbols(text, flat string) []string {
	defined := map[string]bool{}
	for _, m := range legendIs.FindAllStringSubmatch(flat, -1) {
		for _, s := range strings.Split(m[1], ", ") {
			defined[s] = true
		}
	}
	for _, m := range legendThe.FindAllStringSubmatch(flat, -1) {
		defined[m[1]] = true
	}
	var out []string
	seen := map[string]bool{}
	// Formulas displayed on lines of their own, and formulas written in a
	// sentence ("(ii) … March 14, 2008: O = …; Q = …; P′ = … = $1.1237.").
	candidates := strings.Split(text, "\n")
	candidates = append(candidates, clauseEnd.Split(flat, -1)...)
	for _, line := range candidates {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, ": "); i >= 0 && !mathOp.MatchString(line[:i]) {
			line = line[i+2:] // a caption before the formula: "Cash: A = …"
		}
		if !isMathLine(line) {
			continue
		}
		for _, m := range symbolRe.FindAllStringSubmatch(" "+line+" ", -1) {
			if s := m[1]; !defined[s] && !seen[s] {
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

// filingsOwn reports whether problem p of a Warrant's golden is a number of
// the filing's own text (the Securities Act of 1933, counsel's address and
// telephone numbers in §12), or a year that an event's description names:
// the Warrant's words are kept as filed.
func filingsOwn(p, filing string) bool {
	num, ok := strings.CutPrefix(p, "a number without thousands separators: ")
	if !ok {
		return false
	}
	num = strings.TrimLeft(num, "-")
	if y, err := strconv.Atoi(num); err == nil && len(num) == 4 && y >= 1900 && y <= 2100 {
		return true
	}
	return strings.Contains(filing, num)
}

// TestGoldens_Scan scans every golden text of a document; the Warrant's
// own (as filed) may keep the filing's numbers.
func TestGoldens_Scan(t *testing.T) {
	g := newGoldenScan(t)
	filing, err := os.ReadFile(filepath.Join("text", "warrant.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(f)
		for _, p := range g.problems(string(b)) {
			if strings.HasPrefix(base, "warrant-") && filingsOwn(p, string(filing)) {
				continue
			}
			t.Errorf("%s: %s", base, p)
		}
	}
	if len(files) < 50 {
		t.Errorf("scanned %d goldens: every document's golden text should be here", len(files))
	}
}

// TestGoldens_ScanFinds proves the scan can fail: each text below has one
// problem; the good ones have none.
func TestGoldens_ScanFinds(t *testing.T) {
	g := newGoldenScan(t)
	for _, bad := range []string{
		"shares issued 5017", "O = 43034176 shares", "X = 20000.00 − (1.1237)(20000.00)",
		"the Warrant Price is 2.3600", "an aggregate consideration of 3,000,000.00", "Cash in lieu of a fractional share (Section 6) 0.50",
		"Event: placement-2005", "the event notes-2007", "as transaction #4", "event #3 of the file", "on 2009-10-01",
		"Y₁ = 200000", "P′ = P × Z\nwhere P is the Warrant Price; and P′ is the new one.",
		"where P is the Warrant Price; and P′ is the new one. (i) The placement of March 14, 2008: Q = $1.00 / $2.0000 = 0.50; P′ = $2.0000 × (O + Q) / (O + Z) = $1.9000.",
	} {
		if len(g.problems(bad)) == 0 {
			t.Errorf("the scan passes %q", bad)
		}
	}
	for _, good := range []string{
		"October 1, 2009", "1st day of October , 2009", "Address Pradafant 7 9490 Vaduz, Liechtenstein",
		"$1,234.5678 and 1,234,567.89", "Shares canceled in payment of the Warrant Price 74,913.33", "Warrant No. W-F-05-004 — Page 1 of 1", "4.999%",
		"On March 14, 2005 the Warrant Price of $2.4000 and 43,034,176 shares.\nP′ = P × N\nwhere P is the price; and N, P′ are numbers.",
		"X is the number of shares issued, Y the number exercised, A the Warrant Price and B the Per Share Market Value:\nX = Y − A / B",
		"X = Y − Z\nWhere X = the number of shares.\nY = the number of shares purchasable.\nZ = the rest.",
	} {
		if p := g.problems(good); len(p) > 0 {
			t.Errorf("the scan flags %q: %v", good, p)
		}
	}
}
