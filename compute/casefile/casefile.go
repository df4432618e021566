package casefile

// The case file decoder (SPEC §2.1, §2.3, §2.4).
//
// YAML and JSON share one decoder: go.yaml.in/yaml/v3 parses both into a
// yaml.Node tree, which keeps every scalar's literal text and its line, and
// the tree is walked by hand against the schema. Walking by hand is what lets
// every error carry the file, the line and the dotted field path, and what
// keeps decimals exact: a number is taken from its literal text and parsed by
// shopspring/decimal, never through a binary floating-point type.
//
// Conventions of the walk, the same at every depth:
//   - a mapping may hold only the keys its schema allows; an unknown key or a
//     duplicate key is an error;
//   - a key whose value is null (`key:`, `key: ~`, JSON null) is the same as
//     an absent key: an optional field keeps its default, a required one is
//     reported missing;
//   - a string field takes the literal text of any scalar, trimmed (so
//     `tax_id_last4: 0123` keeps its leading zero);
//   - a string may not hold control characters (other than tab and line
//     feed), bidi embeddings, overrides or isolates, or zero-width
//     characters (text.go), nor more than MaxTextChars characters;
//   - decimals are written as strings or as numbers and must match
//     [+-]?digits[.digits]: no exponent, no separators, no .inf or .nan,
//     at most MaxIntegerDigits digits before the point and MaxDecimals
//     after it (share quantities share_decimals, the Warrant Price
//     price_decimals);
//   - dates lie within MinDate..MaxDate, and no event is dated before the
//     Original Issue Date;
//   - the file, its lists and its text are bounded (limits.go);
//   - anchors and aliases are followed; the schema's depth is fixed, so an
//     alias can never make the walk recurse without end.

import (
	"bytes"
	"fmt"
	"github.com/warrantkit/warrantkit/compute"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Load reads and decodes the case file at path; see Decode.
func Load(path string) (*compute.Case, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > MaxCaseFileBytes {
		return nil, caseTooLarge(path)
	}
	return Decode(path, f)
}

// Decode decodes a case file, YAML or JSON, from r. name is the file name
// that errors quote. Every problem with the input is returned as an
// *InputError (which wraps ErrInvalid) locating the first problem found; an
// error reading r is returned as is.
//
// The terms are decoded first, wherever they stand in the file, because the
// warrants and events are validated against them (share_decimals,
// price_decimals, the series). Cross-references between events (id, ref,
// from_cse) are resolved after every event is decoded; whether a reference
// points backwards in time is for the engine to judge.
//
// No more than MaxCaseFileBytes are read from r: a larger input is refused
// before it is read whole (see limits.go for every limit).
func Decode(name string, r io.Reader) (*compute.Case, error) {
	data, err := readCaseData(name, r)
	if err != nil {
		return nil, err
	}
	d := &caseDecoder{file: name}
	root, err := d.parse(data)
	if err != nil {
		return nil, err
	}
	return d.decodeCase(root)
}

// caseDecoder walks one case file's node tree.
type caseDecoder struct {
	file  string
	terms compute.Terms // valid once decodeTerms has returned
	text  int           // bytes of string fields decoded so far, aliases expanded
}

// fail builds the InputError for node n (which may be nil: then no line).
func (d *caseDecoder) fail(n *yaml.Node, path, problem, allowed string) *compute.InputError {
	e := &compute.InputError{File: d.file, Field: path, Problem: problem, Allowed: allowed}
	if n != nil {
		e.Line = n.Line
	}
	return e
}

// yamlLine picks the line out of a yaml syntax error such as
// "yaml: line 3: did not find expected key".
var yamlLine = regexp.MustCompile(`^yaml: line ([0-9]+): (.*)$`)

// parse turns the bytes into the root node of the single document.
func (d *caseDecoder) parse(data []byte) (*yaml.Node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, d.fail(nil, "", "empty case file", "a YAML or JSON mapping with issuer, terms, warrants and events")
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n"))
		return nil, &compute.InputError{File: d.file, Line: line, Problem: "the file is not valid UTF-8"}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decodeNode(dec, &doc); err != nil {
		if err == io.EOF {
			return nil, d.fail(nil, "", "empty case file: no document, only comments", "a YAML or JSON mapping with issuer, terms, warrants and events")
		}
		return nil, d.syntaxError(err)
	}
	var extra yaml.Node
	switch err := decodeNode(dec, &extra); {
	case err == io.EOF:
	case err != nil:
		return nil, d.syntaxError(err)
	default:
		return nil, d.fail(&extra, "", "more than one document in the file", "one document")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	return root, nil
}

// decodeNode decodes the next document. A panic inside the YAML parser on
// hostile input is turned into an error: a case file must never crash the
// program that reads it.
func decodeNode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", p)
		}
	}()
	return dec.Decode(n)
}

// syntaxError converts an error of the YAML parser into an InputError.
func (d *caseDecoder) syntaxError(err error) *compute.InputError {
	msg := err.Error()
	e := &compute.InputError{File: d.file}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	e.Problem = "syntax error: " + strings.TrimPrefix(msg, "yaml: ")
	return e
}

