package main

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The paths an input names (a reissue's manifest.json, an exercise or
// assign record, an OCF manifest) stay inside their directory; the files
// they name are regular files; what ocf export reads has the size and
// sha256 its listing gives. Each refusal is exit 3, one line naming the
// file and field, nothing written — and never a hang: every run here has a
// deadline.

// runWithin runs the binary and fails the test if it has not ended in 30 s
// (a FIFO or /dev/zero read would hang or fill memory).
func runWithin(t *testing.T, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("warrantkit %v hangs (killed after 30 s)", args)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	if strings.Contains(stderr.String(), "goroutine ") {
		t.Fatalf("warrantkit %v panicked:\n%s", args, stderr.String())
	}
	return result{stdout.String(), stderr.String(), code}
}

// editJSON rewrites the JSON file at p through edit (keys come out sorted).
func editJSON(t *testing.T, p string, edit func(m map[string]any)) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// entry is the element i of the array at key of m.
func entry(m map[string]any, key string, i int) map[string]any {
	return m[key].([]any)[i].(map[string]any)
}

// pdfEntry is the index in the manifest's files of the first PDF under dir/.
func pdfEntry(t *testing.T, manifest, dir string) (int, string) {
	t.Helper()
	var m struct{ Files []struct{ Path string } }
	data, _ := os.ReadFile(manifest)
	json.Unmarshal(data, &m)
	for i, f := range m.Files {
		if strings.HasPrefix(f.Path, dir+"/") {
			return i, f.Path
		}
	}
	t.Fatalf("%s lists no PDF under %s", manifest, dir)
	return 0, ""
}

func sums(data []byte) (string, string) {
	s, m := sha256.Sum256(data), md5.Sum(data)
	return hex.EncodeToString(s[:]), hex.EncodeToString(m[:])
}

func mustCopy(t *testing.T, dst, src string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// listing is every name under dir, for "nothing was written".
func listing(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		names = append(names, p)
		return nil
	})
	return strings.Join(names, "\n")
}

// refusedLine checks exit 3 and one line on stderr holding each of wants.
func refusedLine(t *testing.T, r result, wants ...string) {
	t.Helper()
	if r.code != exitInvalid {
		t.Fatalf("exit %d, want 3: %s", r.code, r.stderr)
	}
	if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("not one line: %q", r.stderr)
	}
	for _, w := range wants {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q lacks %q", r.stderr, w)
		}
	}
}

// ocfReissue imports the OCF fixture of originals and re-issues it, for an
// export.
func ocfReissue(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfOriginals, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	re := filepath.Join(dir, "reissue")
	if r := runBinary(t, "reissue", caseFile, "--register", reg, "--out", re, "--font", sampleFont); r.code != 0 {
		t.Fatalf("reissue: %d %s", r.code, r.stderr)
	}
	return re
}

