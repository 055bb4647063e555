package httpapi

import (
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// errorCodes are the stable codes of error responses, by status.
var errorCodes = []struct {
	Status int
	Code   string
	Doc    string
}{
	{400, "invalid", "a parameter, the query string or the body is wrong; field names it"},
	{401, "unauthorized", "a token is needed, or the one given is unknown or revoked"},
	{403, "forbidden", "the token's role may not do this, or a signed-in write lacks its CSRF token"},
	{404, "not_found", "no such route, article or claim"},
	{405, "method_not_allowed", "the route exists but takes another method (see the Allow header)"},
	{409, "conflict", "the decision was based on a stale version; the body carries the claim as it stands"},
	{413, "too_large", "the body is too large"},
	{428, "precondition_required", "a decision needs If-Match: the claim's ETag"},
	{500, "internal", "a fault of the server (logged); the message says nothing more"},
	{503, "unavailable", "a dependency (NATS, the index) is not ready, or the request timed out (code timeout)"},
}

func (s *server) handleOpenAPI(w http.ResponseWriter, r *http.Request, _ values) {
	s.openapiOnce.Do(func() { s.openapi = s.openAPI() })
	writeJSON(w, http.StatusOK, s.openapi)
}

// openAPI describes every route of the server in OpenAPI 3.1.
func (s *server) openAPI() map[string]any {
	g := &schemaGen{schemas: map[string]any{}, types: map[reflect.Type]string{}}
	paths := map[string]any{}
	for _, ep := range s.eps {
		path := openapiPath(ep.Path)
		item, _ := paths[path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[path] = item
		}
		item[strings.ToLower(ep.Method)] = g.operation(ep)
	}
	responses := map[string]any{}
	for _, e := range errorCodes {
		responses["Error"+strconv.Itoa(e.Status)] = map[string]any{
			"description": http.StatusText(e.Status) + ": " + e.Doc,
			"content":     map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}},
		}
	}
	codes := make([]string, 0, len(errorCodes)+1)
	for _, e := range errorCodes {
		codes = append(codes, e.Code)
	}
	codes = append(codes, "timeout")
	g.schemas["Error"] = map[string]any{
		"type":        "object",
		"description": "Every error of every route, API or not (but the HTML pages' own messages), has this shape.",
		"required":    []string{"code", "message"},
		"properties": map[string]any{
			"code":    map[string]any{"type": "string", "enum": codes, "description": "stable; tell errors apart by it"},
			"message": map[string]any{"type": "string", "description": "for people; may change"},
			"field":   map[string]any{"type": "string", "description": "the parameter or field at fault"},
		},
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Lumen",
			"version": "1",
			"description": "Searchable, reviewed claims from the research literature. JSON under /api/v1. Every " +
				"route refuses query parameters it does not take (400, naming them) and answers errors in one shape " +
				"(components.schemas.Error).",
		},
		"paths": paths,
		"components": map[string]any{"schemas": g.schemas, "responses": responses,
			"securitySchemes": map[string]any{
				"token":   map[string]any{"type": "http", "scheme": "bearer", "description": "a token from lumen token add"},
				"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie, "description": "a sign-in of the pages (writes also need the X-CSRF-Token header)"},
			}},
	}
}

func (g *schemaGen) operation(ep *endpoint) map[string]any {
	op := map[string]any{"operationId": ep.ID, "summary": ep.Summary}
	if ep.Doc != "" {
		op["description"] = ep.Doc
	}
	if ep.Page {
		op["tags"] = []string{"pages"}
	} else {
		op["tags"] = []string{"api"}
	}
	var params []any
	for _, name := range pathParams(ep.Path) {
		schema := map[string]any{"type": "string"}
		if name == "id" {
			schema["pattern"] = "^[0-9a-f]{32}$"
		}
		params = append(params, map[string]any{"name": name, "in": "path", "required": true, "schema": schema})
	}
	switch {
	case ep.Body != nil:
		op["requestBody"] = map[string]any{"required": true,
			"content": map[string]any{"application/json": map[string]any{"schema": g.of(reflect.TypeOf(ep.Body))}}}
	case ep.Form:
		op["requestBody"] = map[string]any{"required": true,
			"content": map[string]any{"application/x-www-form-urlencoded": map[string]any{"schema": map[string]any{"type": "object"}}}}
	}
	switch ep.Access {
	case accessCurator, accessAdmin:
		op["security"] = []any{map[string]any{"token": []string{}}, map[string]any{"session": []string{}}}
	case accessRead, accessReadPage:
		// Open by default; a deployment may require a token for reads.
		op["security"] = []any{map[string]any{}, map[string]any{"token": []string{}}, map[string]any{"session": []string{}}}
	}
	for _, p := range ep.Params {
		params = append(params, paramObject(p))
	}
	if len(params) > 0 {
		op["parameters"] = params
	}
	content := map[string]any{}
	types := ep.ContentTypes
	if len(types) == 0 {
		types = []string{"application/json"}
	}
	for _, ct := range types {
		var schema any = map[string]any{"type": "string"}
		switch {
		case ct == "application/json" && ep.Response != nil:
			schema = g.of(reflect.TypeOf(ep.Response))
		case ct == "application/x-ndjson" && ep.Response != nil:
			schema = map[string]any{"type": "string", "description": "one JSON object per line",
				"contentSchema": g.of(reflect.TypeOf(ep.Response))}
		}
		content[ct] = map[string]any{"schema": schema}
	}
	ok := ep.Status
	if ok == 0 {
		ok = http.StatusOK
	}
	resp := map[string]any{strconv.Itoa(ok): map[string]any{"description": http.StatusText(ok), "content": content}}
	statuses := append([]int{400, 500}, ep.Errors...)
	if ep.Access == accessRead && !slices.Contains(statuses, http.StatusUnauthorized) {
		// When the deployment requires a token for reads.
		statuses = append(statuses, http.StatusUnauthorized)
	}
	sort.Ints(statuses)
	for _, st := range statuses {
		switch {
		case ep.Page && st == http.StatusNotFound:
			resp[strconv.Itoa(st)] = map[string]any{"description": "Not Found: an HTML page that says so",
				"content": map[string]any{"text/html": map[string]any{"schema": map[string]any{"type": "string"}}}}
		case ep.Page:
			resp[strconv.Itoa(st)] = map[string]any{
				"description": http.StatusText(st) + ": the error shape, or for a browser (Accept: text/html) the page with the message",
				"content": map[string]any{
					"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}},
					"text/html":        map[string]any{"schema": map[string]any{"type": "string"}},
				}}
		default:
			resp[strconv.Itoa(st)] = map[string]any{"$ref": "#/components/responses/Error" + strconv.Itoa(st)}
		}
	}
	op["responses"] = resp
	return op
}

