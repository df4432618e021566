package templates

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// Options are what every document takes besides its data.
type Options struct {
	ESign     string    // "", "adobe", "dropbox" or "docusign": invisible signature tags
	EmbedData bool      // attach the document's data as JSON
	Created   time.Time // the PDF's creation date; zero: the document's own date
	Creator   string    // e.g. "warrantkit 0.1.0"
	// Font, when set, is the fallback font: it prints the characters of
	// names and addresses that Liberation Serif has no glyph for.
	Font *render.Font
}

// ESign services (SPEC §4.3).
const (
	ESignAdobe    = "adobe"
	ESignDropbox  = "dropbox"
	ESignDocuSign = "docusign"
)

// ESignServices lists the services --esign accepts.
var ESignServices = []string{ESignAdobe, ESignDropbox, ESignDocuSign}

// signTags are one signer's tags in a service's syntax.
type signTags struct{ Signature, Name, Title, Date string }

// tags returns the e-sign tags for signer n (1-based) in the chosen service.
func (o Options) tags(n int) signTags {
	switch o.ESign {
	case ESignAdobe:
		return signTags{
			Signature: fmt.Sprintf("{{Sig_es_:signer%d:signature}}", n),
			Name:      fmt.Sprintf("{{Nam_es_:signer%d:fullname}}", n),
			Title:     fmt.Sprintf("{{Ttl_es_:signer%d:title}}", n),
			Date:      fmt.Sprintf("{{Dte_es_:signer%d:date}}", n),
		}
	case ESignDropbox:
		return signTags{
			Signature: fmt.Sprintf("[sig|req|signer%d]", n),
			Name:      fmt.Sprintf("[text|req|signer%d|Name|name%d]", n, n),
			Title:     fmt.Sprintf("[text|noreq|signer%d|Title|title%d]", n, n),
			Date:      fmt.Sprintf("[date|req|signer%d]", n),
		}
	case ESignDocuSign:
		return signTags{
			Signature: fmt.Sprintf(`\s%d\`, n),
			Name:      fmt.Sprintf(`\n%d\`, n),
			Title:     fmt.Sprintf(`\t%d\`, n),
			Date:      fmt.Sprintf(`\d%d\`, n),
		}
	}
	return signTags{}
}

// newDoc starts a document with the metadata SPEC §4.3 asks for: title,
// subject, author = issuer, keywords = warrant number and document type, and
// a fixed creation date.
func newDoc(c *compute.Case, opt Options, title, subject, warrant, kind string, date compute.Date) (*render.Doc, error) {
	created := opt.Created
	if created.IsZero() {
		if date.IsZero() {
			date = c.Terms.OriginalIssueDate // a blank form carries the Warrant's date
		}
		created = date.Time()
	}
	footer := ""
	if strings.HasSuffix(warrant, "-") {
		warrant += "______" // a blank form: the number is filled in by hand
	}
	if warrant != "" {
		footer = "Warrant No. " + warrant
	}
	keywords := []string{kind}
	if warrant != "" {
		keywords = []string{warrant, kind}
	}
	return render.New(render.Meta{
		Title: title, Subject: subject, Author: c.Issuer.Name, Keywords: keywords,
		Creator: opt.Creator, Created: created, Footer: footer, Fallback: opt.Font,
	})
}

// attachData attaches v as JSON when the options ask for it.
func attachData(d *render.Doc, opt Options, name string, v any) error {
	if !opt.EmbedData {
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	d.Attach(name, "the data this document was computed from", append(b, '\n'))
	return nil
}

// issuerSignature is the Issuer's signature block: the company in capitals,
// By, Name, Title and Date lines, filled with the signatory when filled.
func issuerSignature(c *compute.Case, opt Options, date string, filled bool) render.Signature {
	tg := opt.tags(1)
	name, title := c.Issuer.Signatory.Name, c.Issuer.Signatory.Title
	if !filled {
		name, title = "", ""
	}
	return render.Signature{
		Heading: strings.ToUpper(c.Issuer.Name),
		Indent:  80, Width: 80,
		Lines: []render.SignatureLine{
			{Label: "By:", Tag: tg.Signature, Tall: true},
			{Label: "Name:", Value: name, Tag: tg.Name},
			{Label: "Title:", Value: title, Tag: tg.Title},
			{Label: "Date:", Value: date, Tag: tg.Date},
		},
	}
}

// para is a justified body paragraph of spans.
func para(spans ...render.Span) render.Paragraph { return render.Paragraph{Spans: spans} }

// labeled is a "Label: value" line with the label in bold.
func labeled(label, value string) render.Paragraph {
	return render.Paragraph{Spans: []render.Span{render.B(label + " "), render.T(value)}, Align: render.Left, SpaceAfter: 1.2}
}
