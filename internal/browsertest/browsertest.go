// Package browsertest drives a headless Chromium (Debian's chromium package)
// through chromedp, for tests of the pages Lumen serves: the search page, the
// article pages, the review page and what comes after. It is the only package
// that imports chromedp.
//
// Tests call Start; it skips the test when no Chromium is installed, unless
// LUMEN_BROWSER_TESTS=1 (CI sets it, and installs chromium), in which case a
// missing browser fails the test. Every Page method fails the test on error,
// so browser tests read as a list of steps.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// stepTimeout bounds each step of a page (a navigation, a wait). It is a
// bound against a hung browser, not a speed check: a shared two-core
// machine under load (go test -race beside other work) took more than 20 s
// to load one page once, so it is generous.
const stepTimeout = 60 * time.Second

// Browser is one headless Chromium process.
type Browser struct {
	ctx context.Context // the browser's (allocator and first tab)
}

// findChromium returns the path of a Chromium or Chrome binary, or "".
func findChromium() string {
	if p := os.Getenv("LUMEN_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Start starts a headless Chromium for the test; it is stopped when the test
// ends.
func Start(tb testing.TB) *Browser {
	tb.Helper()
	path := findChromium()
	if path == "" {
		if os.Getenv("LUMEN_BROWSER_TESTS") == "1" {
			tb.Fatal("LUMEN_BROWSER_TESTS=1 but no chromium found (apt-get install chromium, or set LUMEN_CHROMIUM)")
		}
		tb.Skip("no chromium installed (apt-get install chromium); set LUMEN_BROWSER_TESTS=1 to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.UserDataDir(tb.TempDir()),
		// The machines have no network beyond loopback: keep Chromium from
		// trying (and from waiting on) Google's services.
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-pings", true),
		chromedp.WindowSize(1200, 900),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	tb.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// Start the browser now, so that a broken install fails here, clearly.
	// The first run on ctx starts the browser for ctx's lifetime: it must not
	// run on a context with a deadline, or the browser dies with it.
	started := time.AfterFunc(60*time.Second, cancel)
	err := chromedp.Do(ctx)
	started.Stop()
	if err != nil {
		tb.Fatalf("start chromium %s: %v", path, err)
	}
	return &Browser{ctx: ctx}
}

// Page is a browser tab.
type Page struct {
	tb  testing.TB
	ctx context.Context
}

// NewPage opens a new tab; it is closed when the test ends.
func (b *Browser) NewPage(tb testing.TB) *Page {
	tb.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	tb.Cleanup(cancel)
	// Open the tab on ctx itself: a tab opened by a step's context (with
	// its deadline) would close when that step ends.
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("browser: open a tab: %v", err)
	}
	return &Page{tb: tb, ctx: ctx}
}

// do runs steps that return nothing, failing the test on error.
func (p *Page) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.tb.Fatalf("browser: %s: %v (page %s)", what, err, p.location())
	}
}

// get runs an action that returns a value, failing the test on error.
func get[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.tb.Fatalf("browser: %s: %v (page %s)", what, err, p.location())
	}
	return v
}

func (p *Page) location() string {
	ctx, cancel := context.WithTimeout(p.ctx, 2*time.Second)
	defer cancel()
	u, _ := chromedp.Run(ctx, chromedp.Location())
	return u
}

// Go navigates to url and waits until the page's body is there.
func (p *Page) Go(url string) {
	p.tb.Helper()
	p.do("open "+url, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body")))
}

// URL is the page's current address.
func (p *Page) URL() string { return p.location() }

// Type types text into the element sel (a CSS selector).
func (p *Page) Type(sel, text string) {
	p.tb.Helper()
	p.do("type into "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), text))
}

// Click clicks the element sel.
func (p *Page) Click(sel string) {
	p.tb.Helper()
	p.do("click "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)))
}

// Submit submits the form that holds sel.
func (p *Page) Submit(sel string) {
	p.tb.Helper()
	p.do("submit "+sel, chromedp.Submit(chromedp.CSS(sel)))
}

// Key presses keys on the page, as a user at the keyboard does (to the
// focused element, or the document). Tab, Enter and Escape are below.
func (p *Page) Key(keys string) {
	p.tb.Helper()
	p.do("press "+keys, chromedp.KeyEvent(keys))
}

// KeyCtrl presses keys with Ctrl held (Ctrl+Enter, say).
func (p *Page) KeyCtrl(keys string) {
	p.tb.Helper()
	p.do("press Ctrl+"+keys, chromedp.KeyEvent(keys, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
}

// Special keys for Key and KeyCtrl.
const (
	Enter  = kb.Enter
	Escape = kb.Escape
	Tab    = kb.Tab
)

// WaitVisible waits until sel is visible.
func (p *Page) WaitVisible(sel string) {
	p.tb.Helper()
	p.do("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
}

// Text returns the text of the element sel.
func (p *Page) Text(sel string) string {
	p.tb.Helper()
	p.do("wait for "+sel, chromedp.WaitReady(chromedp.CSS(sel)))
	return get(p, "read "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// Attr returns an attribute of the element sel ("" when absent).
func (p *Page) Attr(sel, name string) string {
	p.tb.Helper()
	p.do("wait for "+sel, chromedp.WaitReady(chromedp.CSS(sel)))
	return get(p, "read "+sel+"@"+name, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// Count returns how many elements match sel.
func (p *Page) Count(sel string) int {
	p.tb.Helper()
	return Eval[int](p, `document.querySelectorAll(`+jsString(sel)+`).length`)
}

// Eval evaluates a JavaScript expression on the page and returns its value.
func Eval[T any](p *Page, js string) T {
	p.tb.Helper()
	return get(p, "evaluate "+js, chromedp.Evaluate[T](js))
}

// WaitFor polls cond (a JavaScript expression) until it is true. It
// outlasts navigations: a step that submits a form returns before the next
// page is there, and an evaluation during the change fails, so those
// failures only mean "not yet".
func (p *Page) WaitFor(cond string) {
	p.tb.Helper()
	deadline := time.Now().Add(stepTimeout)
	var lastErr error
	for {
		ctx, cancel := context.WithTimeout(p.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		lastErr = err
		if time.Now().After(deadline) {
			p.tb.Fatalf("browser: %s still false after %s (last error %v; page %s)", cond, stepTimeout, lastErr, p.location())
		}
		select {
		case <-p.ctx.Done():
			p.tb.Fatalf("browser: wait until %s: %v", cond, p.ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// HTML returns the page's whole HTML.
func (p *Page) HTML() string {
	p.tb.Helper()
	return get(p, "read the page", chromedp.OuterHTML(chromedp.CSS("html")))
}

// Screenshot returns a PNG of the whole page.
func (p *Page) Screenshot() []byte {
	p.tb.Helper()
	return get(p, "screenshot", chromedp.FullScreenshot(100)) // 100: PNG
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}
