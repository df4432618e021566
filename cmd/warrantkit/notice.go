package main

import (
	"context"
	"fmt"

	"github.com/warrantkit/warrantkit/books"
	"github.com/warrantkit/warrantkit/compute"
	"github.com/warrantkit/warrantkit/templates"
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
		if err := checkOutDir("notice", "--out", *out, false); err != nil {
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
	c := b.Case
	in := compute.NoticeInput{HasSend: *send != ""}
	if in.Kind, err = compute.ParseNoticeKind(*kind); err != nil {
		return err
	}
	if in.RecordDate, err = compute.ParseDate(*record); err != nil {
		return &compute.InputError{Field: "--record-date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
	}
	if in.HasSend {
		if in.Sent, err = compute.ParseSendTime(*send, c.Terms.Location); err != nil {
			return err
		}
		if in.Via, err = compute.ParseDelivery(*via); err != nil {
			return err
		}
	}
	res, err := compute.Notice(c.Terms, in)
	if err != nil {
		return err
	}
	if *out != "" {
		ni := templates.NoticeInput{Kind: in.Kind, Result: res, Description: *description, Date: in.RecordDate.AddDays(-c.Terms.NoticeLeadDays)}
		if in.HasSend {
			ni.Date = compute.DateOf(in.Sent.In(c.Terms.Location))
		}
		if *participation != "" {
			if ni.Participation, err = compute.ParseDate(*participation); err != nil {
				return &compute.InputError{Field: "--participation-date", Problem: err.Error(), Allowed: "a date YYYY-MM-DD"}
			}
		}
		if err := b.Notices(*out, ni, opt); err != nil {
			return err
		}
		fmt.Fprintf(env.Stderr, "wrote %d notices to holders to %s\n", len(c.Warrants), *out)
	}
	if *asJSON {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintf(env.Stdout, "§9 notice, case %s\n", compute.NoticeKindText(in.Kind))
	fmt.Fprintf(env.Stdout, "  record or effective date %s: the notice must be given by %s (%d days before, §9)\n", res.RecordDate, res.LatestNoticeDate, c.Terms.NoticeLeadDays)
	if in.HasSend {
		verdict := "on time"
		if res.OnTime != nil && !*res.OnTime {
			verdict = "LATE"
		}
		fmt.Fprintf(env.Stdout, "  sent %s by %s: deemed given %s (§12) — %s\n", res.Sent, res.Via, res.DeemedGiven, verdict)
	}
	return nil
}
