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
// the import, completed by the terms file and flags. Both are checked with
// warrantkit's own decoders before they are returned. unfilled names every
// field neither the export nor the terms gave (the Warrant's defaults apply).
func (imp *Import) Case(opt CaseOptions) (caseData, register []byte, unfilled []string, err error) {
	user := map[string]*yaml.Node{}
	var userOrder []string
	userIssuer := map[string]*yaml.Node{}
	var userEvents []*yaml.Node
	if opt.TermsFile != "" {
		// A FIFO or a device is refused, never read; the limit is a case file's.
		terms, err := safepath.ReadRegular(opt.TermsFile, "--terms", casefile.MaxCaseFileBytes)
		if err != nil {
			return nil, nil, nil, err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(terms, &doc); err != nil {
			return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Problem: "is not YAML: " + err.Error(), Allowed: "a case file without warrants"}
		}
		if len(doc.Content) > 0 {
			top := doc.Content[0]
			if top.Kind != yaml.MappingNode {
				return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: top.Line, Problem: "is not a mapping", Allowed: "issuer, terms and events keys"}
			}
			for i := 0; i+1 < len(top.Content); i += 2 {
				k, v := top.Content[i], top.Content[i+1]
				switch k.Value {
				case "terms", "issuer":
					if v.Kind != yaml.MappingNode {
						return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: k.Line, Field: k.Value, Problem: "is not a mapping"}
					}
					for j := 0; j+1 < len(v.Content); j += 2 {
						kk := v.Content[j]
						if k.Value == "issuer" {
							userIssuer[kk.Value] = v.Content[j+1]
							continue
						}
						if slices.Contains(termsFromOCF, kk.Value) {
							return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: kk.Line, Field: "terms." + kk.Value, Problem: "is taken from the OCF export", Allowed: "terms OCF cannot express: dates, the floor, the cap and the other terms of the case file"}
						}
						if _, dup := user[kk.Value]; !dup {
							userOrder = append(userOrder, kk.Value)
						}
						user[kk.Value] = v.Content[j+1]
					}
				case "events":
					if v.Kind != yaml.SequenceNode {
						return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: k.Line, Field: "events", Problem: "is not a list"}
					}
					userEvents = v.Content
				case "warrants":
					return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: k.Line, Field: "warrants", Problem: "the warrants come from the OCF export", Allowed: "issuer, terms, events"}
				default:
					return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Line: k.Line, Field: k.Value, Problem: "unknown field", Allowed: "issuer, terms, events"}
				}
			}
		}
	}
	for k, v := range opt.Set {
		if _, dup := user[k]; !dup {
			userOrder = append(userOrder, k)
		}
		user[k] = str(v)
	}

	// The issuer: the export's, each key replaced by the terms file's.
	issuer := &yaml.Node{Kind: yaml.MappingNode}
	add := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
	}
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
	for _, k := range []string{"name", "jurisdiction", "address", "signatory", "notice"} {
		v := userIssuer[k]
		if v == nil {
			v = ocfIssuer[k]
		}
		if v == nil {
			unfilled = append(unfilled, "issuer."+k)
			continue
		}
		add(issuer, k, v)
	}
	for k := range userIssuer {
		if !slices.Contains([]string{"name", "jurisdiction", "address", "signatory", "notice"}, k) {
			return nil, nil, nil, &compute.InputError{File: opt.TermsFile, Field: "issuer." + k, Problem: "unknown field", Allowed: "name, jurisdiction, address, signatory, notice"}
		}
	}

	// The terms.
	ocfTerms := map[string]*yaml.Node{
		"series":                str(imp.Series),
		"original_issue_date":   str(imp.FirstIssue.String()),
		"initial_warrant_price": str(imp.Price.String()),
	}
	if imp.Expiration != "" {
		ocfTerms["expiration"] = str(imp.Expiration)
	}
	terms := &yaml.Node{Kind: yaml.MappingNode}
	var missing []string
	for _, k := range append(slices.Clone(termsOrder), userOrder...) {
		if idx := slices.Index(termsOrder, k); idx >= 0 && len(terms.Content) > 0 && containsKey(terms, k) {
			continue
		}
		v := user[k]
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
		return nil, nil, nil, &compute.InputError{File: opt.Source, Field: "terms", Problem: "the OCF export cannot give " + strings.Join(missing, ", "),
			Allowed: "--terms FILE.yaml with a terms mapping, or --exercise-start, --expiration, --market-value-at-issue"}
	}

	// The events: the export's splits, then the terms file's events.
	events := &yaml.Node{Kind: yaml.SequenceNode}
	for _, e := range imp.Splits {
		m := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
		if e.ID != "" {
			add(m, "id", str(e.ID))
		}
		add(m, "type", str(string(e.Type)))
		add(m, "date", str(e.Date.String()))
		add(m, "ratio", str(e.Ratio.String()))
		add(m, "description", str(e.Description))
		events.Content = append(events.Content, m)
	}
	events.Content = append(events.Content, userEvents...)

	root := &yaml.Node{Kind: yaml.MappingNode}
	add(root, "issuer", issuer)
	add(root, "terms", terms)
	if opt.Register == "" {
		ws := &yaml.Node{Kind: yaml.SequenceNode}
		for _, r := range imp.Rows {
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
			ws.Content = append(ws.Content, m)
		}
		add(root, "warrants", ws)
	}
	if len(events.Content) > 0 {
		add(root, "events", events)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "# Series %s imported by warrantkit ocf import from %s (OCF %s).\n", imp.Series, filepath.ToSlash(opt.Source), Version)
	if len(unfilled) > 0 {
		fmt.Fprintf(&b, "# Not in the export nor the terms (the Warrant's defaults apply): %s.\n", strings.Join(unfilled, ", "))
	}
	for _, n := range imp.Notes {
		fmt.Fprintf(&b, "# Note: %s.\n", n)
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, nil, nil, err
	}
	enc.Close()
	caseData = b.Bytes()

	c, err := casefile.Decode(opt.CaseName, bytes.NewReader(caseData))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("the case the import would write is not valid: %w", err)
	}
	if opt.Register != "" {
		var rb bytes.Buffer
		w := csv.NewWriter(&rb)
		w.Write([]string{"number", "holder_name", "holder_address", "shares", "email"})
		for _, r := range imp.Rows {
			w.Write(casefile.CSVRecord([]string{r.Number, r.Holder.Name, strings.Join(r.Holder.Address, "|"), r.Shares.String(), r.Email}))
		}
		w.Flush()
		register = rb.Bytes()
		if _, err := casefile.ReadRegister(opt.Register, bytes.NewReader(register), c.Terms); err != nil {
			return nil, nil, nil, fmt.Errorf("the register the import would write is not valid: %w", err)
		}
	}
	return caseData, register, unfilled, nil
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
