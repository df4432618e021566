package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallReissue writes a reissue of two warrants and returns its directory.
func smallReissue(t *testing.T) string {
	t.Helper()
	reg := filepath.Join(t.TempDir(), "register.csv")
	rows := "number,holder_name,holder_address,shares,email\n" +
		"W-F-05-001,Alpha Capital Anstalt,\"Pradafant 7|9490 Vaduz, Liechtenstein\",250000,\n" +
		"W-F-05-002,\"Gryphon Master Fund, L.P.\",\"100 Crescent Court, Suite 490|Dallas, Texas 75201\",166667,\n"
	if err := os.WriteFile(reg, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if r := runBinary(t, "reissue", sample, "--register", reg, "--out", dir); r.code != 0 {
		t.Fatalf("reissue: exit %d: %s", r.code, r.stderr)
	}
	return dir
}

// copyTree copies the directory src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	for rel, data := range tree(t, src) {
		path := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestVerify_EveryTampering applies each tampering to a copy of a fresh
// reissue: verify fails (exit 1) and names what was changed.
func TestVerify_EveryTampering(t *testing.T) {
	pristine := smallReissue(t)
	if r := runBinary(t, "verify", pristine); r.code != 0 {
		t.Fatalf("the untouched reissue does not verify: %s", r.stderr)
	}
	const (
		pdf    = "warrants/W-F-05-003.pdf"
		record = "records/W-F-05-002.pdf"
		cert   = "certificates/W-F-05-001-split-2006.pdf"
	)
	file := func(rel string, change func([]byte) []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			path := filepath.Join(dir, rel)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, change(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	flip := func(b []byte) []byte { b[len(b)/2] ^= 0x20; return b }
	edit := func(old, new string) func([]byte) []byte {
		return func(b []byte) []byte { return []byte(strings.Replace(string(b), old, new, 1)) }
	}
	man := func(change func(m *manifest)) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			path := filepath.Join(dir, manifestName)
			var m manifest
			b, _ := os.ReadFile(path)
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			change(&m)
			b, _ = json.MarshalIndent(m, "", "  ")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	index := func(m *manifest, rel string) int {
		for i, f := range m.Files {
			if f.Path == rel {
				return i
			}
		}
		t.Fatalf("%s is not in the manifest", rel)
		return -1
	}
	add := func(rel string, data []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Dir(filepath.Join(dir, rel)), 0o755)
			if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	cases := []struct {
		name   string
		tamper func(t *testing.T, dir string)
		want   []string
	}{
		{"edited pdf byte", file(pdf, flip), []string{pdf + ": file on disk differs from the manifest"}},
		{"appended to a pdf", file(record, func(b []byte) []byte { return append(b, '\n') }), []string{record + ": file on disk differs"}},
		{"removed pdf", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, pdf)) }, []string{pdf + ": missing"}},
		{"renamed pdf", func(t *testing.T, dir string) {
			os.Rename(filepath.Join(dir, pdf), filepath.Join(dir, "warrants/W-F-05-099.pdf"))
		}, []string{pdf + ": missing", "warrants/W-F-05-099.pdf: in the directory, but not in the manifest"}},
		{"edited register.csv", file("register.csv", edit("Alpha", "Alfa")), []string{"register.csv: file on disk differs"}},
		{"edited summary.csv", file("summary.csv", edit("250000.00", "250001.00")), []string{"summary.csv: file on disk differs"}},
		{"edited inputs/case", file("inputs/case.yaml", edit(`"2000000"`, `"2000001"`)), []string{"inputs/case.yaml: input changed since the reissue"}},
		{"edited inputs/register.csv", file("inputs/register.csv", edit("166667", "166668")), []string{"inputs/register.csv: input changed since the reissue"}},
		{"removed inputs/register.csv", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "inputs/register.csv")) }, []string{"inputs/register.csv: input missing"}},
		{"manifest hash", man(func(m *manifest) { m.Files[index(m, cert)].SHA256 = strings.Repeat("0", 64) }),
			[]string{cert + ": recomputed document differs from the manifest", cert + ": file on disk differs from the manifest"}},
		{"manifest size", man(func(m *manifest) { m.Files[index(m, record)].Size++ }), []string{record + ": recomputed document has"}},
		{"manifest table size", man(func(m *manifest) { m.Files[index(m, "summary.csv")].Size-- }), []string{"summary.csv: recomputed document has"}},
		{"manifest input hash", man(func(m *manifest) { m.Inputs.Register.SHA256 = strings.Repeat("1", 64) }),
			[]string{"inputs/register.csv: input changed", ".reissue.json: register_sha256 differ"}},
		{"manifest input size", man(func(m *manifest) { m.Inputs.Case.Size += 10 }), []string{"inputs/case.yaml: input has"}},
		{"manifest options first_number", man(func(m *manifest) { m.Options.FirstNumber = "W-F-05-100" }),
			[]string{".reissue.json: options differ from manifest.json", "warrants/W-F-05-100.pdf: recomputed, but not in the manifest"}},
		{"manifest options date", man(func(m *manifest) { m.Options.Date = "2009-09-22" }), []string{".reissue.json: options differ", pdf + ": recomputed document differs"}},
		{"manifest warrants", man(func(m *manifest) { m.Warrants = 3 }), []string{"manifest.json: warrants is 3, but the ledger inputs/case.yaml and the register inputs/register.csv re-issue 2"}},
		{"manifest tool", man(func(m *manifest) { m.Tool = "otherkit" }), []string{`manifest.json: tool is "otherkit"`}},
		{"manifest version", man(func(m *manifest) { m.Version = "9.9.9" }), []string{"written by warrantkit 9.9.9", ".reissue.json: version differ"}},
		{"duplicated entry", man(func(m *manifest) { m.Files = append(m.Files, m.Files[index(m, pdf)]) }), []string{"manifest.json: files[", pdf + " is listed twice"}},
		{"extra entry", man(func(m *manifest) {
			m.Files = append(m.Files, manifestFile{Path: "warrants/W-F-05-050.pdf", SHA256: strings.Repeat("a", 64), Size: 1})
		}), []string{"warrants/W-F-05-050.pdf: in the manifest, but not produced by its inputs"}},
		{"missing entry", man(func(m *manifest) { i := index(m, cert); m.Files = append(m.Files[:i], m.Files[i+1:]...) }),
			[]string{cert + ": recomputed, but not in the manifest", cert + ": in the directory, but not in the manifest"}},
		{"deleted .reissue.json", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, stateFile)) }, []string{".reissue.json: missing"}},
		{"edited .reissue.json", file(stateFile, edit(`"date": "`, `"date": "1`)), []string{".reissue.json: options differ"}},
		{"stray file", add("notes.txt", []byte("hello")), []string{"notes.txt: in the directory, but not in the manifest"}},
		{"stray pdf beside the others", add("warrants/W-F-05-005.pdf", []byte("%PDF-1.4\n%%EOF\n")), []string{"warrants/W-F-05-005.pdf: in the directory, but not in the manifest"}},
		{"stray temporary file", add("records/.W-F-05-001.pdf.tmp-w", []byte("x")), []string{"records/.W-F-05-001.pdf.tmp-w: in the directory"}},
		{"stray input", add("inputs/case.json", []byte("{}")), []string{"inputs/case.json: in the directory, but not in the manifest"}},
		{"stray link", func(t *testing.T, dir string) {
			os.Symlink(filepath.Join(dir, pdf), filepath.Join(dir, "link.pdf"))
		}, []string{"link.pdf: in the directory, but not in the manifest"}},
	}
	detected := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			copyTree(t, pristine, dir)
			c.tamper(t, dir)
			r := runBinary(t, "verify", dir)
			if r.code != exitFailure {
				t.Fatalf("exit %d, want %d: %s", r.code, exitFailure, r.stderr)
			}
			ok := strings.Contains(r.stderr, "does not match its manifest")
			for _, want := range c.want {
				if !strings.Contains(r.stderr, want) {
					ok = false
					t.Errorf("stderr does not name %q:\n%s", want, r.stderr)
				}
			}
			if ok {
				detected++
			}
		})
	}
	t.Logf("tamperings detected: %d out of %d", detected, len(cases))
}
