package compute

// §9, §12 — Other Notices; Notices.

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// NoticeKind is one of the cases (A)..(F) of §9 that require the Issuer to
// give the Holder notice of a record or effective date.
type NoticeKind string

// The cases of §9.
const (
	NoticeDistribution   NoticeKind = "A" // distributions to holders of Common Stock
	NoticeRights         NoticeKind = "B" // rights to subscribe for Capital Stock or other rights
	NoticeReclassify     NoticeKind = "C" // reclassification of the Capital Stock
	NoticeReorganization NoticeKind = "D" // capital reorganization
	NoticeMerger         NoticeKind = "E" // consolidation, merger or sale of substantially all assets
	NoticeDissolution    NoticeKind = "F" // dissolution, liquidation or winding-up
)

// noticeKindTexts describes each case of §9 in a few words.
var noticeKindTexts = map[NoticeKind]string{
	NoticeDistribution:   "distributions to holders of Common Stock",
	NoticeRights:         "rights to subscribe for or purchase Capital Stock or other rights",
	NoticeReclassify:     "reclassification of the Capital Stock",
	NoticeReorganization: "capital reorganization",
	NoticeMerger:         "consolidation, merger or sale of substantially all assets",
	NoticeDissolution:    "dissolution, liquidation or winding-up",
}

// NoticeKindText is a short description of case k of §9, such as
// "A: distributions to holders of Common Stock", or "" for an unknown kind.
func NoticeKindText(k NoticeKind) string {
	text, ok := noticeKindTexts[k]
	if !ok {
		return ""
	}
	return string(k) + ": " + text
}

// ParseNoticeKind parses a case of §9: one of the letters A to F, in either
// case. Its errors name the field kind.
func ParseNoticeKind(s string) (NoticeKind, error) {
	k := NoticeKind(strings.ToUpper(strings.TrimSpace(s)))
	if _, ok := noticeKindTexts[k]; !ok {
		return "", &InputError{
			Field:   "kind",
			Problem: fmt.Sprintf("%q is not a case of §9", s),
			Allowed: "A, B, C, D, E or F",
		}
	}
	return k, nil
}

// Delivery is how a notice is sent (§12).
type Delivery string

// The means of delivery of §12.
const (
	ViaFax     Delivery = "fax"     // §12(i), (ii): facsimile
	ViaCourier Delivery = "courier" // §12(iii): nationally recognized overnight courier
	ViaHand    Delivery = "hand"    // §12(iv): actual receipt (personal delivery)
)

// ParseDelivery parses a means of delivery of §12: fax, courier or hand, in
// any case. Its errors name the field via.
func ParseDelivery(s string) (Delivery, error) {
	v := Delivery(strings.ToLower(strings.TrimSpace(s)))
	switch v {
	case ViaFax, ViaCourier, ViaHand:
		return v, nil
	}
	return "", &InputError{
		Field:   "via",
		Problem: fmt.Sprintf("%q is not a means of delivery", s),
		Allowed: "fax, courier or hand",
	}
}

// sendLayouts are the layouts ParseSendTime accepts: wall time in the
// Warrant's zone first, then times that carry their own offset.
var (
	sendWallLayouts   = []string{"2006-01-02T15:04", "2006-01-02T15:04:05"}
	sendOffsetLayouts = []string{time.RFC3339, "2006-01-02T15:04Z07:00"}
)

// ParseSendTime parses when a notice was sent (the field sent):
// "2008-03-01T16:30" or "2008-03-01T16:30:00", wall time in loc, or either
// with an offset or Z (RFC 3339), which is kept. loc is the Warrant's zone (Terms.Location).
func ParseSendTime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		return time.Time{}, errors.New("parse send time: no time zone")
	}
	s = strings.TrimSpace(s)
	for _, layout := range sendWallLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	for _, layout := range sendOffsetLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, &InputError{
		Field:   "sent",
		Problem: fmt.Sprintf("%q is not a date and time", s),
		Allowed: "YYYY-MM-DDTHH:MM[:SS] in the Warrant's time zone, or with an offset such as 2008-03-01T16:30:00-05:00",
	}
}

// NoticeInput is a notice of §9 to check: its case, the record or effective
// date it announces and, when HasSend, when and how it was sent. Errors about
// it name the field in snake case: kind, record_date, sent, via.
type NoticeInput struct {
	Kind       NoticeKind
	RecordDate Date
	Sent       time.Time // any zone; converted to Terms.Location
	Via        Delivery
	HasSend    bool
}

// faxCutoffHour is 5:00 p.m. eastern time (§12(i), (ii)): a fax at or after
// it is deemed given the next Trading Day.
const faxCutoffHour = 17

