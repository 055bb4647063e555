// Package browsertest drives a headless Chromium for tests of Lumen's pages:
// start it, open a page, read the DOM, click, take screenshots. It is the
// only package that imports chromedp, and only tests import it.
//
// Tests that need a browser call Start; without Chromium they are skipped,
// unless LUMEN_BROWSER_TESTS=1 (as in CI, which installs Debian's chromium),
// when a missing browser fails them.
package browsertest

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Browser is one headless Chromium process.
type Browser struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// candidates are the names Chromium goes by.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// ExecPath returns the path of a Chromium, or "" when there is none.
// LUMEN_CHROMIUM names one explicitly.
func ExecPath() string {
	if p := os.Getenv("LUMEN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start starts a headless Chromium for the test and stops it when the test
// ends. Without one the test is skipped, or fails when LUMEN_BROWSER_TESTS=1.
func Start(tb testing.TB) *Browser {
	tb.Helper()
	path := ExecPath()
	if path == "" {
		if os.Getenv("LUMEN_BROWSER_TESTS") == "1" {
			tb.Fatal("LUMEN_BROWSER_TESTS=1 but no chromium found (apt-get install chromium, or set LUMEN_CHROMIUM)")
		}
		tb.Skip("no chromium: browser tests skipped (LUMEN_BROWSER_TESTS=1 makes this a failure)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("font-render-hinting", "none"),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	// The first action starts the browser; its context must outlive it.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		tb.Fatalf("start chromium %s: %v", path, err)
	}
	b := &Browser{ctx: ctx, cancel: func() { cancelCtx(); cancelAlloc() }}
	tb.Cleanup(b.cancel)
	return b
}

// Page is one tab.
type Page struct {
	tb  testing.TB
	ctx context.Context
}

// timeout bounds each browser action, so that a broken page fails the test
// instead of hanging it; it is not a measure of speed.
const timeout = 60 * time.Second

// Open opens url in a new tab with JavaScript disabled (Lumen's pages
// work without it) and waits for the page to load.
func (b *Browser) Open(tb testing.TB, url string) *Page {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tb.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil { // open the tab
		tb.Fatalf("browser: new tab: %v", err)
	}
	p := &Page{tb: tb, ctx: ctx}
	run(p, func(ctx context.Context) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	})
	p.Navigate(url)
	return p
}

// run runs f with a bounded context and fails the test on an error.
func run[T any](p *Page, f func(ctx context.Context) (T, error)) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	v, err := f(ctx)
	if err != nil {
		p.tb.Fatalf("browser: %v", err)
	}
	return v
}

func act[T any](p *Page, a chromedp.Action[T]) T {
	p.tb.Helper()
	return run(p, func(ctx context.Context) (T, error) { return chromedp.Run(ctx, a) })
}

// Navigate loads another URL in the tab and waits for it.
func (p *Page) Navigate(url string) {
	p.tb.Helper()
	act(p, chromedp.Steps(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))))
}

// URL is the address of the page shown.
func (p *Page) URL() string {
	p.tb.Helper()
	return act(p, chromedp.Location())
}

// Text returns the visible text of the first element matching a CSS selector.
func (p *Page) Text(sel string) string {
	p.tb.Helper()
	return act(p, chromedp.Text(chromedp.CSS(sel)))
}

// Texts returns the text of every element matching a CSS selector.
func (p *Page) Texts(sel string) []string {
	p.tb.Helper()
	return Eval[[]string](p, `Array.from(document.querySelectorAll(`+quoteJS(sel)+`)).map(e => e.textContent.trim())`)
}

// Attr returns an attribute of the first element matching a selector ("" if absent).
func (p *Page) Attr(sel, name string) string {
	p.tb.Helper()
	return act(p, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// Count returns how many elements match a selector.
func (p *Page) Count(sel string) int {
	p.tb.Helper()
	return Eval[int](p, `document.querySelectorAll(`+quoteJS(sel)+`).length`)
}

// Eval evaluates a JavaScript expression in the page through the DevTools
// protocol (the page's own scripts stay disabled) and decodes its value.
func Eval[T any](p *Page, expr string) T {
	p.tb.Helper()
	return act(p, chromedp.Evaluate[T](expr))
}

// Click clicks the first element matching a selector, as a person would
// (a link, a submit button), and waits until the page it leads to has
// loaded.
func (p *Page) Click(sel string) {
	p.tb.Helper()
	before := p.URL()
	old := Eval[float64](p, `performance.timeOrigin`)
	act(p, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(p.ctx, timeout)
		origin, err1 := chromedp.Run(ctx, chromedp.Evaluate[float64](`performance.timeOrigin`))
		state, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`))
		cancel()
		if err1 == nil && err2 == nil && origin != old && state == "complete" {
			return
		}
		if time.Now().After(deadline) {
			p.tb.Fatalf("browser: clicking %s on %s led nowhere", sel, before)
		}
		time.Sleep(20 * time.Millisecond) // polling the page, not timing it
	}
}

// Check ticks or unticks a checkbox (without submitting its form).
func (p *Page) Check(sel string, on bool) {
	p.tb.Helper()
	if on {
		act(p, chromedp.SetAttributeValue(chromedp.CSS(sel), "checked", ""))
	} else {
		act(p, chromedp.RemoveAttribute(chromedp.CSS(sel), "checked"))
	}
}

// Screenshot returns a PNG of the element matching a selector.
func (p *Page) Screenshot(sel string) []byte {
	p.tb.Helper()
	return act(p, chromedp.Screenshot(chromedp.CSS(sel)))
}

// Box is an element's place, in CSS pixels.
type Box struct{ X, Y, Width, Height float64 }

// Boxes returns the boxes of every element matching a selector, relative
// to the first element matching within (so that they index a screenshot of
// it).
func (p *Page) Boxes(sel, within string) []Box {
	p.tb.Helper()
	return Eval[[]Box](p, `(() => { const o = document.querySelector(`+quoteJS(within)+`).getBoundingClientRect();
		return Array.from(document.querySelectorAll(`+quoteJS(sel)+`)).map(e => { const r = e.getBoundingClientRect();
		return {X: r.x - o.x, Y: r.y - o.y, Width: r.width, Height: r.height}; }); })()`)
}

// DecodePNG decodes a screenshot.
func DecodePNG(tb testing.TB, b []byte) image.Image {
	tb.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("screenshot is not a PNG: %v", err)
	}
	return img
}

func quoteJS(s string) string {
	var b bytes.Buffer
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
