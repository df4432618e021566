// Package casefile reads warrantkit's inputs: the case file, which states a
// warrant series and the Issuer's events (SPEC §2.1, §2.3, §2.4), and the
// register, a CSV of warrants (SPEC §2.2). It turns them into the types of
// package compute, which knows nothing of files; casefile imports compute,
// never the reverse.
//
// # The case file
//
// A case file is one YAML or JSON document, a mapping with four keys:
//
//	issuer:   # name, jurisdiction, address, signatory {name, title},
//	          # notice {attention, phone, fax}
//	terms:    # series, original_issue_date, exercise_start, expiration,
//	          # time_zone, initial_warrant_price, market_value_at_issue and
//	          # the terms that have a default (ownership_cap_percent,
//	          # share_decimals, price_decimals, the interpretation switches...)
//	warrants: # [{number, holder {name, address}, shares, email, tax_id_last4, parent}]
//	events:   # [{type, date, id, description, and the type's fields}]
//
// The event types are those of compute.EventTypes (stock-split, combination,
// stock-dividend, distribution, issuance, cse-issuance, ...). A Per Share
// Market Value is a positive decimal or exactly one of {exchange: {bid,
// ask}}, {otc: {closing_bid}}, {pink_sheets: [quotes]}, {appraisal: [one or
// two values]}. Load reads a file, Decode any io.Reader.
//
// # The register
//
// A register lists a series too large to write inline: a CSV with a header
// row naming the columns number, holder_name, holder_address (lines
// separated by |), shares, and optionally email, tax_id_last4 and parent.
// RegisterReader streams it a row at a time; ReadRegister reads it whole.
// Every CSV warrantkit writes quotes its cells against CSV injection
// (CSVCell), and the register reader takes that quote off again (CSVValue).
//
// # How the case file is walked
//
// YAML and JSON share one decoder: go.yaml.in/yaml/v3 parses both into a
// yaml.Node tree, which keeps every scalar's literal text and its line, and
// the tree is walked by hand against the schema. Walking by hand is what lets
// every error carry the file, the line and the dotted field path, and what
// keeps decimals exact: a number is taken from its literal text and parsed by
// shopspring/decimal, never through a binary floating-point type.
//
// Conventions of the walk, the same at every depth:
//   - a mapping may hold only the keys its schema allows; an unknown key or a
//     duplicate key is an error;
//   - a key whose value is null (`key:`, `key: ~`, JSON null) is the same as
//     an absent key: an optional field keeps its default, a required one is
//     reported missing;
//   - a string field takes the literal text of any scalar, trimmed (so
//     `tax_id_last4: 0123` keeps its leading zero);
//   - a string may not hold control characters (other than tab and line
//     feed), bidi embeddings, overrides or isolates, or zero-width
//     characters (text.go), nor more than MaxTextChars characters;
//   - decimals are written as strings or as numbers and must match
//     [+-]?digits[.digits]: no exponent, no separators, no .inf or .nan,
//     at most MaxIntegerDigits digits before the point and MaxDecimals
//     after it (share quantities share_decimals, the Warrant Price
//     price_decimals);
//   - dates lie within compute.MinDate..compute.MaxDate, and no event is
//     dated before the Original Issue Date;
//   - the file, its lists and its text are bounded (limits.go);
//   - anchors and aliases are followed; the schema's depth is fixed, so an
//     alias can never make the walk recurse without end.
//
// # Errors
//
// Every problem with the input is a *compute.InputError, which wraps
// compute.ErrInvalid and names the file, the line (or register row), the
// field, what was wrong and what is allowed.
package casefile