// openapiPath is a route's path as OpenAPI writes it: "/{$}" is "/", and a
// rest-of-path wildcard "{file...}" a plain parameter.
func openapiPath(p string) string {
	p = strings.ReplaceAll(p, "{$}", "")
	p = strings.ReplaceAll(p, "...}", "}")
	if p == "" {
		return "/"
	}
	return p
}

func pathParams(path string) []string {
	var out []string
	for _, seg := range strings.Split(path, "/") {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") && seg != "{$}" {
			out = append(out, strings.Trim(seg, "{}."))
		}
	}
	return out
}

func paramObject(p param) map[string]any {
	s := map[string]any{}
	switch p.Type {
	case "date":
		s["type"], s["format"] = "string", "date"
	case "":
		s["type"] = "string"
	default:
		s["type"] = p.Type
	}
	if p.Type == "integer" {
		s["minimum"] = p.Min
		if p.Max != 0 {
			s["maximum"] = p.Max
		}
	}
	if len(p.Enum) > 0 {
		s["enum"] = p.Enum
	}
	if p.Pattern != nil {
		s["pattern"] = p.Pattern.String()
	}
	if p.Type == "string" || p.Type == "" {
		s["maxLength"] = p.maxLength()
	}
	if p.Default != "" {
		switch p.Type {
		case "integer":
			n, _ := strconv.Atoi(p.Default)
			s["default"] = n
		default:
			s["default"] = p.Default
		}
	}
	doc := p.Doc
	if p.Multi {
		s = map[string]any{"type": "array", "items": s}
		doc += " (repeat the parameter, or separate values with commas)"
	}
	o := map[string]any{"name": p.Name, "in": "query", "schema": s, "description": doc}
	if p.Multi {
		o["style"], o["explode"] = "form", true
	}
	if p.Required {
		o["required"] = true
	}
	if p.Example != "" {
		o["example"] = p.Example
	}
	return o
}

// schemaGen makes JSON schemas of Go types the way encoding/json encodes
// them; named structs become components.
type schemaGen struct {
	schemas map[string]any
	types   map[reflect.Type]string
}

var timeType = reflect.TypeOf(time.Time{})

func (g *schemaGen) of(t reflect.Type) any {
	switch {
	case t == timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case t.Kind() == reflect.Pointer:
		return g.of(t.Elem())
	}
	switch t.Kind() {
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		name := t.Name()
		if name == "" {
			return g.object(t)
		}
		if known, ok := g.types[t]; ok {
			return map[string]any{"$ref": "#/components/schemas/" + known}
		}
		if _, taken := g.schemas[name]; taken {
			name = strings.ReplaceAll(t.PkgPath(), "/", "_") + "_" + name
		}
		g.types[t] = name
		g.schemas[name] = nil // reserve: a type may refer to itself
		g.schemas[name] = g.object(t)
		return map[string]any{"$ref": "#/components/schemas/" + name}
	}
	return map[string]any{}
}

func (g *schemaGen) object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	g.fields(t, props, &required)
	o := map[string]any{"type": "object", "properties": props}
	if len(required) > 0 {
		sort.Strings(required)
		o["required"] = required
	}
	return o
}

func (g *schemaGen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props, required)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		schema := g.of(f.Type)
		omitted := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		if f.Type.Kind() == reflect.Pointer && !omitted {
			// Sent as null when nil.
			if m, ok := schema.(map[string]any); ok {
				if typ, ok := m["type"].(string); ok {
					m["type"] = []string{typ, "null"}
				}
			}
		}
		// A doc tag describes the field in the schema (what a name alone
		// cannot say: units, what is counted).
		if d := f.Tag.Get("doc"); d != "" {
			if m, ok := schema.(map[string]any); ok {
				m["description"] = d
			}
		}
		props[name] = schema
		if !omitted && f.Type.Kind() != reflect.Pointer {
			*required = append(*required, name)
		}
	}
}

// openapiCache is the document, built once.
type openapiCache struct {
	openapiOnce sync.Once
	openapi     map[string]any
}
