package casefile

// Scalar fields: strings, lines of an address, dates, booleans, whole
// numbers and decimals, each read from the literal text of a YAML scalar.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// str is the trimmed literal text of a scalar; "" for an absent value. The
// text must pass textProblem: every string of the case file is one a
// document or the terminal may print.
func (d *caseDecoder) str(n *yaml.Node, path string) (string, error) {
	s := resolveAlias(n)
	if s == nil || isNull(s) {
		return "", nil
	}
	if s.Kind != yaml.ScalarNode {
		return "", d.fail(s, path, "is "+kindName(s)+", not a string", "a string")
	}
	v := strings.TrimSpace(s.Value)
	if p, a := textProblem(v); p != "" {
		return "", d.fail(s, path, p, a)
	}
	// An alias repeats what it names without making the file longer; the
	// text the aliases expand to is bounded like the file.
	if d.text += len(v); d.text > maxExpandedText {
		return "", d.fail(s, path, fmt.Sprintf("with its aliases expanded, the file's text is larger than %d MiB", maxExpandedText>>20), "aliases that repeat less text")
	}
	return v, nil
}

// requiredStr is the string at key of f, which must not be empty.
func (d *caseDecoder) requiredStr(f mapFields, key string) (string, error) {
	path := fieldPath(f.path, key)
	n := f.get(key)
	if n == nil {
		return "", f.missing(d, key)
	}
	s, err := d.str(n, path)
	if err != nil {
		return "", err
	}
	if s == "" {
		return "", d.fail(n, path, "must not be empty", "")
	}
	return s, nil
}

// lines decodes a list of strings such as an address; nil when absent.
func (d *caseDecoder) lines(n *yaml.Node, path string) ([]string, error) {
	if n == nil {
		return nil, nil
	}
	items, err := d.sequence(n, path)
	if err != nil {
		return nil, err
	}
	if len(items) > MaxAddressLines {
		return nil, d.fail(resolveAlias(n), path, fmt.Sprintf("has %d lines", len(items)), fmt.Sprintf("at most %d lines", MaxAddressLines))
	}
	out := make([]string, 0, len(items))
	for i, item := range items {
		p := itemPath(path, i)
		s, err := d.str(item, p)
		if err != nil {
			return nil, err
		}
		if s == "" {
			return nil, d.fail(resolveAlias(item), p, "an empty line", "a non-empty string per line")
		}
		out = append(out, s)
	}
	return out, nil
}

// oneOf is a string that must be one of allowed.
func (d *caseDecoder) oneOf(n *yaml.Node, path string, allowed []string) (string, error) {
	s, err := d.str(n, path)
	if err != nil {
		return "", err
	}
	if !slices.Contains(allowed, s) {
		return "", d.fail(resolveAlias(n), path, fmt.Sprintf("%q is not allowed", s), strings.Join(allowed, ", "))
	}
	return s, nil
}

// date is a calendar date written YYYY-MM-DD, within the dates the case
// file allows.
func (d *caseDecoder) date(n *yaml.Node, path string) (compute.Date, error) {
	s, err := d.str(n, path)
	if err != nil {
		return compute.Date{}, err
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return compute.Date{}, d.fail(resolveAlias(n), path, fmt.Sprintf("%q is not a date", s), "a calendar date written YYYY-MM-DD")
	}
	v := compute.DateOf(t)
	if p := dateRangeProblem(v); p != "" {
		return compute.Date{}, d.fail(resolveAlias(n), path, p, dateRangeAllowed)
	}
	return v, nil
}

// boolean is true or false, in any case.
func (d *caseDecoder) boolean(n *yaml.Node, path string) (bool, error) {
	s, err := d.str(n, path)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(s) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, d.fail(resolveAlias(n), path, fmt.Sprintf("%q is not a boolean", s), "true or false")
}

var integerPattern = regexp.MustCompile(`^[+-]?[0-9]+$`)

// integer is a whole number from min to max.
func (d *caseDecoder) integer(n *yaml.Node, path string, min, max int) (int, error) {
	s, err := d.str(n, path)
	if err != nil {
		return 0, err
	}
	allowed := fmt.Sprintf("a whole number from %d to %d", min, max)
	if !integerPattern.MatchString(s) {
		return 0, d.fail(resolveAlias(n), path, fmt.Sprintf("%q is not a whole number", s), allowed)
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < min || v > max {
		return 0, d.fail(resolveAlias(n), path, fmt.Sprintf("%s is out of range", s), allowed)
	}
	return v, nil
}

// decimal is the exact decimal written by a scalar's literal text.
func (d *caseDecoder) decimal(n *yaml.Node, path string) (decimal.Decimal, error) {
	s := resolveAlias(n)
	if s == nil || isNull(s) {
		return decimal.Decimal{}, d.fail(s, path, "is empty", decimalAllowed)
	}
	if s.Kind != yaml.ScalarNode {
		return decimal.Decimal{}, d.fail(s, path, "is "+kindName(s)+", not a decimal", decimalAllowed)
	}
	v, problem := decimalFromText(strings.TrimSpace(s.Value))
	if problem != "" {
		return decimal.Decimal{}, d.fail(s, path, problem, decimalAllowed)
	}
	return v, nil
}

// positive is a decimal > 0.
func (d *caseDecoder) positive(n *yaml.Node, path string) (decimal.Decimal, error) {
	v, err := d.decimal(n, path)
	if err != nil {
		return v, err
	}
	if v.Sign() <= 0 {
		return v, d.fail(resolveAlias(n), path, fmt.Sprintf("must be greater than 0, got %s", decimalText(v)), "a positive decimal")
	}
	return v, nil
}

// nonNegative is a decimal ≥ 0.
func (d *caseDecoder) nonNegative(n *yaml.Node, path string) (decimal.Decimal, error) {
	v, err := d.decimal(n, path)
	if err != nil {
		return v, err
	}
	if v.Sign() < 0 {
		return v, d.fail(resolveAlias(n), path, fmt.Sprintf("must not be negative, got %s", decimalText(v)), "0 or a positive decimal")
	}
	return v, nil
}

// shares is a share quantity: > 0 with at most share_decimals decimals.
func (d *caseDecoder) shares(n *yaml.Node, path string) (decimal.Decimal, error) {
	return d.places(n, path, d.terms.ShareDecimals, "terms.share_decimals")
}

// places is a decimal > 0 with at most places decimals, the limit the term
// named term sets.
func (d *caseDecoder) places(n *yaml.Node, path string, places int32, term string) (decimal.Decimal, error) {
	if s := resolveAlias(n); s != nil && s.Kind == yaml.ScalarNode {
		// Say which limit applies before the general one would.
		if p := literalPlacesProblem(strings.TrimSpace(s.Value), places, term); p != "" {
			return decimal.Decimal{}, d.fail(s, path, p, "")
		}
	}
	v, err := d.positive(n, path)
	if err != nil {
		return v, err
	}
	if p := placesProblem(v, places, term); p != "" {
		return v, d.fail(resolveAlias(n), path, p, "")
	}
	return v, nil
}
