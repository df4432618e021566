package ocf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

const fixture = "testdata/glowpoint"

// TestFixtureImport: the coherent fixture (twelve warrants, a transfer of
// W-F-05-003 into 013 and the balance 014, the cancellation of 007, a 3:1
// split of the common and a split of another class) gives these rows.
func TestFixtureImport(t *testing.T) {
	p, err := Read(filepath.Join(fixture, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	imp, err := p.Warrants("W-F-05")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ number, holder, address, shares string }{
		{"W-F-05-001", "Alpha Capital Anstalt", "Pradafant 7|Vaduz, 9490|LI", "250000"},
		{"W-F-05-002", "Gryphon Master Fund, L.P.", "100 Crescent Court, Suite 490|Dallas, TX 75201|US", "166667"},
		{"W-F-05-004", "Łukasz Żółć", "ul. Marszałkowska 84/92|Warszawa, 00-514|PL", "41667"},
		{"W-F-05-005", "山田太郎", "丸の内1-1-1|千代田区, 100-0005|JP", "20833"},
		{"W-F-05-006", "Ørsted Family Trust", "Kongens Nytorv 3|København K, 1050|DK", "12500.5"},
		{"W-F-05-008", "Jane Smith", "12 Elm Street|Apt. 4|Springfield, IL 62701|US", "5000"},
		{"W-F-05-009", "Omega Partners LLC", "500 Fifth Avenue|New York, NY 10110|US", "75000"},
		{"W-F-05-010", "Kappa Holdings AG", "Bahnhofstrasse 1|Zürich, 8001|CH", "60000"},
		{"W-F-05-011", "Lambda Ventures", "1 Infinite Loop|Cupertino, CA 95014|US", "45000"},
		{"W-F-05-012", "Mu Family Office", "20 Rue de Rivoli|Paris, 75001|FR", "30000"},
		{"W-F-05-013", "Transferee Capital LP", "2 Park Plaza|Boston, MA 02116|US", "33333"},
		{"W-F-05-014", "José Ñúñez García", "Calle de Serrano 41|Madrid, 28001|ES", "50000"},
	}
	if len(imp.Rows) != len(want) {
		t.Fatalf("%d rows, want %d: %+v", len(imp.Rows), len(want), imp.Rows)
	}
	for i, w := range want {
		r := imp.Rows[i]
		got := []string{r.Number, r.Holder.Name, strings.Join(r.Holder.Address, "|"), r.Shares.String(), r.Price.String(), r.Currency}
		exp := []string{w.number, w.holder, w.address, w.shares, "2.4", "USD"}
		if strings.Join(got, "\x00") != strings.Join(exp, "\x00") {
			t.Errorf("row %d: got %q, want %q", i+1, got, exp)
		}
	}
	if imp.Issuer.Name != "Glowpoint, Inc." || imp.FirstIssue.String() != "2005-03-14" || imp.Expiration != "2010-03-14" || imp.StockClass != "class-common" {
		t.Errorf("issuer/terms: %+v %s %s %s", imp.Issuer, imp.FirstIssue, imp.Expiration, imp.StockClass)
	}
	if len(imp.Splits) != 1 || imp.Splits[0].ID != "split-2006" || imp.Splits[0].Type != compute.StockSplit || imp.Splits[0].Ratio.String() != "3:1" || imp.Splits[0].Date.String() != "2006-01-17" {
		t.Errorf("splits: %+v", imp.Splits)
	}
}

// TestSamples: the official samples are schema examples, not a cap table:
// each inconsistency is reported by object, nothing is guessed.
func TestSamples(t *testing.T) {
	p, err := Read("testdata/ocf-v1.2.0/samples/Manifest.ocf.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Warrants("W")
	if !errors.Is(err, compute.ErrInvalid) {
		t.Fatalf("err = %v, want invalid", err)
	}
	var all []string
	for _, pr := range Problems(err) {
		all = append(all, pr.String())
	}
	joined := strings.Join(all, "\n")
	for _, want := range []string{
		`Transactions.ocf.json: /items/0/object_type: object test-issuer-level-share-adjustment-minimal of type TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT may not stand in this file`,
		`Manifest.ocf.json: /transactions_files/0/md5: md5 ab35839164924530cac5eecbb19f2c4d of ./Transactions.ocf.json does not match`,
		`Transactions.ocf.json: /items/70/security_id: security_id "test-warrant-id" was already issued by test-warrant-issuance-minimal`,
		`Transactions.ocf.json: /items/72/security_id: security_id "test-warrant-security-id" was already issued by test-warrant-issuance-full-fields`,
		`Transactions.ocf.json: /items/77/security_id: TX_WARRANT_TRANSFER test-warrant-transfer-minimal names security_id "test-security-id", which no TX_WARRANT_ISSUANCE issued`,
		`Transactions.ocf.json: /items/69/stakeholder_id: stakeholder_id "stakeholder-id" of test-warrant-issuance-minimal resolves to no stakeholder`,
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("missing problem %q in:\n%s", want, joined)
		}
	}
	for _, line := range all {
		if strings.ContainsAny(line, "\n\r") {
			t.Errorf("not one line: %q", line)
		}
	}
}

// copyFixture copies the fixture into a temporary directory, applies edit
// to the file named, and fixes the manifest's md5 of it.
func copyFixture(t *testing.T, name string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	entries, _ := os.ReadDir(fixture)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(fixture, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644)
	}
	if name == "" {
		return dir
	}
	path := filepath.Join(dir, name)
	data, _ := os.ReadFile(path)
	oldSum := md5.Sum(data)
	edited := edit(string(data))
	if edited == string(data) {
		t.Fatalf("edit of %s changed nothing", name)
	}
	os.WriteFile(path, []byte(edited), 0o644)
	if name != ManifestName {
		newSum := md5.Sum([]byte(edited))
		m, _ := os.ReadFile(filepath.Join(dir, ManifestName))
		m = bytes.ReplaceAll(m, []byte(hex.EncodeToString(oldSum[:])), []byte(hex.EncodeToString(newSum[:])))
		os.WriteFile(filepath.Join(dir, ManifestName), m, 0o644)
	}
	return dir
}