// firstInvalidUTF8 is the offset of the first byte that is not valid UTF-8.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// Schema: the keys each mapping allows, in the order errors list them.
var (
	caseKeys      = []string{"issuer", "terms", "warrants", "events"}
	issuerKeys    = []string{"name", "jurisdiction", "address", "signatory", "notice"}
	signatoryKeys = []string{"name", "title"}
	noticeKeys    = []string{"attention", "phone", "fax"}
	termsKeys     = []string{"series", "original_issue_date", "exercise_start", "expiration", "time_zone",
		"initial_warrant_price", "market_value_at_issue", "ownership_cap_percent", "cap_waiver_days",
		"notice_lead_days", "delivery_trading_days", "share_decimals", "price_decimals",
		"defer_small_adjustments", "deferral_threshold_percent", "dilution_adjusts_shares",
		"floor_adjusts_for_splits", "cap_counts_new_shares"}
	termsRequired = []string{"series", "original_issue_date", "exercise_start", "expiration",
		"initial_warrant_price", "market_value_at_issue"}
	warrantKeys     = []string{"number", "holder", "shares", "email", "tax_id_last4", "parent"}
	holderKeys      = []string{"name", "address"}
	eventCommonKeys = []string{"type", "date", "id", "description"}
	considerKeys    = []string{"description", "amount", "kind"}
	exchangeKeys    = []string{"bid", "ask"}
	otcKeys         = []string{"closing_bid"}
	marketKeys      = []string{compute.MVExchange, compute.MVOTC, compute.MVPinkSheets, compute.MVAppraisal}
)

// eventKeys are the fields each event type adds to the common ones, and
// eventRequired those of them (and of the common ones) that must be given.
var (
	eventKeys = map[compute.EventType][]string{
		compute.StockSplit:        {"ratio"},
		compute.Combination:       {"ratio"},
		compute.StockDividend:     {"shares_per_share", "paid_date"},
		compute.Distribution:      {"kind", "per_share_value", "market_value", "from_earnings"},
		compute.Issuance:          {"shares", "consideration", "outstanding_before", "from_cse"},
		compute.CSEIssuance:       {"max_shares", "consideration", "outstanding_before"},
		compute.CSEExpiry:         {"ref"},
		compute.CSEPriceIncrease:  {"ref", "consideration", "remaining_max_shares", "outstanding_before"},
		compute.DividendAbandoned: {"ref"},
		compute.TriggeringEvent:   {"kind", "successor", "consideration_per_share", "assumed"},
	}
	eventRequired = map[compute.EventType][]string{
		compute.StockSplit:        {"date", "ratio"},
		compute.Combination:       {"date", "ratio"},
		compute.StockDividend:     {"date", "shares_per_share"},
		compute.Distribution:      {"date", "kind", "per_share_value", "market_value"},
		compute.Issuance:          {"date", "shares", "consideration", "outstanding_before"},
		compute.CSEIssuance:       {"date", "id", "max_shares", "consideration", "outstanding_before"},
		compute.CSEExpiry:         {"date", "ref"},
		compute.CSEPriceIncrease:  {"date", "ref", "consideration", "remaining_max_shares", "outstanding_before"},
		compute.DividendAbandoned: {"date", "ref"},
		compute.TriggeringEvent:   {"date", "kind", "successor", "consideration_per_share"},
	}
	distributionKinds = []string{"cash", "indebtedness", "securities", "property", "rights"}
	triggeringKinds   = []string{"merger", "asset-sale", "reclassification", "reorganization"}
	considerKinds     = []string{"cash", "security", "property"}
)

