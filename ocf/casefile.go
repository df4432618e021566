package ocf

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
	"github.com/warrantkit/warrantkit/internal/safepath"
	"go.yaml.in/yaml/v3"
)

// CaseOptions say what completes the case beyond the export.
type CaseOptions struct {
	TermsFile string            // a YAML case file without warrants: issuer, terms and events the export cannot hold (--terms)
	Set       map[string]string // terms set by flags ("exercise_start", ...): these win over the terms file
	Register  string            // if set, the warrants go to this register instead of the case
	CaseName  string            // the case file's name, for errors
	Source    string            // the manifest, named in the case's header comment
}

// termsFromOCF are the terms the export decides: a terms file may not set them.
var termsFromOCF = []string{"series", "initial_warrant_price"}

// termsOrder is the order the case lists the terms in.
var termsOrder = []string{"series", "original_issue_date", "exercise_start", "expiration", "time_zone",
	"initial_warrant_price", "market_value_at_issue", "ownership_cap_percent", "cap_waiver_days", "notice_lead_days",
	"delivery_trading_days", "share_decimals", "price_decimals", "defer_small_adjustments", "deferral_threshold_percent",
	"dilution_adjusts_shares", "floor_adjusts_for_splits", "cap_counts_new_shares"}

var termsRequiredFromUser = []string{"exercise_start", "expiration", "market_value_at_issue"}

// Case writes the case file (and the register, if opt.Register is set) of
// the import, completed by the terms file and flags: the original warrants
// and the ledger's transactions. Both are checked with warrantkit's own
// decoders, and the ledger replayed, before they are returned: every warrant
// a transaction issued must have the numbers the export states. unfilled
// names every field neither the export nor the terms gave (the Warrant's
// defaults apply).
func (imp *Import) Case(opt CaseOptions) (caseData, register []byte, unfilled []string, err error) {
	u, err := readTerms(opt.TermsFile)
	if err != nil {
		return nil, nil, nil, err
	}
	u.set(opt.Set)
	issuer, unfilled, err := imp.caseIssuer(u.issuer, opt.TermsFile)
	if err != nil {
		return nil, nil, nil, err
	}
	terms, unfilledTerms, err := imp.caseTerms(u, opt.Source)
	if err != nil {
		return nil, nil, nil, err
	}
	unfilled = append(unfilled, unfilledTerms...)
	w := &caseWriter{imp: imp, opt: opt, issuer: issuer, terms: terms, events: u.events, unfilled: unfilled}
	if caseData, register, err = w.write(); err != nil {
		return nil, nil, nil, err
	}
	return caseData, register, unfilled, nil
}

// userTerms are what the terms file and flags give: terms by key in the
// order first given, issuer fields by key, and events.
type userTerms struct {
	terms  map[string]*yaml.Node
	order  []string
	issuer map[string]*yaml.Node
	events []*yaml.Node
}