// TestMalformed: each malformed export is refused with the file, the JSON
// path and the reason.
func TestMalformed(t *testing.T) {
	cases := []struct {
		name, file string
		edit       func(string) string
		want       string // the first problem, with the temporary directory as "DIR"
	}{
		{"missing manifest", "", nil, "DIR: the directory holds no OCF manifest (allowed: a directory holding Manifest.ocf.json (or one *manifest.ocf.json), or the manifest file itself)"},
		{"schema: unknown field", "Stakeholders.ocf.json", func(s string) string {
			return strings.Replace(s, `"stakeholder_type": "INSTITUTION",`, `"stakeholder_type": "INSTITUTION", "nickname": "Al",`, 1)
		}, "DIR/Stakeholders.ocf.json: /items/0: additional properties 'nickname' not allowed"},
		{"schema: bad enum", "Transactions.ocf.json", func(s string) string {
			return strings.Replace(s, `"type": "ELECTIVE_AT_WILL"`, `"type": "WHENEVER"`, 1)
		}, "DIR/Transactions.ocf.json: /items/1/exercise_triggers/0"},
		{"stakeholder resolves to nothing", "Transactions.ocf.json", func(s string) string {
			return strings.Replace(s, `"stakeholder_id": "sh-gryphon"`, `"stakeholder_id": "sh-nobody"`, 1)
		}, `DIR/Transactions.ocf.json: /items/2/stakeholder_id: stakeholder_id "sh-nobody" of tx-issue-002 resolves to no stakeholder (allowed: the id of a STAKEHOLDER in the stakeholders files)`},
		{"quantity with 11 decimals", "Transactions.ocf.json", func(s string) string {
			return strings.Replace(s, `"quantity": "250000"`, `"quantity": "250000.12345678901"`, 1)
		}, `DIR/Transactions.ocf.json: /items/1/quantity: "250000.12345678901" has 11 decimals (allowed: a decimal string with at most 10 decimals, ^[+-]?[0-9]+(\.[0-9]{1,10})?$)`},
		{"md5 mismatch", ManifestName, func(s string) string {
			return regexp.MustCompile(`("./StockClasses.ocf.json",\s*"md5": ")[0-9a-f]{32}`).ReplaceAllString(s, "${1}00000000000000000000000000000000")
		}, "DIR/Manifest.ocf.json: /stock_classes_files/0/md5: md5 00000000000000000000000000000000 of ./StockClasses.ocf.json does not match"},
		{"listed file missing", ManifestName, func(s string) string {
			return strings.Replace(s, `"./Stakeholders.ocf.json"`, `"./Holders.ocf.json"`, 1)
		}, "DIR/Manifest.ocf.json: /stakeholders_files/0/filepath: cannot read ./Holders.ocf.json: no such file"},
		{"duplicate key", "Transactions.ocf.json", func(s string) string {
			return strings.Replace(s, `"quantity": "250000"`, `"quantity": "250000", "quantity": "999"`, 1)
		}, `DIR/Transactions.ocf.json: /items/1/quantity: line `},
		{"duplicate key in the manifest", ManifestName, func(s string) string {
			return strings.Replace(s, `"file_type": "OCF_MANIFEST_FILE"`, `"file_type": "OCF_MANIFEST_FILE", "file_type": "OCF_MANIFEST_FILE"`, 1)
		}, `DIR/Manifest.ocf.json: /file_type: line `},
		{"listed file outside", ManifestName, func(s string) string {
			return strings.Replace(s, `"./Stakeholders.ocf.json"`, `"../Stakeholders.ocf.json"`, 1)
		}, `DIR/Manifest.ocf.json: /stakeholders_files/0/filepath: "../Stakeholders.ocf.json" leaves the directory`},
		{"listed file absolute", ManifestName, func(s string) string {
			return strings.Replace(s, `"./Stakeholders.ocf.json"`, `"/dev/zero"`, 1)
		}, `DIR/Manifest.ocf.json: /stakeholders_files/0/filepath: "/dev/zero" is an absolute path`},
		{"not JSON", "StockClasses.ocf.json", func(s string) string { return s[:40] }, "DIR/StockClasses.ocf.json: is not JSON"},
		{"transfer of an unknown security", "Transactions.ocf.json", func(s string) string {
			return strings.Replace(s, `"security_id": "sec-w-003",
      "date": "2005-06-01"`, `"security_id": "sec-w-999",
      "date": "2005-06-01"`, 1)
		}, `/security_id: TX_WARRANT_TRANSFER tx-transfer-003 names security_id "sec-w-999", which no TX_WARRANT_ISSUANCE issued`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyFixture(t, c.file, c.edit)
			if c.name == "missing manifest" {
				os.Remove(filepath.Join(dir, ManifestName))
			}
			err := func() error {
				m, err := FindManifest(dir)
				if err != nil {
					return err
				}
				p, err := Read(m)
				if err != nil {
					return err
				}
				_, err = p.Warrants("W-F-05")
				return err
			}()
			if !errors.Is(err, compute.ErrInvalid) {
				t.Fatalf("err = %v, want invalid input", err)
			}
			msg := err.Error()
			if ps := Problems(err); len(ps) > 0 {
				msg = ps[0].String()
			}
			msg = strings.ReplaceAll(msg, dir, "DIR")
			if !strings.Contains(msg, c.want) {
				t.Errorf("got  %s\nwant %s", msg, c.want)
			}
		})
	}
}

