package templates

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// Golden text for the certificate of every rule of Section 4, beside the one
// per status of TestCertificate_EveryStatus: each states the facts, the
// Warrant's formula with its symbols defined and the formula with the
// numbers (the prose check, TestProse_Goldens, reads them all).

// entryOf is warrant w's entry for the event named event.
func entryOf(t *testing.T, c *compute.Case, w compute.Warrant, event string) compute.Entry {
	t.Helper()
	for _, e := range adjustment(t, c, w).Entries {
		if e.Event == event {
			return e
		}
	}
	t.Fatalf("no entry for %s", event)
	return compute.Entry{}
}

// repricedCase is the main sample with the notes' conversion price raised
// before they expire (§4(f)(ii)).
func repricedCase(t *testing.T) *compute.Case {
	c := loadSample(t, "glowpoint-2005.yaml")
	c.Events = append(c.Events[:len(c.Events)-1], compute.Event{Index: len(c.Events), ID: "notes-reprice-2008", Type: compute.CSEPriceIncrease,
		Date: compute.Date{Year: 2008, Month: 9, Day: 22}, Description: "Conversion price of the remaining 2007 notes raised to $0.75 per share",
		Ref: "notes-2007", RemainingMaxShares: decimal.NewFromInt(5076000), Consideration: decimal.NewFromInt(3807000), OutstandingBefore: decimal.NewFromInt(94500000)})
	return c
}

// assumedCase is the alternative sample whose merger the successor assumed
// (§4(a)(ii)).
func assumedCase(t *testing.T) *compute.Case {
	c := loadSample(t, "glowpoint-2005-alt.yaml")
	for i := range c.Events {
		if c.Events[i].Type == compute.TriggeringEvent {
			c.Events[i].Assumed = true
		}
	}
	return c
}

func TestCertificate_EveryRule(t *testing.T) {
	main, alt := loadSample(t, "glowpoint-2005.yaml"), loadSample(t, "glowpoint-2005-alt.yaml")
	repriced, assumed := repricedCase(t), assumedCase(t)
	cases := []struct {
		name, event string
		c           *compute.Case
		onePage     bool
		wants       []string
	}{
		{"4b-split", "split-2006", main, true, []string{"2 shares for each 1 share held (Section 4(b)(ii))", "N′ = 41,667.00 × 2 / 1 = 83,334.00", "= $1.1800"}},
		{"4b-dividend-carries", "dividend-2006b", alt, true, []string{"also makes the adjustment postponed under Section 4(g)(ii) for “Stock dividend of one share for every 200 shares held” of March 31, 2006",
			"$1.4925 and 67,000.54 shares", "N′ = 67,000.54 × 1.02 / 1 = 68,340.55"}},
		{"4c-distribution", "distribution-2007", alt, true, []string{"$0.9600, the average of the closing bid price of $0.95 and the closing asked price of $0.97",
			"clause (a)", "M − D", "$0.9600 − $0.05", "= 141,363.78", "P′ = $0.7463 × 134,001.08 / 141,363.78 = $0.7074"}},
		{"4d-issuance", "placement-2005", main, true, []string{"Q = $3,000,000.00 / $2.4000 = 1,250,000.00", "43,034,176 + 1,250,000.00", "= $2.3600"}},
		{"4e-cse", "notes-2007", main, true, []string{"at most 7,076,000.00 shares of Common Stock", "a price of $0.5000 per share", "Section 4(e)"}},
		{"4e-deemed", "warrants-a2-2007", main, true, []string{"O = 92,000,000 + 7,076,000.00 = 99,076,000.00", "deemed outstanding under Section 4(e)"}},
		// Three recomputed adjustments fit on one page only with their
		// formulas written in their lines (TestCertificate_RunsOnWhole: four
		// and more run on).
		{"4f-price-increase", "notes-reprice-2008", repriced, true, []string{"(Section 4(f)(ii))", "treated as issued immediately after the increase", "(i) "}},
		{"assumed-merger", "merger-2009", assumed, true, []string{"assumed by written instrument", "Section 4(a)(ii)", "Cash: A = 141,363.78 × $0.25 = $35,340.95",
			"Shares of Acme Video Holdings common stock: A = 141,363.78 × 0.1 = 14,136.38"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := tc.c.Warrants[len(tc.c.Warrants)-1]
			e := entryOf(t, tc.c, w, tc.event)
			text, pdf := rendered(t, func() (*render.Doc, error) { return Certificate(tc.c, w, e, Options{}) }, true)
			writePDF(t, "certificate-"+tc.name, pdf)
			contains(t, text, tc.wants...)
			checkPages(t, tc.c, w, e, tc.onePage)
			golden(t, "certificate-"+tc.name, text)
		})
	}
}