// readTerms reads the terms file at path, if any: a mapping of issuer,
// terms and events, none of them what the export decides.
func readTerms(path string) (*userTerms, error) {
	u := &userTerms{terms: map[string]*yaml.Node{}, issuer: map[string]*yaml.Node{}}
	if path == "" {
		return u, nil
	}
	// A FIFO or a device is refused, never read; the limit is a case file's.
	data, err := safepath.ReadRegular(path, "--terms", casefile.MaxCaseFileBytes)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &compute.InputError{File: path, Problem: "is not YAML: " + err.Error(), Allowed: "a case file without warrants"}
	}
	if len(doc.Content) == 0 {
		return u, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, &compute.InputError{File: path, Line: top.Line, Problem: "is not a mapping", Allowed: "issuer, terms and events keys"}
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		if err := u.add(path, top.Content[i], top.Content[i+1]); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// add takes top-level key k of the terms file at path, with value v.
func (u *userTerms) add(path string, k, v *yaml.Node) error {
	switch k.Value {
	case "terms", "issuer":
		if v.Kind != yaml.MappingNode {
			return &compute.InputError{File: path, Line: k.Line, Field: k.Value, Problem: "is not a mapping"}
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			kk := v.Content[j]
			if k.Value == "issuer" {
				u.issuer[kk.Value] = v.Content[j+1]
				continue
			}
			if slices.Contains(termsFromOCF, kk.Value) {
				return &compute.InputError{File: path, Line: kk.Line, Field: "terms." + kk.Value, Problem: "is taken from the OCF export", Allowed: "terms OCF cannot express: dates, the floor, the cap and the other terms of the case file"}
			}
			u.setTerm(kk.Value, v.Content[j+1])
		}
	case "events":
		if v.Kind != yaml.SequenceNode {
			return &compute.InputError{File: path, Line: k.Line, Field: "events", Problem: "is not a list"}
		}
		u.events = v.Content
	case "warrants":
		return &compute.InputError{File: path, Line: k.Line, Field: "warrants", Problem: "the warrants come from the OCF export", Allowed: "issuer, terms, events"}
	default:
		return &compute.InputError{File: path, Line: k.Line, Field: k.Value, Problem: "unknown field", Allowed: "issuer, terms, events"}
	}
	return nil
}

// setTerm sets term k to v, keeping the place k was first given at.
func (u *userTerms) setTerm(k string, v *yaml.Node) {
	if _, dup := u.terms[k]; !dup {
		u.order = append(u.order, k)
	}
	u.terms[k] = v
}

// set sets the terms the flags give: these win over the terms file.
func (u *userTerms) set(flags map[string]string) {
	for k, v := range flags {
		u.setTerm(k, str(v))
	}
}

// issuerFields are the fields of a case's issuer, in the order it lists them.
var issuerFields = []string{"name", "jurisdiction", "address", "signatory", "notice"}

// caseIssuer is the case's issuer: the export's, each field replaced by
// user's (from the terms file at termsFile), and the fields neither gave.
func (imp *Import) caseIssuer(user map[string]*yaml.Node, termsFile string) (issuer *yaml.Node, unfilled []string, err error) {
	ocfIssuer := map[string]*yaml.Node{"name": str(imp.Issuer.Name)}
	if imp.Issuer.Jurisdiction != "" {
		ocfIssuer["jurisdiction"] = str(imp.Issuer.Jurisdiction)
	}
	if len(imp.Issuer.Address) > 0 {
		ocfIssuer["address"] = strs(imp.Issuer.Address)
	}
	if imp.Issuer.Notice.Phone != "" {
		n := &yaml.Node{Kind: yaml.MappingNode}
		add(n, "phone", str(imp.Issuer.Notice.Phone))
		ocfIssuer["notice"] = n
	}
	issuer = &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range issuerFields {
		v := user[k]
		if v == nil {
			v = ocfIssuer[k]
		}
		if v == nil {
			unfilled = append(unfilled, "issuer."+k)
			continue
		}
		add(issuer, k, v)
	}
	for k := range user {
		if !slices.Contains(issuerFields, k) {
			return nil, nil, &compute.InputError{File: termsFile, Field: "issuer." + k, Problem: "unknown field", Allowed: "name, jurisdiction, address, signatory, notice"}
		}
	}
	return issuer, unfilled, nil
}

// caseTerms are the case's terms: those the user gave, else the export's,
// in termsOrder and then the user's order, and the terms neither gave. A
// term only the user can give that is missing is an error naming source.
func (imp *Import) caseTerms(u *userTerms, source string) (terms *yaml.Node, unfilled []string, err error) {
	ocfTerms := map[string]*yaml.Node{
		"series":                str(imp.Series),
		"original_issue_date":   str(imp.FirstIssue.String()),
		"initial_warrant_price": str(imp.Price.String()),
	}
	if imp.Expiration != "" {
		ocfTerms["expiration"] = str(imp.Expiration)
	}
	terms = &yaml.Node{Kind: yaml.MappingNode}
	var missing []string
	for _, k := range append(slices.Clone(termsOrder), u.order...) {
		if slices.Contains(termsOrder, k) && containsKey(terms, k) {
			continue
		}
		v := u.terms[k]
		if v == nil {
			v = ocfTerms[k]
		}
		if v == nil {
			if slices.Contains(termsRequiredFromUser, k) {
				missing = append(missing, "terms."+k)
			} else if slices.Contains(termsOrder, k) {
				unfilled = append(unfilled, "terms."+k)
			}
			continue
		}
		if containsKey(terms, k) {
			continue
		}
		add(terms, k, v)
	}
	if len(missing) > 0 {
		return nil, nil, &compute.InputError{File: source, Field: "terms", Problem: "the OCF export cannot give " + strings.Join(missing, ", "),
			Allowed: "--terms FILE.yaml with a terms mapping, or --exercise-start, --expiration, --market-value-at-issue"}
	}
	return terms, unfilled, nil
}

// caseRoot is the case's mapping: issuer, terms, the original warrants if
// withWarrants (else they go to a register), the events, the export's
// splits and then userEvents, if there are any, and the transactions txs.
func (imp *Import) caseRoot(issuer, terms *yaml.Node, userEvents []*yaml.Node, withWarrants bool, txs []compute.Transaction) *yaml.Node {
	events := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range imp.Splits {
		events.Content = append(events.Content, eventNode(e))
	}
	events.Content = append(events.Content, userEvents...)

	root := &yaml.Node{Kind: yaml.MappingNode}
	add(root, "issuer", issuer)
	add(root, "terms", terms)
	if withWarrants {
		ws := &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range imp.Originals {
			ws.Content = append(ws.Content, warrantNode(r))
		}
		add(root, "warrants", ws)
	}
	if len(events.Content) > 0 {
		add(root, "events", events)
	}
	if len(txs) > 0 {
		ts := &yaml.Node{Kind: yaml.SequenceNode}
		for _, x := range txs {
			ts.Content = append(ts.Content, transactionNode(x))
		}
		add(root, "transactions", ts)
	}
	return root
}

// eventNode is split e as an event of the case, on one line.
func eventNode(e compute.Event) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	if e.ID != "" {
		add(m, "id", str(e.ID))
	}
	add(m, "type", str(string(e.Type)))
	add(m, "date", str(e.Date.String()))
	add(m, "ratio", str(e.Ratio.String()))
	add(m, "description", str(e.Description))
	return m
}