func (d *caseDecoder) decodeCase(root *yaml.Node) (*compute.Case, error) {
	top, err := d.mapping(root, "", caseKeys)
	if err != nil {
		return nil, err
	}
	top.line = 0 // a missing top-level key is the whole file's problem
	if err := top.require(d, "issuer", "terms"); err != nil {
		return nil, err
	}
	c := &compute.Case{File: d.file}
	if c.Terms, err = d.decodeTerms(top); err != nil {
		return nil, err
	}
	d.terms = c.Terms
	if c.Issuer, err = d.decodeIssuer(top); err != nil {
		return nil, err
	}
	if n := top.get("warrants"); n != nil {
		if c.Warrants, err = d.decodeWarrants(n); err != nil {
			return nil, err
		}
	}
	if n := top.get("events"); n != nil {
		if c.Events, err = d.decodeEvents(n); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Expiration layouts: a wall time in terms.time_zone. A bare date means
// 17:00:00 that day, the close of business the Warrant speaks of (§1: "5:00
// p.m., New York time").
const (
	expirationLayoutSeconds = "2006-01-02T15:04:05"
	expirationLayoutMinutes = "2006-01-02T15:04"
	expirationBareDateHour  = 17
)

var seriesPattern = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// Bounds on the integer terms. The upper bounds are not the Warrant's; they
// keep date arithmetic sane and catch a misplaced digit.
const (
	maxCalendarDays = 3660 // ten years
	maxTradingDays  = 260  // about a year
)

// hundred bounds terms.ownership_cap_percent.
var hundred = decimal.NewFromInt(100)

func (d *caseDecoder) decodeTerms(top mapFields) (compute.Terms, error) {
	t := compute.DefaultTerms()
	f, err := d.sub(top, "terms", termsKeys)
	if err != nil {
		return t, err
	}
	if err := f.require(d, termsRequired...); err != nil {
		return t, err
	}

	sn := f.get("series")
	if t.Series, err = d.str(sn, "terms.series"); err != nil {
		return t, err
	}
	if !seriesPattern.MatchString(t.Series) {
		return t, d.fail(sn, "terms.series", fmt.Sprintf("%q is not a series name", t.Series), "letters, digits and hyphens, such as W-F-05")
	}
	if t.OriginalIssueDate, err = d.date(f.get("original_issue_date"), "terms.original_issue_date"); err != nil {
		return t, err
	}
	es := f.get("exercise_start")
	if t.ExerciseStart, err = d.date(es, "terms.exercise_start"); err != nil {
		return t, err
	}
	if t.ExerciseStart.Before(t.OriginalIssueDate) {
		return t, d.fail(es, "terms.exercise_start", fmt.Sprintf("%s is before the original_issue_date %s", t.ExerciseStart, t.OriginalIssueDate), "a date on or after the original_issue_date")
	}
	if tz := f.get("time_zone"); tz != nil {
		if t.TimeZone, err = d.str(tz, "terms.time_zone"); err != nil {
			return t, err
		}
	}
	if t.Location, err = d.location(f.get("time_zone"), t.TimeZone); err != nil {
		return t, err
	}
	exp := f.get("expiration")
	if t.Expiration, err = d.expiration(exp, t.Location); err != nil {
		return t, err
	}
	if !t.Expiration.After(t.ExerciseStart.In(t.Location, 0, 0, 0)) {
		return t, d.fail(exp, "terms.expiration", fmt.Sprintf("%s is not after the exercise_start %s", t.Expiration.Format(expirationLayoutSeconds), t.ExerciseStart), "a time after the start of the exercise_start day")
	}

	ints := []struct {
		key      string
		min, max int
		dst      *int
	}{
		{"cap_waiver_days", 0, maxCalendarDays, &t.CapWaiverDays},
		{"notice_lead_days", 0, maxCalendarDays, &t.NoticeLeadDays},
		{"delivery_trading_days", 1, maxTradingDays, &t.DeliveryTradingDays},
	}
	for _, it := range ints {
		if n := f.get(it.key); n != nil {
			if *it.dst, err = d.integer(n, "terms."+it.key, it.min, it.max); err != nil {
				return t, err
			}
		}
	}
	if n := f.get("share_decimals"); n != nil {
		v, err := d.integer(n, "terms.share_decimals", 0, 8)
		if err != nil {
			return t, err
		}
		t.ShareDecimals = int32(v)
	}
	if n := f.get("price_decimals"); n != nil {
		v, err := d.integer(n, "terms.price_decimals", 2, 10)
		if err != nil {
			return t, err
		}
		t.PriceDecimals = int32(v)
	}

	if t.InitialWarrantPrice, err = d.places(f.get("initial_warrant_price"), "terms.initial_warrant_price", t.PriceDecimals, "terms.price_decimals"); err != nil {
		return t, err
	}
	// A market value may be given in any form of SPEC §2.4 wherever one is
	// asked for; the floor keeps only the value.
	mv, err := d.marketValue(f.get("market_value_at_issue"), "terms.market_value_at_issue", t.PriceDecimals)
	if err != nil {
		return t, err
	}
	t.MarketValueAtIssue = mv.Value
	if n := f.get("ownership_cap_percent"); n != nil {
		if t.OwnershipCapPercent, err = d.decimal(n, "terms.ownership_cap_percent"); err != nil {
			return t, err
		}
		if t.OwnershipCapPercent.Sign() <= 0 || t.OwnershipCapPercent.Cmp(hundred) >= 0 {
			return t, d.fail(n, "terms.ownership_cap_percent", fmt.Sprintf("%s is out of range", decimalText(t.OwnershipCapPercent)), "more than 0 and less than 100")
		}
	}
	if n := f.get("deferral_threshold_percent"); n != nil {
		if t.DeferralThresholdPercent, err = d.positive(n, "terms.deferral_threshold_percent"); err != nil {
			return t, err
		}
	}

	bools := []struct {
		key string
		dst *bool
	}{
		{"defer_small_adjustments", &t.DeferSmallAdjustments},
		{"dilution_adjusts_shares", &t.DilutionAdjustsShares},
		{"floor_adjusts_for_splits", &t.FloorAdjustsForSplits},
		{"cap_counts_new_shares", &t.CapCountsNewShares},
	}
	for _, b := range bools {
		if n := f.get(b.key); n != nil {
			if *b.dst, err = d.boolean(n, "terms."+b.key); err != nil {
				return t, err
			}
		}
	}
	return t, nil
}

// location loads the IANA zone name; n is the time_zone node, nil when the
// default applies.
func (d *caseDecoder) location(n *yaml.Node, name string) (*time.Location, error) {
	const allowed = "an IANA time zone name such as America/New_York"
	if name == "" || name == "Local" {
		// "" and "Local" would make the expiration depend on the machine.
		return nil, d.fail(n, "terms.time_zone", fmt.Sprintf("%q is not a time zone name", name), allowed)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, d.fail(n, "terms.time_zone", fmt.Sprintf("unknown time zone %q", name), allowed)
	}
	return loc, nil
}

// expiration parses terms.expiration as a wall time in loc.
func (d *caseDecoder) expiration(n *yaml.Node, loc *time.Location) (time.Time, error) {
	s, err := d.str(n, "terms.expiration")
	if err != nil {
		return time.Time{}, err
	}
	var layout string
	switch len(s) {
	case len(expirationLayoutSeconds):
		layout = expirationLayoutSeconds
	case len(expirationLayoutMinutes):
		layout = expirationLayoutMinutes
	case len(time.DateOnly):
		layout = time.DateOnly
	}
	if layout != "" {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			if layout == time.DateOnly {
				t = compute.DateOf(t).In(loc, expirationBareDateHour, 0, 0)
			}
			if p := dateRangeProblem(compute.DateOf(t)); p != "" {
				return time.Time{}, d.fail(n, "terms.expiration", p, dateRangeAllowed)
			}
			return t, nil
		}
	}
	return time.Time{}, d.fail(n, "terms.expiration", fmt.Sprintf("%q is not a wall time", s),
		"YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM in terms.time_zone, no offset; a bare YYYY-MM-DD means 17:00:00")
}

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
		if w.Parent, err = d.warrantNumber(pn, path+".parent"); err != nil {
			return w, nil, err
		}
		if compute.WarrantNumberKey(d.terms.Series, w.Parent) == compute.WarrantNumberKey(d.terms.Series, w.Number) {
			return w, nil, d.fail(pn, path+".parent", "a warrant cannot replace itself", "the number of the warrant this one replaced")
		}
	}
	return w, numNode, nil
}

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

