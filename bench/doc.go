// Package bench holds what warrantkit's trials and benchmarks need besides
// a reissue: synthetic registers (Register) and the raw fpdf floor a
// reissue's speed is compared with (Floor: the same replacement-warrant
// pages set directly with fpdf, no toolkit logic), and the process's peak
// resident set size.
package bench
