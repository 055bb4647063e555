package extract

import "testing"

func TestUTF16Text(t *testing.T) {
	be := []byte{0xfe, 0xff}
	for _, r := range "Zinc and acne" {
		be = append(be, 0, byte(r))
	}
	if out, ok := UTF16Text(be); !ok || string(out) != "Zinc and acne" {
		t.Errorf("UTF16Text(big endian) = %q, %v", out, ok)
	}
	// Two bytes that look like a byte order mark, then 8-bit text.
	if out, ok := UTF16Text([]byte("\xff\xfeProbiotics \xc3 improved acne.")); ok || string(out) != "\xff\xfeProbiotics \xc3 improved acne." {
		t.Errorf("UTF16Text(not UTF-16) = %q, %v; want it unchanged", out, ok)
	}
}
