package compute

// §4 floor — the last sentence of the first paragraph of Section 4.
//
// The floor F limits the §4(d) and §4(e) adjustments (dilution.go); a §4(b)
// split moves it when Terms.FloorAdjustsForSplits (SPEC §3.9).

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// splitFloor carries a §4(b) factor new/old into the floor. The floor is
//
//	"Notwithstanding anything contained herein to the contrary, the Warrant
//	Price shall not be adjusted pursuant to Section 4(d) or (e) hereof to a
//	price that is less than the Per Share Market Value on the Original Issue
//	Date."
//
// and §8 has "all determinations of the Per Share Market Value shall be
// appropriately adjusted for any stock dividends, stock splits or other
// similar transactions": with FloorAdjustsForSplits the floor is the market
// value at issue times the product of every factor's old sides over the
// product of its new sides, rounded once.
func (rs *replay) splitFloor(fNew, fOld decimal.Decimal) {
	rs.fNum, rs.fDen = rs.fNum.Mul(fNew), rs.fDen.Mul(fOld)
	if rs.t.FloorAdjustsForSplits {
		rs.F = DivRound(rs.t.MarketValueAtIssue.Mul(rs.fDen), rs.fNum, rs.t.PriceDecimals)
	}
}

// floorNote says how the floor of §4's first paragraph ("the Per Share
// Market Value on the Original Issue Date") was adjusted for splits, or ""
// when it was not.
func (rs *replay) floorNote() string {
	if !rs.t.FloorAdjustsForSplits || rs.fNum.Equal(rs.fDen) {
		return ""
	}
	return fmt.Sprintf(", %s × %s / %s as adjusted for stock splits and dividends (§8)",
		fp(rs.t.MarketValueAtIssue, *rs.t), rs.fDen, rs.fNum)
}

// floorFigures records in fig how the floor was adjusted for splits, as
// floorNote says it.
func (rs *replay) floorFigures(fig *Figures) {
	fig.FloorAtIssue = rs.t.MarketValueAtIssue
	if rs.t.FloorAdjustsForSplits && !rs.fNum.Equal(rs.fDen) {
		fig.FloorNum, fig.FloorDen = rs.fNum, rs.fDen
	}
}
