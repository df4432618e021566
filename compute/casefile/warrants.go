package casefile

import (
	"fmt"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// The keys of a warrant and of its holder.
var (
	warrantKeys = []string{"number", "holder", "shares", "email", "tax_id_last4", "parent"}
	holderKeys  = []string{"name", "address"}
)

// decodeWarrants decodes the list of warrants and refuses a number used
// twice, however many leading zeros either is written with.
func (d *caseDecoder) decodeWarrants(n *yaml.Node) ([]compute.Warrant, error) {
	items, err := d.sequence(n, "warrants")
	if err != nil {
		return nil, err
	}
	if len(items) > MaxInlineWarrants {
		return nil, d.fail(resolveAlias(n), "warrants", fmt.Sprintf("lists %d warrants", len(items)),
			fmt.Sprintf("at most %d warrants in a case file; list more in a register (--register FILE.csv)", MaxInlineWarrants))
	}
	ws := make([]compute.Warrant, 0, len(items))
	seen := make(map[string]int, len(items)) // WarrantNumberKey → index into ws
	for i, item := range items {
		path := itemPath("warrants", i)
		w, numNode, err := d.decodeWarrant(item, path)
		if err != nil {
			return nil, err
		}
		key := compute.WarrantNumberKey(d.terms.Series, w.Number)
		if j, dup := seen[key]; dup {
			return nil, d.fail(numNode, path+".number", duplicateNumber(w.Number, ws[j].Number, fmt.Sprintf("line %d, %s", ws[j].Line, itemPath("warrants", j))), duplicateNumberAllowed)
		}
		seen[key] = i
		ws = append(ws, w)
	}
	return ws, nil
}

// decodeWarrant decodes one warrant and returns it with its number's node.
func (d *caseDecoder) decodeWarrant(n *yaml.Node, path string) (compute.Warrant, *yaml.Node, error) {
	var w compute.Warrant
	f, err := d.mapping(n, path, warrantKeys)
	if err != nil {
		return w, nil, err
	}
	w.Line = f.node.Line
	if err := f.require(d, "number", "holder", "shares"); err != nil {
		return w, nil, err
	}
	numNode := f.get("number")
	if w.Number, err = d.warrantNumber(numNode, path+".number"); err != nil {
		return w, nil, err
	}
	h, err := d.sub(f, "holder", holderKeys)
	if err != nil {
		return w, nil, err
	}
	if w.Holder.Name, err = d.requiredStr(h, "name"); err != nil {
		return w, nil, err
	}
	if w.Holder.Address, err = d.lines(h.get("address"), path+".holder.address"); err != nil {
		return w, nil, err
	}
	if w.Shares, err = d.shares(f.get("shares"), path+".shares"); err != nil {
		return w, nil, err
	}
	if en := f.get("email"); en != nil {
		if w.Email, err = d.str(en, path+".email"); err != nil {
			return w, nil, err
		}
		if p, a := emailProblem(w.Email); p != "" {
			return w, nil, d.fail(en, path+".email", p, a)
		}
	}
	if tn := f.get("tax_id_last4"); tn != nil {
		if w.TaxID4, err = d.str(tn, path+".tax_id_last4"); err != nil {
			return w, nil, err
		}
		if p, a := taxID4Problem(w.TaxID4); p != "" {
			return w, nil, d.fail(tn, path+".tax_id_last4", p, a)
		}
	}
	if pn := f.get("parent"); pn != nil {
		parent, err := d.str(pn, path+".parent")
		if err != nil {
			return w, nil, err
		}
		p, a := parentRefused(parent, "a case file's warrants list")
		return w, nil, d.fail(resolveAlias(pn), path+".parent", p, a)
	}
	return w, numNode, nil
}

// parentRefused is the problem of a warrant listed with a parent among
// original warrants (lists: "a register lists", "a case file's warrants
// list"), and
// what is allowed instead (SPEC §2.2). A warrant issued in place of another
// has the Warrant Share Number in effect when it was issued, not the one
// at the Original Issue Date: listed as an original, every event since the
// Original Issue Date would adjust it a second time.
func parentRefused(parent, lists string) (problem, allowed string) {
	if len(parent) > 40 {
		parent = quoteShort(parent)
	}
	return fmt.Sprintf("%s — %s original warrants only (issued on the original issue date for the Warrant Share Number then); a warrant issued later exists only through the transaction that created it", parent, lists),
		"no parent: record a warrant issued later in the case file's transactions (SPEC §2.5); a register written by reissue or register shows current share numbers and is a view, never an input"
}

// warrantNumber is a warrant number of the series: SERIES-NNN.
func (d *caseDecoder) warrantNumber(n *yaml.Node, path string) (string, error) {
	s, err := d.str(n, path)
	if err != nil {
		return "", err
	}
	if p, a := warrantNumberProblem(d.terms.Series, s); p != "" {
		return "", d.fail(n, path, p, a)
	}
	return s, nil
}

// warrantNumberProblem checks a warrant number against the series: it must
// be SERIES-NNN, the series, a hyphen and digits.
func warrantNumberProblem(series, s string) (problem, allowed string) {
	allowed = series + "-NNN: the series, a hyphen and digits, such as " + series + "-001"
	if s == "" {
		return "must not be empty", allowed
	}
	digits, ok := strings.CutPrefix(s, series+"-")
	if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return fmt.Sprintf("%s is not a warrant number of series %s", quoteShort(s), series), allowed
	}
	if len(digits) > MaxNumberDigits {
		return fmt.Sprintf("has %d digits after the series; at most %d allowed", len(digits), MaxNumberDigits), allowed
	}
	return "", ""
}

// duplicateNumber is the problem of a warrant number already used by first,
// which is described by where (a line or a row).
func duplicateNumber(number, first, where string) string {
	if number == first {
		return fmt.Sprintf("duplicate warrant number %q (first on %s)", number, where)
	}
	return fmt.Sprintf("duplicate warrant number %q: the same number as %q (first on %s)", number, first, where)
}

const duplicateNumberAllowed = "a number not used by another warrant; leading zeros do not make another number"

// emailProblem says what is wrong with an email address, or returns "".
func emailProblem(s string) (problem, allowed string) {
	local, domain, ok := strings.Cut(s, "@")
	if s == "" || !ok || local == "" || domain == "" || strings.ContainsAny(s, " \t<>,;") || strings.Contains(domain, "@") {
		return fmt.Sprintf("%q is not an email address", s), "an address such as name@example.com"
	}
	return "", ""
}

// taxID4Problem says what is wrong with the last four digits of a tax id,
// or returns "".
func taxID4Problem(s string) (problem, allowed string) {
	if len(s) != 4 || strings.Trim(s, "0123456789") != "" {
		return fmt.Sprintf("%q is not the last four digits of a tax id", s), "exactly four digits"
	}
	return "", ""
}
