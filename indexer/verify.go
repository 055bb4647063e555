package indexer

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DamageError says which file of an index is damaged, or which operation
// found damage. It unwraps to ErrDamaged and to the cause.
type DamageError struct {
	File  string // relative to the index directory, when known
	Op    string // what found it: open, verify, search, ...
	Err   error
	Stack string // of a recovered panic
}

func (e *DamageError) Error() string {
	var b strings.Builder
	b.WriteString("index damaged")
	if e.File != "" {
		b.WriteString(": " + e.File)
	}
	if e.Op != "" {
		b.WriteString(" (" + e.Op + ")")
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is match ErrDamaged and the cause.
func (e *DamageError) Unwrap() []error { return []error{ErrDamaged, e.Err} }

// liveMinAge: a segment file younger than this may still be being written by
// the index in use, so a check of a live index leaves it out.
const liveMinAge = time.Minute

// Verify checks the files of the index in dir without opening it with
// bleve: index_meta.json, the bolt file that lists the segments
// (store/root.bolt, read in full), and the CRC-32 that ends every zap
// segment. It returns nil, an error wrapping fs.ErrNotExist when there is no
// index, or a *DamageError naming the file. The index must not be open.
func Verify(dir string) error {
	if err := verifyFiles(dir, 0); err != nil {
		return err
	}
	return verifyBolt(filepath.Join(dir, "store", "root.bolt"))
}

// verifyFiles checks index_meta.json and the segments older than minAge.
func verifyFiles(dir string, minAge time.Duration) error {
	meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if errors.Is(err, fs.ErrNotExist) {
		if _, derr := os.Stat(dir); errors.Is(derr, fs.ErrNotExist) {
			return fmt.Errorf("index %s: %w", dir, fs.ErrNotExist)
		}
		return &DamageError{File: "index_meta.json", Op: "verify", Err: errors.New("missing")}
	}
	if err != nil {
		return &DamageError{File: "index_meta.json", Op: "verify", Err: err}
	}
	if !validMeta(meta) {
		return &DamageError{File: "index_meta.json", Op: "verify", Err: fmt.Errorf("not a scorch index description: %q", truncate(string(meta), 80))}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "store"))
	if err != nil {
		return &DamageError{File: "store", Op: "verify", Err: err}
	}
	haveBolt := false
	for _, e := range entries {
		name := e.Name()
		switch {
		case name == "root.bolt":
			haveBolt = true
		case strings.HasSuffix(name, ".zap"):
			info, err := e.Info()
			if errors.Is(err, fs.ErrNotExist) {
				continue // merged away since the listing
			}
			if err != nil {
				return &DamageError{File: "store/" + name, Op: "verify", Err: err}
			}
			if minAge > 0 && time.Since(info.ModTime()) < minAge {
				continue
			}
			if err := verifySegment(filepath.Join(dir, "store", name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &DamageError{File: "store/" + name, Op: "verify", Err: err}
			}
		}
	}
	if !haveBolt {
		return &DamageError{File: "store/root.bolt", Op: "verify", Err: errors.New("missing")}
	}
	return nil
}

// validMeta reports whether b is bleve's index_meta.json of a scorch index:
// JSON, followed (since bleve 2.5) by a file-writer id and its length as a
// big-endian uint32.
func validMeta(b []byte) bool {
	var m struct {
		IndexType string `json:"index_type"`
	}
	if json.Unmarshal(b, &m) == nil {
		return m.IndexType == "scorch"
	}
	if len(b) < 4 {
		return false
	}
	n := int(binary.BigEndian.Uint32(b[len(b)-4:]))
	if n < 0 || n > len(b)-4 {
		return false
	}
	return json.Unmarshal(b[:len(b)-4-n], &m) == nil && m.IndexType == "scorch"
}

// verifySegment checks a zap segment's CRC-32 (IEEE), which covers every
// byte before it: the last 4 bytes of the file, big-endian.
func verifySegment(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	size := info.Size()
	if size < 4+4+4+8*5 { // crc, version, chunk mode, offsets and doc count
		return fmt.Errorf("truncated: %d bytes", size)
	}
	h := crc32.NewIEEE()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size-4)); err != nil {
		return err
	}
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], size-4); err != nil {
		return err
	}
	if want := binary.BigEndian.Uint32(tail[:]); h.Sum32() != want {
		return fmt.Errorf("checksum mismatch (computed %08x, stored %08x): the file is truncated or garbled", h.Sum32(), want)
	}
	return nil
}

