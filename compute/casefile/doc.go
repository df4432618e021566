// Package casefile reads warrantkit's inputs: the case file, which states a
// warrant series, the Issuer's events and the ledger of what happened to
// each warrant (SPEC §2.1, §2.3, §2.4, §2.5), and the register, a CSV of the
// original warrants (SPEC §2.2). It turns them into the types of
// package compute, which knows nothing of files; casefile imports compute,
// never the reverse.
//
// # The case file
//
// A case file is one YAML or JSON document, a mapping with five keys:
//
//	issuer:   # name, jurisdiction, address, signatory {name, title},
//	          # notice {attention, phone, fax}
//	terms:    # series, original_issue_date, exercise_start, expiration,
//	          # time_zone, initial_warrant_price, market_value_at_issue and
//	          # the terms that have a default (ownership_cap_percent,
//	          # share_decimals, price_decimals, the interpretation switches...)
//	warrants: # [{number, holder {name, address}, shares, email, tax_id_last4}]
//	events:   # [{type, date, id, description, and the type's fields}]
//	transactions: # [{type, date, id, note, and the type's fields}], in any order:
//	          # exercise     {warrant, shares, method (cash|cashless|combined),
//	          #               cashless_shares (combined), market_value
//	          #               (cashless, combined), balance}
//	          # assignment   {warrant, to {name, address}, shares, number, balance}
//	          # exchange     {warrant, into: [{number, shares}, ..., {number}]}
//	          # replacement  {warrant, number, reason (lost|stolen|destroyed|mutilated)}
//	          # reissue      {first_number}
//	          # cancellation {warrant, reason}
//
// The warrants, like a register's, are the original warrants, issued on the
// Original Issue Date: one issued later (a balance, an assignee's, a
// replacement, a reissue) exists only through the transaction that created
// it, so a warrant with a parent is refused. A transaction is checked on its
// own here: its date lies from the Original Issue Date to the expiration
// (an exercise's from exercise_start), its quantities are positive with at
// most share_decimals decimals, its numbers are of the series and each new
// one differs from the others and from the warrant it surrenders, and its id
// is unique among the events and the transactions. Whether the warrant is
// outstanding and a new number free is compute.NewLedger's to check; whether
// the shares add up, the engine's.
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
// separated by |), shares, and optionally email and tax_id_last4; a parent
// column may be present, empty. RegisterReader streams it a row at a time;
// ReadRegister reads it whole. The register view that reissue and register
// write (SPEC §4.5: current share numbers, warrant_price, issued, parent) is
// refused as a register and read by ReadRegisterView.
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
//   - dates lie within compute.MinDate..compute.MaxDate, and no event or
//     transaction is dated before the Original Issue Date;
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
