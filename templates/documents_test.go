package templates

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/render"
	"github.com/warrantkit/warrantkit/render/pdftest"
)

// Every document is rendered from the samples, validated by pdfcpu, rendered
// twice to prove its bytes repeat, and read back: its text is compared with a
// golden file under testdata/golden (go test ./templates -update rewrites them).

var update = flag.Bool("update", false, "rewrite the golden files")

func loadSample(t *testing.T, name string) *compute.Case {
	t.Helper()
	c, err := casefile.Load(filepath.Join("..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func adjustment(t *testing.T, c *compute.Case, w compute.Warrant) *compute.Adjustment {
	t.Helper()
	a, err := compute.Adjust(c.Terms, w, c.Events, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func bytesOf(t *testing.T, doc *render.Doc) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := doc.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// rendered renders a document twice, checks the bytes repeat and pdfcpu's
// validation (strict unless data is embedded), and returns its text.
func rendered(t *testing.T, make func() (*render.Doc, error), strict bool) (string, []byte) {
	t.Helper()
	d1, err := make()
	if err != nil {
		t.Fatal(err)
	}
	d2, err := make()
	if err != nil {
		t.Fatal(err)
	}
	b1, b2 := bytesOf(t, d1), bytesOf(t, d2)
	if !bytes.Equal(b1, b2) {
		t.Fatal("two renderings of the same input differ")
	}
	if err := pdftest.Validate(b1, strict); err != nil {
		t.Fatalf("pdfcpu validation (strict=%v): %v", strict, err)
	}
	pages, err := pdftest.Text(b1)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(pages, "\n\f\n") + "\n", b1
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./templates -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n want %q\n  got %q", path, i+1, w, g)
			}
		}
	}
}

func contains(t *testing.T, text string, wants ...string) {
	t.Helper()
	// A filled field's underline may be wider than its value; the reader sees
	// the gap before the next punctuation as a space.
	flat := strings.NewReplacer(" )", ")", " ,", ",", " .", ".").Replace(strings.Join(strings.Fields(text), " "))
	for _, w := range wants {
		if !strings.Contains(flat, w) {
			t.Errorf("text does not contain %q", w)
		}
	}
}

// TestCertificate_EveryStatus renders a certificate for an entry of each
// status and checks it states what §5 requires: the event, the amount of the
// adjustment, the method with the numbers, and the state after it.
func TestCertificate_EveryStatus(t *testing.T) {
	seen := map[compute.Status]bool{}
	for _, sample := range []string{"glowpoint-2005.yaml", "glowpoint-2005-alt.yaml"} {
		c := loadSample(t, sample)
		w := c.Warrants[len(c.Warrants)-1] // Łukasz Żółć in both samples
		for _, e := range adjustment(t, c, w).Entries {
			if seen[e.Status] {
				continue
			}
			seen[e.Status] = true
			t.Run(string(e.Status), func(t *testing.T) {
				text, _ := rendered(t, func() (*render.Doc, error) { return Certificate(c, w, e, Options{}) }, true)
				tt := c.Terms
				contains(t, text,
					"CERTIFICATE OF ADJUSTMENT", "To: Łukasz Żółć, ul. Marszałkowska 84/92", "Re: Warrant No. "+w.Number+" of Glowpoint, Inc.",
					e.Description+" (Section "+e.Section+"), "+LongDate(e.Date),
					"1. The event requiring the adjustment.", "2. The amount of the adjustment.", "3. The method by which the adjustment was calculated.",
					"the Warrant Price is $"+e.After.Price.StringFixed(tt.PriceDecimals),
					"Warrant Share Number is "+sharesWords(tt, e.After.Shares),
					"certify pursuant to Section 5",
					"By:", "Name: Gerard E. Dorsey", "Title: Chief Financial Officer", "Date: "+LongDate(e.Effective),
				)
				if e.Status == compute.StatusSuperseding && e.PriceRaised {
					contains(t, strings.Join(strings.Fields(text), " "), "supersedes the adjustment so rescinded and annulled, and increases the Warrant Price.")
				}
				if e.Status == compute.StatusTriggeringEvent {
					contains(t, text, "Acme Video Holdings", "Cash: A = 141,363.78 × $0.25 = $35,340.95")
				}
				golden(t, "certificate-"+string(e.Status), text)
			})
		}
	}
	for _, s := range []compute.Status{compute.StatusApplied, compute.StatusNoAdjustment, compute.StatusLimitedByFloor,
		compute.StatusDeferred, compute.StatusSuperseding, compute.StatusRescission, compute.StatusTriggeringEvent} {
		if !seen[s] {
			t.Errorf("no sample entry has status %s", s)
		}
	}
}

// sampleFixture is what the documents' golden and layout tests make their
// documents from: the main sample, three of its holders, Łukasz Żółć's
// history, his cashless exercise of 20,000 shares on October 1, 2009 at
// $1.50 with the new warrant for the balance, and a merger notice.
type sampleFixture struct {
	c                   *compute.Case
	alpha, jose, lukasz compute.Warrant
	adj                 *compute.Adjustment
	day                 compute.Date
	res                 *compute.ExerciseResult
	nw                  compute.Warrant
	notice              compute.NoticeResult
}

func newSampleFixture(t *testing.T) sampleFixture {
	t.Helper()
	c := loadSample(t, "glowpoint-2005.yaml")
	alpha, jose, lukasz := c.Warrants[0], c.Warrants[2], c.Warrants[3]
	adj := adjustment(t, c, lukasz)
	day := compute.Date{Year: 2009, Month: 10, Day: 1}
	res, err := compute.Exercise(c.Terms, lukasz, c.Events, compute.ExerciseInput{Date: day, Shares: decimal.NewFromInt(20000),
		Method: compute.MethodCashless, MarketValue: &compute.MarketValue{Method: compute.MVPlain, Value: decimal.RequireFromString("1.50")},
		Outstanding: decimal.NewFromInt(110000000)})
	if err != nil {
		t.Fatal(err)
	}
	nw := compute.Warrant{Number: "W-F-05-005", Holder: lukasz.Holder, Shares: res.Values.Remaining}
	notice, err := compute.Notice(c.Terms, compute.NoticeInput{Kind: compute.NoticeMerger, RecordDate: compute.Date{Year: 2008, Month: 6, Day: 30}})
	if err != nil {
		t.Fatal(err)
	}
	return sampleFixture{c, alpha, jose, lukasz, adj, day, res, nw, notice}
}

func TestDocuments_Golden(t *testing.T) {
	f := newSampleFixture(t)
	c, alpha, jose, lukasz, adj, day, res, nw, notice := f.c, f.alpha, f.jose, f.lukasz, f.adj, f.day, f.res, f.nw, f.notice
	cases := []struct {
		name  string
		make  func() (*render.Doc, error)
		wants []string
	}{
		{"exercise-form-cashless", func() (*render.Doc, error) {
			return ExerciseForm(c, ExerciseInput{Warrant: lukasz, Result: res, Date: day}, Options{})
		}, []string{"The undersigned Łukasz Żółć", "exercise this Warrant for 20,000 shares", "X = Y −", "Shares of Common Stock to be issued 5,017", "= 20,000 − 14,982.67 = 5,017.33", "the Holder has not stated the shares of Common Stock it owns"}},
		{"exercise-form-blank", func() (*render.Doc, error) { return ExerciseForm(c, ExerciseInput{}, Options{}) }, []string{"EXERCISE FORM", "The undersigned", "beneficially owned"}},
		{"assignment", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: jose, Assignee: compute.Holder{Name: "Łukasz Żółć"}, Date: day, Attorney: "Morrison & Foerster LLP"}, Options{})
		}, []string{"FOR VALUE RECEIVED, José Ñúñez García, as Holder of Warrant No. W-F-05-003, hereby sells, assigns and transfers unto Łukasz Żółć the within Warrant"}},
		{"partial-assignment", func() (*render.Doc, error) {
			return Assignment(c, AssignInput{Warrant: alpha, Assignee: compute.Holder{Name: "José Ñúñez García"}, Shares: decimal.NewFromInt(100000), Partial: true, Date: day}, Options{})
		}, []string{"PARTIAL ASSIGNMENT", "unto José Ñúñez García the right to purchase 100,000 shares"}},
		{"warrant-original", func() (*render.Doc, error) {
			return Warrant(c, WarrantInput{Warrant: lukasz}, Options{})
		}, []string{"No.: W-F-05-004", "Number of Shares: 41,667", "certifies that Łukasz Żółć or its registered assigns", "up to Forty-One Thousand Six Hundred Sixty-Seven (41,667) shares"}},
		{"warrant-replacement", func() (*render.Doc, error) {
			return Warrant(c, WarrantInput{Warrant: nw, Replacing: lukasz.Number, State: compute.State{Price: adj.Final.Price, Shares: nw.Shares}, Entries: adj.Entries, Issued: day}, Options{})
		}, []string{"Replacing Warrant No. W-F-05-004", "SCHEDULE OF ADJUSTMENTS", "the Warrant Price in effect is $1.1237", "Sixty-Three Thousand Three Hundred Thirty-Four (63,334)"}},
		{"warrant-blank", func() (*render.Doc, error) { return Warrant(c, WarrantInput{Blank: true}, Options{}) }, []string{"No.: W-F-05-", "hereby certifies that"}},
		{"notice", func() (*render.Doc, error) {
			return Notice(c, jose, NoticeInput{Kind: compute.NoticeMerger, Result: notice, Description: "the merger with Acme", Date: compute.Date{Year: 2008, Month: 6, Day: 10}}, Options{})
		}, []string{"NOTICE TO HOLDERS PURSUANT TO SECTION 9", "To: José Ñúñez García", "June 30, 2008", "on or before June 10, 2008"}},
		{"issuer-record", func() (*render.Doc, error) {
			return IssuerRecord(c, RecordInput{Old: lukasz, Date: day, IssuedTo: lukasz.Holder.Name, New: []compute.Warrant{nw}, Shares: []decimal.Decimal{nw.Shares}, Reason: "was exercised"}, Options{})
		}, []string{"FOR USE BY THE ISSUER ONLY", "This Warrant No. W-F-05-004 canceled", "1st day of October, 2009", "Warrant No. W-F-05-005 issued for 63,334 shares"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text, _ := rendered(t, tc.make, true)
			contains(t, text, tc.wants...)
			golden(t, tc.name, text)
		})
	}
}