// checkPages checks a certificate's pages: one when onePage, and never a
// last page that holds only section 4, the certification and the signature.
func checkPages(t *testing.T, c *compute.Case, w compute.Warrant, e compute.Entry, onePage bool) {
	t.Helper()
	d, err := Certificate(c, w, e, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if onePage && d.Pages() != 1 {
		t.Errorf("%d pages; want one with its signature", d.Pages())
	}
	text, _ := rendered(t, func() (*render.Doc, error) { return Certificate(c, w, e, Options{}) }, true)
	pages := strings.Split(text, "\f")
	if last := pages[len(pages)-1]; len(pages) > 1 && strings.HasPrefix(strings.TrimSpace(last), "4. After the adjustment") {
		t.Errorf("the last page holds only the certification and signature:\n%s", last)
	}
}

// TestCertificate_OnePage: every certificate of a single event of the
// samples is one page with its signature, the §4(f) ones recomputing two
// adjustments included (set with tighter spacing).
func TestCertificate_OnePage(t *testing.T) {
	for _, sample := range []string{"glowpoint-2005.yaml", "glowpoint-2005-alt.yaml"} {
		c := loadSample(t, sample)
		for _, w := range c.Warrants {
			for _, e := range adjustment(t, c, w).Entries {
				d, err := Certificate(c, w, e, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if d.Pages() != 1 {
					t.Errorf("%s %s %s: %d pages", sample, w.Number, e.Event, d.Pages())
				}
				// Its metadata, which a reader's viewer shows, names the event
				// in words, never by its id.
				info, err := pdftest.Info(bytesOf(t, d))
				if err != nil {
					t.Fatal(err)
				}
				if strings.Contains(info.Subject, e.Event) || !strings.Contains(info.Subject, LongDate(e.Effective)) {
					t.Errorf("%s %s %s: subject %q", sample, w.Number, e.Event, info.Subject)
				}
			}
		}
	}
}

// TestCertificate_RunsOnWhole: a §4(f) certificate recomputing more
// adjustments than one page holds, even set tighter with its formulas in
// its lines, runs on to a second page as first laid out (10 pt, displayed
// formulas), never with the certification and signature alone, and never
// with a recomputed adjustment split from its numbers.
func TestCertificate_RunsOnWhole(t *testing.T) {
	for n := 3; n <= 9; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) { runsOnWhole(t, n) })
	}
}

// runsOnWhole checks the certificate of the main sample's notes expiry
// after n more private placements below the Warrant Price between the
// notes' issue and their expiry: each is recomputed by the expiry's §4(f).
func runsOnWhole(t *testing.T, n int) {
	c := loadSample(t, "glowpoint-2005.yaml")
	var events []compute.Event
	for _, ev := range c.Events {
		if ev.ID == "notes-expiry-2009" {
			for k := 1; k <= n; k++ {
				events = append(events, compute.Event{ID: fmt.Sprintf("placement-2008-%d", k), Type: compute.Issuance,
					Date: compute.Date{Year: 2008, Month: time.Month(3 + k), Day: 1}, Description: fmt.Sprintf("Private placement number %d", k),
					Shares: decimal.NewFromInt(1000000), Consideration: decimal.NewFromInt(500000), OutstandingBefore: decimal.NewFromInt(int64(93000000 + 1000000*k))})
			}
		}
		events = append(events, ev)
	}
	for i := range events {
		events[i].Index = i + 1
	}
	c.Events = events
	w := c.Warrants[0]
	e := entryOf(t, c, w, "notes-expiry-2009")
	if e.Rewrite == nil || len(e.Rewrite.Recomputed) < n+1 {
		t.Fatalf("want at least %d recomputed adjustments, got %+v", n+1, e.Rewrite)
	}
	checkPages(t, c, w, e, false)
	text, _ := rendered(t, func() (*render.Doc, error) { return Certificate(c, w, e, Options{}) }, true)
	pages := strings.Split(text, "\f")
	if len(pages) < 2 {
		t.Fatalf("one page: %d recomputations and the signature fit on it?", n+1)
	}
	// Each recomputed adjustment's heading and its price are on one page.
	for k := 1; k <= n; k++ {
		head := fmt.Sprintf("Private placement number %d — Section 4(d)", k)
		found := 0
		for _, p := range pages {
			i := strings.Index(strings.Join(strings.Fields(p), " "), head)
			if i < 0 {
				continue
			}
			found++
			if !strings.Contains(strings.Join(strings.Fields(p), " ")[i:], "P′ = $") {
				t.Errorf("%q is on a page without its formula's numbers", head)
			}
		}
		if found != 1 {
			t.Errorf("%q found on %d pages, want 1", head, found)
		}
	}
	if strings.Contains(text, "×\u00a0(") {
		t.Error("the formulas are written inline, though the certificate runs on anyway")
	}
}

// inlineFormulas keeps a term on one line (no-break spaces inside it) and
// lets a line break beside "=" and beside words of prose.
func TestInlineFormulas(t *testing.T) {
	got := inlineFormulas([]render.Block{
		formulaLine("Q = $1,000,000.00 / $1.1361 = 880,204.21"),
		render.Fraction{Left: "P* = $1.1361 ×", Numerator: "O + Q", Denominator: "O + S", Right: "= $0.9000"},
		formulaLine("P′ = F = $1.0000, since P* = $0.9000 is less than F ($1.50 × 1 / 2, adjusted for splits)"),
	})
	nb := "\u00a0"
	want := "Q = $1,000,000.00" + nb + "/" + nb + "$1.1361 = 880,204.21; " +
		"P* = $1.1361" + nb + "×" + nb + "(O" + nb + "+" + nb + "Q)" + nb + "/" + nb + "(O" + nb + "+" + nb + "S) = $0.9000; " +
		"P′ = F = $1.0000, since P* = $0.9000 is less than F" + nb + "($1.50" + nb + "×" + nb + "1" + nb + "/" + nb + "2, adjusted for splits)"
	if got != want {
		t.Errorf("inlineFormulas:\n got %q\nwant %q", got, want)
	}
}