// verifyBolt reads the bolt file that lists the index's segments and walks
// every page reachable from its newest valid meta page, with every offset
// and page id checked against the file. It does not use bolt itself: bolt
// maps the file into memory and trusts the page ids it finds, so a garbled
// or truncated file makes it read past the end of the mapping, a fault no
// recover catches.
func verifyBolt(path string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &DamageError{File: "store/root.bolt", Op: "verify", Err: fmt.Errorf("unreadable: %v", p)}
		}
	}()
	data, err := os.ReadFile(path)
	if err != nil {
		return &DamageError{File: "store/root.bolt", Op: "verify", Err: err}
	}
	if err := walkBolt(data); err != nil {
		return &DamageError{File: "store/root.bolt", Op: "verify", Err: err}
	}
	return nil
}

// The bolt file format (go.etcd.io/bbolt, little-endian on the machines
// Lumen runs on): pages of pageSize bytes, each with a 16-byte header (id
// u64, flags u16, count u16, overflow u32); pages 0 and 1 are meta pages.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltHeader       = 16
	boltElement      = 16
	boltBranch       = 0x01
	boltLeaf         = 0x02
	boltMeta         = 0x04
	boltFreelist     = 0x10
	boltBucketLeaf   = 0x01
	boltNoFreelist   = ^uint64(0)
	boltMaxDepth     = 64
	boltMinPageSize  = 512
	boltMetaChecksum = 56 // bytes of the meta covered by its checksum
)

type boltMetaPage struct {
	pageSize                 uint64
	root, freelist, pgid, tx uint64
}

func readBoltMeta(data []byte, off uint64) (boltMetaPage, error) {
	var m boltMetaPage
	if off+boltHeader+64 > uint64(len(data)) {
		return m, errors.New("meta page past the end of the file")
	}
	p := data[off:]
	if binary.LittleEndian.Uint16(p[8:]) != boltMeta {
		return m, errors.New("meta page has the wrong type")
	}
	meta := p[boltHeader : boltHeader+64]
	if binary.LittleEndian.Uint32(meta[0:]) != boltMagic || binary.LittleEndian.Uint32(meta[4:]) != boltVersion {
		return m, errors.New("meta page has the wrong magic or version")
	}
	h := fnv.New64a()
	h.Write(meta[:boltMetaChecksum])
	if h.Sum64() != binary.LittleEndian.Uint64(meta[56:]) {
		return m, errors.New("meta page checksum mismatch")
	}
	m.pageSize = uint64(binary.LittleEndian.Uint32(meta[8:]))
	m.root = binary.LittleEndian.Uint64(meta[16:])
	m.freelist = binary.LittleEndian.Uint64(meta[32:])
	m.pgid = binary.LittleEndian.Uint64(meta[40:])
	m.tx = binary.LittleEndian.Uint64(meta[48:])
	if m.pageSize < boltMinPageSize || m.pageSize > 1<<20 {
		return m, fmt.Errorf("meta page gives a page size of %d", m.pageSize)
	}
	return m, nil
}

func walkBolt(data []byte) error {
	m0, err0 := readBoltMeta(data, 0)
	size := uint64(4096)
	if err0 == nil {
		size = m0.pageSize
	}
	m1, err1 := readBoltMeta(data, size)
	var m boltMetaPage
	switch {
	case err0 != nil && err1 != nil:
		return fmt.Errorf("no valid meta page: %v; %v", err0, err1)
	case err0 != nil:
		m = m1
	case err1 != nil || m0.tx >= m1.tx:
		m = m0
	default:
		m = m1
	}
	if m.pgid*m.pageSize > uint64(len(data)) {
		return fmt.Errorf("truncated: the meta page counts %d pages of %d bytes, the file has %d bytes", m.pgid, m.pageSize, len(data))
	}
	w := &boltWalker{data: data, meta: m, seen: map[uint64]bool{}}
	if m.freelist != boltNoFreelist {
		if err := w.freelist(m.freelist); err != nil {
			return err
		}
	}
	return w.bucket(m.root, nil, 0)
}

type boltWalker struct {
	data []byte
	meta boltMetaPage
	seen map[uint64]bool
}