// TestOCFExport_RefusesTamperedReissue: a reissue's manifest naming a path
// outside the reissue, a link or FIFO in place of a PDF, a file whose size
// or sha256 differs from the manifest's, a key twice: ocf export exits 3
// naming manifest.json and the field, and writes nothing, in -o or outside.
func TestOCFExport_RefusesTamperedReissue(t *testing.T) {
	re := ocfReissue(t)
	mf := filepath.Join(re, "manifest.json")
	i, pdf := pdfEntry(t, mf, "warrants")
	pdfData, _ := os.ReadFile(filepath.Join(re, pdf))
	files := func(j int) string { return "files[" + itoa(j) + "]" }
	cases := []struct {
		name   string
		tamper func(t *testing.T, copy string)
		wants  []string
	}{
		{"dotdot path", func(t *testing.T, c string) {
			// The escaping file is the PDF itself: only its path is wrong.
			os.WriteFile(filepath.Join(c, "..", "..", "escape-src.pdf"), pdfData, 0o644)
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) { entry(m, "files", i)["path"] = "../../escape-src.pdf" })
		}, []string{"manifest.json: " + files(i) + `.path: "../../escape-src.pdf" leaves the directory`, "(allowed: a relative path inside the directory"}},
		{"absolute path", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) { entry(m, "files", i)["path"] = "/dev/zero.pdf" })
		}, []string{files(i) + `.path: "/dev/zero.pdf" is an absolute path`}},
		{"input outside", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) {
				m["inputs"].(map[string]any)["case"].(map[string]any)["path"] = "../outside-case.yaml"
			})
		}, []string{`manifest.json: inputs.case.path: "../outside-case.yaml" leaves the directory`}},
		{"link leading out", func(t *testing.T, c string) {
			os.WriteFile(filepath.Join(c, "..", "elsewhere.pdf"), pdfData, 0o644)
			os.Remove(filepath.Join(c, pdf))
			os.Symlink(filepath.Join("..", "..", "elsewhere.pdf"), filepath.Join(c, pdf))
		}, []string{files(i) + ".path: " + pdf + " leads outside the directory through a link"}},
		{"link to dev-zero", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, pdf))
			os.Symlink("/dev/zero", filepath.Join(c, pdf))
		}, []string{files(i) + ".path: " + pdf + " leads outside"}},
		{"FIFO", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, pdf))
			if err := syscall.Mkfifo(filepath.Join(c, pdf), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{files(i) + ".path: " + pdf + " is a FIFO, not a regular file"}},
		{"PDF changed", func(t *testing.T, c string) {
			b := bytes.Clone(pdfData)
			b[len(b)/2] ^= 1
			os.WriteFile(filepath.Join(c, pdf), b, 0o644)
		}, []string{"manifest.json: " + files(i) + ".sha256: " + pdf + " has sha256 ", "it changed after it was written"}},
		{"size edited", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) { entry(m, "files", i)["size"] = len(pdfData) + 1 })
		}, []string{files(i) + ".size: " + pdf + " has size " + itoa(len(pdfData))}},
		{"register changed", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, "register.csv"))
			os.WriteFile(filepath.Join(c, "register.csv"), bytes.Replace(b, []byte("750000"), []byte("750001"), 1), 0o644)
		}, []string{"manifest.json: files[", "].sha256: register.csv has sha256"}},
		{"input changed", func(t *testing.T, c string) {
			f, _ := os.OpenFile(filepath.Join(c, "inputs", "case.yaml"), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("# edited\n")
			f.Close()
		}, []string{"manifest.json: inputs.case.size: inputs/case.yaml has size"}},
		{"key twice", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, "manifest.json"))
			os.WriteFile(filepath.Join(c, "manifest.json"), bytes.Replace(b, []byte(`"warrants": `), []byte(`"warrants": 1, "warrants": `), 1), 0o644)
		}, []string{`manifest.json:`, `/warrants: the key "warrants" appears twice in one object`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			copy := filepath.Join(base, "a", "b", "reissue")
			mustCopy(t, copy, re)
			c.tamper(t, copy)
			before := listing(t, base)
			out := filepath.Join(base, "c", "d", "out")
			r := runWithin(t, "ocf", "export", copy, "--ocf", ocfOriginals, "-o", out, "--font", sampleFont)
			refusedLine(t, r, c.wants...)
			if after := listing(t, base); after != before {
				t.Errorf("the refused export wrote:\n%s\nbefore:\n%s", after, before)
			}
		})
	}
}

// TestOCFExport_RefusesTamperedRecord: the same for an exercise record: a
// link leading out in place of a PDF, a size the record does not give.
func TestOCFExport_RefusesTamperedRecord(t *testing.T) {
	dir := t.TempDir()
	caseFile, reg := filepath.Join(dir, "case.yaml"), filepath.Join(dir, "register.csv")
	if r := runBinary(t, "ocf", "import", ocfOriginals, "--series", "W-F-05", "-o", caseFile, "--register", reg, "--terms", ocfTerms); r.code != 0 {
		t.Fatalf("import: %d %s", r.code, r.stderr)
	}
	ex := filepath.Join(dir, "exercise")
	if r := runBinary(t, "exercise", caseFile, "--register", reg, "--warrant", "W-F-05-001", "--shares", "100000", "--date", "2005-11-01", "--outstanding", "50000000", "--out", ex, "--font", sampleFont); r.code != 0 {
		t.Fatalf("exercise: %d %s", r.code, r.stderr)
	}
	var rec struct{ Files []struct{ Path string } }
	data, _ := os.ReadFile(filepath.Join(ex, "exercise.json"))
	json.Unmarshal(data, &rec)
	pdf := rec.Files[0].Path
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, copy string)
		wants  []string
	}{
		{"link leading out", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, pdf))
			os.WriteFile(filepath.Join(c, "..", "elsewhere.pdf"), b, 0o644)
			os.Remove(filepath.Join(c, pdf))
			os.Symlink(filepath.Join(c, "..", "elsewhere.pdf"), filepath.Join(c, pdf))
		}, []string{"exercise.json: /files/0/path: " + pdf + " leads outside the directory through a link"}},
		{"FIFO input", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, "inputs", "case.yaml"))
			syscall.Mkfifo(filepath.Join(c, "inputs", "case.yaml"), 0o644)
		}, []string{"exercise.json: /inputs/case/path: inputs/case.yaml is a FIFO"}},
		{"size edited", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "exercise.json"), func(m map[string]any) {
				f := entry(m, "files", 0)
				f["size"] = f["size"].(float64) + 1
			})
		}, []string{"exercise.json: /files/0/size: " + pdf + " has size"}},
		{"key twice", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, "exercise.json"))
			os.WriteFile(filepath.Join(c, "exercise.json"), bytes.Replace(b, []byte(`"series": `), []byte(`"series": "W-X", "series": `), 1), 0o644)
		}, []string{`exercise.json:`, `/series: the key "series" appears twice in one object`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			copy := filepath.Join(base, "ex")
			mustCopy(t, copy, ex)
			c.tamper(t, copy)
			before := listing(t, base)
			r := runWithin(t, "ocf", "export", copy, "--ocf", ocfOriginals, "-o", filepath.Join(base, "out"))
			refusedLine(t, r, c.wants...)
			if after := listing(t, base); after != before {
				t.Errorf("the refused export wrote:\n%s", after)
			}
		})
	}
}

