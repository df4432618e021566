package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMECommands runs every warrantkit command of the README's sh blocks,
// in order, as a new user would: in a directory holding a copy of samples/,
// with the built binary as warrantkit. Each must exit 0, so the README cannot
// show a command that does not work.
func TestREADMECommands(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every README command")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cmds := readmeCommands(string(readme))
	if len(cmds) < 10 {
		t.Fatalf("found %d warrantkit commands in the README's sh blocks, want the whole tour", len(cmds))
	}
	dir := t.TempDir()
	if out, err := exec.Command("cp", "-r", "../../samples", dir).CombinedOutput(); err != nil {
		t.Fatalf("cp samples: %v\n%s", err, out)
	}
	for _, args := range cmds {
		if args[0] == "bench" {
			// The last flag wins: the README's 10,000 holders would take minutes.
			args = append(args, "-n", "20", "--floor-docs", "5")
		}
		cmd := exec.Command(binary, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("warrantkit %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err != nil {
		t.Errorf("the README's commands wrote nothing under out/: %v", err)
	}
}

// readmeCommands returns the arguments of each `warrantkit …` line (joined
// over trailing backslashes, comments cut) of the README's sh blocks.
func readmeCommands(readme string) [][]string {
	var cmds [][]string
	inSh := false
	var cur string
	for _, line := range strings.Split(readme, "\n") {
		switch {
		case strings.HasPrefix(line, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(line, "```"):
			inSh = false
			continue
		case !inSh:
			continue
		}
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if cur != "" {
			line = cur + " " + line
			cur = ""
		}
		if s, ok := strings.CutSuffix(line, "\\"); ok {
			cur = s
			continue
		}
		if f := shellFields(line); len(f) > 1 && f[0] == "warrantkit" {
			cmds = append(cmds, f[1:])
		}
	}
	return cmds
}

// shellFields splits a command line on spaces, keeping double-quoted words
// whole (the README's commands need no more of the shell than that).
func shellFields(line string) []string {
	var out []string
	var word strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				out = append(out, word.String())
				word.Reset()
				inWord = false
			}
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		out = append(out, word.String())
	}
	return out
}
