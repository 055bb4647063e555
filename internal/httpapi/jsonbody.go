package httpapi

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/lumen-research/lumen"
)

// typeError says, in JSON's terms, what a field of a request body should
// have been (encoding/json names Go types: "httpapi.reviewBody", "int").
func typeError(e *json.UnmarshalTypeError, field string) error {
	if field == "" {
		return lumen.Invalidf("body", "must be a JSON object, not %s", jsonKind(e.Value))
	}
	want := "a value of another type"
	if e.Type != nil {
		switch e.Type.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			want = "a whole number in range"
		case reflect.Float32, reflect.Float64:
			want = "a number"
		case reflect.String:
			want = "a string"
		case reflect.Bool:
			want = "true or false"
		case reflect.Slice, reflect.Array:
			want = "an array"
		case reflect.Struct, reflect.Map:
			want = "an object"
		case reflect.Pointer:
			return typeError(&json.UnmarshalTypeError{Value: e.Value, Type: e.Type.Elem(), Field: e.Field}, field)
		}
	}
	return lumen.Invalidf(field, "must be %s, not %s", want, jsonKind(e.Value))
}

// jsonKind names what encoding/json found ("number 1e12": the number 1e12).
func jsonKind(v string) string {
	switch {
	case v == "":
		return "that"
	case v == "bool":
		return "a boolean"
	case v == "array" || v == "object":
		return "an " + v
	case v == "string" || v == "number":
		return "a " + v
	case strings.HasPrefix(v, "number "):
		return "the " + v
	}
	return v
}
