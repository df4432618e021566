package main

import (
	"context"
	"fmt"
	"io"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
)

func runNotice(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "notice", "CASE --kind A..F --record-date D [--send 2008-03-01T16:30 --via fax|courier|hand] [--json]")
	kind := fs.String("kind", "", "the case of §9: A distributions, B rights, C reclassification, D reorganization, E merger or sale, F dissolution (required)")
	record := fs.String("record-date", "", "the record or effective date of the event, `YYYY-MM-DD` (required)")
	send := fs.String("send", "", "when the notice was or will be sent: wall time in the Warrant's time zone, or with an offset")
	via := fs.String("via", "", "how it is sent: fax, courier or hand (§12)")
	asJSON := fs.Bool("json", false, "print the result as JSON: the latest notice date and, with --send, when the notice is deemed given and whether on time")
	out := fs.String("out", "", "write the Notice to Holders (§9) for each warrant's holder into `DIR`, which must be empty or absent")
	description := fs.String("description", "", "with --out: the event, in the Issuer's words, quoted in the notice")
	participation := fs.String("participation-date", "", "with --out: the date holders of record participate or exchange, if not the record date")
	register := fs.String("register", "", "with --out: the holders come from this register `CSV` instead of the case file")
	df := newDocFlags(fs, "attach each notice's data as JSON")
	if err := parseFlags(env, fs, args); err != nil {
		return err
	}
	env.JSONErrors = *asJSON
	path, err := oneArg("notice", fs.Args())
	if err != nil {
		return err
	}
	if err := required(fs, "kind", "record-date"); err != nil {
		return err
	}
	if (*send == "") != (*via == "") {
		return usageErrorf("notice: --send and --via go together")
	}
	if *out != "" {
		if err := books.CheckOutDir("notice", "--out", *out, false); err != nil {
			return err
		}
	}
	opt, err := df.options(env)
	if err != nil {
		return err
	}
	b := &books.Books{CasePath: path}
	if *out != "" {
		b, err = books.Open(path, *register)
	} else {
		b.Case, err = books.OpenCase(path)
	}
	if err != nil {
		return err
	}
	in, err := books.NoticeForm{Kind: *kind, RecordDate: *record, Send: *send, Via: *via}.Input(b.Terms)
	if err != nil {
		return err
	}
	res, err := compute.Notice(b.Terms, in)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := books.FlagPrintable("--description", *description, opt.Documents.Font); err != nil {
			return err
		}
		if err := b.Notices(*out, in, res, *description, *participation, opt); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "wrote %d notices to holders to %s\n", len(b.Warrants), *out)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	printNotice(env.Stdout, b.Terms, in, res)
	return nil
}

// printNotice prints a notice deadline for a person.
func printNotice(w io.Writer, t compute.Terms, in compute.NoticeInput, res compute.NoticeResult) {
	fmt.Fprintf(w, "§9 notice, case %s\n", compute.NoticeKindText(in.Kind))
	fmt.Fprintf(w, "  record or effective date %s: the notice must be given by %s (%d days before, §9)\n", res.RecordDate, res.LatestNoticeDate, t.NoticeLeadDays)
	if in.HasSend {
		verdict := "on time"
		if res.OnTime != nil && !*res.OnTime {
			verdict = "LATE"
		}
		fmt.Fprintf(w, "  sent %s by %s: deemed given %s (§12) — %s\n", res.Sent, res.Via, res.DeemedGiven, verdict)
	}
}
