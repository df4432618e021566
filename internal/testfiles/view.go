package testfiles

import (
	"slices"
	"strings"
	"testing"

	"github.com/warrantkit/warrantkit/compute"
)

// RegisterView is the register view of SPEC §4.5 of c, worked out from
// compute.AdjustCase alone (independently of the view books writes): per
// outstanding warrant, in ascending order of number, its number, holder,
// address, shares, price, issued and parent.
func RegisterView(t testing.TB, c *compute.Case) [][]string {
	t.Helper()
	adjs, err := compute.AdjustCase(c, compute.Date{})
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for _, a := range adjs {
		if a.Surrendered != nil {
			continue
		}
		issued := c.Terms.OriginalIssueDate
		if a.CreatedBy != nil {
			issued = a.Issued
		}
		rows = append(rows, []string{a.Warrant, a.Subject.Holder.Name, strings.Join(a.Subject.Holder.Address, "|"),
			a.Final.Shares.StringFixed(c.Terms.ShareDecimals), a.Final.Price.StringFixed(c.Terms.PriceDecimals), issued.String(), a.Subject.Parent})
	}
	slices.SortFunc(rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return rows
}
