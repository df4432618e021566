package ocf

// The ledger export's transactions (SPEC §2.5): each warrant's
// TX_WARRANT_ISSUANCE, each split or combination, and each surrender as the
// OCF transaction it is, in the order they take effect. ledgerexport.go
// writes them, with the stakeholders, into the package.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
)

func security(number string) string { return "wk-sec-" + idPart(number) }

// quantity is a Warrant Share Number as an OCF Numeric.
func (x *ledgerExport) quantity(d decimal.Decimal) string { return Numeric(d, x.t.ShareDecimals) }

// issuance adds the TX_WARRANT_ISSUANCE of warrant a, dated day, with the
// state it was issued with.
func (x *ledgerExport) issuance(a *compute.Adjustment, day compute.Date, comment string) {
	q := x.quantity(a.Initial.Shares)
	x.txs = append(x.txs, map[string]any{
		"object_type": "TX_WARRANT_ISSUANCE", "id": "wk-issue-" + idPart(a.Warrant), "security_id": security(a.Warrant), "date": day.String(),
		"custom_id": a.Warrant, "stakeholder_id": x.stakeholder[holderKey(a.Subject.Holder)],
		"security_law_exemptions": []any{},
		"quantity":                q,
		"exercise_price":          Monetary{Amount: Numeric(a.Initial.Price, x.t.PriceDecimals), Currency: "USD"},
		"purchase_price":          Monetary{Amount: "0.00", Currency: "USD"},
		"exercise_triggers": []any{map[string]any{
			"trigger_id": a.Warrant + ".exercise", "type": "ELECTIVE_AT_WILL",
			"conversion_right": map[string]any{"type": "WARRANT_CONVERSION_RIGHT", "converts_to_stock_class_id": ledgerClass,
				"conversion_mechanism": map[string]any{"type": "FIXED_AMOUNT_CONVERSION", "converts_to_quantity": q}},
		}},
		"warrant_expiration_date": x.t.ExpirationDate().String(),
		"comments":                []string{comment},
	})
	x.seen(day)
}

func (x *ledgerExport) seen(d compute.Date) {
	if d.After(x.last) {
		x.last = d
	}
}

// ledgerItem is an event or a surrender, to be written in date order: on
// one date the transactions first, then the events, then a reissue (SPEC
// §3.13), each in the order they apply.
type ledgerItem struct {
	date  compute.Date
	event *compute.Event
	adj   *compute.Adjustment // surrendered
	order int
}

// items adds the events and transactions in the order they take effect,
// and returns a note for each event OCF cannot hold.
func (x *ledgerExport) items(adjs []*compute.Adjustment) (notes []string) {
	var items []ledgerItem
	for i := range x.c.Events {
		e := &x.c.Events[i]
		if e.Type != compute.StockSplit && e.Type != compute.Combination {
			notes = append(notes, fmt.Sprintf("events[%d] (%s, %s, %s) has no OCF transaction: give it to ocf import in --terms", e.Index, e.Name(), e.Type, e.Effective()))
			continue
		}
		items = append(items, ledgerItem{date: e.Effective(), event: e, order: 1})
	}
	for _, a := range adjs {
		if a.Surrendered != nil {
			order := 0
			if a.Surrendered.Type == compute.TxReissue {
				order = 2 // at the end of its date, after the day's events
			}
			items = append(items, ledgerItem{date: a.Surrendered.Date, adj: a, order: order})
		}
	}
	slices.SortStableFunc(items, func(p, q ledgerItem) int {
		if c := p.date.Compare(q.date); c != 0 {
			return c
		}
		if p.order != q.order {
			return p.order - q.order
		}
		if p.adj != nil && q.adj != nil && p.adj.Surrendered.Index != q.adj.Surrendered.Index {
			return p.adj.Surrendered.Index - q.adj.Surrendered.Index
		}
		return 0
	})
	for _, it := range items {
		if it.event != nil {
			x.split(it.event)
		} else {
			x.surrender(it.adj)
		}
	}
	return notes
}

