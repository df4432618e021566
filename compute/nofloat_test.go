package compute

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoFloats fails if any non-test file of this package, of its case file
// reader (casefile) or of ocf (whose numbers cross into and out of OCF's
// decimal strings) names a float type or
// converts a decimal through one: every quantity is a decimal.Decimal.
func TestNoFloats(t *testing.T) {
	banned := map[string]bool{"float32": true, "float64": true, "NewFromFloat": true, "NewFromFloat32": true,
		"NewFromFloatWithExponent": true, "InexactFloat64": true, "Float64": true, "ParseFloat": true}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	casefile, err := filepath.Glob(filepath.Join("casefile", "*.go"))
	if err != nil || len(casefile) == 0 {
		t.Fatalf("no casefile sources: %v", err)
	}
	files = append(files, casefile...)
	ocf, err := filepath.Glob(filepath.Join("..", "ocf", "*.go"))
	if err != nil || len(ocf) == 0 {
		t.Fatalf("no ocf sources: %v", err)
	}
	files = append(files, ocf...)
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && banned[id.Name] {
				t.Errorf("%s: %s: quantities must be decimals", fset.Position(id.Pos()), id.Name)
			}
			return true
		})
		checked++
	}
	if checked < 5+len(ocf)/2 {
		t.Fatalf("checked only %d files", checked)
	}
}
