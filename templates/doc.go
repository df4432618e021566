// Package templates turns compute results into the documents the Warrant
// calls for, each a render.Doc: the Warrant itself (original, replacement or
// blank), the Exercise Form, the Assignment and Partial Assignment, the
// issuer-only record, the Certificate of Adjustment of Section 5 ("a
// certificate setting forth, in reasonable detail, the event requiring the
// adjustment, the amount of the adjustment, the method by which such
// adjustment was calculated, and the Warrant Price and Warrant Share Number
// after giving effect to such adjustment") and the notice of Section 9. It
// is where compute and render meet: it formats numbers and words and does
// no arithmetic.
//
// The files:
//
//   - warrant.go, exerciseform.go, assignment.go, record.go, certificate.go,
//     notice.go: one document each;
//   - schedule.go: the Schedule of Adjustments of a replacement warrant; a
//     warrant created by a transaction of the ledger reads its lineage
//     (Lineage, CreatedWarrant), each row with the numbers of the warrant it
//     names; ledgertext.go says in words what each transaction did;
//   - txrecord.go: the issuer's record of each transaction of the ledger
//     (RecordOf), rendered by record.go;
//   - warranttext.go: the Warrant's own text, text/warrant.txt (the filing's
//     words, typos included), laid out section by section by the markup
//     engine of templates/internal/markup; forms.go supplies the values of
//     its placeholders from the case file;
//   - english.go: the English of numbers, dates and times, as the Warrant
//     writes them ("Two Hundred Fifty Thousand (250,000)", "twenty (20)",
//     "March 14, 2005", "5:00 p.m., eastern time");
//   - common.go: what every document shares: Options, metadata, e-sign tags,
//     the Issuer's signature block.
//
// Every document is repeatable byte for byte: the date it carries comes in
// with its input (Options.Created, or the document's own date), never from
// the clock.
package templates