// eventID is the form of an event id: a name other events can refer to.
var eventID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// refUse is a reference from one event to another, checked once every event
// is known.
type refUse struct {
	node  *yaml.Node
	path  string
	id    string
	types []compute.EventType // what it may refer to
}

func (d *caseDecoder) decodeEvents(n *yaml.Node) ([]compute.Event, error) {
	items, err := d.sequence(n, "events")
	if err != nil {
		return nil, err
	}
	if len(items) > MaxEvents {
		return nil, d.fail(resolveAlias(n), "events", fmt.Sprintf("lists %d events", len(items)), fmt.Sprintf("at most %d events", MaxEvents))
	}
	evs := make([]compute.Event, 0, len(items))
	var refs []refUse
	byID := make(map[string]int, len(items)) // id → index into evs
	for i, item := range items {
		path := itemPath("events", i)
		e, idNode, rs, err := d.decodeEvent(item, path)
		if err != nil {
			return nil, err
		}
		e.Index = i + 1
		if e.ID != "" {
			if j, dup := byID[e.ID]; dup {
				return nil, d.fail(idNode, path+".id", fmt.Sprintf("duplicate id %q (first used by events[%d] on line %d)", e.ID, j+1, evs[j].Line), "an id no other event has")
			}
			byID[e.ID] = i
		}
		refs = append(refs, rs...)
		evs = append(evs, e)
	}
	for _, r := range refs {
		allowed := "the id of a " + joinTypes(r.types, " or ") + " event"
		j, ok := byID[r.id]
		if !ok {
			return nil, d.fail(r.node, r.path, fmt.Sprintf("no event has the id %q", r.id), allowed)
		}
		if !slices.Contains(r.types, evs[j].Type) {
			return nil, d.fail(r.node, r.path, fmt.Sprintf("%q is a %s event (events[%d])", r.id, evs[j].Type, j+1), allowed)
		}
	}
	return evs, nil
}

