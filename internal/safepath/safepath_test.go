package safepath

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/warrantkit/warrantkit/compute"
)

// tree makes a directory "root" beside a file "outside.txt" (and a directory
// "elsewhere"), with inside it regular files whose content starts with
// "inside:", links staying inside and links leading outside, a FIFO, a
// directory, and (when the system allows) a device and a socket. It returns
// the parent and the root.
func tree(t testing.TB) (string, string) {
	t.Helper()
	parent := t.TempDir()
	root := filepath.Join(parent, "root")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "sub", "deep"), 0o755))
	must(os.Mkdir(filepath.Join(parent, "elsewhere"), 0o755))
	must(os.WriteFile(filepath.Join(parent, "outside.txt"), []byte("OUTSIDE"), 0o644))
	must(os.WriteFile(filepath.Join(parent, "elsewhere", "x.txt"), []byte("OUTSIDE"), 0o644))
	must(os.WriteFile(filepath.Join(root, "a.txt"), []byte("inside:a"), 0o644))
	must(os.WriteFile(filepath.Join(root, "sub", "b.txt"), []byte("inside:b"), 0o644))
	must(os.WriteFile(filepath.Join(root, "big.txt"), []byte("inside:"+strings.Repeat("x", 100)), 0o644))
	for link, target := range map[string]string{
		"in":            "a.txt",                              // inside
		"sub/up":        "..",                                 // a directory inside
		"sub/deep/in":   "../b.txt",                           // inside, through ..
		"out":           "../outside.txt",                     // escapes
		"outdir":        "../elsewhere",                       // a directory outside
		"sub/out":       "../../outside.txt",                  // escapes from a subdirectory
		"abs":           filepath.Join(parent, "outside.txt"), // absolute, outside
		"absin":         filepath.Join(root, "a.txt"),         // absolute, though inside
		"zero":          "/dev/zero",                          // a device
		"loop":          "loop",                               // a loop
		"dangling":      "nowhere.txt",                        // nothing
		"sub/chain":     "../in",                              // a link to a link inside
		"sub/chain-out": "../out",                             // a link to a link outside
		"updir":         "sub/up/sub/up/sub/../sub/../a.txt",  // long, inside
	} {
		must(os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))))
	}
	must(syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644))
	// A device node (/dev/null's numbers) needs privileges; a socket a short path.
	syscall.Mknod(filepath.Join(root, "null"), syscall.S_IFCHR|0o644, 1<<8|3)
	if l, err := net.Listen("unix", filepath.Join(root, "sock")); err == nil {
		t.Cleanup(func() { l.Close() })
	}
	return parent, root
}

func exists(root, name string) bool {
	_, err := os.Lstat(filepath.Join(root, name))
	return err == nil
}

