package books

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute/casefile"
)

// TestReadRegisterFile_KeepsNoRows: the register is read as a stream and
// only the numbers are kept (for the ledger) — not the rows they were read
// from. A number sliced from the CSV reader's row kept the whole row alive:
// 11 MB of a 100,000-row register held to the end of a reissue.
func TestReadRegisterFile_KeepsNoRows(t *testing.T) {
	const rows = 20_000
	long := strings.Repeat("Königstraße 1 Hinterhaus 3. Stock links ", 25) // ~1 KB a row
	var b strings.Builder
	b.WriteString("number,holder_name,holder_address,shares\n")
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, "W-F-05-%05d,Holder %d,%s|70173 Stuttgart,1000\n", i, i, long)
	}
	path := filepath.Join(t.TempDir(), "register.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b = strings.Builder{}
	c, err := casefile.Load("../samples/glowpoint-2005.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var scan registerScan
	_, count, issued, err := readRegisterFile(path, c, &scan, nil)
	if err != nil || count != rows || len(scan.numbers) != rows {
		t.Fatalf("count %d, %d numbers, err %v", count, len(scan.numbers), err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	kept := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	// A number, its string header and the issued-number set take well under
	// 200 bytes a row; a row kept whole takes over 1,000.
	if perRow := kept / rows; perRow > 200 {
		t.Errorf("reading the register keeps %d bytes a row (%d in all): the rows are kept, not only their numbers", perRow, kept)
	}
	runtime.KeepAlive(scan)
	runtime.KeepAlive(issued)
}
