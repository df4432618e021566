package render

import (
	"bytes"
	"compress/zlib"
	"hash/maphash"
	"sync"
)

// Compression of streams: pooled compressors, and page bodies compressed
// once and shared between documents.

// Compressors are pooled: a new one costs about a megabyte of zeroed state,
// more than compressing a page. Pages are compressed fast; font subsets,
// made once and written into many documents, at zlib's default level (smaller, slower).
var (
	fastPool  = zlibPool(zlib.BestSpeed)
	smallPool = zlibPool(zlib.DefaultCompression)
)

func zlibPool(level int) *sync.Pool {
	return &sync.Pool{New: func() any {
		w, err := zlib.NewWriterLevel(nil, level)
		if err != nil {
			panic(err) // the level is valid
		}
		return w
	}}
}

// deflate appends data zlib-compressed to dst, fast.
func deflate(dst, data []byte) []byte { return compressWith(fastPool, dst, data) }

// deflateSmall returns data zlib-compressed at the default level.
func deflateSmall(data []byte) []byte { return compressWith(smallPool, nil, data) }

func compressWith(pool *sync.Pool, dst, data []byte) []byte {
	buf := bytes.NewBuffer(dst)
	zw := pool.Get().(*zlib.Writer)
	zw.Reset(buf)
	zw.Write(data) // a bytes.Buffer does not fail
	zw.Close()
	zw.Reset(nil)
	pool.Put(zw)
	return buf.Bytes()
}

// pageCache keeps the compressed bytes of page bodies seen at least twice
// (the invariant pages of the Warrant's text, drawn again for every holder).
// It is emptied when full; it never changes the bytes written.
var pageCache struct {
	sync.Mutex
	seed  maphash.Seed
	seen  map[uint64]bool
	m     map[string][]byte
	bytes int
}

const (
	maxPageCacheBytes = 8 << 20
	maxPagesSeen      = 1 << 16
)

// compressedBody returns body compressed, from pageCache when it can.
func compressedBody(body []byte) []byte {
	pageCache.Lock()
	if pageCache.m == nil {
		pageCache.seed = maphash.MakeSeed()
		pageCache.m, pageCache.seen = map[string][]byte{}, map[uint64]bool{}
	}
	if z, ok := pageCache.m[string(body)]; ok {
		pageCache.Unlock()
		return z
	}
	h := maphash.Bytes(pageCache.seed, body)
	again := pageCache.seen[h]
	if !again {
		if len(pageCache.seen) >= maxPagesSeen {
			clear(pageCache.seen)
		}
		pageCache.seen[h] = true
	}
	pageCache.Unlock()
	z := deflate(nil, body)
	if again {
		pageCache.Lock()
		if pageCache.bytes+len(body)+len(z) > maxPageCacheBytes {
			clear(pageCache.m)
			pageCache.bytes = 0
		}
		pageCache.m[string(body)] = z
		pageCache.bytes += len(body) + len(z)
		pageCache.Unlock()
	}
	return z
}