// TestVerify_RefusesPathsOutside: verify never reads an input the manifest
// names outside the directory (here a FIFO, which would hang it), nor a
// device or FIFO in place of a document.
func TestVerify_RefusesPathsOutside(t *testing.T) {
	re := filepath.Join(t.TempDir(), "out")
	if r := runBinary(t, "reissue", sample, "--register", "../../samples/register.csv", "--font", sampleFont, "--out", re); r.code != 0 {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	i, pdf := pdfEntry(t, filepath.Join(re, "manifest.json"), "warrants")
	_ = i
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, copy string)
		wants  []string
	}{
		{"input outside", func(t *testing.T, c string) {
			syscall.Mkfifo(filepath.Join(c, "..", "outside-case.yaml"), 0o644)
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) {
				m["inputs"].(map[string]any)["case"].(map[string]any)["path"] = "../outside-case.yaml"
			})
		}, []string{`manifest.json: inputs.case.path: "../outside-case.yaml" leaves the directory`}},
		{"input absolute", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) {
				m["inputs"].(map[string]any)["register"].(map[string]any)["path"] = "/dev/zero"
			})
		}, []string{`manifest.json: inputs.register.path: "/dev/zero" is an absolute path`}},
		{"document is dev-zero", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, pdf))
			os.Symlink("/dev/zero", filepath.Join(c, pdf))
		}, []string{pdf + " leads outside the directory through a link"}},
		{"document is a FIFO", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, pdf))
			syscall.Mkfifo(filepath.Join(c, pdf), 0o644)
		}, []string{pdf + " is a FIFO, not a regular file"}},
		{"manifest is a FIFO", func(t *testing.T, c string) {
			os.Remove(filepath.Join(c, "manifest.json"))
			syscall.Mkfifo(filepath.Join(c, "manifest.json"), 0o644)
		}, []string{"manifest.json is a FIFO, not a regular file"}},
		{"key twice", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, "manifest.json"))
			os.WriteFile(filepath.Join(c, "manifest.json"), bytes.Replace(b, []byte(`"warrants": `), []byte(`"warrants": 1, "warrants": `), 1), 0o644)
		}, []string{`/warrants: the key "warrants" appears twice`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			copy := filepath.Join(t.TempDir(), "re")
			mustCopy(t, copy, re)
			c.tamper(t, copy)
			refusedLine(t, runWithin(t, "verify", copy, "--font", sampleFont), c.wants...)
		})
	}
}

