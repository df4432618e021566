package books

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// TestViewSpill_AsView: the rows a reissue spills to a file come back as
// View.WriteCSV writes the same rows sorted — by number value (W-F-05-9
// before W-F-05-010), formula cells quoted, contact columns kept — byte for
// byte, and the file is gone after.
func TestViewSpill_AsView(t *testing.T) {
	for _, contact := range []bool{false, true} {
		v := &View{Contact: contact}
		f, err := os.CreateTemp(t.TempDir(), ".register-rows.tmp-*")
		if err != nil {
			t.Fatal(err)
		}
		s := &viewSpill{f: f, w: bufio.NewWriter(f)}
		rng := rand.New(rand.NewPCG(1, 2))
		for _, i := range rng.Perm(500) {
			r := ViewRow{Number: fmt.Sprintf("W-F-05-%0*d", 1+i%4, i+1), HolderName: fmt.Sprintf("Holder %d, Ltd.", i), HolderAddress: "=1+2|Königstraße 1",
				Shares: fmt.Sprintf("%d.50", i*100), WarrantPrice: "1.1237", Issued: "2006-01-17", Parent: fmt.Sprintf("W-F-05-%03d", i+1)}
			if contact {
				e, x := fmt.Sprintf("h%d@example.com", i), "1234"
				if i%3 == 0 {
					e, x = "", ""
				}
				r.Email, r.TaxID4 = &e, &x
			}
			p := r.pack()
			v.rows = append(v.rows, p)
			if err := s.add(p); err != nil {
				t.Fatal(err)
			}
		}
		v.sort("W-F-05")
		var want, got bytes.Buffer
		if err := v.WriteCSV(&want); err != nil {
			t.Fatal(err)
		}
		if err := s.writeCSV(&got, contact, "W-F-05"); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("contact %v: the spilled view differs:\n%s", contact, firstDiff(want.String(), got.String()))
		}
		s.discard()
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(f.Name()), ".register-rows.tmp-*")); len(left) != 0 {
			t.Errorf("left %v", left)
		}
	}
}

func firstDiff(a, b string) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf("at byte %d: want %.60q, got %.60q", i, a[i:], b[i:])
		}
	}
	return fmt.Sprintf("lengths %d and %d", len(a), len(b))
}
