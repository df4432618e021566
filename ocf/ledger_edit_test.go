package ocf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/compute/casefile"
)

// editExport rewrites the transactions of the export in dir by edit and
// fixes the manifest's md5 of the file.
func editExport(t *testing.T, dir string, edit func(items []map[string]any) []map[string]any) {
	t.Helper()
	path := filepath.Join(dir, "Transactions.ocf.json")
	data, _ := os.ReadFile(path)
	var f struct {
		FileType string           `json:"file_type"`
		Items    []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	f.Items = edit(f.Items)
	out, _ := json.MarshalIndent(f, "", "  ")
	os.WriteFile(path, out, 0o644)
	oldSum, newSum := md5.Sum(data), md5.Sum(out)
	m, _ := os.ReadFile(filepath.Join(dir, ManifestName))
	os.WriteFile(filepath.Join(dir, ManifestName), bytes.ReplaceAll(m, []byte(hex.EncodeToString(oldSum[:])), []byte(hex.EncodeToString(newSum[:]))), 0o644)
}

// byID finds the item of id.
func byID(items []map[string]any, id string) map[string]any {
	for _, it := range items {
		if it["id"] == id {
			return it
		}
	}
	panic("no item " + id)
}

// TestLedgerImportRefused: what the ledger cannot express, or what the
// export says against it, is refused naming the OCF object and why.
func TestLedgerImportRefused(t *testing.T) {
	issuance := func(items []map[string]any, number, holder, date string) []map[string]any {
		it := map[string]any{}
		for k, v := range byID(items, "wk-issue-W-F-05-001") {
			it[k] = v
		}
		it["id"], it["security_id"], it["custom_id"], it["stakeholder_id"], it["date"] = "wk-issue-"+number, "wk-sec-"+number, number, holder, date
		return append(items, it)
	}
	for _, tc := range []struct {
		name string
		edit func(items []map[string]any) []map[string]any
		want string
	}{
		{"partial cancellation", func(items []map[string]any) []map[string]any {
			byID(items, "wk-tx-3-W-F-05-003")["balance_security_id"] = "wk-sec-W-F-05-099"
			return issuance(items, "W-F-05-099", "wk-holder-3", "2007-06-30")
		}, "wk-tx-3-W-F-05-003 cancels part of W-F-05-003 and keeps the rest in W-F-05-099: the ledger cancels whole warrants"},
		{"transfer to two holders", func(items []map[string]any) []map[string]any {
			tr := byID(items, "wk-tx-2-W-F-05-002")
			delete(tr, "balance_security_id")
			tr["resulting_security_ids"] = []string{"wk-sec-W-F-05-006", "wk-sec-W-F-05-007"}
			return items
		}, "the transfer wk-tx-2-W-F-05-002 of W-F-05-002 issues 2 warrants (W-F-05-006, W-F-05-007): the ledger's assignment has one assignee"},
		{"balance of an exercise to another holder", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-005")["stakeholder_id"] = "wk-holder-2"
			return items
		}, "the exercise wk-tx-1-W-F-05-001 of W-F-05-001 issues the warrants W-F-05-005: the ledger's exercise issues at most one, the balance, to the same holder"},
		{"new warrant on another date", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-006")["date"] = "2007-01-06"
			return items
		}, "W-F-05-006 was issued on 2007-01-06 by TX_WARRANT_TRANSFER wk-tx-2-W-F-05-002, dated 2007-01-05"},
		{"originals at two prices", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-004")["exercise_price"] = map[string]any{"amount": "2.5000", "currency": "USD"}
			return items
		}, "the original warrants of series W-F-05 (those no exercise, transfer or cancellation issued) have different exercise prices: 2.4 USD (wk-issue-W-F-05-001, wk-issue-W-F-05-002, wk-issue-W-F-05-003); 2.5 USD (wk-issue-W-F-05-004)"},
		{"an original after a split", func(items []map[string]any) []map[string]any {
			return issuance(items, "W-F-05-099", "wk-holder-1", "2007-02-01")
		}, "split split-2006 of 2006-01-17 falls after the issuance of W-F-05-001, W-F-05-002, W-F-05-003, W-F-05-004 but not of W-F-05-099, which no exercise, transfer or cancellation of the series issued"},
		{"a warrant descending from itself", func(items []map[string]any) []map[string]any {
			byID(items, "wk-tx-4-W-F-05-005")["resulting_security_ids"] = []string{"wk-sec-W-F-05-008", "wk-sec-W-F-05-001"}
			return items
		}, "W-F-05-001 descends from itself: each of its ancestors was issued by a transaction ending another"},
		{"a number used twice", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-012")["custom_id"] = "W-F-05-004"
			return items
		}, `warrant number "W-F-05-004" is also the number of wk-issue-W-F-05-004 (W-F-05-004)`},
		{"a price the events do not explain", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-006")["exercise_price"] = map[string]any{"amount": "0.7500", "currency": "USD"}
			return items
		}, "/exercise_price/amount: W-F-05-006 (issued by the assignment of W-F-05-002 on 2007-01-05) has the exercise price 0.75 for 100000 shares; the ledger gives 100000.00 shares at 0.8000"},
		{"a split missing", func(items []map[string]any) []map[string]any {
			return slices.DeleteFunc(items, func(it map[string]any) bool { return it["id"] == "split-2006" })
		}, "the balance W-F-05-008 of the exercise wk-tx-4-W-F-05-005 is for 400000 shares, but W-F-05-005 held 150000 then: nothing was exercised"},
		{"a balance the exercise does not leave", func(items []map[string]any) []map[string]any {
			byID(items, "wk-issue-W-F-05-012")["quantity"] = "400001.00"
			return items
		}, "/quantity: W-F-05-012 (issued by the exchange of W-F-05-008 on 2009-11-02) is for 400001 shares at 0.8; the ledger gives 400000.00 shares at 0.8000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, _ := exportLedger(t)
			editExport(t, dir, tc.edit)
			_, _, err := importLedger(t, dir, false)
			if !errors.Is(err, compute.ErrInvalid) {
				t.Fatalf("err = %v, want invalid input", err)
			}
			var all []string
			for _, p := range Problems(err) {
				all = append(all, p.String())
			}
			if len(all) == 0 {
				all = []string{err.Error()}
			}
			joined := strings.Join(all, "\n")
			if !strings.Contains(joined, tc.want) {
				t.Errorf("got\n%s\nwant %s", joined, tc.want)
			}
			for _, l := range all {
				if strings.ContainsAny(l, "\n\r") {
					t.Errorf("not one line: %q", l)
				}
			}
		})
	}
}

