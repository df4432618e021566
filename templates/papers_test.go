package templates

import (
	"os"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Warrant's other papers: the §7 Waiver Notice, the §2(d) Exercise
// Default Notice, the §3(d) affidavit, filled and blank.

// paperDocuments are the papers of the golden and layout tests, with what
// each must say. The dates are worked by hand: March 2, 2009 + 61 days =
// May 2, 2009 (29 days to March 31, 30 in April, 2 in May); December 1,
// 2009 + 61 = January 31, 2010, after January 12, 2010 (March 14, 2010 −
// 61), the first of the last 61 days of the Term; the 3rd Trading Day after
// Thursday, October 1, 2009 is Tuesday, October 6, 2009.
func paperDocuments(t *testing.T) []struct {
	name  string
	make  func() (*render.Doc, error)
	wants []string
} {
	c := loadSample(t, "glowpoint-2005.yaml")
	alpha, gryphon, jose := c.Warrants[0], c.Warrants[1], c.Warrants[2]
	blank := compute.Warrant{Number: c.Terms.Series + "-"}
	lastDays := date(2010, 1, 12)
	deadline, err := compute.AddTradingDays(date(2009, 10, 1), c.Terms.DeliveryTradingDays)
	if err != nil {
		t.Fatal(err)
	}
	if deadline != date(2009, 10, 6) {
		t.Fatalf("deadline %s, want 2009-10-06", deadline)
	}
	return []struct {
		name  string
		make  func() (*render.Doc, error)
		wants []string
	}{
		{"waiver-notice", func() (*render.Doc, error) {
			return WaiverNotice(c, WaiverInput{Warrant: alpha, Date: date(2009, 3, 2), Effective: date(2009, 3, 2).AddDays(61), LastDaysFrom: lastDays}, Options{})
		}, []string{"The undersigned, Alpha Capital Anstalt, the Holder of Warrant No. W-F-05-001 to Purchase Shares of Common Stock of Glowpoint, Inc. (the “Warrant”), hereby gives the Issuer notice",
			"This Waiver Notice is given on March 2, 2009. Section 7 requires sixty-one (61) days notice: from May 2, 2009, sixty-one (61) days after this notice is given, Section 7 will be of no force or effect",
			"Dated: March 2, 2009 Signature", "Attention: Chief Financial Officer",
			"with regard to all shares of Common Stock issuable upon exercise of the Warrant.", "with regard to all of the Warrant. Until then"}},
		{"waiver-notice-portion", func() (*render.Doc, error) { // §7: "any or all shares"
			return WaiverNotice(c, WaiverInput{Warrant: alpha, Shares: dec("125000"), Date: date(2009, 3, 2), Effective: date(2009, 3, 2).AddDays(61), LastDaysFrom: lastDays}, Options{})
		}, []string{"would like to waive Section 7 of the Warrant with regard to 125,000 of the shares of Common Stock issuable upon exercise of the Warrant.",
			"Section 7 will be of no force or effect with regard to the portion of the Warrant for those 125,000 shares. Until then"}},
		{"waiver-notice-last-days", func() (*render.Doc, error) {
			return WaiverNotice(c, WaiverInput{Warrant: alpha, Date: date(2009, 12, 1), Effective: date(2009, 12, 1).AddDays(61), LastDaysFrom: lastDays}, Options{})
		}, []string{"from January 31, 2010, sixty-one (61) days after", "in any case during the sixty-one (61) days immediately preceding the expiration of the term of the Warrant, that is, from January 12, 2010, before this Waiver Notice takes effect; until January 12, 2010 the limit of 4.999% of the Common Stock outstanding continues to apply"}},
		{"waiver-notice-blank", func() (*render.Doc, error) {
			return WaiverNotice(c, WaiverInput{Warrant: blank}, Options{})
		}, []string{"the Holder of Warrant No. W-F-05- to Purchase Shares", "This Waiver Notice is given on. Section 7 requires",
			"with regard to (strike out the alternative that does not apply) all shares / shares of Common Stock issuable upon exercise of the Warrant.",
			"with regard to all or the portion of the Warrant referenced in this Waiver Notice. Until then"}},
		{"exercise-default", func() (*render.Doc, error) {
			return ExerciseDefaultNotice(c, DefaultInput{Warrant: gryphon, ExerciseDate: date(2009, 10, 1), Deadline: deadline, Shares: dec("100000"), Date: date(2009, 10, 9)}, Options{})
		}, []string{"exercised the Warrant on October 1, 2009 in accordance with its terms, and certificates for 100,000 shares of Warrant Stock were due",
			"not exceeding three (3) Trading Days after such exercise, that is, on or before October 6, 2009.", "Dated: October 9, 2009 Signature",
			"regain on the date of such notice the rights of the Holder under the exercised portion of this Warrant"}},
		{"exercise-default-blank", func() (*render.Doc, error) {
			return ExerciseDefaultNotice(c, DefaultInput{Warrant: blank}, Options{})
		}, []string{"exercised the Warrant on in accordance with its terms, and certificates for shares of Warrant Stock"}},
		{"affidavit-lost", func() (*render.Doc, error) {
			return Affidavit(c, AffidavitInput{Warrant: jose, Reason: "lost", Date: date(2008, 5, 1)}, Options{})
		}, []string{"AFFIDAVIT OF LOSS AND INDEMNITY", "for and on behalf of José Ñúñez García, of Calle de Serrano 41, 28001 Madrid, Spain (the “Holder”)",
			"dated March 14, 2005, representing on its face the right to purchase 83,333 shares of Warrant Stock", "The Warrant has been lost.",
			"agrees to indemnify and hold harmless the Issuer", "Sworn to and subscribed before me this", "Notary Public"}},
		{"affidavit-mutilated", func() (*render.Doc, error) {
			return Affidavit(c, AffidavitInput{Warrant: jose, Reason: "mutilated"}, Options{})
		}, []string{"AFFIDAVIT OF MUTILATION", "The Holder surrenders the mutilated Warrant to the Issuer with this affidavit, for cancellation."}},
		{"affidavit-blank", func() (*render.Doc, error) {
			return Affidavit(c, AffidavitInput{Warrant: blank}, Options{})
		}, []string{"lost / stolen / destroyed / mutilated (strike out the words that do not apply)", "If the Warrant was lost, stolen or destroyed: In consideration"}},
	}
}

func TestPapers_Golden(t *testing.T) {
	scan := newGoldenScan(t)
	for _, tc := range paperDocuments(t) {
		t.Run(tc.name, func(t *testing.T) {
			text, pdf := rendered(t, tc.make, true)
			writePDF(t, tc.name, pdf)
			contains(t, text, tc.wants...)
			golden(t, tc.name, text)
			for _, p := range scan.problems(text) {
				t.Error(p)
			}
			pages := strings.Count(text, "\f") + 1
			if pages != 1 {
				t.Errorf("%d pages, want one", pages)
			}
		})
	}
}

// The mutilated Warrant is surrendered, not indemnified (§3(d): "or, in
// the case of any such mutilation, upon surrender and cancellation").
func TestPapers_MutilatedNoIndemnity(t *testing.T) {
	c := loadSample(t, "glowpoint-2005.yaml")
	text, _ := rendered(t, func() (*render.Doc, error) {
		return Affidavit(c, AffidavitInput{Warrant: c.Warrants[0], Reason: "mutilated"}, Options{})
	}, true)
	if strings.Contains(text, "indemnify") {
		t.Error("the affidavit of a mutilated Warrant asks for indemnity")
	}
}

// Every passage the papers quote is the Warrant's, word for word.
func TestPapers_QuotesAreTheWarrants(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed-warrant.txt")
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(seed)), " ")
	for _, q := range PaperQuotes {
		if !strings.Contains(flat, q) {
			t.Errorf("not in the Warrant: %.80q…", q)
		}
	}
}
