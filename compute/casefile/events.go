package casefile

import (
	"fmt"
	"regexp"
	"slices"

	"github.com/warrantkit/warrantkit/compute"
	"go.yaml.in/yaml/v3"
)

// eventCommonKeys are the fields of every event; eventKeys are the fields
// each event type adds to them, and eventRequired those of them (and of the
// common ones) that must be given.
var (
	eventCommonKeys = []string{"type", "date", "id", "description"}
	eventKeys       = map[compute.EventType][]string{
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
)

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

// decodeEvents decodes the list of events, refuses a duplicate id, and then
// resolves every reference to an id, which may name a later event.
func (d *caseDecoder) decodeEvents(n *yaml.Node) ([]compute.Event, error) {
	items, err := d.boundedList(n, "events", "events", MaxEvents)
	if err != nil {
		return nil, err
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
	f, typ, err := typedMapping(d, n, path, eventSchema)
	if err != nil {
		return compute.Event{}, nil, nil, err
	}
	e := compute.Event{Type: typ, Line: f.line}
	if e.Date, err = d.date(f.get("date"), path+".date"); err != nil {
		return e, nil, nil, err
	}
	if e.Date.Before(d.terms.OriginalIssueDate) {
		return e, nil, nil, d.beforeIssue(f.get("date"), path+".date", e)
	}
	idNode := f.get("id")
	if idNode != nil {
		if e.ID, err = d.entryID(idNode, path+".id"); err != nil {
			return e, nil, nil, err
		}
	}
	if e.Description, err = d.str(f.get("description"), path+".description"); err != nil {
		return e, nil, nil, err
	}
	refs, err := d.eventFields(f, &e)
	if err != nil {
		return e, nil, nil, err
	}
	return e, idNode, refs, nil
}

// eventSchema is an event: a mapping with a known type, the keys that type
// allows and the keys it requires.
var eventSchema = &typedSchema[compute.EventType]{
	noun:     "event",
	shape:    "an event: a mapping with type, date and the type's fields",
	types:    compute.EventTypes,
	common:   eventCommonKeys,
	keys:     eventKeys,
	required: eventRequired,
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
