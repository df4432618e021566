// Package markup reads a small line-oriented markup for legal text and lays
// a section of it out as render blocks, filling its placeholders from a map
// of values. It knows render's blocks and nothing of what the text says:
// templates keeps the Warrant's text (text/warrant.txt) and the values that
// fill it.
//
// A text is divided into sections, each a run of blocks; every block begins
// with a directive on a line of its own:
//
//	# ...                   comment (only at the start of a line)
//	== NAME                 starts a section
//	@title TEXT             centred bold title line
//	@center TEXT            centred line; @left TEXT, @right TEXT likewise
//	@pair LEFT || RIGHT     LEFT at the left margin and RIGHT flush right on the
//	                        same line (RIGHT goes below when they do not fit)
//	@space MM               vertical space; @pagebreak  new page
//	@keep ... @endkeep      the blocks between stay on one page
//	@formula LEFT | NUMERATOR | DENOMINATOR [| RIGHT]   a displayed fraction
//
// Paragraphs take their text from the lines that follow, up to a blank line;
// the lines are joined with single spaces. N is an indent level (12.7 mm, half
// an inch, each; decimals allowed); body text is justified.
//
//	@p [N]                  paragraph at level N, first line indented one level
//	@flush [N]              paragraph at level N, no first-line indent
//	@ragged [N]             the same, set ragged right
//	@item N LABEL           numbered paragraph: LABEL ("1.", "(a)", "(i)") run in
//	                        at the first-line indent; a label in parentheses hangs
//	@hang N M LABEL...      hanging item: text at level N, LABEL at level M
//	@symbol N LABEL...      a symbol's definition under a formula: text at level
//	                        N, LABEL ("Where X =", "Y =") set flush right before
//	                        it, so that the symbols and their "=" line up
//	@lines [N]              each following line is a line of its own at level N
//	@signature [N]          signature block at level N, from lines of the forms
//	                          heading TEXT       the line above the signature
//	                          sign LABEL {{f}}   a rule to sign on ("By:")
//	                          line TEXT          a line under it (name, title)
//
// Inline, in any text:
//
//   - {{name}}, {{name:40}}: a fill-in blank (render.F): its value on an
//     underline at least 40 mm wide (default 30), or an empty underline.
//     {{name:40|PREFIX}} prints PREFIX before the underline when blank and
//     only the value when filled (PREFIX may hold {{=text}} placeholders). A
//     value under "name.tag" adds an invisible e-sign tag (render.Tag) after
//     it.
//   - {{=name}}, {{=name:upper}}, {{=name:stop}}: plain text, as it is, in
//     capitals, or ending a sentence (a full stop unless the value has one).
//     A missing or empty value is reported by Section.Fill.
//   - {{=name?}}, {{=name?40}}: an optional text: a missing or empty value
//     leaves an empty underline (40 mm; default 30) to fill by hand; in a
//     signature block, the line's own rule is the blank.
//   - **bold** and __underlined__.
//
// Values a section does not use are ignored, so one map may serve every
// section.
package markup