// decodeEvent decodes one event; it returns the id's node and the
// references the event makes.
func (d *caseDecoder) decodeEvent(n *yaml.Node, path string) (compute.Event, *yaml.Node, []refUse, error) {
	var e compute.Event
	m := resolveAlias(n)
	if m.Kind != yaml.MappingNode {
		return e, nil, nil, d.fail(m, path, "is "+kindName(m)+", not a mapping", "an event: a mapping with type, date and the type's fields")
	}
	e.Line = m.Line
	// The type decides which keys are allowed, so find it first.
	var typeNode *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := resolveAlias(m.Content[i]); k.Kind == yaml.ScalarNode && k.Value == "type" {
			typeNode = m.Content[i+1]
			break
		}
	}
	types := joinTypes(compute.EventTypes, ", ")
	if typeNode == nil || isNull(resolveAlias(typeNode)) {
		return e, nil, nil, d.fail(m, path+".type", "required field is missing", types)
	}
	s, err := d.str(typeNode, path+".type")
	if err != nil {
		return e, nil, nil, err
	}
	e.Type = compute.EventType(s)
	extra, known := eventKeys[e.Type]
	if !known {
		return e, nil, nil, d.fail(resolveAlias(typeNode), path+".type", fmt.Sprintf("unknown event type %q", s), types)
	}
	f, err := d.mapping(m, path, slices.Concat(eventCommonKeys, extra))
	if err != nil {
		return e, nil, nil, err
	}
	if err := f.require(d, eventRequired[e.Type]...); err != nil {
		return e, nil, nil, err
	}
	if e.Date, err = d.date(f.get("date"), path+".date"); err != nil {
		return e, nil, nil, err
	}
	if e.Date.Before(d.terms.OriginalIssueDate) {
		return e, nil, nil, d.beforeIssue(f.get("date"), path+".date", e)
	}
	idNode := f.get("id")
	if idNode != nil {
		if e.ID, err = d.str(idNode, path+".id"); err != nil {
			return e, nil, nil, err
		}
		if !eventID.MatchString(e.ID) {
			return e, nil, nil, d.fail(idNode, path+".id", fmt.Sprintf("%q is not an id", e.ID), "a letter or digit, then letters, digits, '.', '_', ':' or '-'")
		}
	}
	if e.Description, err = d.str(f.get("description"), path+".description"); err != nil {
		return e, nil, nil, err
	}

	var refs []refUse
	ref := func(key string, dst *string, types ...compute.EventType) error {
		n := f.get(key)
		if n == nil {
			return nil
		}
		s, err := d.requiredStr(f, key)
		if err != nil {
			return err
		}
		*dst = s
		refs = append(refs, refUse{node: resolveAlias(n), path: path + "." + key, id: s, types: types})
		return nil
	}

	switch e.Type {
	case compute.StockSplit, compute.Combination:
		err = d.eventRatio(f, &e)
	case compute.StockDividend:
		if e.SharesPerShare, err = d.positive(f.get("shares_per_share"), path+".shares_per_share"); err != nil {
			break
		}
		if pn := f.get("paid_date"); pn != nil {
			if e.PaidDate, err = d.date(pn, path+".paid_date"); err != nil {
				break
			}
			if e.PaidDate.Before(e.Date) {
				err = d.fail(pn, path+".paid_date", fmt.Sprintf("%s is before the record date %s", e.PaidDate, e.Date), "a date on or after the event's date")
			}
		}
	case compute.Distribution:
		err = d.eventDistribution(f, &e)
	case compute.Issuance:
		if e.Shares, err = d.shares(f.get("shares"), path+".shares"); err != nil {
			break
		}
		if e.Consideration, err = d.nonNegative(f.get("consideration"), path+".consideration"); err != nil {
			break
		}
		if e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), path+".outstanding_before"); err != nil {
			break
		}
		err = ref("from_cse", &e.FromCSE, compute.CSEIssuance)
	case compute.CSEIssuance:
		if e.MaxShares, err = d.shares(f.get("max_shares"), path+".max_shares"); err != nil {
			break
		}
		if e.Consideration, err = d.nonNegative(f.get("consideration"), path+".consideration"); err != nil {
			break
		}
		e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), path+".outstanding_before")
	case compute.CSEExpiry:
		err = ref("ref", &e.Ref, compute.CSEIssuance)
	case compute.CSEPriceIncrease:
		if err = ref("ref", &e.Ref, compute.CSEIssuance); err != nil {
			break
		}
		if e.Consideration, err = d.nonNegative(f.get("consideration"), path+".consideration"); err != nil {
			break
		}
		if e.RemainingMaxShares, err = d.shares(f.get("remaining_max_shares"), path+".remaining_max_shares"); err != nil {
			break
		}
		e.OutstandingBefore, err = d.shares(f.get("outstanding_before"), path+".outstanding_before")
	case compute.DividendAbandoned:
		err = ref("ref", &e.Ref, compute.StockDividend, compute.Distribution)
	case compute.TriggeringEvent:
		err = d.eventTriggering(f, &e)
	}
	if err != nil {
		return e, nil, nil, err
	}
	return e, idNode, refs, nil
}

// beforeIssue is the error for an event dated before the Original Issue
// Date. No event may be: Section 4 adjusts a Warrant for what the Issuer does
// while it is outstanding ("after the Original Issue Date", §4(a)(i)), and
// the terms at issue already reflect everything before. That holds for a
// Common Stock Equivalent too: one issued before the Warrant made no §4(e)
// adjustment, so §4(d)(ii) does not exempt the shares later issued under it
// and §4(f) has nothing to supersede when it expires or its price rises.
func (d *caseDecoder) beforeIssue(n *yaml.Node, path string, e compute.Event) *compute.InputError {
	allowed := "a date on or after terms.original_issue_date: the Warrant adjusts only for what the Issuer does after it was issued"
	switch e.Type {
	case compute.CSEIssuance, compute.CSEExpiry, compute.CSEPriceIncrease:
		allowed += "; for Common Stock Equivalents issued before it, list the shares later issued under them as issuance events without from_cse"
	}
	return d.fail(resolveAlias(n), path, fmt.Sprintf("%s is before the original_issue_date %s", e.Date, d.terms.OriginalIssueDate), allowed)
}

