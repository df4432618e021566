package ocf

import (
	"fmt"
	"slices"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// TestTransactionsNumberKey: the import finds an exercise's original, and
// the warrant exercised in its lineage, by the number's key, as the rest of
// the project does: originals spelled W-F-05-1 (as a register may write it)
// are the W-F-05-001 of the OCF export, and the transactions are the same.
func TestTransactionsNumberKey(t *testing.T) {
	dir, _ := exportLedger(t)
	imp, c2, err := importLedger(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	want, err := imp.transactions(c2, c2.Warrants)
	if err != nil {
		t.Fatal(err)
	}
	unpadded := slices.Clone(c2.Warrants)
	for i, w := range unpadded {
		unpadded[i].Number = "W-F-05-" + compute.WarrantNumberKey(c2.Terms.Series, w.Number)
	}
	if unpadded[0].Number != "W-F-05-1" {
		t.Fatalf("the first original is %s, want W-F-05-1", unpadded[0].Number)
	}
	got, err := imp.transactions(c2, unpadded)
	if err != nil {
		t.Fatalf("originals spelled without leading zeros: %v", err)
	}
	if !slices.EqualFunc(got, want, func(a, b compute.Transaction) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Errorf("originals spelled without leading zeros give\n%v\nwant\n%v", got, want)
	}
	// shareNumberAt, the replay up to one exercise, finds the warrant
	// exercised, the original W-F-05-001, in the ledger of W-F-05-1.
	for i, st := range imp.Steps {
		if st.Type != compute.TxExercise || st.Warrant != "W-F-05-001" {
			continue
		}
		n, err := shareNumberAt(c2, unpadded[0], want[:i], st.Date, st.Warrant)
		if err != nil {
			t.Fatal(err)
		}
		if want := want[i].Shares.Add(imp.Steps[i].Balance.Shares); !n.Equal(want) {
			t.Errorf("%s acted on %s shares, want %s", st.Warrant, n, want)
		}
	}
}
