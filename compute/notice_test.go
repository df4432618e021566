package compute

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the machine's zoneinfo
)

// noticeTerms are the Warrant's defaults in New York.
func noticeTerms(t *testing.T) Terms {
	t.Helper()
	terms := DefaultTerms()
	loc, err := time.LoadLocation(terms.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	terms.Location = loc
	return terms
}

func TestNoticeDeemedGiven(t *testing.T) {
	terms := noticeTerms(t)
	for _, c := range []struct {
		name   string
		kind   NoticeKind
		record string
		send   string // wall time in New York unless it has an offset
		via    Delivery
		// want
		latest, sent, deemed string
		onTime               bool
	}{
		// SPEC §4.4: Tuesday 2008-06-10, 16:30 EDT, is before 5:00 p.m. on a
		// Trading Day, and exactly 20 days before the record date.
		{"spec example", "E", "2008-06-30", "2008-06-10T16:30", ViaFax,
			"2008-06-10", "2008-06-10T16:30:00-04:00", "2008-06-10", true},
		{"fax one second before 5 pm", "A", "2008-06-30", "2008-06-10T16:59:59", ViaFax,
			"2008-06-10", "2008-06-10T16:59:59-04:00", "2008-06-10", true},
		// At 5:00 p.m. exactly it is the next Trading Day, one day late.
		{"fax at 5 pm is late", "E", "2008-06-30", "2008-06-10T17:00", ViaFax,
			"2008-06-10", "2008-06-10T17:00:00-04:00", "2008-06-11", false},
		{"fax Friday evening", "B", "2008-07-01", "2008-06-06T18:00", ViaFax,
			"2008-06-11", "2008-06-06T18:00:00-04:00", "2008-06-09", true},
		// Monday 2008-05-26 is Memorial Day.
		{"fax Friday evening before a holiday", "C", "2008-06-16", "2008-05-23T18:00", ViaFax,
			"2008-05-27", "2008-05-23T18:00:00-04:00", "2008-05-27", true},
		{"fax on Saturday morning", "D", "2008-07-01", "2008-06-07T10:00", ViaFax,
			"2008-06-11", "2008-06-07T10:00:00-04:00", "2008-06-09", true},
		// Good Friday 2008-03-21 is not a Trading Day even before 5:00 p.m.
		{"fax on Good Friday", "F", "2008-04-14", "2008-03-21T09:00", ViaFax,
			"2008-03-25", "2008-03-21T09:00:00-04:00", "2008-03-24", true},
		{"courier mailed Wednesday", "A", "2008-07-16", "2008-06-25T12:00", ViaCourier,
			"2008-06-26", "2008-06-25T12:00:00-04:00", "2008-06-26", true},
		// Friday 2008-07-04 is closed: the next Trading Day is Monday.
		{"courier before July 4", "A", "2008-07-25", "2008-07-03T09:00", ViaCourier,
			"2008-07-05", "2008-07-03T09:00:00-04:00", "2008-07-07", false},
		{"hand delivery on a Sunday", "E", "2008-06-28", "2008-06-08T11:00", ViaHand,
			"2008-06-08", "2008-06-08T11:00:00-04:00", "2008-06-08", true},
		// A late one: three weeks late by courier.
		{"late courier", "E", "2008-06-30", "2008-06-27T09:00", ViaCourier,
			"2008-06-10", "2008-06-27T09:00:00-04:00", "2008-06-30", false},
		// Offsets are converted to New York time before the 5:00 p.m. test.
		{"UTC before 5 pm EDT", "E", "2008-06-30", "2008-06-10T20:59:00Z", ViaFax,
			"2008-06-10", "2008-06-10T16:59:00-04:00", "2008-06-10", true},
		{"UTC at 5 pm EDT", "E", "2008-06-30", "2008-06-10T21:00:00Z", ViaFax,
			"2008-06-10", "2008-06-10T17:00:00-04:00", "2008-06-11", false},
		// 21:30 UTC is 16:30 EST in winter (but 17:30 EDT in summer).
		{"UTC in winter", "A", "2008-02-04", "2008-01-15T21:30:00Z", ViaFax,
			"2008-01-15", "2008-01-15T16:30:00-05:00", "2008-01-15", true},
		{"UTC in summer", "A", "2008-08-04", "2008-07-15T21:30:00Z", ViaFax,
			"2008-07-15", "2008-07-15T17:30:00-04:00", "2008-07-16", false},
		// Already Wednesday in Tokyo, still Tuesday afternoon in New York.
		{"offset east of UTC", "E", "2008-06-30", "2008-06-11T05:30:00+09:00", ViaFax,
			"2008-06-10", "2008-06-10T16:30:00-04:00", "2008-06-10", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			sent, err := ParseSendTime(c.send, terms.Location)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Notice(terms, NoticeInput{Kind: c.kind, RecordDate: calDate(c.record), Sent: sent, Via: c.via, HasSend: true})
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != string(c.kind) || got.RecordDate != c.record || got.LatestNoticeDate != c.latest ||
				got.Sent != c.sent || got.Via != string(c.via) || got.DeemedGiven != c.deemed ||
				got.OnTime == nil || *got.OnTime != c.onTime {
				onTime := "nil"
				if got.OnTime != nil {
					onTime = strconv.FormatBool(*got.OnTime)
				}
				t.Errorf("got %+v (on_time %s)\nwant latest %s sent %s deemed %s on_time %v",
					got, onTime, c.latest, c.sent, c.deemed, c.onTime)
			}
		})
	}
}