// split adds the TX_STOCK_CLASS_SPLIT of a split or combination.
func (x *ledgerExport) split(e *compute.Event) {
	x.txs = append(x.txs, map[string]any{
		"object_type": "TX_STOCK_CLASS_SPLIT", "id": eventObjectID(e), "date": e.Effective().String(), "stock_class_id": ledgerClass,
		"split_ratio": Ratio{Numerator: e.Ratio.New.String(), Denominator: e.Ratio.Old.String()},
		"comments":    []string{fmt.Sprintf("Event %s of the case (%s, §%s of the Warrant).", e.Name(), e.Type, e.Type.Section())},
	})
	x.seen(e.Effective())
}

// eventObjectID is the event's own id, or one made of its position.
func eventObjectID(e *compute.Event) string {
	if e.ID != "" {
		return e.ID
	}
	return fmt.Sprintf("wk-event-%d", e.Index)
}

// surrender adds the transaction that surrendered a, then the issuances of
// the warrants it issued in a's place.
func (x *ledgerExport) surrender(a *compute.Adjustment) {
	s := a.Surrendered
	tx := x.tx[s.Index]
	id := fmt.Sprintf("wk-tx-%d-%s", s.Index, idPart(a.Warrant))
	base := map[string]any{"id": id, "security_id": security(a.Warrant), "date": s.Date.String()}
	whole := x.quantity(a.Initial.Shares) // the units of the security as issued
	var succ []string
	for _, n := range s.Successors {
		succ = append(succ, security(n))
	}
	what := fmt.Sprintf("%s of warrant %s on %s (transactions[%d] of the ledger, %s)", s.Type, a.Warrant, s.Date, s.Index, s.Transaction)
	switch s.Type {
	case compute.TxExercise:
		base["object_type"], base["trigger_id"] = "TX_WARRANT_EXERCISE", a.Warrant+".exercise"
		method := tx.Method
		if method == "" {
			method = compute.MethodCash
		}
		base["consideration_text"] = fmt.Sprintf("Exercise (%s) of %s shares of Warrant Stock at the Warrant Price %s", method, x.quantity(tx.Shares), Numeric(a.Final.Price, x.t.PriceDecimals))
		if stock := x.stock(a, tx); stock != "" {
			succ = append([]string{stock}, succ...)
		}
		base["resulting_security_ids"] = orEmpty(succ)
	case compute.TxCancellation:
		base["object_type"], base["quantity"] = "TX_WARRANT_CANCELLATION", whole
		base["reason_text"] = strings.TrimSpace(tx.Reason)
		if tx.Reason == "" {
			base["reason_text"] = "Canceled"
		}
	default:
		base["object_type"], base["quantity"], base["resulting_security_ids"] = "TX_WARRANT_TRANSFER", whole, succ
		if s.Type == compute.TxAssignment {
			x.assignmentFields(base, a, succ)
		} else {
			base["consideration_text"] = fmt.Sprintf("The whole warrant, exchanged for new warrants to the same holder (%s)", s.Type)
		}
	}
	base["comments"] = []string{"warrantkit ledger: " + what + "."}
	x.txs = append(x.txs, base)
	x.txs = append(x.txs, x.pendingStock...)
	x.pendingStock = nil
	for _, n := range s.Successors {
		nw := x.byNumber[n]
		x.issuance(nw, s.Date, fmt.Sprintf("Issued for warrant %s (%s) on %s, %s of the Warrant.", a.Warrant, nw.CreatedBy.Role, s.Date, newWarrantSection[s.Type]))
	}
	x.seen(s.Date)
}

