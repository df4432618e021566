package templates

import (
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/render"
)

// The Schedule of Adjustments of a replacement warrant (SPEC §4.3 item 4):
// the Warrant Price and Warrant Share Number in effect, and how they came
// to be. A warrant created by a transaction (SPEC §3.13) reads its lineage:
// each ancestor's certified adjustments with that ancestor's numbers, each
// transaction with its date and shares, then its own adjustments — never an
// ancestor's share number as its own.

// Lineage picks out of all (every warrant of a series, as compute.AdjustCase
// returns them) the line of descent of the warrant numbered number: its
// original first, each warrant issued in place of the one before it, and
// that warrant last. Nil when no warrant of all has that number.
func Lineage(series string, all []*compute.Adjustment, number string) []*compute.Adjustment {
	byKey := make(map[string]*compute.Adjustment, len(all))
	for _, a := range all {
		byKey[compute.WarrantNumberKey(series, a.Warrant)] = a
	}
	var chain []*compute.Adjustment
	for a := byKey[compute.WarrantNumberKey(series, number)]; a != nil && len(chain) <= len(all); {
		chain = append(chain, a)
		if a.Subject.Parent == "" {
			break
		}
		a = byKey[compute.WarrantNumberKey(series, a.Subject.Parent)]
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

// CreatedWarrant is the WarrantInput of the last warrant of lineage (see
// Lineage), one created by a transaction: its number, holder and Warrant
// Share Number when issued, the warrant it replaces, and the state in
// effect after its history (its Final). txs are the ledger's transactions.
// The Schedule is dated its last row.
func CreatedWarrant(lineage []*compute.Adjustment, txs []compute.Transaction) WarrantInput {
	if len(lineage) == 0 {
		return WarrantInput{}
	}
	last := lineage[len(lineage)-1]
	w := last.Subject
	w.Number = last.Warrant
	return WarrantInput{Warrant: w, Replacing: w.Parent, State: last.Final, Lineage: lineage, Transactions: txs}
}

// schedule is the Schedule of Adjustments page of a replacement warrant.
func schedule(c *compute.Case, in WarrantInput) []render.Block {
	steps, own, ancestors := lineageSteps(c.Terms.Series, in)
	if len(steps) == 0 {
		entries := in.Entries
		if len(ancestors) > 0 {
			entries = append(append([]compute.Entry(nil), ancestors[0].Entries...), ownEntries(own)...)
		}
		return plainSchedule(c, in, entries, own)
	}
	return lineageSchedule(c, in, ancestors, steps, own)
}

func ownEntries(own *compute.Adjustment) []compute.Entry {
	if own == nil {
		return nil
	}
	return own.Entries
}

// plainSchedule is the Schedule of a warrant whose numbers are its
// predecessor's: a re-issue of an original, or a caller that passed no
// lineage. It lists entries as they are.
func plainSchedule(c *compute.Case, in WarrantInput, entries []compute.Entry, own *compute.Adjustment) []render.Block {
	t := c.Terms
	rows := [][]string{}
	var latest compute.Date
	for _, e := range entries {
		if !e.Status.Certified() {
			continue
		}
		rows = append(rows, []string{LongDate(e.Effective), e.Section, entryWhat(e), statusWords(e.Status), usd(t, e.After.Price), shares(t, e.After.Shares)})
		latest = e.Effective
	}
	out := []render.Block{render.PageBreak{}, render.Heading{Text: "SCHEDULE OF ADJUSTMENTS", Level: 1},
		para(render.T("This Warrant replaces Warrant No. "+in.Replacing+". As of "+LongDate(scheduleDate(in, own, latest))+", after the adjustments made under Section 4 and listed below, the Warrant Price in effect is "),
			render.B(usd(t, in.State.Price)), render.T(" and the Warrant Share Number is "), render.B(sharesWords(t, in.State.Shares)), render.T(".")),
	}
	if len(rows) == 0 {
		return append(out, para(render.T("No adjustment has been made.")))
	}
	return append(out, render.Table{
		Header: []string{"Effective", "Section", "Event", "Adjustment", "Warrant Price", "Share Number"},
		Widths: []float64{28, 13, 50, 29, 23, 22},
		Size:   8.5,
		Align:  []render.Align{render.Left, render.Left, render.Left, render.Left, render.Right, render.Right},
		Rows:   rows,
	})
}

// lineageSteps splits in.Lineage into the ancestors of the warrant being
// rendered, the warrant itself when the lineage holds it (own), and the
// transactions between them. No steps: the plain Schedule applies — no
// lineage, or one whose only ancestor is an original that this warrant
// re-issues for the same Warrant Share Number.
func lineageSteps(series string, in WarrantInput) (steps []step, own *compute.Adjustment, ancestors []*compute.Adjustment) {
	ancestors = in.Lineage
	if n := len(ancestors); n > 0 && sameNumber(series, ancestors[n-1].Warrant, in.Warrant.Number) {
		own, ancestors = ancestors[n-1], ancestors[:n-1]
	}
	if len(ancestors) == 0 {
		return nil, own, ancestors
	}
	for i, a := range ancestors {
		s := step{from: a.Warrant, to: in.Warrant, initial: compute.State{Price: in.State.Price, Shares: in.Warrant.Shares}}
		next := own
		if i+1 < len(ancestors) {
			next = ancestors[i+1]
		}
		if next != nil {
			s.to, s.initial = next.Subject, next.Initial
			s.to.Number = next.Warrant
		}
		switch {
		case a.Surrendered != nil:
			s.sur = *a.Surrendered
		case next != nil && next.CreatedBy != nil:
			r := next.CreatedBy
			s.sur = compute.Surrender{Date: r.Date, Type: r.Type, Transaction: r.Transaction, Index: r.Index}
		}
		if s.sur.Type == "" {
			s.sur.Date = in.Issued // a transaction not recorded yet: the one issuing this warrant
		}
		if s.sur.Index > 0 {
			s.tx = findTx(in.Transactions, s.sur.Index)
		}
		if next != nil && next.CreatedBy != nil {
			s.role = next.CreatedBy.Role
		} else {
			s.role = roleOf(s.sur.Type, s.tx, s.to.Number)
		}
		steps = append(steps, s)
	}
	last := steps[len(steps)-1]
	if len(ancestors) == 1 && ancestors[0].CreatedBy == nil && (last.sur.Type == "" || last.sur.Type == compute.TxReissue) {
		return nil, own, ancestors
	}
	return steps, own, ancestors
}

// sameNumber says whether a and b name the same warrant of the series, as
// the ledger compares numbers (W-F-05-7 is W-F-05-007).
func sameNumber(series, a, b string) bool {
	return compute.WarrantNumberKey(series, a) == compute.WarrantNumberKey(series, b)
}

// lineageSchedule is the Schedule of a warrant created by a transaction: a
// paragraph saying what it replaces and how it was issued, and a table in
// date order of every certified adjustment and every transaction of its
// lineage, each row stating the Warrant Price and Warrant Share Number of
// the warrant it names.
func lineageSchedule(c *compute.Case, in WarrantInput, ancestors []*compute.Adjustment, steps []step, own *compute.Adjustment) []render.Block {
	t := c.Terms
	var rows [][]string
	var latest compute.Date
	entryRows := func(a *compute.Adjustment) {
		for _, e := range a.Entries {
			if e.Status.Certified() {
				rows = append(rows, []string{LongDate(e.Effective), a.Warrant, e.Section, entryText(e), usd(t, e.After.Price), shares(t, e.After.Shares)})
				latest = e.Effective
			}
		}
	}
	for i, a := range ancestors {
		entryRows(a)
		s := steps[i]
		rows = append(rows, []string{LongDate(s.sur.Date), s.to.Number, s.sur.Type.Section(), stepRow(t, s), usd(t, s.initial.Price), shares(t, s.initial.Shares)})
		latest = s.sur.Date
	}
	if own != nil {
		entryRows(own)
	}
	st := in.State
	if st.Shares.IsZero() && own != nil {
		st = own.Final
	}
	last := steps[len(steps)-1]
	intro := "This Warrant replaces Warrant No. " + last.from + ": " + creationClause(t, last) + "."
	if len(ancestors) > 1 {
		intro += " It descends from Warrant No. " + ancestors[0].Warrant + ", issued on the Original Issue Date, " + LongDate(t.OriginalIssueDate) + "."
	}
	return []render.Block{render.PageBreak{}, render.Heading{Text: "SCHEDULE OF ADJUSTMENTS", Level: 1},
		para(render.T(intro+" As of "+LongDate(scheduleDate(in, own, latest))+", after the adjustments made under Section 4 and the transactions listed below, the Warrant Price in effect is "),
			render.B(usd(t, st.Price)), render.T(" and the Warrant Share Number is "), render.B(sharesWords(t, st.Shares)), render.T(".")),
		para(render.T("Each row states the Warrant Price and the Warrant Share Number, after the adjustment or transaction, of the warrant it names.")),
		render.Table{
			Header: []string{"Date", "Warrant No.", "Section", "Adjustment or transaction", "Warrant Price", "Share Number"},
			Widths: []float64{28, 22, 15, 49, 25, 26},
			Size:   8.5,
			Align:  []render.Align{render.Left, render.Left, render.Left, render.Left, render.Right, render.Right},
			Rows:   rows,
		},
	}
}

// entryText names an adjustment in a row of the lineage table: the event
// in the Issuer's words and what it did, in words.
func entryText(e compute.Entry) string {
	return entryWhat(e) + " (" + statusWords(e.Status) + ")"
}

// entryWhat is the event of an entry in the Issuer's words, or its kind.
func entryWhat(e compute.Entry) string {
	if e.Description != "" {
		return e.Description
	}
	return capitalize(eventTypeText(e.Type))
}

// statusWords says what an entry did, for a holder: "adjusted", "limited by
// the floor of Section 4".
func statusWords(s compute.Status) string {
	switch s {
	case compute.StatusApplied:
		return "adjusted"
	case compute.StatusLimitedByFloor:
		return "adjusted; limited by the floor of Section 4"
	case compute.StatusDeferred:
		return "postponed"
	case compute.StatusSuperseding:
		return "superseding adjustment"
	case compute.StatusRescission:
		return "adjustment rescinded"
	case compute.StatusTriggeringEvent:
		return "Triggering Event"
	}
	return "no adjustment"
}

// scheduleDate is the date the Schedule speaks as of: the caller's
// (WarrantInput.Issued), or else the later of the date this warrant was
// issued and the date of the Schedule's last row.
func scheduleDate(in WarrantInput, own *compute.Adjustment, latest compute.Date) compute.Date {
	if !in.Issued.IsZero() {
		return in.Issued
	}
	if own != nil && own.Issued.After(latest) {
		return own.Issued
	}
	return latest
}