// eventRatio decodes the new:old ratio of a stock split or combination.
func (d *caseDecoder) eventRatio(f mapFields, e *compute.Event) error {
	n := f.get("ratio")
	path := f.path + ".ratio"
	s, err := d.str(n, path)
	if err != nil {
		return err
	}
	allowed := `"new:old" with both sides positive decimals, new > old for a stock-split, new < old for a combination`
	parts := strings.Split(s, ":")
	if len(parts) != 2 {
		return d.fail(n, path, fmt.Sprintf("%q is not a ratio", s), allowed)
	}
	var side [2]decimal.Decimal
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if !decimalPattern.MatchString(p) {
			return d.fail(n, path, fmt.Sprintf("%q is not a ratio", s), allowed)
		}
		if problem := digitsProblem(p); problem != "" {
			return d.fail(n, path, fmt.Sprintf("%s side %s", [2]string{"the new", "the old"}[i], problem), allowed)
		}
		v, err := parseDecimal(p)
		if err != nil || v.Sign() <= 0 {
			return d.fail(n, path, fmt.Sprintf("%q: both sides must be positive", s), allowed)
		}
		side[i] = v
	}
	e.Ratio = compute.Ratio{New: side[0], Old: side[1]}
	switch c := e.Ratio.New.Cmp(e.Ratio.Old); {
	case c == 0:
		return d.fail(n, path, fmt.Sprintf("a %s ratio is no split", s), allowed)
	case c < 0 && e.Type == compute.StockSplit:
		return d.fail(n, path, fmt.Sprintf("a stock-split has more new shares than old; %s is a combination", s), allowed)
	case c > 0 && e.Type == compute.Combination:
		return d.fail(n, path, fmt.Sprintf("a combination has fewer new shares than old; %s is a stock-split", s), allowed)
	}
	return nil
}

func (d *caseDecoder) eventDistribution(f mapFields, e *compute.Event) error {
	var err error
	if e.Kind, err = d.oneOf(f.get("kind"), f.path+".kind", distributionKinds); err != nil {
		return err
	}
	pv := f.get("per_share_value")
	if e.PerShareValue, err = d.positive(pv, f.path+".per_share_value"); err != nil {
		return err
	}
	if e.MarketValue, err = d.marketValue(f.get("market_value"), f.path+".market_value", d.terms.PriceDecimals); err != nil {
		return err
	}
	if e.PerShareValue.Cmp(e.MarketValue.Value) >= 0 {
		return d.fail(pv, f.path+".per_share_value",
			fmt.Sprintf("%s is not less than the market_value %s (§4(c) divides by their difference)", decimalText(e.PerShareValue), decimalText(e.MarketValue.Value)),
			"a value below the Per Share Market Value")
	}
	if n := f.get("from_earnings"); n != nil {
		if e.FromEarnings, err = d.boolean(n, f.path+".from_earnings"); err != nil {
			return err
		}
	}
	return nil
}

func (d *caseDecoder) eventTriggering(f mapFields, e *compute.Event) error {
	var err error
	if e.Kind, err = d.oneOf(f.get("kind"), f.path+".kind", triggeringKinds); err != nil {
		return err
	}
	if e.Successor, err = d.requiredStr(f, "successor"); err != nil {
		return err
	}
	path := f.path + ".consideration_per_share"
	items, err := d.sequence(f.get("consideration_per_share"), path)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return d.fail(resolveAlias(f.get("consideration_per_share")), path, "the list is empty", "at least one {description, amount, kind}")
	}
	if len(items) > MaxListItems {
		return d.fail(resolveAlias(f.get("consideration_per_share")), path, fmt.Sprintf("has %d items", len(items)), fmt.Sprintf("at most %d items", MaxListItems))
	}
	for i, item := range items {
		p := itemPath(path, i)
		c, err := d.mapping(item, p, considerKeys)
		if err != nil {
			return err
		}
		if err := c.require(d, considerKeys...); err != nil {
			return err
		}
		var ci compute.ConsiderationItem
		if ci.Description, err = d.requiredStr(c, "description"); err != nil {
			return err
		}
		if ci.Amount, err = d.nonNegative(c.get("amount"), p+".amount"); err != nil {
			return err
		}
		if ci.Kind, err = d.oneOf(c.get("kind"), p+".kind", considerKinds); err != nil {
			return err
		}
		e.ConsiderationPerShare = append(e.ConsiderationPerShare, ci)
	}
	if n := f.get("assumed"); n != nil {
		if e.Assumed, err = d.boolean(n, f.path+".assumed"); err != nil {
			return err
		}
	}
	return nil
}

// marketValueAllowed describes SPEC §2.4 for error messages.
const marketValueAllowed = "a positive decimal, or exactly one of {exchange: {bid, ask}}, {otc: {closing_bid}}, {pink_sheets: [q1, q2, ...]}, {appraisal: [v1]} or {appraisal: [v1, v2]}"