// Notice computes the latest date a notice of §9 may be deemed given — the
// record date less Terms.NoticeLeadDays calendar days — and, when the input
// has a send time, the date §12 deems it given and whether that is on time.
// A late notice is a result with OnTime false, not an error; errors are only
// for bad input and dates outside the Trading Day calendar. §9:
//
//	"the Issuer shall give written notice to the Holder of the date on which
//	(i) the books of the Issuer shall close or a record shall be taken for
//	such dividend, distribution or subscription rights or (ii) such
//	reorganization, reclassification, consolidation, merger, disposition,
//	dissolution, liquidation or winding-up, as the case may be, shall take
//	place. [...] Such notice shall be given at least twenty (20) days prior to
//	the record date or effective date for the event specified in such
//	notice."
func Notice(t Terms, in NoticeInput) (NoticeResult, error) {
	if _, ok := noticeKindTexts[in.Kind]; !ok {
		return NoticeResult{}, &InputError{
			Field:   "kind",
			Problem: fmt.Sprintf("%q is not a case of §9", string(in.Kind)),
			Allowed: "A, B, C, D, E or F",
		}
	}
	if in.RecordDate.IsZero() {
		return NoticeResult{}, &InputError{Field: "record_date", Problem: "no record date given"}
	}
	if t.NoticeLeadDays < 0 {
		return NoticeResult{}, &InputError{
			Field:   "terms.notice_lead_days",
			Problem: fmt.Sprintf("%d is negative", t.NoticeLeadDays),
			Allowed: "0 or more days",
		}
	}
	latest := in.RecordDate.AddDays(-t.NoticeLeadDays)
	res := NoticeResult{
		Kind:             string(in.Kind),
		RecordDate:       in.RecordDate.String(),
		LatestNoticeDate: latest.String(),
	}
	if !in.HasSend {
		return res, nil
	}

	if t.Location == nil {
		return NoticeResult{}, errors.New("notice: terms have no time zone location")
	}
	sent := in.Sent.In(t.Location)
	deemed, err := deemedGiven(sent, in.Via)
	if err != nil {
		return NoticeResult{}, err
	}
	onTime := !deemed.After(latest)
	res.Sent = sent.Format(time.RFC3339)
	res.Via = string(in.Via)
	res.DeemedGiven = deemed.String()
	res.OnTime = &onTime
	return res, nil
}

// deemedGiven is the date §12 deems a notice sent at sent (already in the
// Warrant's zone) by via given:
//
//   - fax before 5:00 p.m. on a Trading Day: that day (§12(i));
//   - fax at or after 5:00 p.m., or on a day that is not a Trading Day: the
//     next Trading Day (§12(ii));
//   - overnight courier: the Trading Day after the date of mailing (§12(iii));
//   - hand: the date of actual receipt, the send date (§12(iv)).
//
// Each means of delivery has one applicable clause, so §12's "earlier of" is
// that clause's date. §12: notices "shall be deemed given and effective on
// the earlier of (i) the date of transmission, if such notice or
// communication is delivered via facsimile at the facsimile telephone number
// specified for notice prior to 5:00 p.m., eastern time, on a Trading Day,
// (ii) the Trading Day after the date of transmission, if [...] delivered via
// facsimile [...] later than 5:00 p.m., eastern time, on any date and earlier
// than 11:59 p.m., eastern time, on such date, (iii) the Trading Day
// following the date of mailing, if sent by overnight delivery by nationally
// recognized overnight courier service or (iv) actual receipt by the party to
// whom such notice is required to be given."
func deemedGiven(sent time.Time, via Delivery) (Date, error) {
	day := DateOf(sent)
	var (
		deemed Date
		err    error
	)
	switch via {
	case ViaHand:
		return day, nil
	case ViaCourier:
		deemed, err = NextTradingDay(day)
	case ViaFax:
		var open bool
		open, err = IsTradingDay(day)
		switch {
		case err != nil:
		case open && sent.Hour() < faxCutoffHour:
			deemed = day
		default:
			deemed, err = NextTradingDay(day)
		}
	default:
		if via == "" {
			return Date{}, &InputError{Field: "via", Problem: "a send time needs a means of delivery", Allowed: "fax, courier or hand"}
		}
		return Date{}, &InputError{
			Field:   "via",
			Problem: fmt.Sprintf("%q is not a means of delivery", string(via)),
			Allowed: "fax, courier or hand",
		}
	}
	if err != nil {
		// Locate a calendar error at the field it came from.
		var ie *InputError
		if errors.As(err, &ie) {
			e := *ie
			e.Field = "sent"
			return Date{}, &e
		}
		return Date{}, err
	}
	return deemed, nil
}
