package compute

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// implemented lists the Sections of the Warrant that this package
// implements. Each is named in the header of exactly one non-test file:
// the first comment after the package clause, whose first line is
//
//	// §4(d), §4(e) — Issuance of Additional Shares …
//
// (the Sections, then " — " and their headings). A Section may carry the
// defined term it implements ("§8 Trading Day") or, for the floor, the word
// floor ("§4 floor": the last sentence of §4's first paragraph). Other
// mentions of a Section in prose are free.
var implemented = []string{
	"§1", "§2(a)", "§2(b)", "§2(c)", "§2(d)",
	"§4 floor", "§4(a)", "§4(b)", "§4(c)", "§4(d)", "§4(e)", "§4(f)",
	"§4(g)(ii)", "§4(g)(iii)", "§4(g)(iv)",
	"§6", "§7", "§8 Per Share Market Value", "§8 Trading Day", "§9", "§12",
}

// TestSections checks that a reader grepping compute/ for a Section finds
// the one file that implements it, and that a function there quotes it.
func TestSections(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(src)
	}
	for _, p := range sectionProblems(files, implemented) {
		t.Error(p)
	}
}

// TestSections_Fails shows the check catches a Section named twice, one
// named nowhere, one not in the list and one no function quotes.
func TestSections_Fails(t *testing.T) {
	quoting := func(fn, label string) string {
		return "\n// " + fn + " applies " + label + `: "the Warrant's words".` + "\nfunc " + fn + "() {}\n"
	}
	files := map[string]string{
		"a.go": "package compute\n\n// §4(b), §4(c) — two Sections.\n\nimport \"fmt\"\n" + quoting("f", "§4(b)") + quoting("g", "§4(c)"),
		"b.go": "package compute\n\n// §4(c) — again.\n" + quoting("f", "§4(c)"),
		"c.go": "package compute\n\n// §5 — not implemented here.\n" + quoting("f", "§5"),
		"d.go": "package compute\n\n// §6 — named but not quoted.\n\n// f does it.\nfunc f() {}\n",
		"e.go": "package compute\n\n// A file with no Section, which mentions §4(d) in prose.\n",
	}
	got := strings.Join(sectionProblems(files, []string{"§4(b)", "§4(c)", "§4(d)", "§6"}), "\n")
	for _, want := range []string{
		"§4(c) is named in the headers of 2 files (a.go, b.go)",
		"§4(d) is named in no file's header",
		"c.go: §5 is not a Section this package is listed as implementing",
		"d.go: no function's doc comment quotes §6",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems do not include %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "§4(b)") {
		t.Errorf("§4(b) is named once and quoted, but reported:\n%s", got)
	}
}

// sectionLabel is one Section as a header names it.
var sectionLabel = regexp.MustCompile(`^§[0-9]+(\([a-z]+\))*(\([ivx]+\))?( [A-Za-z ]+)?$`)

// sectionProblems checks files (name → source) against the list of
// implemented Sections.
func sectionProblems(files map[string]string, implemented []string) []string {
	var problems []string
	where := map[string][]string{}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		for _, label := range headerSections(f) {
			if !sectionLabel.MatchString(label) || !slices.Contains(implemented, label) {
				problems = append(problems, name+": "+label+" is not a Section this package is listed as implementing")
				continue
			}
			where[label] = append(where[label], name)
			if !quotes(f, label) {
				problems = append(problems, name+": no function's doc comment quotes "+label+" (names it and quotes the Warrant)")
			}
		}
	}
	for _, label := range implemented {
		switch n := len(where[label]); {
		case n == 0:
			problems = append(problems, label+" is named in no file's header")
		case n > 1:
			problems = append(problems, label+" is named in the headers of "+itoa(n)+" files ("+strings.Join(where[label], ", ")+")")
		}
	}
	return problems
}

// headerSections are the Sections f's header names: the first comment after
// the package clause, when it comes before any declaration and its first
// line begins with §.
func headerSections(f *ast.File) []string {
	for _, cg := range f.Comments {
		if cg.Pos() < f.Package {
			continue
		}
		if len(f.Decls) > 0 && cg.Pos() > f.Decls[0].Pos() {
			return nil
		}
		first, _, _ := strings.Cut(cg.Text(), "\n")
		labels, _, ok := strings.Cut(first, " — ")
		if !ok || !strings.HasPrefix(labels, "§") {
			return nil
		}
		return strings.Split(labels, ", ")
	}
	return nil
}

// quotes reports whether a function of f has a doc comment that names the
// Section (its number, such as §4(g)(ii) or §8) and quotes the Warrant.
func quotes(f *ast.File, label string) bool {
	ref, _, _ := strings.Cut(label, " ")
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Doc == nil {
			continue
		}
		doc := fd.Doc.Text()
		if strings.Contains(doc, ref) && strings.Count(doc, `"`) >= 2 {
			return true
		}
	}
	return false
}
