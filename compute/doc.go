// Package compute is the arithmetic of the Glowpoint 2005 Warrant to
// Purchase Shares of Common Stock: the adjustments of the Warrant Price and
// the Warrant Share Number under Section 4, exercises under Sections 2, 6
// and 7, and the notices of Sections 9 and 12. It knows nothing of flags or
// PDFs: it takes Terms, a Warrant and the Events of its history and returns
// results whose JSON shapes are in report.go. Errors about the
// input are *InputError values that name the field, such as "shares" or
// "events[3].ratio", and wrap ErrInvalid.
//
// A reader holding the Warrant finds each rule in the file named for it;
// each file's header names its Sections, and each function there quotes the
// words it implements:
//
//	§1, §2(a)–(d), §6   exercise.go   Term, time and method of exercise, cashless
//	                                  exercise (cashlessShares), delivery,
//	                                  fractional shares (cashInLieu)
//	§4 floor            floor.go      the Per Share Market Value on the Original
//	                                  Issue Date below which §4(d)/(e) never go
//	§4(a)               triggering.go Triggering Events
//	§4(b)               split.go      stock splits, combinations, stock dividends
//	§4(c)               distribution.go  other distributions
//	§4(d), §4(e)        dilution.go   Additional Shares, Common Stock Equivalents
//	§4(f), §4(g)(iv)    supersede.go  superseding adjustments, abandoned dividends
//	§4(g)(ii)           deferral.go   postponed adjustments under 1%
//	§4(g)(iii)          round.go      fractional interests to 1/100 share
//	§7                  cap.go        the 4.999% ownership cap
//	§8                  marketvalue.go, calendar.go  Per Share Market Value, Trading Day
//	§9, §12             notice.go     notices and when they are deemed given
//
// engine.go holds the replay that ties §4 together (SPEC §3.5): the history
// is a list of events and the state a pure function of it, so a superseding
// adjustment or a rescission rewrites the history and replays it.
//
// There are no floats. Every quantity is a decimal.Decimal, rounded half
// away from zero at the points the Warrant names (shares to 1/100, prices to
// Terms.PriceDecimals, money to cents), and divisions go through DivRound
// with an explicit precision; a test fails on any float in the package.
package compute
