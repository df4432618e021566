package templates

import (
	"strings"

	"github.com/warrantkit/warrantkit/compute"
)

// The Warrant's attached forms (Exercise Form, Assignment, Partial
// Assignment, For Use by the Issuer Only) and the Warrant itself, filled from
// data or blank. Their text is the Warrant's own (warrant.txt); this file
// supplies the values of its blanks.

// plainValues are the texts of the Warrant that come from the case file.
func plainValues(c *compute.Case) map[string]string {
	t := c.Terms
	return map[string]string{
		"issuer_name":             c.Issuer.Name,
		"jurisdiction":            c.Issuer.Jurisdiction,
		"series":                  t.Series,
		"original_issue_date":     LongDate(t.OriginalIssueDate),
		"purchase_agreement_date": LongDate(t.OriginalIssueDate), // the Purchase Agreement is dated the Original Issue Date
		"expiration_date":         LongDate(t.ExpirationDate()),
		"expiration_time":         clockText(t),
		"exercise_start":          LongDate(t.ExerciseStart),
		"initial_price":           "$" + Money(t.InitialWarrantPrice),
		"cap_percent":             t.OwnershipCapPercent.String() + "%",
		"cap_waiver_days":         numberWordsFigures(t.CapWaiverDays),
		"delivery_days":           numberWordsFigures(t.DeliveryTradingDays),
		"notice_days":             numberWordsFigures(t.NoticeLeadDays),
		"deferral_threshold":      percentWords(t.DeferralThresholdPercent),
		"issuer_address":          strings.Join(c.Issuer.Address, "\n"),
		"notice_attention":        c.Issuer.Notice.Attention,
		"notice_phone":            c.Issuer.Notice.Phone,
		"notice_fax":              c.Issuer.Notice.Fax,
		"signatory_name":          c.Issuer.Signatory.Name,
		"signatory_title":         c.Issuer.Signatory.Title,
	}
}

// caseFields names the case-file field each text of the Warrant comes from.
var caseFields = map[string]string{
	"issuer_name": "issuer.name", "jurisdiction": "issuer.jurisdiction", "series": "terms.series",
	"original_issue_date": "terms.original_issue_date", "purchase_agreement_date": "terms.original_issue_date",
	"expiration_date": "terms.expiration", "expiration_time": "terms.expiration", "exercise_start": "terms.exercise_start",
	"initial_price": "terms.initial_warrant_price", "cap_percent": "terms.ownership_cap_percent",
	"cap_waiver_days": "terms.cap_waiver_days", "delivery_days": "terms.delivery_trading_days",
	"notice_days": "terms.notice_lead_days", "deferral_threshold": "terms.deferral_threshold_percent",
	"issuer_address": "issuer.address", "notice_attention": "issuer.notice.attention", "notice_phone": "issuer.notice.phone",
	"notice_fax": "issuer.notice.fax", "signatory_name": "issuer.signatory.name", "signatory_title": "issuer.signatory.title",
}

// CheckCase makes sure the case gives every text the Warrant and its forms
// print and cannot leave blank, so that a command finds out before it
// writes its first document, not between two. A decoded case always does
// (the optional fields print as blanks); this guards the two from drifting
// apart.
func CheckCase(c *compute.Case) error {
	missing, err := missingTexts(plainValues(c))
	if err != nil || len(missing) == 0 {
		return err
	}
	fields := make([]string, len(missing))
	for i, n := range missing {
		fields[i] = caseFields[n]
		if fields[i] == "" {
			fields[i] = n
		}
	}
	return &compute.InputError{File: c.File, Field: strings.Join(fields, ", "), Problem: "missing or empty, and the Warrant's text prints it",
		Allowed: "a value in the case file"}
}

// merge returns the plain values with the field values over them.
func merge(c *compute.Case, fields map[string]string) map[string]string {
	v := plainValues(c)
	for k, s := range fields {
		v[k] = s
	}
	return v
}

// holderAddress returns the holder's address as two lines.
func holderAddress(h compute.Holder) (string, string) {
	switch len(h.Address) {
	case 0:
		return "", ""
	case 1:
		return h.Address[0], ""
	}
	return h.Address[0], strings.Join(h.Address[1:], ", ")
}