// marketValue decodes a Per Share Market Value (SPEC §2.4), rounded to places.
func (d *caseDecoder) marketValue(n *yaml.Node, path string, places int32) (compute.MarketValue, error) {
	m := resolveAlias(n)
	if m == nil || m.Kind == yaml.ScalarNode {
		v, err := d.positive(n, path)
		if err != nil {
			return compute.MarketValue{}, err
		}
		return compute.NewMarketValue(compute.MVPlain, []decimal.Decimal{v}, places), nil
	}
	if m.Kind != yaml.MappingNode {
		return compute.MarketValue{}, d.fail(m, path, "is "+kindName(m)+", not a market value", marketValueAllowed)
	}
	f, err := d.mapping(m, path, marketKeys)
	if err != nil {
		return compute.MarketValue{}, err
	}
	if len(f.m) != 1 {
		return compute.MarketValue{}, d.fail(m, path, fmt.Sprintf("gives %d methods; give exactly one", len(f.m)), marketValueAllowed)
	}
	var method string
	for k := range f.m {
		method = k
	}
	mp := path + "." + method
	mn := f.get(method)
	var inputs []decimal.Decimal
	switch method {
	case compute.MVExchange:
		q, err := d.sub(f, method, exchangeKeys)
		if err != nil {
			return compute.MarketValue{}, err
		}
		if err := q.require(d, exchangeKeys...); err != nil {
			return compute.MarketValue{}, err
		}
		for _, k := range exchangeKeys {
			v, err := d.positive(q.get(k), mp+"."+k)
			if err != nil {
				return compute.MarketValue{}, err
			}
			inputs = append(inputs, v)
		}
	case compute.MVOTC:
		q, err := d.sub(f, method, otcKeys)
		if err != nil {
			return compute.MarketValue{}, err
		}
		if err := q.require(d, otcKeys...); err != nil {
			return compute.MarketValue{}, err
		}
		v, err := d.positive(q.get("closing_bid"), mp+".closing_bid")
		if err != nil {
			return compute.MarketValue{}, err
		}
		inputs = append(inputs, v)
	case compute.MVPinkSheets, compute.MVAppraisal:
		items, err := d.sequence(mn, mp)
		if err != nil {
			return compute.MarketValue{}, err
		}
		if len(items) == 0 || len(items) > MaxListItems || (method == compute.MVAppraisal && len(items) > 2) {
			want := "at least one quote"
			if len(items) > MaxListItems {
				want = fmt.Sprintf("at most %d quotes", MaxListItems)
			}
			if method == compute.MVAppraisal {
				want = "one or two appraisals"
			}
			return compute.MarketValue{}, d.fail(resolveAlias(mn), mp, fmt.Sprintf("has %d values", len(items)), want)
		}
		for i, item := range items {
			v, err := d.positive(item, itemPath(mp, i))
			if err != nil {
				return compute.MarketValue{}, err
			}
			inputs = append(inputs, v)
		}
	}
	return compute.NewMarketValue(method, inputs, places), nil
}

// mapFields is a decoded mapping: its value nodes by key, nulls left out.
type mapFields struct {
	node *yaml.Node
	path string
	m    map[string]*yaml.Node
	keys map[string]*yaml.Node // the key nodes, nulls included
	line int                   // where a missing field is reported
}

// get is the value of key, or nil when it is absent or null.
func (f mapFields) get(key string) *yaml.Node { return f.m[key] }

// require reports the first of keys that is absent or null.
func (f mapFields) require(d *caseDecoder, keys ...string) error {
	for _, k := range keys {
		if f.m[k] == nil {
			return f.missing(d, k)
		}
	}
	return nil
}

// missing is the error for a required key that is absent or null: at the
// null value, or else at the key that holds the mapping.
func (f mapFields) missing(d *caseDecoder, key string) error {
	e := d.fail(nil, fieldPath(f.path, key), "required field is missing", "")
	e.Line = f.line
	if k := f.keys[key]; k != nil {
		e.Line = k.Line
	}
	return e
}

// sub decodes the mapping at key of f (which must be present).
func (d *caseDecoder) sub(f mapFields, key string, allowed []string) (mapFields, error) {
	s, err := d.mapping(f.get(key), fieldPath(f.path, key), allowed)
	if err != nil {
		return s, err
	}
	s.line = f.keys[key].Line
	return s, nil
}

// mapping checks that n is a mapping whose keys are distinct and allowed.
func (d *caseDecoder) mapping(n *yaml.Node, path string, allowed []string) (mapFields, error) {
	m := resolveAlias(n)
	if m == nil || m.Kind != yaml.MappingNode {
		return mapFields{}, d.fail(m, path, "is "+kindName(m)+", not a mapping", "a mapping with the keys "+strings.Join(allowed, ", "))
	}
	f := mapFields{node: m, path: path, line: m.Line,
		m:    make(map[string]*yaml.Node, len(m.Content)/2),
		keys: make(map[string]*yaml.Node, len(m.Content)/2)}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := resolveAlias(m.Content[i]), resolveAlias(m.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return mapFields{}, d.fail(k, path, "a key is "+kindName(k)+", not a name", strings.Join(allowed, ", "))
		}
		kp := fieldPath(path, k.Value)
		if !slices.Contains(allowed, k.Value) {
			return mapFields{}, d.fail(k, kp, "unknown field", strings.Join(allowed, ", "))
		}
		if first, dup := f.keys[k.Value]; dup {
			return mapFields{}, d.fail(k, kp, fmt.Sprintf("duplicate key (first on line %d)", first.Line), "each key once")
		}
		f.keys[k.Value] = k
		if !isNull(v) {
			f.m[k.Value] = v
		}
	}
	return f, nil
}

