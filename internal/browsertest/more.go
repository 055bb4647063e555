package browsertest

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Helpers for pages that must work without JavaScript, and for checking
// what a page looks like.

// NoScript disables JavaScript in the tab (the DevTools protocol still
// reads the page): for pages that must work without it.
func (p *Page) NoScript() {
	p.tb.Helper()
	get(p, "disable scripts", func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	})
}

// Follow clicks the element sel (a link, a submit button) as a person would
// and waits until the page it leads to has loaded.
func (p *Page) Follow(sel string) {
	p.tb.Helper()
	before := Eval[float64](p, `performance.timeOrigin`)
	p.Click(sel)
	p.WaitFor(`performance.timeOrigin !== ` + jsFloat(before) + ` && document.readyState === 'complete'`)
}

// Check ticks or unticks a checkbox (without submitting its form).
func (p *Page) Check(sel string, on bool) {
	p.tb.Helper()
	if on {
		p.do("tick "+sel, chromedp.SetAttributeValue(chromedp.CSS(sel), "checked", ""))
	} else {
		p.do("untick "+sel, chromedp.RemoveAttribute(chromedp.CSS(sel), "checked"))
	}
}

// Texts returns the text of every element matching sel.
func (p *Page) Texts(sel string) []string {
	p.tb.Helper()
	return Eval[[]string](p, `Array.from(document.querySelectorAll(`+jsString(sel)+`)).map(e => e.textContent.trim())`)
}

// ScreenshotOf returns a PNG of the element sel.
func (p *Page) ScreenshotOf(sel string) []byte {
	p.tb.Helper()
	return get(p, "screenshot "+sel, chromedp.Screenshot(chromedp.CSS(sel)))
}

// Box is an element's place, in CSS pixels.
type Box struct{ X, Y, Width, Height float64 }

// Boxes returns the boxes of every element matching sel, relative to the
// first element matching within (so that they index a screenshot of it).
func (p *Page) Boxes(sel, within string) []Box {
	p.tb.Helper()
	return Eval[[]Box](p, `(() => { const o = document.querySelector(`+jsString(within)+`).getBoundingClientRect();
		return Array.from(document.querySelectorAll(`+jsString(sel)+`)).map(e => { const r = e.getBoundingClientRect();
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

func jsFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
