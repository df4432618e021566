package ocf

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"github.com/warrantkit/warrantkit/books/folder"
	"path"
	"strings"

	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/internal/safepath"
)

// RecordOptions are what an assignment record cannot say about a new
// assignee that OCF requires of a STAKEHOLDER.
type RecordOptions struct {
	AssigneeCountry string // ISO 3166-1 alpha-2, unless the address's last line is one
	AssigneeType    string // INDIVIDUAL or INSTITUTION
}

// ExportRecord turns the record of an exercise or assign --out directory
// (read by ReadRecord from file in dir) into OCF, as ExportReissue does a
// reissue:
//
//   - exercise: TX_WARRANT_EXERCISE of the warrant's security (trigger_id
//     from its issuance; resulting_security_ids the new stock and, for a
//     partial exercise, the balance warrant: v1.2.0's exercise has no
//     quantity or balance_security_id), the TX_STOCK_ISSUANCE of the shares
//     issued at the Warrant Price, and the TX_WARRANT_ISSUANCE of the balance;
//   - assign: TX_WARRANT_TRANSFER (quantity in the units of the security as
//     issued, resulting_security_ids the assignee's warrant,
//     balance_security_id the balance warrant), the TX_WARRANT_ISSUANCE of
//     each, and a STAKEHOLDER for an assignee the export does not hold;
//
// a DOCUMENT per PDF, and the manifest updated.
func ExportRecord(p *Package, r *folder.Record, dir, file string, opt RecordOptions) ([]OutFile, error) {
	day, what := "", "exercise"
	if r.Exercise != nil {
		day = r.Exercise.Date
	} else {
		day, what = r.Assignment.Date, "assignment"
	}
	x, err := newExporter(p, r.Series, day, what)
	if err != nil {
		return nil, err
	}
	e := &recordExport{exporter: x, r: r, file: file, w: r.Warrant, issueOf: map[string]string{}}
	w := r.Warrant
	row, ok := x.rows[w.Number]
	if !ok {
		return nil, e.bad("/warrant/number", fmt.Sprintf("%s is not an outstanding warrant of series %s in the OCF export", w.Number, r.Series), "a warrant of the register the OCF import wrote")
	}
	e.row = row
	if strings.TrimSpace(w.Holder.Name) != row.Holder.Name {
		return nil, e.bad("/warrant/holder/name", fmt.Sprintf("%q is not the holder of %s in the OCF export, %q", w.Holder.Name, w.Number, row.Holder.Name), "the holder the OCF import gave")
	}
	if d, _ := compute.ParseDate(day); d.Before(row.Date) {
		return nil, e.bad("/"+what+"/date", fmt.Sprintf("%s is before the issuance of %s on %s", day, w.Number, row.Date), "a date on or after the issuance")
	}
	if r.Exercise != nil {
		if err := e.exercise(r.Exercise); err != nil {
			return nil, err
		}
	}
	if r.Assignment != nil {
		if err := e.assignment(r.Assignment, opt); err != nil {
			return nil, err
		}
	}
	if err := e.documents(dir); err != nil {
		return nil, err
	}
	return x.finish("warrantkit-" + r.Command + "-" + idPart(w.Number) + "-" + day)
}

// recordExport is the export of a record: the exporter, the record, the
// warrant it is about and its row in the OCF export, and what it adds.
type recordExport struct {
	*exporter
	r       *folder.Record
	file    string // the record's path, for errors
	w       folder.Warrant
	row     Row
	mainRef map[string]string // the exercise or transfer
	issueOf map[string]string // new warrant number → issuance id
}

func (e *recordExport) bad(field, problem, allowed string) error {
	return &compute.InputError{File: e.file, Field: field, Problem: problem, Allowed: allowed}
}

// newIssuance adds the TX_WARRANT_ISSUANCE of a new warrant for
// stakeholderID and returns its id and security id.
func (e *recordExport) newIssuance(nw folder.Warrant, stakeholderID, section string) (string, string, error) {
	x, w, row, day := e.exporter, e.w, e.row, e.day
	sec, id := "wk-sec-"+idPart(nw.Number), "wk-issue-"+idPart(nw.Number)
	if err := x.claim(id); err != nil {
		return "", "", err
	}
	if err := x.claimSecurity(sec); err != nil {
		return "", "", err
	}
	comment := fmt.Sprintf("New warrant for the balance of warrant %s (OCF security %s) after its %s on %s (%s of the Warrant).", w.Number, row.SecurityID, e.what, day, section)
	if nw.Role == "assignee" {
		comment = fmt.Sprintf("Warrant issued to the assignee %s of %s shares of warrant %s (OCF security %s) on %s (§2(e) of the Warrant).", nw.Holder.Name, nw.Shares, w.Number, row.SecurityID, day)
	}
	comments := []string{comment, fmt.Sprintf("Warrant Price %s and Warrant Share Number %s as in effect on %s, after every adjustment (§4).", nw.Price, nw.Shares, day)}
	x.txs = append(x.txs, x.warrantIssuance(row, id, sec, nw.Number, stakeholderID, nw.Shares, nw.Price, comments))
	e.issueOf[nw.Number] = id
	return id, sec, nil
}