func TestNoticeJSON(t *testing.T) {
	terms := noticeTerms(t)
	// Without --send only the dates are reported.
	res, err := Notice(terms, NoticeInput{Kind: "E", RecordDate: calDate("2008-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"kind":"E","record_date":"2008-06-30","latest_notice_date":"2008-06-10"}`; string(got) != want {
		t.Errorf("JSON without --send\n got %s\nwant %s", got, want)
	}

	// With it, the example of SPEC §4.4 exactly.
	sent, err := ParseSendTime("2008-06-10T16:30", terms.Location)
	if err != nil {
		t.Fatal(err)
	}
	res, err = Notice(terms, NoticeInput{Kind: "E", RecordDate: calDate("2008-06-30"), Sent: sent, Via: ViaFax, HasSend: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err = json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	spec := `{"kind": "E", "record_date": "2008-06-30", "latest_notice_date": "2008-06-10",
 "sent": "2008-06-10T16:30:00-04:00", "via": "fax", "deemed_given": "2008-06-10", "on_time": true}`
	if err := json.Compact(&want, []byte(spec)); err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("JSON\n got %s\nwant %s", got, want.String())
	}

	// A late notice still reports on_time (false), not omitted.
	sent, _ = ParseSendTime("2008-06-10T17:00", terms.Location)
	res, err = Notice(terms, NoticeInput{Kind: "E", RecordDate: calDate("2008-06-30"), Sent: sent, Via: ViaFax, HasSend: true})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = json.Marshal(res)
	if !bytes.Contains(got, []byte(`"on_time":false`)) {
		t.Errorf("late notice JSON %s lacks on_time false", got)
	}
}

func TestNoticeLeadDays(t *testing.T) {
	terms := noticeTerms(t)
	terms.NoticeLeadDays = 10
	res, err := Notice(terms, NoticeInput{Kind: "A", RecordDate: calDate("2008-03-05")})
	if err != nil || res.LatestNoticeDate != "2008-02-24" {
		t.Errorf("Notice = %+v, %v; want latest 2008-02-24", res, err)
	}
	// The record date itself need not be in the Trading Day calendar.
	res, err = Notice(terms, NoticeInput{Kind: "A", RecordDate: calDate("2040-01-05")})
	if err != nil || res.LatestNoticeDate != "2039-12-26" {
		t.Errorf("Notice = %+v, %v; want latest 2039-12-26", res, err)
	}
}

func TestNoticeErrors(t *testing.T) {
	terms := noticeTerms(t)
	ny := terms.Location
	for _, c := range []struct {
		name  string
		in    NoticeInput
		field string
	}{
		{"bad kind", NoticeInput{Kind: "G", RecordDate: calDate("2008-06-30")}, "kind"},
		{"no record date", NoticeInput{Kind: "A"}, "record_date"},
		{"no via", NoticeInput{Kind: "A", RecordDate: calDate("2008-06-30"),
			Sent: calDate("2008-06-10").In(ny, 9, 0, 0), HasSend: true}, "via"},
		{"bad via", NoticeInput{Kind: "A", RecordDate: calDate("2008-06-30"),
			Sent: calDate("2008-06-10").In(ny, 9, 0, 0), Via: "pigeon", HasSend: true}, "via"},
		{"fax after the calendar", NoticeInput{Kind: "A", RecordDate: calDate("2036-02-01"),
			Sent: calDate("2036-01-02").In(ny, 9, 0, 0), Via: ViaFax, HasSend: true}, "sent"},
		{"fax before the calendar", NoticeInput{Kind: "A", RecordDate: calDate("2000-01-30"),
			Sent: calDate("1999-12-30").In(ny, 9, 0, 0), Via: ViaFax, HasSend: true}, "sent"},
		{"courier on the last day", NoticeInput{Kind: "A", RecordDate: calDate("2036-02-01"),
			Sent: calDate("2035-12-31").In(ny, 9, 0, 0), Via: ViaCourier, HasSend: true}, "sent"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Notice(terms, c.in)
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v, want an *InputError", err)
			}
			if ie.Field != c.field {
				t.Errorf("field %q, want %q (%v)", ie.Field, c.field, err)
			}
		})
	}

	// Hand delivery needs no Trading Day, so any date will do.
	res, err := Notice(terms, NoticeInput{Kind: "A", RecordDate: calDate("2040-02-01"),
		Sent: calDate("2040-01-02").In(ny, 9, 0, 0), Via: ViaHand, HasSend: true})
	if err != nil || res.DeemedGiven != "2040-01-02" || !*res.OnTime {
		t.Errorf("hand delivery in 2040: %+v, %v", res, err)
	}

	// Terms without a location are a programming error, not bad input.
	terms.Location = nil
	_, err = Notice(terms, NoticeInput{Kind: "A", RecordDate: calDate("2008-06-30"),
		Sent: calDate("2008-06-10").In(ny, 9, 0, 0), Via: ViaFax, HasSend: true})
	if err == nil || errors.Is(err, ErrInvalid) {
		t.Errorf("nil location: %v", err)
	}
}

func TestParseSendTime(t *testing.T) {
	ny := noticeTerms(t).Location
	for _, c := range []struct{ in, want string }{
		{"2008-03-01T16:30", "2008-03-01T16:30:00-05:00"},
		{"2008-03-01T16:30:15", "2008-03-01T16:30:15-05:00"},
		{"2008-06-01T16:30", "2008-06-01T16:30:00-04:00"},
		{"2008-03-01T16:30:00Z", "2008-03-01T16:30:00Z"},
		{"2008-03-01T16:30:00+01:00", "2008-03-01T16:30:00+01:00"},
		{"2008-03-01T16:30-07:00", "2008-03-01T16:30:00-07:00"},
	} {
		got, err := ParseSendTime(c.in, ny)
		if err != nil || got.Format(time.RFC3339) != c.want {
			t.Errorf("ParseSendTime(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, s := range []string{"", "2008-03-01", "2008-03-01 16:30", "2008-02-30T10:00", "16:30", "2008-03-01T25:00", "yesterday"} {
		_, err := ParseSendTime(s, ny)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Field != "sent" {
			t.Errorf("ParseSendTime(%q): %v, want an input error on sent", s, err)
		}
	}
	if _, err := ParseSendTime("2008-03-01T16:30", nil); err == nil {
		t.Error("ParseSendTime with no location: no error")
	}
}

func TestParseNoticeKindAndDelivery(t *testing.T) {
	for _, s := range []string{"A", "B", "C", "D", "E", "F", "e", " f "} {
		if _, err := ParseNoticeKind(s); err != nil {
			t.Errorf("ParseNoticeKind(%q): %v", s, err)
		}
	}
	_, err := ParseNoticeKind("G")
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "kind" || ie.Allowed != "A, B, C, D, E or F" {
		t.Errorf("ParseNoticeKind(G): %v", err)
	}
	for s, want := range map[string]Delivery{"fax": ViaFax, "Courier": ViaCourier, "HAND": ViaHand} {
		if got, err := ParseDelivery(s); err != nil || got != want {
			t.Errorf("ParseDelivery(%q) = %q, %v", s, got, err)
		}
	}
	_, err = ParseDelivery("email")
	if !errors.As(err, &ie) || ie.Field != "via" || ie.Allowed != "fax, courier or hand" {
		t.Errorf("ParseDelivery(email): %v", err)
	}
}

func TestNoticeKindText(t *testing.T) {
	if got, want := NoticeKindText("A"), "A: distributions to holders of Common Stock"; got != want {
		t.Errorf("NoticeKindText(A) = %q, want %q", got, want)
	}
	for _, k := range []NoticeKind{"B", "C", "D", "E", "F"} {
		if got := NoticeKindText(k); len(got) < 5 || got[:3] != string(k)+": " {
			t.Errorf("NoticeKindText(%s) = %q", k, got)
		}
	}
	if got := NoticeKindText("G"); got != "" {
		t.Errorf("NoticeKindText(G) = %q, want empty", got)
	}
}