// page returns the bytes of page id (with its overflow pages) and checks
// its header.
func (w *boltWalker) page(id uint64) ([]byte, uint16, uint16, error) {
	if id < 2 || id >= w.meta.pgid {
		return nil, 0, 0, fmt.Errorf("page id %d out of range [2, %d)", id, w.meta.pgid)
	}
	off := id * w.meta.pageSize
	p := w.data[off : off+w.meta.pageSize]
	if got := binary.LittleEndian.Uint64(p[0:]); got != id {
		return nil, 0, 0, fmt.Errorf("page %d says it is page %d", id, got)
	}
	overflow := uint64(binary.LittleEndian.Uint32(p[12:]))
	end := off + (overflow+1)*w.meta.pageSize
	if id+overflow >= w.meta.pgid || end > uint64(len(w.data)) {
		return nil, 0, 0, fmt.Errorf("page %d overflows past the end", id)
	}
	return w.data[off:end], binary.LittleEndian.Uint16(p[8:]), binary.LittleEndian.Uint16(p[10:]), nil
}

func (w *boltWalker) freelist(id uint64) error {
	p, flags, count, err := w.page(id)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	if flags != boltFreelist {
		return fmt.Errorf("freelist page %d has flags %#x", id, flags)
	}
	n, start := uint64(count), uint64(boltHeader)
	if count == 0xFFFF {
		if len(p) < boltHeader+8 {
			return fmt.Errorf("freelist page %d too short", id)
		}
		n, start = binary.LittleEndian.Uint64(p[boltHeader:]), boltHeader+8
	}
	if start+n*8 > uint64(len(p)) {
		return fmt.Errorf("freelist page %d lists %d ids past its end", id, n)
	}
	for i := range n {
		if pg := binary.LittleEndian.Uint64(p[start+i*8:]); pg >= w.meta.pgid {
			return fmt.Errorf("freelist page %d lists page %d, past the end", id, pg)
		}
	}
	return nil
}

// bucket walks the pages of a bucket: from page root, or, for an inline
// bucket (root 0), from the page held in inline.
func (w *boltWalker) bucket(root uint64, inline []byte, depth int) error {
	if depth > boltMaxDepth {
		return errors.New("buckets nested too deep")
	}
	if root == 0 {
		if len(inline) < boltHeader {
			return errors.New("inline bucket too short")
		}
		flags := binary.LittleEndian.Uint16(inline[8:])
		count := binary.LittleEndian.Uint16(inline[10:])
		if flags != boltLeaf {
			return fmt.Errorf("inline bucket page has flags %#x", flags)
		}
		return w.leaf(inline, count, depth)
	}
	return w.node(root, depth)
}

func (w *boltWalker) node(id uint64, depth int) error {
	if depth > boltMaxDepth {
		return errors.New("pages nested too deep")
	}
	if w.seen[id] {
		return fmt.Errorf("page %d reached twice", id)
	}
	w.seen[id] = true
	p, flags, count, err := w.page(id)
	if err != nil {
		return err
	}
	switch flags {
	case boltBranch:
		for i := range uint64(count) {
			e := boltHeader + i*boltElement
			if e+boltElement > uint64(len(p)) {
				return fmt.Errorf("branch page %d: element %d past its end", id, i)
			}
			pos := uint64(binary.LittleEndian.Uint32(p[e:]))
			ksize := uint64(binary.LittleEndian.Uint32(p[e+4:]))
			if e+pos+ksize > uint64(len(p)) {
				return fmt.Errorf("branch page %d: key %d past its end", id, i)
			}
			if err := w.node(binary.LittleEndian.Uint64(p[e+8:]), depth+1); err != nil {
				return err
			}
		}
		return nil
	case boltLeaf:
		return w.leaf(p, count, depth)
	default:
		return fmt.Errorf("page %d has flags %#x where a branch or leaf page belongs", id, flags)
	}
}

func (w *boltWalker) leaf(p []byte, count uint16, depth int) error {
	for i := range uint64(count) {
		e := boltHeader + i*boltElement
		if e+boltElement > uint64(len(p)) {
			return fmt.Errorf("leaf element %d past the page end", i)
		}
		flags := binary.LittleEndian.Uint32(p[e:])
		pos := uint64(binary.LittleEndian.Uint32(p[e+4:]))
		ksize := uint64(binary.LittleEndian.Uint32(p[e+8:]))
		vsize := uint64(binary.LittleEndian.Uint32(p[e+12:]))
		end := e + pos + ksize + vsize
		if end > uint64(len(p)) || end < e {
			return fmt.Errorf("leaf element %d: key or value past the page end", i)
		}
		if flags&boltBucketLeaf != 0 {
			v := p[e+pos+ksize : end]
			if len(v) < 16 {
				return fmt.Errorf("leaf element %d: bucket header too short", i)
			}
			if err := w.bucket(binary.LittleEndian.Uint64(v), v[16:], depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}
