// Package strictjson holds what the strict JSON decoders of warrantkit share
// (the OCF reader in ocf and the output-directory formats in books/folder):
// refusing a key given twice (CheckKeys), placing a syntax error on its line
// (SyntaxProblem), checking a document's shape against a Go type before it
// is decoded (ShapeProblem), and the decimal strings both formats write
// (ParseNumeric).
package strictjson