// TestOCFImport_RefusesPathsOutside: an OCF manifest naming /dev/zero, a
// FIFO, ../x, an absolute path or a link leading out is refused (exit 3,
// the manifest and the JSON pointer named) without hanging or reading it;
// so is a key given twice.
func TestOCFImport_RefusesPathsOutside(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the filepath the manifest gives the stakeholders file
		want  string
	}{
		{"dev-zero", func(t *testing.T, dir string) string { return "/dev/zero" }, `"/dev/zero" is an absolute path`},
		{"absolute path", func(t *testing.T, dir string) string { return filepath.Join(dir, "Stakeholders.ocf.json") }, `is an absolute path`},
		{"dotdot x", func(t *testing.T, dir string) string {
			os.Rename(filepath.Join(dir, "Stakeholders.ocf.json"), filepath.Join(dir, "..", "x.ocf.json"))
			return "../x.ocf.json"
		}, `"../x.ocf.json" leaves the directory`},
		{"FIFO", func(t *testing.T, dir string) string {
			syscall.Mkfifo(filepath.Join(dir, "Fifo.ocf.json"), 0o644)
			return "./Fifo.ocf.json"
		}, `./Fifo.ocf.json is a FIFO, not a regular file`},
		{"link to dev-zero", func(t *testing.T, dir string) string {
			os.Symlink("/dev/zero", filepath.Join(dir, "Zero.ocf.json"))
			return "Zero.ocf.json"
		}, `Zero.ocf.json leads outside the directory through a link`},
		{"link leading out", func(t *testing.T, dir string) string {
			os.Rename(filepath.Join(dir, "Stakeholders.ocf.json"), filepath.Join(dir, "..", "x.ocf.json"))
			os.Symlink("../x.ocf.json", filepath.Join(dir, "Link.ocf.json"))
			return "Link.ocf.json"
		}, `Link.ocf.json leads outside the directory through a link`},
		{"directory", func(t *testing.T, dir string) string {
			os.Mkdir(filepath.Join(dir, "Dir.ocf.json"), 0o755)
			return "Dir.ocf.json"
		}, `Dir.ocf.json is a directory, not a regular file`},
	} {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "ocf")
			mustCopy(t, dir, ocfFixture)
			stakeholders, _ := os.ReadFile(filepath.Join(dir, "Stakeholders.ocf.json"))
			_, sum := sums(stakeholders)
			fp := c.setup(t, dir)
			editJSON(t, filepath.Join(dir, "Manifest.ocf.json"), func(m map[string]any) {
				f := entry(m, "stakeholders_files", 0)
				f["filepath"], f["md5"] = fp, sum
			})
			out := filepath.Join(base, "case.yaml")
			r := runWithin(t, "ocf", "import", dir, "--series", "W-F-05", "-o", out, "--terms", ocfTerms)
			refusedLine(t, r, "Manifest.ocf.json: /stakeholders_files/0/filepath: ", c.want, "(allowed: a relative path inside the directory")
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("the refused import wrote %s", out)
			}
		})
	}
	t.Run("key twice", func(t *testing.T) {
		base := t.TempDir()
		dir := filepath.Join(base, "ocf")
		mustCopy(t, dir, ocfFixture)
		tx := filepath.Join(dir, "Transactions.ocf.json")
		b, _ := os.ReadFile(tx)
		_, old := sums(b)
		b = bytes.Replace(b, []byte(`"quantity": "250000"`), []byte(`"quantity": "250000", "quantity": "999"`), 1)
		os.WriteFile(tx, b, 0o644)
		_, sum := sums(b)
		m, _ := os.ReadFile(filepath.Join(dir, "Manifest.ocf.json"))
		os.WriteFile(filepath.Join(dir, "Manifest.ocf.json"), bytes.Replace(m, []byte(old), []byte(sum), 1), 0o644)
		r := runWithin(t, "ocf", "import", dir, "--series", "W-F-05", "-o", filepath.Join(base, "case.yaml"), "--terms", ocfTerms)
		refusedLine(t, r, `Transactions.ocf.json: /items/1/quantity: line 28: the key "quantity" appears twice in one object`)
	})
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestUserPathsAreRegularFiles: the files a user names on the command line
// (the case, --register, --terms) must be regular files: a FIFO with no
// writer or a device is refused at once, exit 3, naming the file and the
// flag, and nothing is written. (A FIFO used to hang every command, deaf to
// SIGINT and SIGTERM; /dev/zero as --terms filled memory.)
func TestUserPathsAreRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	out := filepath.Join(dir, "out")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"adjust", fifo}, "is a FIFO, not a regular file"},
		{[]string{"adjust", "/dev/zero"}, "is a device, not a regular file"},
		{[]string{"adjust", sample, "--register", fifo}, "--register: is a FIFO"},
		{[]string{"exercise", sample, "--register", fifo, "--warrant", "W-F-05-001", "--shares", "1", "--date", "2009-10-01"}, "--register: is a FIFO"},
		{[]string{"reissue", sample, "--register", fifo, "--out", out}, "--register: is a FIFO"},
		{[]string{"ocf", "import", "../../samples/ocf/glowpoint", "--series", "W-F-05", "--terms", fifo, "-o", filepath.Join(out, "c.yaml")}, "--terms: is a FIFO"},
		{[]string{"ocf", "import", "../../samples/ocf/glowpoint", "--series", "W-F-05", "--terms", "/dev/zero", "-o", filepath.Join(out, "c.yaml")}, "--terms: is a device"},
	}
	for _, c := range cases {
		r := runWithin(t, c.args...)
		if r.code != exitInvalid || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want exit 3, one line with %q", c.args, r.code, r.stderr, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Fatalf("%v wrote %s", c.args, out)
		}
	}
}

