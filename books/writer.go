package books

import (
	"path/filepath"
	"sync"

	"github.com/warrantkit/warrantkit/books/folder"
)

// fileWriter writes the documents of a reissue on goroutines of its own, so
// that rendering does not wait for the file system: creating and renaming
// files in the same directories, workers would otherwise take turns.
//
// Each file is written atomically but without syncing it (writeUnsynced):
// the whole output is synced once, before manifest.json is written
// (syncAll), instead of every file on its own, which was a quarter of the
// time of a run.
type fileWriter struct {
	dir   string
	queue chan fileWrite
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
}

type fileWrite struct {
	path string
	data []byte
}

func newFileWriter(dir string, goroutines int) *fileWriter {
	w := &fileWriter{dir: dir, queue: make(chan fileWrite, 32)}
	for range goroutines {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for f := range w.queue {
				if err := writeUnsynced(f.path, f.data); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	return w
}

// put queues the document rel; it returns the first error of an earlier
// write. It must not be called once close was.
func (w *fileWriter) put(rel string, data []byte) (folder.File, error) {
	if err := w.failed(); err != nil {
		return folder.File{}, err
	}
	w.queue <- fileWrite{filepath.Join(w.dir, rel), data}
	return entry(rel, data), nil
}

func (w *fileWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// close waits for every queued file and returns the first error.
func (w *fileWriter) close() error {
	close(w.queue)
	w.wg.Wait()
	return w.failed()
}