// warrantNode is row r as a warrant of the case.
func warrantNode(r Row) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	add(m, "number", str(r.Number))
	h := &yaml.Node{Kind: yaml.MappingNode}
	add(h, "name", str(r.Holder.Name))
	add(h, "address", strs(r.Holder.Address))
	add(m, "holder", h)
	add(m, "shares", str(r.Shares.String()))
	if r.Email != "" {
		add(m, "email", str(r.Email))
	}
	return m
}

// encodeCase writes root as YAML after a header comment naming the series,
// the source manifest, the unfilled fields and the import's notes.
func (imp *Import) encodeCase(root *yaml.Node, source string, unfilled []string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Series %s imported by warrantkit ocf import from %s (OCF %s).\n", imp.Series, filepath.ToSlash(source), Version)
	if len(unfilled) > 0 {
		fmt.Fprintf(&b, "# Not in the export nor the terms (the Warrant's defaults apply): %s.\n", strings.Join(unfilled, ", "))
	}
	for _, n := range imp.Notes {
		fmt.Fprintf(&b, "# Note: %s.\n", n)
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	enc.Close()
	return b.Bytes(), nil
}

// register writes the original warrants as the register CSV named name
// and reads it back with warrantkit's own reader under terms.
func (imp *Import) register(name string, terms compute.Terms) ([]byte, []compute.Warrant, error) {
	var rb bytes.Buffer
	w := csv.NewWriter(&rb)
	w.Write([]string{"number", "holder_name", "holder_address", "shares", "email"})
	for _, r := range imp.Originals {
		w.Write(casefile.CSVRecord([]string{r.Number, r.Holder.Name, strings.Join(r.Holder.Address, "|"), r.Shares.String(), r.Email}))
	}
	w.Flush()
	register := rb.Bytes()
	ws, err := casefile.ReadRegister(name, bytes.NewReader(register), terms)
	if err != nil {
		return nil, nil, fmt.Errorf("the register the import would write is not valid: %w", err)
	}
	return register, ws, nil
}

// add appends key with value v to mapping m.
func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func containsKey(m *yaml.Node, k string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == k {
			return true
		}
	}
	return false
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func strs(ss []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range ss {
		n.Content = append(n.Content, str(s))
	}
	return n
}
