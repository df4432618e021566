package compute

import (
	"fmt"
	"runtime"
	"slices"
	"syscall"
	"testing"

	"github.com/shopspring/decimal"
)

// Benchmarks of the ledger (issue 12, "Must hold": speed). The register is
// the Glowpoint-like one: a below-price placement, a 3:1 split, a Common
// Stock Equivalent issue and the expiry of its conversion right (a §4(f)
// replay of every lineage, transactions included).

// benchEvents are the events of the benchmark's case.
func benchEvents() []Event {
	evs := events(
		issuance("2005-11-15", "2000000", "3000000", "43034176"),
		split("2006-01-17", "3", "1"),
		cseIssuance("notes", "2007-09-21", "7076000", "3538000", "92000000"),
		Event{Type: CSEExpiry, Date: day("2009-09-21"), Ref: "notes"},
	)
	for i := range evs {
		if evs[i].ID == "" {
			evs[i].ID = fmt.Sprintf("e%d", i+1)
		}
	}
	return evs
}

func benchNumber(n int) string { return fmt.Sprintf("W-F-05-%06d", n) }

// benchCase is a case of n originals (numbered 1..n) and, when txs, a ledger
// of n exercises and assignments and two reissues.
func benchCase(n int, txs bool) *Case {
	c := &Case{Terms: testTerms(), Events: benchEvents()}
	for i := 1; i <= n; i++ {
		w := testWarrant("1")
		w.Number, w.Shares = benchNumber(i), decimal.NewFromInt(int64(10_000+(i*37)%90_000))
		c.Warrants = append(c.Warrants, w)
	}
	if txs {
		c.Transactions = benchLedger(n)
	}
	return c
}

// benchLedger is n exercises and assignments of the originals 1..n (half of
// the lineages get two; the second acts on the first's balance, or on what
// a reissue made of it) spread over three periods, and a reissue after the
// first period (2006-03-01, after the split) and after the second
// (2009-10-01, after the expiry).
func benchLedger(n int) []Transaction {
	out := map[int]bool{} // numbers outstanding
	main := make([]int, n/2+1)
	for i := 1; i <= n; i++ {
		out[i] = true
	}
	for i := range main {
		main[i] = i + 1
	}
	next := n + 1
	issue := func() int { out[next] = true; next++; return next - 1 }
	var xs []Transaction
	reissue := func(date string) {
		var nums []int
		for k := range out {
			nums = append(nums, k)
		}
		slices.Sort(nums)
		renum := map[int]int{}
		for _, k := range nums {
			delete(out, k)
			renum[k] = issue()
		}
		for i, m := range main {
			main[i] = renum[m]
		}
		xs = append(xs, Transaction{Type: TxReissue, Date: day(date)})
	}
	periods := []struct {
		from    string
		days, k int
	}{{"2005-10-01", 140, n / 3}, {"2006-03-02", 1300, n / 3}, {"2009-10-02", 150, n - 2*(n/3)}}
	k := 0
	for p, per := range periods {
		if p == 1 {
			reissue("2006-03-01")
		}
		if p == 2 {
			reissue("2009-10-01")
		}
		for j := 0; j < per.k; j++ {
			i := (k * 7919) % (n / 2) // each of the first n/2 lineages twice
			date := day(per.from).AddDays(j * per.days / per.k)
			w := main[i]
			delete(out, w)
			x := Transaction{Warrant: benchNumber(w), Date: date}
			if k%2 == 0 {
				x.Type, x.Method, x.Shares = TxExercise, MethodCash, d("100")
			} else {
				x.Type, x.Shares, x.To = TxAssignment, d("50"), Holder{Name: "Müller GmbH"}
				x.Number = benchNumber(issue())
			}
			main[i] = issue()
			x.Balance = benchNumber(main[i])
			xs = append(xs, x)
			k++
		}
	}
	return txs(xs...)
}

// benchAdjustCase times AdjustCase on c. Besides ns/op (wall time, which
// other processes on a shared machine inflate) it reports cpu-ns/op: the
// process's user and system CPU time per op, garbage collection included.
func benchAdjustCase(b *testing.B, c *Case) {
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		if _, err := AdjustCase(c, Date{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(n), "cpu-ns/op")
}

// cpuTime is the user and system CPU time of the process so far, in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkAdjustCase_Plain: 10,000 originals, no transactions.
func BenchmarkAdjustCase_Plain(b *testing.B) { benchAdjustCase(b, benchCase(10_000, false)) }

// BenchmarkAdjustCase_Ledger: the same register, its ledger holding two
// reissues and 10,000 exercises and assignments. The issue asks for at most
// twice the time of BenchmarkAdjustCase_Plain.
func BenchmarkAdjustCase_Ledger(b *testing.B) { benchAdjustCase(b, benchCase(10_000, true)) }

// TestBenchLedgerIsValid: the benchmark's ledger is one the engine accepts,
// and has what it claims: 10,000 exercises and assignments, two reissues.
func TestBenchLedgerIsValid(t *testing.T) {
	c := benchCase(1000, true)
	as, err := AdjustCase(c, Date{})
	if err != nil {
		t.Fatal(err)
	}
	count := map[TransactionType]int{}
	for _, x := range c.Transactions {
		count[x.Type]++
	}
	if count[TxExercise]+count[TxAssignment] != 1000 || count[TxReissue] != 2 {
		t.Errorf("transactions: %v", count)
	}
	if len(as) <= 2000 {
		t.Errorf("%d warrants ever issued; want more than the originals and the balances", len(as))
	}
}

// BenchmarkLedgerMemory_100k: the ledger's structure for 100,000 originals
// and one reissue, then every lineage replayed and dropped, as `reissue`
// streams them. Reports case-MB, the heap before NewLedger (the 100,000
// Warrants of the case, which a streaming reader does not hold), and above
// it: ledger-MB, the heap the ledger keeps; live-MB, the most the heap keeps
// while streaming (after a collection every 10,000 lineages: flat when
// nothing is retained); peak-heap-MB, the most allocated at once, garbage
// not yet collected included (sampled every 1,000 lineages); and maxrss-MB,
// the process's peak RSS, the case and the test binary included (run the
// benchmark alone).
func BenchmarkLedgerMemory_100k(b *testing.B) {
	const n = 100_000
	c := benchCase(n, false)
	c.Transactions = txs(Transaction{Type: TxReissue, Date: day("2006-03-01")})
	numbers := make([]string, n)
	for i, w := range c.Warrants {
		numbers[i] = w.Number
	}
	for b.Loop() {
		base := liveHeap()
		l, err := NewLedger(c.Terms, numbers, c.Transactions)
		if err != nil {
			b.Fatal(err)
		}
		kept := liveHeap() - base
		live, peak := kept, kept
		var ms runtime.MemStats
		for i, w := range c.Warrants {
			if _, err := l.Lineage(w, c.Events, Date{}); err != nil {
				b.Fatal(err)
			}
			switch {
			case i%10_000 == 9_999:
				live = max(live, liveHeap()-base)
			case i%1000 == 0:
				runtime.ReadMemStats(&ms)
				peak = max(peak, int64(ms.HeapAlloc)-base)
			}
		}
		runtime.KeepAlive(l)
		b.ReportMetric(float64(base)/(1<<20), "case-MB")
		b.ReportMetric(float64(kept)/(1<<20), "ledger-MB")
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
	}
}

// liveHeap is the heap in use after a collection, in bytes.
func liveHeap() int64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}