// TestTermsFileLimit: a --terms file is held to the size of a case file.
func TestTermsFileLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "terms.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# padding\n"), 500_000), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runWithin(t, "ocf", "import", "../../samples/ocf/glowpoint", "--series", "W-F-05", "--terms", big, "-o", filepath.Join(dir, "c.yaml"))
	if r.code != exitInvalid || !strings.Contains(r.stderr, "--terms: terms.yaml is larger than 4 MiB") {
		t.Errorf("exit %d, %q; want exit 3 naming --terms and its limit", r.code, r.stderr)
	}
}

// TestVerify_TrailingManifestData: a manifest with more after its JSON
// object is not the manifest the reissue wrote.
func TestVerify_TrailingManifestData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if r := runWithin(t, "reissue", sample, "--register", "../../samples/register.csv", "--font", sampleFont, "--out", out, "-j", "1"); r.code != 0 {
		t.Fatalf("reissue: %d %s", r.code, r.stderr)
	}
	for _, tail := range []string{`{"tool":"evil"}`, "garbage"} {
		m := filepath.Join(out, "manifest.json")
		orig, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(m, append(append([]byte{}, orig...), tail+"\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runWithin(t, "verify", out, "--font", sampleFont)
		if r.code == 0 || !strings.Contains(r.stderr, "more after its JSON object") {
			t.Errorf("tail %q: exit %d, %q; want a refusal", tail, r.code, r.stderr)
		}
		os.WriteFile(m, orig, 0o644)
	}
}

// TestOCFExport_VerifiesReissue: an edit that keeps every listed hash right
// (the manifest's count, its list, the resume state, a document and its
// hash together) is found by recomputing the reissue, as verify does:
// ocf export names each problem and the folder, exits 3 and writes nothing.
func TestOCFExport_VerifiesReissue(t *testing.T) {
	re := ocfReissue(t)
	i, pdf := pdfEntry(t, filepath.Join(re, "manifest.json"), "warrants")
	for _, c := range []struct {
		name   string
		tamper func(t *testing.T, copy string)
		want   string
	}{
		{"warrants count", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) { m["warrants"] = 11 })
		}, "warrants"},
		{"state deleted", func(t *testing.T, c string) { os.Remove(filepath.Join(c, ".reissue.json")) }, ".reissue.json"},
		{"entry dropped", func(t *testing.T, c string) {
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) {
				fs := m["files"].([]any)
				m["files"] = append(fs[:i:i], fs[i+1:]...)
			})
			os.Remove(filepath.Join(c, pdf))
		}, pdf},
		{"document and hash edited", func(t *testing.T, c string) {
			b, _ := os.ReadFile(filepath.Join(c, pdf))
			b = append(b, "% edited\n"...)
			os.WriteFile(filepath.Join(c, pdf), b, 0o644)
			editJSON(t, filepath.Join(c, "manifest.json"), func(m map[string]any) {
				entry(m, "files", i)["sha256"] = sha(b)
				entry(m, "files", i)["size"] = len(b)
			})
		}, pdf},
	} {
		t.Run(c.name, func(t *testing.T) {
			copy := filepath.Join(t.TempDir(), "reissue")
			mustCopy(t, copy, re)
			c.tamper(t, copy)
			out := filepath.Join(t.TempDir(), "out")
			r := runWithin(t, "ocf", "export", copy, "--ocf", ocfOriginals, "-o", out, "--font", sampleFont)
			if r.code != exitInvalid || !strings.Contains(r.stderr, "the reissue does not match its manifest") || !strings.Contains(r.stderr, c.want) {
				t.Errorf("exit %d, %q; want exit 3 naming %s", r.code, r.stderr, c.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("the refused export wrote %s", out)
			}
		})
	}
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
