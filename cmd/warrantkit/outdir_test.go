package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// caseWithIDs writes the sample case with the ids of two of its events
// replaced.
func caseWithIDs(t *testing.T, placement, split string) string {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "id: placement-2005", "id: "+placement, 1)
	s = strings.Replace(s, "id: split-2006", "id: "+split, 1)
	path := filepath.Join(t.TempDir(), "ids.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCertificateNamesDistinct: ids "x_1" and "x:1" once gave one file name;
// now every certificate is written and a reissue of them verifies.
func TestCertificateNamesDistinct(t *testing.T) {
	path := caseWithIDs(t, `"x_1"`, `"x:1"`)
	dir := filepath.Join(t.TempDir(), "certs")
	r := runBinary(t, "adjust", path, "--certificates", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	files := tree(t, dir)
	if len(files) != 20 || !strings.Contains(r.stderr, "wrote 20 certificates") {
		t.Fatalf("%d files, stderr %q: %v", len(files), r.stderr, names(files))
	}
	for _, want := range []string{"W-F-05-001-x_1.pdf", "W-F-05-001-x~3A1.pdf"} {
		if _, ok := files[want]; !ok {
			t.Errorf("no %s in %v", want, names(files))
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	if r := runBinary(t, "reissue", path, "--register", "../../samples/register.csv", "--font", sampleFont, "--out", out); r.code != 0 {
		t.Fatalf("reissue: exit %d: %s", r.code, r.stderr)
	}
	var m manifest
	b, _ := os.ReadFile(filepath.Join(out, manifestName))
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		if listed[f.Path] {
			t.Errorf("manifest lists %s twice", f.Path)
		}
		listed[f.Path] = true
	}
	if v := runBinary(t, "verify", out, "--font", sampleFont); v.code != 0 {
		t.Fatalf("verify: exit %d: %s", v.code, v.stderr)
	}
}

// TestCertificateNamesDifferOnlyInCase: "x:1" and "X:1" would be one file on
// macOS or Windows: refused before anything is written, naming both.
func TestCertificateNamesDifferOnlyInCase(t *testing.T) {
	path := caseWithIDs(t, `"x:1"`, `"X:1"`)
	for _, args := range [][]string{
		{"adjust", path, "--certificates"},
		{"reissue", path, "--register", "../../samples/register.csv", "--font", sampleFont, "--out"},
	} {
		t.Run(args[0], func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			r := runBinary(t, append(args, dir)...)
			checkRefused(t, r, exitInvalid, path, "events[2].id", `events "x:1" (line 48) and "X:1" give one certificate file name`)
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("refused %s created %s", args[0], dir)
			}
		})
	}
	if r := runBinary(t, "adjust", path); r.code != 0 {
		t.Errorf("adjust without certificates: exit %d: %s", r.code, r.stderr)
	}
}

// TestOutMustBeEmpty: every command that writes a directory refuses one
// that holds anything, and leaves it as it was.
func TestOutMustBeEmpty(t *testing.T) {
	ex := []string{"exercise", sample, "--warrant", "W-F-05-001", "--shares", "1000", "--date", "2008-06-02", "--outstanding", "90000000", "--out"}
	as := []string{"assign", sample, "--warrant", "W-F-05-001", "--to", "X", "--to-address", "Y", "--date", "2008-06-02", "--out"}
	cases := []struct {
		name string
		args []string
		flag string
	}{
		{"exercise", ex, "--out"},
		{"assign", as, "--out"},
		{"notice", []string{"notice", sample, "--kind", "A", "--record-date", "2008-06-30", "--out"}, "--out"},
		{"adjust", []string{"adjust", sample, "--certificates"}, "--certificates"},
		{"reissue", []string{"reissue", sample, "--register", "../../samples/register.csv", "--font", sampleFont, "--out"}, "--out"},
		{"ocf export", []string{"ocf", "export", "no-such-reissue", "--ocf", ocfFixture, "-o"}, "-o"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644)
			r := runBinary(t, append(c.args, dir)...)
			checkRefused(t, r, exitUsage, dir, c.flag, "is not empty")
			if files := tree(t, dir); len(files) != 1 || string(files["keep.txt"]) != "mine" {
				t.Errorf("the directory was touched: %v", names(files))
			}
		})
	}
	// A second exercise into the first's directory leaves the first's record.
	dir := filepath.Join(t.TempDir(), "ex")
	if r := runBinary(t, append(ex, dir)...); r.code != 0 {
		t.Fatalf("exercise: exit %d: %s", r.code, r.stderr)
	}
	before := tree(t, dir)
	second := append([]string{}, ex...)
	second[5] = "2000"
	checkRefused(t, runBinary(t, append(second, dir)...), exitUsage, dir, "--out", "is not empty")
	after := tree(t, dir)
	if len(after) != len(before) || string(after["exercise.json"]) != string(before["exercise.json"]) {
		t.Errorf("the second exercise changed the first's directory")
	}
}

// TestBadOutPaths: an output path that is the wrong kind of thing is a
// usage error (exit 2) that names the flag, the path and what is wrong.
func TestBadOutPaths(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	dangling := filepath.Join(tmp, "dangling")
	if err := os.Symlink(filepath.Join(tmp, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	ex := func(out string) []string {
		return []string{"exercise", sample, "--warrant", "W-F-05-001", "--shares", "1000", "--date", "2008-06-02", "--outstanding", "90000000", "--out", out}
	}
	cases := []struct {
		name       string
		args       []string
		flag, want string
	}{
		{"out is a file", ex(file), "--out", "is a file, not a directory"},
		{"out under a file", ex(filepath.Join(file, "sub")), "--out", "cannot be made: " + file + " is a file"},
		{"out is a dangling link", ex(dangling), "--out", "is a symbolic link to " + filepath.Join(tmp, "nowhere") + ", which does not exist"},
		{"reissue out is a file", []string{"reissue", sample, "--register", "../../samples/register.csv", "--font", sampleFont, "--out", file}, "--out", "is a file, not a directory"},
		{"resume out is a file", []string{"reissue", sample, "--register", "../../samples/register.csv", "--font", sampleFont, "--out", file, "--resume"}, "--out", "is a file, not a directory"},
		{"certificates is a file", []string{"adjust", sample, "--certificates", file}, "--certificates", "is a file, not a directory"},
		{"form into a directory", []string{"form", "warrant", "--blank", "-o", tmp}, "-o", "is a directory"},
		{"form under a file", []string{"form", "warrant", "--blank", "-o", filepath.Join(file, "x.pdf")}, "-o", "cannot be made: " + file + " is a file"},
		{"form to a dangling link", []string{"form", "warrant", "--blank", "-o", dangling}, "-o", "is a symbolic link to a path that does not exist"},
		{"ocf import into a directory", []string{"ocf", "import", ocfFixture, "--series", "W-F-05", "-o", tmp}, "-o", "is a directory"},
		{"ocf import register into a directory", []string{"ocf", "import", ocfFixture, "--series", "W-F-05", "-o", filepath.Join(tmp, "new.yaml"), "--register", tmp}, "--register", "is a directory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkRefused(t, runBinary(t, c.args...), exitUsage, "", c.flag, c.want)
		})
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 2 {
		t.Errorf("refused commands wrote into %s: %v", tmp, entries)
	}
}