// TestReadFile: what a path an input names may be, and the problem named
// when it may not.
func TestReadFile(t *testing.T) {
	_, dir := tree(t)
	r, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	from := From{File: "DIR/manifest.json", Field: "files[3].path"}
	for _, c := range []struct {
		name string
		want string // content, or the problem
		ok   bool
		only string // the node the case needs, skipped when the system did not make it
	}{
		{"a.txt", "inside:a", true, ""},
		{"./a.txt", "inside:a", true, ""},
		{"sub/b.txt", "inside:b", true, ""},
		{"sub/../a.txt", "inside:a", true, ""},
		{"in", "inside:a", true, ""},
		{"sub/up/a.txt", "inside:a", true, ""},
		{"sub/deep/in", "inside:b", true, ""},
		{"sub/chain", "inside:a", true, ""},
		{"updir", "inside:a", true, ""},
		{"", "the path is empty", false, ""},
		{"../outside.txt", `"../outside.txt" leaves the directory`, false, ""},
		{"sub/../../outside.txt", `leaves the directory`, false, ""},
		{"..", `".." leaves the directory`, false, ""},
		{"/etc/passwd", `"/etc/passwd" is an absolute path`, false, ""},
		{"/dev/zero", `"/dev/zero" is an absolute path`, false, ""},
		{"//dev/zero", `is an absolute path`, false, ""},
		{`sub\..\..\outside.txt`, `has a backslash or NUL`, false, ""},
		{"a.txt\x00", `has a backslash or NUL`, false, ""},
		{"out", "out leads outside the directory through a link", false, ""},
		{"sub/out", "leads outside the directory through a link", false, ""},
		{"sub/chain-out", "leads outside the directory through a link", false, ""},
		{"outdir/x.txt", "leads outside the directory through a link", false, ""},
		// .. is taken lexically (sub/up/sub/outside.txt), not after the link as the kernel would.
		{"sub/up/sub/up/../outside.txt", "no such file", false, ""},
		{"sub/up/../../outside.txt", "cannot read sub/up/../../outside.txt: no such file", false, ""}, // outside.txt, in the root
		{"abs", "leads outside the directory through a link", false, ""},
		{"absin", "leads outside the directory through a link", false, ""}, // an absolute link is refused even when it lands inside
		{"zero", "zero leads outside the directory through a link", false, ""},
		{"fifo", "fifo is a FIFO, not a regular file", false, ""},
		{"sub", "sub is a directory, not a regular file", false, ""},
		{"sub/up", "is a directory, not a regular file", false, ""},
		{".", "is a directory, not a regular file", false, ""},
		{"null", "null is a device, not a regular file", false, "null"},
		{"sock", "is a socket or a device, not a regular file", false, "sock"},
		{"loop", "cannot read loop", false, ""},
		{"dangling", "cannot read dangling: no such file", false, ""},
		{"missing.txt", "cannot read missing.txt: no such file", false, ""},
		{"a.txt/x", "cannot read a.txt/x", false, ""},
		{"big.txt", "big.txt is larger than", false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.only != "" && !exists(dir, c.only) {
				t.Skipf("the system made no %s", c.only)
			}
			done := make(chan struct{})
			var data []byte
			var err error
			go func() {
				data, err = r.ReadFile(c.name, from, 64)
				close(done)
			}()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				t.Fatalf("ReadFile(%q) hangs", c.name)
			}
			if c.ok {
				if err != nil || string(data) != c.want {
					t.Fatalf("ReadFile(%q) = %q, %v; want %q", c.name, data, err, c.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("ReadFile(%q) = %q, want refused: %s", c.name, data, c.want)
			}
			var ie *compute.InputError
			if !errors.As(err, &ie) || !errors.Is(err, compute.ErrInvalid) {
				t.Fatalf("ReadFile(%q): %v is not an input error", c.name, err)
			}
			msg := err.Error()
			for _, s := range []string{"DIR/manifest.json: files[3].path: ", c.want, "(allowed: "} {
				if !strings.Contains(msg, s) {
					t.Errorf("ReadFile(%q): %q lacks %q", c.name, msg, s)
				}
			}
			if strings.ContainsAny(msg, "\n\r") {
				t.Errorf("not one line: %q", msg)
			}
		})
	}
	if _, err := r.ReadFile("missing.txt", from, 64); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v is not fs.ErrNotExist", err)
	}
}

// TestWriteFile: a written path stays inside; nothing is written outside,
// through a link or otherwise, and no temporary file is left.
func TestWriteFile(t *testing.T) {
	parent, dir := tree(t)
	r, err := OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	from := From{File: "M.json", Field: "/documents_files/0/filepath"}
	for _, c := range []struct {
		name, problem string
	}{
		{"new/deep/w.pdf", ""},
		{"sub/up/w2.pdf", ""},
		{"a.txt", ""}, // replaced, as a rename does
		{"../w.pdf", "leaves the directory"},
		{"/tmp/w.pdf", "is an absolute path"},
		{"outdir/w.pdf", "leads outside"},
		{"sub/up/outdir/w.pdf", "leads outside"},
	} {
		err := r.WriteFile(c.name, from, write("inside:w"))
		switch {
		case c.problem == "" && err != nil:
			t.Errorf("WriteFile(%q): %v", c.name, err)
		case c.problem == "":
			if b, _ := os.ReadFile(filepath.Join(dir, c.name)); string(b) != "inside:w" {
				t.Errorf("WriteFile(%q) wrote %q", c.name, b)
			}
		case err == nil || !strings.Contains(err.Error(), c.problem) || !strings.Contains(err.Error(), "M.json: /documents_files/0/filepath: "):
			t.Errorf("WriteFile(%q) = %v, want %s", c.name, err, c.problem)
		}
	}
	checkOutside(t, parent)
	// A failed write leaves nothing behind.
	if err := r.WriteFile("fail.pdf", from, func(io.Writer) error { return errors.New("disk full") }); err == nil {
		t.Error("a failed write succeeded")
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if strings.Contains(p, ".tmp-") || strings.HasSuffix(p, "fail.pdf") {
			t.Errorf("left %s", p)
		}
		return nil
	})
}