// balance is the record's new warrant for the balance, or nil.
func (e *recordExport) balance() *folder.Warrant {
	var b *folder.Warrant
	for i := range e.r.NewWarrants {
		if e.r.NewWarrants[i].Role == "balance" {
			b = &e.r.NewWarrants[i]
		}
	}
	return b
}

// exerciseSection is the Section of the Warrant an exercise by method
// follows.
func exerciseSection(method string) string {
	switch method {
	case compute.MethodCashless:
		return "§2(c)"
	case compute.MethodCombined:
		return "§2 and §2(c)"
	}
	return "§2"
}

// exercise adds the TX_WARRANT_EXERCISE, then what it issued: the Warrant
// Stock (TX_STOCK_ISSUANCE) and the new warrant for the balance.
func (e *recordExport) exercise(ex *folder.Exercise) error {
	x, w, row, day := e.exporter, e.w, e.row, e.day
	section := exerciseSection(ex.Method)
	if row.StockClassID == "" {
		return e.bad("/warrant/number", fmt.Sprintf("the issuance %s of %s names no stock class it is exercisable for; a TX_STOCK_ISSUANCE needs stock_class_id", row.TxID, w.Number),
			"a warrant whose exercise_triggers[].conversion_right.converts_to_stock_class_id names the class")
	}
	trigger := triggerID(row.Issuance, row.StockClassID)
	if trigger == "" {
		return e.bad("/warrant/number", fmt.Sprintf("the issuance %s of %s has no exercise trigger; TX_WARRANT_EXERCISE needs trigger_id", row.TxID, w.Number), "a warrant issuance with exercise_triggers[].trigger_id")
	}
	exID := "wk-exercise-" + idPart(w.Number)
	if err := x.claim(exID); err != nil {
		return err
	}
	e.mainRef = ref("TX_WARRANT_EXERCISE", exID)
	exIndex := len(x.txs) // the exercise first, then what it issued
	x.txs = append(x.txs, nil)
	resulting := []string{}
	if issued, _ := ParseNumeric(ex.SharesIssued); issued.Sign() > 0 {
		stockSec, err := e.stockIssuance(ex, section)
		if err != nil {
			return err
		}
		resulting = append(resulting, stockSec)
	}
	comments := []string{fmt.Sprintf("Exercise of warrant %s (%s, %s of the Warrant) on %s for %s shares of Warrant Stock at the Warrant Price %s: %s shares issued, %s canceled in payment, cash in lieu of a fraction %s.",
		w.Number, ex.Method, section, day, ex.SharesExercised, ex.WarrantPrice, ex.SharesIssued, ex.SharesCanceled, ex.CashInLieu)}
	if balance := e.balance(); balance != nil {
		_, sec, err := e.newIssuance(*balance, row.StakeholderID, section)
		if err != nil {
			return err
		}
		resulting = append(resulting, sec)
		comments = append(comments, fmt.Sprintf("The %s shares not exercised are in the new warrant %s (security %s), §2(d)(ii) of the Warrant.", ex.RemainingShares, balance.Number, sec))
	}
	consideration := fmt.Sprintf("Aggregate Warrant Price %s paid in cash for %s shares", ex.AggregatePrice, ex.CashShares)
	if ex.Method != compute.MethodCash {
		consideration += fmt.Sprintf("; %s shares exercised cashless (net issuance: %s Warrant Shares canceled at the Per Share Market Value %s)", ex.CashlessShares, ex.SharesCanceled, ex.MarketValue)
	}
	x.txs[exIndex] = map[string]any{
		"object_type": "TX_WARRANT_EXERCISE", "id": exID, "security_id": row.SecurityID, "date": day,
		"trigger_id": trigger, "resulting_security_ids": resulting, "consideration_text": consideration, "comments": comments,
	}
	return nil
}