// sequence checks that n is a list and returns its items.
func (d *caseDecoder) sequence(n *yaml.Node, path string) ([]*yaml.Node, error) {
	s := resolveAlias(n)
	if s == nil || s.Kind != yaml.SequenceNode {
		return nil, d.fail(s, path, "is "+kindName(s)+", not a list", "a list")
	}
	return s.Content, nil
}

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

// resolveAlias follows aliases to the node they name.
func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 64; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	if n == nil {
		return "missing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return "a scalar"
	}
	return "not a value"
}

// plainKey is a key that reads well unquoted in a field path.
var plainKey = regexp.MustCompile(`^[A-Za-z0-9_-]*$`)

// fieldPath appends key to a dotted path, quoting a key that is not a plain name
// so that the path stays on one line.
func fieldPath(path, key string) string {
	if !plainKey.MatchString(key) {
		key = strconv.Quote(key)
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// itemPath is path[i+1]: field paths count list items from 1.
func itemPath(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i+1) }

func joinTypes(ts []compute.EventType, sep string) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, sep)
}

// Validation shared by the case file and the register.

// decimalPattern is the only form a decimal may be written in.
var decimalPattern = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

const decimalAllowed = `a decimal such as 2.40 or "250000": digits, an optional decimal point and fraction; no exponent, no separators`

// decimalFromText parses a decimal literal exactly, or says what is wrong.
func decimalFromText(s string) (decimal.Decimal, string) {
	if s == "" {
		return decimal.Decimal{}, "is empty"
	}
	if !decimalPattern.MatchString(s) {
		return decimal.Decimal{}, fmt.Sprintf("%s is not a decimal", quoteShort(s))
	}
	if p := digitsProblem(s); p != "" {
		return decimal.Decimal{}, p
	}
	v, err := parseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Sprintf("%q is not a decimal", s)
	}
	return v, ""
}

// digitsProblem says what is wrong with a literal that matches decimalPattern
// but has more than MaxIntegerDigits digits before the point or MaxDecimals
// after it, or returns "". The literal is not quoted: it may be huge.
func digitsProblem(s string) string {
	intPart, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ".")
	if len(intPart) > MaxIntegerDigits {
		return fmt.Sprintf("has %d digits before the decimal point; at most %d allowed", len(intPart), MaxIntegerDigits)
	}
	if len(frac) > MaxDecimals {
		return fmt.Sprintf("has %d decimals; at most %d allowed", len(frac), MaxDecimals)
	}
	return ""
}

// literalPlacesProblem is the problem of a decimal literal with more than
// MaxDecimals decimals where the field allows only places (set by term), or
// "": the message then names the field's own limit.
func literalPlacesProblem(s string, places int32, term string) string {
	if !decimalPattern.MatchString(s) {
		return ""
	}
	_, frac, _ := strings.Cut(s, ".")
	if len(frac) > MaxDecimals {
		return fmt.Sprintf("has %d decimals; at most %d allowed (%s)", len(frac), places, term)
	}
	return ""
}

// quoteShort quotes s, cut to its first 40 characters when longer, for a
// message that must stay one readable line.
func quoteShort(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:max])) + fmt.Sprintf("… (%d characters)", len(r))
}

// parseDecimal parses text that matches decimalPattern.
func parseDecimal(s string) (decimal.Decimal, error) {
	return decimal.NewFromString(strings.TrimPrefix(s, "+"))
}

// decimalText writes v with the decimals it was written with: "2.40", not
// the "2.4" of String, so that messages quote what the user wrote.
func decimalText(v decimal.Decimal) string {
	if v.Exponent() >= 0 {
		return v.String()
	}
	return v.StringFixed(-v.Exponent())
}

// decimalPlaces is the number of decimals v needs: trailing zeros do not count.
func decimalPlaces(v decimal.Decimal) int {
	s := v.String()
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// sharePlacesProblem says what is wrong with a share quantity that has more
// decimals than share_decimals allows, or returns "".
func sharePlacesProblem(v decimal.Decimal, shareDecimals int32) string {
	return placesProblem(v, shareDecimals, "terms.share_decimals")
}

// placesProblem says what is wrong with v if it needs more than places
// decimals (trailing zeros do not count), the limit set by the term named
// term, or returns "".
func placesProblem(v decimal.Decimal, places int32, term string) string {
	if p := decimalPlaces(v); p > int(places) {
		return fmt.Sprintf("%s has %d decimals; at most %d allowed (%s)", v, p, places, term)
	}
	return ""
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

func emailProblem(s string) (problem, allowed string) {
	local, domain, ok := strings.Cut(s, "@")
	if s == "" || !ok || local == "" || domain == "" || strings.ContainsAny(s, " \t<>,;") || strings.Contains(domain, "@") {
		return fmt.Sprintf("%q is not an email address", s), "an address such as name@example.com"
	}
	return "", ""
}

func taxID4Problem(s string) (problem, allowed string) {
	if len(s) != 4 || strings.Trim(s, "0123456789") != "" {
		return fmt.Sprintf("%q is not the last four digits of a tax id", s), "exactly four digits"
	}
	return "", ""
}