// TestLedgerExportRefused: what OCF requires and a case cannot say must be
// given; an event OCF has no transaction for is a note.
func TestLedgerExportRefused(t *testing.T) {
	c, err := casefile.Load(ledgerCase)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		opt  LedgerOptions
		want string
	}{
		{LedgerOptions{FormationDate: "2000-13-01", Country: "US", HolderType: "INDIVIDUAL"}, "--formation-date"},
		{LedgerOptions{FormationDate: "2000-01-01", Country: "USA", HolderType: "INDIVIDUAL"}, `--country: "USA" is not a country code`},
		{LedgerOptions{FormationDate: "2000-01-01", Country: "US"}, `--holder-type: "" is not a stakeholder type`},
	} {
		if _, _, err := ExportLedger(c, tc.opt); !errors.Is(err, compute.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %s", tc.opt, err, tc.want)
		}
	}
	// A holder whose address names no country code: refused, unless
	// --holder-country gives one, which the import then shows as a line.
	c.Warrants[3].Holder.Address = []string{"丸の内1-1-1", "千代田区 100-0005"}
	if _, _, err := ExportLedger(c, ledgerOpt); !errors.Is(err, compute.ErrInvalid) || !strings.Contains(err.Error(), "W-F-05-004: holder.address: the address of 山田太郎 does not end in a country code, which OCF requires") {
		t.Errorf("a holder without a country: %v", err)
	}
	withCountry := ledgerOpt
	withCountry.HolderCountry = "JP"
	files, _, err := ExportLedger(c, withCountry)
	if err != nil || !strings.Contains(string(files[1].Data), `"country": "JP"`) {
		t.Errorf("--holder-country: %v", err)
	}
	c.Events = append(c.Events, compute.Event{Index: 2, ID: "div-2008", Type: compute.StockDividend, Date: compute.Date{Year: 2008, Month: 6, Day: 30},
		SharesPerShare: decimal.RequireFromString("0.05")})
	_, notes, err := ExportLedger(c, withCountry)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "events[2] (div-2008, stock-dividend, 2008-06-30) has no OCF transaction: give it to ocf import in --terms") {
		t.Errorf("notes: %q", notes)
	}
}

// TestLedgerFullExercise: an exercise with no warrant among its resulting
// securities exercises the whole Warrant Share Number then in effect: the
// cancellation of W-F-05-003 made an exercise after the 3:1 split is one of
// 83,333 × 3 = 249,999 shares, and the view does not change.
func TestLedgerFullExercise(t *testing.T) {
	dir, _ := exportLedger(t)
	editExport(t, dir, func(items []map[string]any) []map[string]any {
		k := byID(items, "wk-tx-3-W-F-05-003")
		delete(k, "quantity")
		delete(k, "reason_text")
		k["object_type"], k["trigger_id"], k["resulting_security_ids"] = "TX_WARRANT_EXERCISE", "W-F-05-003.exercise", []string{}
		return items
	})
	_, c, err := importLedger(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if x := c.Transactions[2]; x.Type != compute.TxExercise || x.Warrant != "W-F-05-003" || x.Shares.String() != "249999" || x.Balance != "" {
		t.Errorf("transactions[3] = %+v", x)
	}
	if got := registerView(t, c); !slices.EqualFunc(got, ledgerViewWant, slices.Equal) {
		t.Errorf("view:\n%q\nwant\n%q", got, ledgerViewWant)
	}
}

// TestLedgerRetraction: a retraction ends the whole warrant, as a
// cancellation whose reason says so.
func TestLedgerRetraction(t *testing.T) {
	dir, _ := exportLedger(t)
	editExport(t, dir, func(items []map[string]any) []map[string]any {
		k := byID(items, "wk-tx-3-W-F-05-003")
		delete(k, "quantity")
		k["object_type"] = "TX_WARRANT_RETRACTION"
		return items
	})
	_, c, err := importLedger(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if x := c.Transactions[2]; x.Type != compute.TxCancellation || x.Warrant != "W-F-05-003" || x.Reason != "retracted: repurchased" {
		t.Errorf("transactions[3] = %+v", x)
	}
}