// stockIssuance adds the TX_STOCK_ISSUANCE of the Warrant Stock an
// exercise issued and returns its security id.
func (e *recordExport) stockIssuance(ex *folder.Exercise, section string) (string, error) {
	x, w, row, day := e.exporter, e.w, e.row, e.day
	stockID, stockSec := "wk-issue-stock-"+idPart(w.Number), "wk-sec-stock-"+idPart(w.Number)
	if err := x.claim(stockID); err != nil {
		return "", err
	}
	if err := x.claimSecurity(stockSec); err != nil {
		return "", err
	}
	x.txs = append(x.txs, map[string]any{
		"object_type": "TX_STOCK_ISSUANCE", "id": stockID, "security_id": stockSec, "date": day,
		"custom_id": "EX-" + w.Number, "stakeholder_id": row.StakeholderID,
		"security_law_exemptions": rawOr(row.Issuance.SecurityLawExemptions, "[]"),
		"stock_class_id":          row.StockClassID,
		"share_price":             Monetary{Amount: ex.WarrantPrice, Currency: row.Currency},
		"quantity":                ex.SharesIssued,
		"stock_legend_ids":        []string{},
		"comments": []string{fmt.Sprintf("Warrant Stock issued on the %s exercise of warrant %s (OCF security %s) on %s (%s of the Warrant): %s shares exercised, %s issued at the Warrant Price %s.",
			ex.Method, w.Number, row.SecurityID, day, section, ex.SharesExercised, ex.SharesIssued, ex.WarrantPrice)},
	})
	return stockSec, nil
}

// assignment adds the TX_WARRANT_TRANSFER (§2(e)), then the new warrants:
// the assignee's and, for a part, the balance's.
func (e *recordExport) assignment(a *folder.Assignment, opt RecordOptions) error {
	x, w, row, day := e.exporter, e.w, e.row, e.day
	stakeholderID, err := x.assignee(a, e.file, opt)
	if err != nil {
		return err
	}
	trID := "wk-transfer-" + idPart(w.Number)
	if err := x.claim(trID); err != nil {
		return err
	}
	e.mainRef = ref("TX_WARRANT_TRANSFER", trID)
	trIndex := len(x.txs)
	x.txs = append(x.txs, nil)
	quantity, note, err := securityUnits(row, w, a.Shares)
	if err != nil {
		return e.bad("/assignment/shares", err.Error(), "")
	}
	tr := map[string]any{"object_type": "TX_WARRANT_TRANSFER", "id": trID, "security_id": row.SecurityID, "date": day, "quantity": quantity,
		"consideration_text": fmt.Sprintf("Assignment of %s shares of Warrant Stock of warrant %s to %s (§2(e) of the Warrant)", a.Shares, w.Number, a.Assignee.Name)}
	comments := []string{fmt.Sprintf("warrantkit assign of %s: %s of warrant %s to %s (§2(e) of the Warrant).", day, map[bool]string{true: "partial assignment", false: "assignment"}[a.Partial], w.Number, a.Assignee.Name)}
	if note != "" {
		comments = append(comments, note)
	}
	for _, nw := range e.r.NewWarrants {
		owner := row.StakeholderID
		if nw.Role == "assignee" {
			owner = stakeholderID
		}
		_, sec, err := e.newIssuance(nw, owner, "§2(e)")
		if err != nil {
			return err
		}
		if nw.Role == "assignee" {
			tr["resulting_security_ids"] = []string{sec}
		} else {
			tr["balance_security_id"] = sec
		}
	}
	tr["comments"] = comments
	x.txs[trIndex] = tr
	return nil
}

// documents adds the record's PDFs: a new warrant relates to its issuance,
// every other PDF (the form, the issuer's record) to the exercise or
// transfer.
func (e *recordExport) documents(dir string) error {
	root, err := safepath.OpenRoot(dir)
	if err != nil {
		return &compute.InputError{File: dir, Problem: "cannot open the " + e.what + "'s directory: " + safepath.Unwrap(err).Error()}
	}
	for i, f := range e.r.Files {
		related := []map[string]string{e.mainRef}
		if path.Dir(f.Path) == "warrants" {
			for number, id := range e.issueOf {
				if idPart(number) == strings.TrimSuffix(path.Base(f.Path), ".pdf") {
					related = []map[string]string{ref("TX_WARRANT_ISSUANCE", id)}
				}
			}
		}
		if err := e.document(root, recordListed(e.file, fmt.Sprintf("/files/%d", i), f), related); err != nil {
			return err
		}
	}
	return nil
}

