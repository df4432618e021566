package casefile

import "github.com/warrantkit/warrantkit/compute"

// The keys of issuer and of its signatory and notice mappings.
var (
	issuerKeys    = []string{"name", "jurisdiction", "address", "signatory", "notice"}
	signatoryKeys = []string{"name", "title"}
	noticeKeys    = []string{"attention", "phone", "fax"}
)

// decodeIssuer decodes issuer: its name (required), jurisdiction, address,
// signatory and contact for notices.
func (d *caseDecoder) decodeIssuer(top mapFields) (compute.Issuer, error) {
	var is compute.Issuer
	f, err := d.sub(top, "issuer", issuerKeys)
	if err != nil {
		return is, err
	}
	if is.Name, err = d.requiredStr(f, "name"); err != nil {
		return is, err
	}
	if is.Jurisdiction, err = d.str(f.get("jurisdiction"), "issuer.jurisdiction"); err != nil {
		return is, err
	}
	if is.Address, err = d.lines(f.get("address"), "issuer.address"); err != nil {
		return is, err
	}
	if f.get("signatory") != nil {
		s, err := d.sub(f, "signatory", signatoryKeys)
		if err != nil {
			return is, err
		}
		if is.Signatory.Name, err = d.str(s.get("name"), "issuer.signatory.name"); err != nil {
			return is, err
		}
		if is.Signatory.Title, err = d.str(s.get("title"), "issuer.signatory.title"); err != nil {
			return is, err
		}
	}
	if f.get("notice") != nil {
		s, err := d.sub(f, "notice", noticeKeys)
		if err != nil {
			return is, err
		}
		for _, x := range []struct {
			key string
			dst *string
		}{{"attention", &is.Notice.Attention}, {"phone", &is.Notice.Phone}, {"fax", &is.Notice.Fax}} {
			if *x.dst, err = d.str(s.get(x.key), "issuer.notice."+x.key); err != nil {
				return is, err
			}
		}
	}
	return is, nil
}