// checkOutside fails if anything outside root changed: outside.txt and
// elsewhere/ hold what tree put there, and nothing else is beside root.
func checkOutside(t testing.TB, parent string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	if len(entries) != 3 {
		t.Fatalf("beside the root: %v", entries)
	}
	inner, _ := os.ReadDir(filepath.Join(parent, "elsewhere"))
	b, _ := os.ReadFile(filepath.Join(parent, "outside.txt"))
	if len(inner) != 1 || string(b) != "OUTSIDE" {
		t.Fatalf("outside the root changed: %v %q", inner, b)
	}
}

// FuzzContain: whatever the path, a read that succeeds read a file inside
// the root, a write that succeeds wrote inside it, Clean accepts only local
// paths, and every refusal is an input error of one line.
func FuzzContain(f *testing.F) {
	for _, s := range []string{"a.txt", "in", "out", "sub/up/a.txt", "../outside.txt", "/etc/passwd", "zero", "fifo", "sub/up/sub/up/../outside.txt",
		"outdir/x.txt", "sub/chain-out", "null", ".", "", "a/../../b", `..\outside.txt`, "sub//b.txt", "updir"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		parent, dir := tree(t)
		r, err := OpenRoot(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		from := From{File: "m.json", Field: "files[0].path"}
		oneLine := func(err error) {
			var ie *compute.InputError
			if !errors.As(err, &ie) || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("%q: %v is not a one-line input error", name, err)
			}
		}
		if local, err := Clean(name, from); err == nil {
			if !filepath.IsLocal(local) {
				t.Fatalf("Clean(%q) = %q, not local", name, local)
			}
		} else {
			oneLine(err)
		}
		data, err := r.ReadFile(name, from, 1<<10)
		switch {
		case err != nil:
			oneLine(err)
		case !strings.HasPrefix(string(data), "inside:"):
			t.Fatalf("ReadFile(%q) read %q from outside the root", name, data)
		}
		err = r.WriteFile(name, from, func(w io.Writer) error { _, err := io.WriteString(w, "inside:w"); return err })
		var ie *compute.InputError
		if err != nil && errors.As(err, &ie) {
			oneLine(err)
		}
		checkOutside(t, parent)
	})
}

// TestReadRegular: a path the user chose may be a link anywhere, but must
// end at a regular file within the limit; a FIFO does not hang it.
func TestReadRegular(t *testing.T) {
	parent, dir := tree(t)
	for _, c := range []struct{ name, want string }{
		{filepath.Join(dir, "a.txt"), ""},
		{filepath.Join(dir, "out"), ""}, // a link leading out: the user's choice
		{filepath.Join(parent, "outside.txt"), ""},
		{filepath.Join(dir, "fifo"), "is a FIFO, not a regular file"},
		{filepath.Join(dir, "zero"), "is a device, not a regular file"},
		{filepath.Join(dir, "sub"), "is a directory, not a regular file"},
		{filepath.Join(dir, "big.txt"), "big.txt is larger than"},
		{filepath.Join(dir, "missing"), "cannot read: no such file or directory"},
	} {
		data, err := ReadRegular(c.name, "", 64)
		switch {
		case c.want == "" && (err != nil || len(data) == 0):
			t.Errorf("ReadRegular(%s) = %q, %v", c.name, data, err)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.name+": ") || !strings.Contains(err.Error(), c.want)):
			t.Errorf("ReadRegular(%s): %v, want %s", c.name, err, c.want)
		case c.want != "" && !errors.Is(err, compute.ErrInvalid):
			t.Errorf("ReadRegular(%s): %v is not invalid input", c.name, err)
		}
	}
}