// stock adds, after the exercise, the TX_STOCK_ISSUANCE of the Warrant
// Stock the ledger's exercise tx of a issued (computed as the exercise
// command does, SPEC §3.10, without the §7 cap: the ledger records what
// happened) and returns its security id; "" when no whole share was issued
// or the ledger does not say enough (a fractional cash exercise without its
// market value), which a note says.
func (x *ledgerExport) stock(a *compute.Adjustment, tx compute.Transaction) string {
	acted := *a // ExerciseOn makes the pending adjustments on its copy
	// The cap is not re-checked (SPEC §2.5): as if waived in time.
	waived := tx.Date.AddDays(-x.t.CapWaiverDays)
	res, err := compute.ExerciseOn(x.t, a.Subject, &acted, compute.ExerciseInput{Date: tx.Date, Shares: tx.Shares, Method: tx.Method,
		CashlessShares: tx.CashlessShares, MarketValue: tx.MarketValue, WaiverNotice: waived})
	if err != nil {
		x.notes = append(x.notes, fmt.Sprintf("transactions[%d] (%s): the Warrant Stock its exercise issued is not exported: %v", tx.Index, tx.Name(), err))
		return ""
	}
	issued := res.Values.Issued
	if issued.Sign() <= 0 {
		return ""
	}
	sec := fmt.Sprintf("wk-sec-stock-%d-%s", tx.Index, idPart(a.Warrant))
	x.pendingStock = append(x.pendingStock, map[string]any{
		"object_type": "TX_STOCK_ISSUANCE", "id": fmt.Sprintf("wk-issue-stock-%d-%s", tx.Index, idPart(a.Warrant)), "security_id": sec,
		"date": tx.Date.String(), "custom_id": "EX-" + a.Warrant, "stakeholder_id": x.stakeholder[holderKey(a.Subject.Holder)],
		"security_law_exemptions": []any{}, "stock_class_id": ledgerClass, "stock_legend_ids": []string{},
		"share_price": Monetary{Amount: Numeric(res.Values.State.Price, x.t.PriceDecimals), Currency: "USD"},
		"quantity":    issued.String(),
		"comments": []string{fmt.Sprintf("Warrant Stock issued on the %s exercise of warrant %s on %s (§2 of the Warrant): %s shares exercised, %s issued, %s canceled in payment.",
			res.Method, a.Warrant, tx.Date, res.SharesExercised, res.SharesIssued, res.SharesCanceled)},
	})
	return sec
}

// newWarrantSection is the Section of the Warrant under which a
// transaction issues new warrants: the balance after an exercise ("a new
// Warrant representing the number of shares ... with respect to which this
// Warrant shall not then have been exercised", §2(d)(ii)), a transfer or
// exchange (§2(e)), a lost warrant's replacement (§3(d)), a reissue stating
// the adjusted numbers (§5).
var newWarrantSection = map[compute.TransactionType]string{
	compute.TxExercise: "§2(d)(ii)", compute.TxAssignment: "§2(e)", compute.TxExchange: "§2(e)",
	compute.TxReplacement: "§3(d)", compute.TxReissue: "§5",
}

// assignmentFields sets the assignee's warrant, the balance and the
// quantity transferred in the units of the security as issued: s × q₀ / N.
func (x *ledgerExport) assignmentFields(base map[string]any, a *compute.Adjustment, succ []string) {
	var assignee, balance string
	for i, n := range a.Surrendered.Successors {
		if x.byNumber[n].CreatedBy.Role == "balance" {
			balance = succ[i]
		} else {
			assignee = n
			base["resulting_security_ids"] = []string{succ[i]}
		}
	}
	if balance == "" {
		base["consideration_text"] = "Assignment of the whole warrant (§2(e) of the Warrant)"
		return
	}
	base["balance_security_id"] = balance
	s, q0, n := x.byNumber[assignee].Initial.Shares, a.Initial.Shares, a.Final.Shares
	base["quantity"] = s.Mul(q0).DivRound(n, 10).String()
	base["consideration_text"] = fmt.Sprintf("Partial assignment of %s shares of Warrant Stock (§2(e) of the Warrant); quantity is in the units of the security as issued", x.quantity(s))
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