func TestParseNumeric(t *testing.T) {
	for s, want := range map[string]string{"1": "1", "-0.5": "-0.5", "+2.0000000001": "2.0000000001", "1.00000000001": "", "1e5": "", "1.": "", ".5": "", "": "", "--1": ""} {
		d, p := ParseNumeric(s)
		if (p == "") != (want != "") || (p == "" && d.String() != want) {
			t.Errorf("ParseNumeric(%q) = %s, %q", s, d, p)
		}
	}
}

// FuzzRead: no transactions file may crash the reader, the import or the
// case it writes (the ledger replayed), and every error is invalid input
// with one-line problems.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join(fixture, "Transactions.ocf.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add([]byte(`{"file_type":"OCF_TRANSACTIONS_FILE","items":[{"object_type":"TX_WARRANT_ISSUANCE","quantity":1.5}]}`))
	f.Add([]byte(`{"file_type":"OCF_TRANSACTIONS_FILE","items":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		for _, n := range []string{ManifestName, "Stakeholders.ocf.json", "StockClasses.ocf.json"} {
			b, _ := os.ReadFile(filepath.Join(fixture, n))
			os.WriteFile(filepath.Join(dir, n), b, 0o644)
		}
		os.WriteFile(filepath.Join(dir, "Transactions.ocf.json"), data, 0o644)
		p, err := Read(filepath.Join(dir, ManifestName))
		var imp *Import
		if err == nil {
			imp, err = p.Warrants("W-F-05")
		}
		if err == nil { // the ledger, checked by the engine
			_, _, _, err = imp.Case(CaseOptions{TermsFile: "testdata/glowpoint-terms.yaml", CaseName: "case.yaml", Source: dir})
		}
		if err == nil {
			return
		}
		if !errors.Is(err, compute.ErrInvalid) {
			t.Fatalf("error is not invalid input: %v", err)
		}
		for _, pr := range Problems(err) {
			if strings.ContainsAny(pr.String(), "\n\r") {
				t.Fatalf("not one line: %q", pr.String())
			}
		}
	})
}
