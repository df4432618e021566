package books

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/books/folder"
	"github.com/warrantkit/warrantkit/compute"
)

// Exchange exchanges the warrant numbered num on date for new warrants of
// the same holder (§2(e): "exchangeable at the principal office of the
// Issuer for Warrants for the purchase of the same aggregate number of
// shares of Warrant Stock, each new Warrant to represent the right to
// purchase such number of shares of Warrant Stock as the Holder hereof shall
// designate"), one per item of shares, the last of which may be "rest". It
// writes into out (absent or empty) each new warrant, the issuer's record,
// the ledger with the exchange appended and, last, exchange.json; with
// record the case file is then replaced by the ledger.
func (b *Books) Exchange(num string, shares []string, date compute.Date, out string, record bool, opt Options) ([]compute.Warrant, error) {
	if err := b.inTerm(date); err != nil {
		return nil, err
	}
	if len(shares) == 0 {
		return nil, &compute.InputError{Field: "into", Problem: "no new warrant is given", Allowed: "the shares of each new warrant, separated by commas; the last may be rest"}
	}
	nn, err := b.NewNumbers(opt.FirstNumber, len(shares))
	if err != nil {
		return nil, err
	}
	tx := b.next(compute.TxExchange, num, date)
	for i, s := range shares {
		it := compute.ExchangeItem{Number: nn[i]}
		if i < len(shares)-1 || !strings.EqualFold(strings.TrimSpace(s), "rest") {
			if it.Shares, err = b.partShares("into", s); err != nil {
				return nil, err
			}
		}
		tx.Into = append(tx.Into, it)
	}
	return b.surrenderFor(tx, out, record, opt, &folder.Surrender{Date: date.String()})
}

// Replace replaces the warrant numbered num, lost, stolen, destroyed or
// mutilated, by a new warrant of like tenor (§3(d)) and writes into out the
// new warrant, the issuer's record (with what §3(d) asks of the holder), the
// ledger with the replacement appended and, last, replacement.json.
func (b *Books) Replace(num, reason string, date compute.Date, out string, record bool, opt Options) ([]compute.Warrant, error) {
	if err := b.inTerm(date); err != nil {
		return nil, err
	}
	if !slices.Contains(compute.ReplacementReasons, reason) {
		return nil, &compute.InputError{Field: "reason", Problem: fmt.Sprintf("%q is not a reason of §3(d)", reason), Allowed: strings.Join(compute.ReplacementReasons, ", ")}
	}
	nn, err := b.NewNumbers(opt.FirstNumber, 1)
	if err != nil {
		return nil, err
	}
	tx := b.next(compute.TxReplacement, num, date)
	tx.Number, tx.Reason = nn[0], reason
	return b.surrenderFor(tx, out, record, opt, &folder.Surrender{Date: date.String(), Reason: reason})
}

// surrenderFor performs tx, an exchange or a replacement, and writes its
// documents and the ledger into out.
func (b *Books) surrenderFor(tx compute.Transaction, out string, record bool, opt Options, s *folder.Surrender) ([]compute.Warrant, error) {
	if err := b.Printable(opt.Documents.Font); err != nil {
		return nil, err
	}
	st, err := b.perform(tx)
	if err != nil {
		return nil, err
	}
	w := st.old.Subject
	w.Number = st.old.Warrant
	command := "exchange"
	if tx.Type == compute.TxReplacement {
		command = "replace"
	}
	rec, err := newRecord(b, command, w, st.old.Final, opt)
	if err != nil {
		return nil, err
	}
	if tx.Type == compute.TxReplacement {
		rec.Replacement = s
	} else {
		rec.Exchange = s
	}
	if err := b.finishTransaction(out, rec, st, w, record, opt.Documents); err != nil {
		return nil, err
	}
	var news []compute.Warrant
	for _, a := range st.news {
		nw := a.Subject
		nw.Number = a.Warrant
		news = append(news, nw)
	}
	return news, nil
}

// inTerm refuses a transaction dated outside the Term (§1).
func (b *Books) inTerm(day compute.Date) error { return inTerm(b.Terms, "transaction_date", day) }

// inTerm refuses day, the date the field gives, outside the Term (§1).
func inTerm(t compute.Terms, field string, day compute.Date) error {
	if day.Before(t.OriginalIssueDate) || day.After(t.ExpirationDate()) {
		return &compute.InputError{Field: field, Problem: fmt.Sprintf("%s is outside the Term", day), Allowed: fmt.Sprintf("%s to %s", t.OriginalIssueDate, t.ExpirationDate())}
	}
	return nil
}

// partShares reads a number of shares of a transaction: positive, in the
// Warrant's decimals.
func (b *Books) partShares(field, s string) (decimal.Decimal, error) {
	d, err := ParseDecimal(field, s)
	if err != nil {
		return d, err
	}
	if places := b.Terms.ShareDecimals; d.Sign() <= 0 || !d.Equal(d.Round(places)) {
		return d, &compute.InputError{Field: field, Problem: fmt.Sprintf("%s is not a number of shares", s), Allowed: fmt.Sprintf("more than 0, with at most %d decimals", places)}
	}
	return d, nil
}