// triggerID is the trigger_id of the issuance's first exercise trigger
// converting to class, or else its first trigger.
func triggerID(t *Tx, class string) string {
	first := ""
	for _, raw := range t.ExerciseTriggers {
		var trig struct {
			TriggerID       string `json:"trigger_id"`
			ConversionRight struct {
				ConvertsToStockClassID string `json:"converts_to_stock_class_id"`
			} `json:"conversion_right"`
		}
		if jsonUnmarshal(raw, &trig) != nil || trig.TriggerID == "" {
			continue
		}
		if trig.ConversionRight.ConvertsToStockClassID == class {
			return trig.TriggerID
		}
		if first == "" {
			first = trig.TriggerID
		}
	}
	return first
}

// securityUnits is the quantity of the transfer in the units of the security
// as issued: the shares assigned scaled by quantity issued / Warrant Share
// Number in effect (they differ after an adjustment the export has no
// transaction for). An inexact quotient is rounded to 10 decimals, and said so.
func securityUnits(row Row, w folder.Warrant, assigned string) (string, string, error) {
	a, _ := ParseNumeric(assigned)
	n, _ := ParseNumeric(w.Shares)
	q0, pr := ParseNumeric(row.Issuance.Quantity)
	if pr != "" {
		return "", "", fmt.Errorf("the issuance of %s: %s", w.Number, pr)
	}
	if a.Equal(n) {
		return row.Issuance.Quantity, "", nil
	}
	if q0.Equal(n) {
		return assigned, "", nil
	}
	q := a.Mul(q0).DivRound(n, 10)
	note := fmt.Sprintf("quantity is in the units of security %s as issued (%s); the Warrant Share Number in effect is %s, of which %s shares were assigned", row.SecurityID, row.Issuance.Quantity, w.Shares, assigned)
	if !q.Mul(n).Equal(a.Mul(q0)) {
		note += ", rounded to 10 decimals"
	}
	return q.String(), note + ".", nil
}

// assignee is the stakeholder id of the assignee: the export's stakeholder
// of that legal name, or a new STAKEHOLDER (id from the name).
func (x *exporter) assignee(a *folder.Assignment, file string, opt RecordOptions) (string, error) {
	name := strings.TrimSpace(a.Assignee.Name)
	var found []string
	for id, s := range x.p.Stakeholders {
		if strings.TrimSpace(s.Name.LegalName) == name {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
	default:
		return "", &compute.InputError{File: file, Field: "/assignment/assignee/name", Problem: fmt.Sprintf("%d stakeholders of the export are named %q", len(found), name), Allowed: "an assignee name that is one stakeholder's legal_name, or none"}
	}
	sum := sha256.Sum256([]byte(name))
	id := "wk-stakeholder-" + idPart(name)
	id = strings.TrimSuffix(id, "-") + "-" + hex.EncodeToString(sum[:4])
	if err := x.claim(id); err != nil {
		return "", err
	}
	lines := a.Assignee.Address
	country := strings.ToUpper(strings.TrimSpace(opt.AssigneeCountry))
	if n := len(lines); country == "" && n > 1 && isCountryCode(strings.TrimSpace(lines[n-1])) {
		country, lines = strings.TrimSpace(lines[n-1]), lines[:n-1]
	}
	if !isCountryCode(country) {
		return "", &compute.InputError{File: file, Field: "/assignment/assignee/address", Problem: fmt.Sprintf("the assignee %s is not a stakeholder of the export and the address names no country; OCF requires one", name),
			Allowed: "--assignee-country CC (ISO 3166-1 alpha-2), or an address whose last line is the code"}
	}
	kind := strings.ToUpper(strings.TrimSpace(opt.AssigneeType))
	if kind != "INDIVIDUAL" && kind != "INSTITUTION" {
		return "", &compute.InputError{File: file, Field: "--assignee-type", Problem: fmt.Sprintf("the assignee %s is not a stakeholder of the export and %q is not a stakeholder type", name, opt.AssigneeType),
			Allowed: "individual or institution"}
	}
	addr := map[string]any{"address_type": "CONTACT", "country": country}
	if len(lines) > 0 {
		addr["street_suite"] = strings.Join(lines, "\n")
	}
	x.stakeholders = append(x.stakeholders, map[string]any{
		"object_type": "STAKEHOLDER", "id": id, "name": map[string]string{"legal_name": name}, "stakeholder_type": kind,
		"addresses": []any{addr},
		"comments":  []string{fmt.Sprintf("Assignee of warrant shares under §2(e) of the Warrant, added by warrantkit assign on %s.", a.Date)},
	})
	return id, nil
}

func isCountryCode(s string) bool {
	return len(s) == 2 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}
