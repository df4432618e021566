package templates

import (
	"fmt"
	"strings"
	"time"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// NoticeInput is one §9 notice to the holder of one warrant.
type NoticeInput struct {
	Kind          compute.NoticeKind
	Result        compute.NoticeResult // dates computed by compute.Notice
	Description   string               // the event, in the Issuer's words
	Participation compute.Date         // the date holders of record participate or exchange; zero: the record date
	Date          compute.Date         // the notice's date: when it is sent, or the latest date it may be given
}

// noticeSubjects says what §9 asks the notice to name for each case.
var noticeSubjects = map[compute.NoticeKind]struct{ what, when, holders string }{
	compute.NoticeDistribution:   {"a distribution to the holders of its Common Stock", "the books of the Issuer shall close or a record shall be taken for such distribution", "shall participate in such distribution"},
	compute.NoticeRights:         {"the granting to all holders of its Common Stock of rights to subscribe for or purchase shares of Capital Stock or other rights", "the books of the Issuer shall close or a record shall be taken for such subscription rights", "shall participate in such subscription rights"},
	compute.NoticeReclassify:     {"a reclassification of the Capital Stock of the Issuer", "such reclassification shall take place", "shall be entitled to exchange their certificates for Common Stock for securities or other property deliverable upon such reclassification"},
	compute.NoticeReorganization: {"a capital reorganization of the Issuer", "such reorganization shall take place", "shall be entitled to exchange their certificates for Common Stock for securities or other property deliverable upon such reorganization"},
	compute.NoticeMerger:         {"a consolidation or merger involving the Issuer, or a sale, transfer or other disposition of all or substantially all of its property, assets or business", "such consolidation, merger or disposition shall take place", "shall be entitled to exchange their certificates for Common Stock for securities or other property deliverable upon such consolidation, merger or disposition"},
	compute.NoticeDissolution:    {"a dissolution, liquidation or winding-up of the Issuer", "such dissolution, liquidation or winding-up shall take place", "shall be entitled to exchange their certificates for Common Stock for securities or other property deliverable upon such dissolution, liquidation or winding-up"},
}

var viaText = map[string]string{
	"fax":     "by facsimile to the facsimile number on the books of the Issuer",
	"courier": "by nationally recognized overnight courier service",
	"hand":    "by personal delivery",
}

// Notice is the Notice to Holders of Section 9, addressed to the holder of
// w, with its delivery under Section 12.
func Notice(c *compute.Case, w compute.Warrant, in NoticeInput, opt Options) (*render.Doc, error) {
	subj, ok := noticeSubjects[in.Kind]
	if !ok {
		return nil, fmt.Errorf("templates: unknown notice kind %q", in.Kind)
	}
	r := in.Result
	record, err := compute.ParseDate(r.RecordDate)
	if err != nil {
		return nil, err
	}
	participation := in.Participation
	if participation.IsZero() {
		participation = record
	}
	d, err := newDoc(c, opt, "Notice to Holders — Warrant No. "+w.Number,
		fmt.Sprintf("Section 9 notice, case (%s), record or effective date %s", in.Kind, r.RecordDate),
		w.Number, "Notice to Holders", in.Date)
	if err != nil {
		return nil, err
	}
	d.Add(render.Heading{Text: strings.ToUpper(c.Issuer.Name), Level: 1})
	d.Add(render.Paragraph{Spans: []render.Span{render.T(strings.Join(c.Issuer.Address, "\n"))}, Align: render.Center})
	d.Add(render.Spacer{Height: 4}, render.Paragraph{Spans: []render.Span{render.T(LongDate(in.Date))}, Align: render.Left})
	to := append([]string{w.Holder.Name}, w.Holder.Address...)
	d.Add(render.Paragraph{Spans: []render.Span{render.T("To: " + strings.Join(to, "\n"))}, Align: render.Left})
	d.Add(labeled("Re:", fmt.Sprintf("Warrant No. %s to Purchase Shares of Common Stock of %s", w.Number, c.Issuer.Name)))
	d.Add(render.Spacer{Height: 2}, render.Heading{Text: "NOTICE TO HOLDERS PURSUANT TO SECTION 9", Level: 2, Align: render.Center})
	body := fmt.Sprintf("Pursuant to Section 9 of the Warrant, the Issuer gives notice of %s (Section 9(%s))", subj.what, in.Kind)
	if in.Description != "" {
		body += ": " + in.Description
	}
	if !strings.HasSuffix(body, ".") {
		body += "."
	}
	d.Add(para(render.T(body)))
	d.Add(para(render.T(fmt.Sprintf("The date on which %s is ", subj.when)), render.B(LongDate(record)),
		render.T(fmt.Sprintf(". Holders of Common Stock of record as of %s %s.", LongDate(participation), subj.holders))))
	lead := fmt.Sprintf("Section 9 requires this notice to be given at least %s days prior to that date, that is, on or before %s.",
		numberWordsFigures(c.Terms.NoticeLeadDays), longDateString(r.LatestNoticeDate))
	d.Add(para(render.T(lead)))
	if r.Via != "" {
		d.Add(para(render.T(fmt.Sprintf("This notice is sent %s on %s; under Section 12 it is deemed given and effective on %s.",
			viaText[r.Via], sentAt(c.Terms, r.Sent), longDateString(r.DeemedGiven)))))
	}
	d.Add(render.Spacer{Height: 6}, render.Keep{Blocks: []render.Block{issuerSignature(c, opt, LongDate(in.Date), true)}})
	if err := attachData(d, opt, "notice.json", r); err != nil {
		return nil, err
	}
	return d, nil
}

// sentAt writes the time a notice was sent, an RFC 3339 time in the
// Warrant's zone, as the Warrant writes times (§1: "5:00 p.m., eastern
// time"): "June 10, 2008 at 4:30 p.m., eastern time"; in a zone other than
// America/New_York, the zone's name: "at 9:00 a.m., Europe/London time". A
// string that is not such a time is written as it is.
func sentAt(t compute.Terms, s string) string {
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	if t.Location != nil {
		at = at.In(t.Location)
	}
	return fmt.Sprintf("%s at %s, %s", LongDate(compute.DateOf(at)), clock(at), zoneTime(t))
}