func TestDocuments_EmbedDataAndESign(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	w := c.Warrants[3]
	e := adjustment(t, c, w).Entries[0]
	for _, svc := range []struct{ name, sig, date string }{
		{ESignAdobe, "{{Sig_es_:signer1:signature}}", "{{Dte_es_:signer1:date}}"},
		{ESignDropbox, "[sig|req|signer1]", "[date|req|signer1]"},
		{ESignDocuSign, `\s1\`, `\d1\`},
	} {
		t.Run(svc.name, func(t *testing.T) {
			text, pdf := rendered(t, func() (*render.Doc, error) {
				return Certificate(c, w, e, Options{ESign: svc.name, EmbedData: true})
			}, false)
			contains(t, text, svc.sig, svc.date)
			files, err := pdftest.Attachments(pdf)
			if err != nil {
				t.Fatal(err)
			}
			var data CertificateData
			if err := json.Unmarshal(files["certificate.json"], &data); err != nil {
				t.Fatalf("attachment: %v (%d files)", err, len(files))
			}
			if data.Warrant != w.Number || data.After["warrant_price"] != "2.3600" {
				t.Errorf("embedded data %+v", data)
			}
		})
	}
	t.Run("metadata", func(t *testing.T) {
		_, pdf := rendered(t, func() (*render.Doc, error) { return Certificate(c, w, e, Options{}) }, true)
		info, err := pdftest.Info(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if info.Author != "Glowpoint, Inc." || !strings.Contains(info.Keywords, w.Number) || !strings.Contains(info.Keywords, "Certificate of Adjustment") ||
			!strings.Contains(info.Title, "Certificate of Adjustment") || info.Created.Format("2006-01-02") != e.Effective.String() {
			t.Errorf("metadata %+v", info)
		}
	})
}
