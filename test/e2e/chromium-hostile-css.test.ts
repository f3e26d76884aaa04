// A page that attacks every stylesheet hook it can (`* { all: unset !important }`,
// `font-size: 0` on body, maximum z-indexes, a fixed banner over our corner,
// rules aimed at our host element) must not change our UI. The popover and
// the landmark are opened from the keyboard on demo-en.html and on the same
// article under the hostile sheet; their computed layout and styles must match
// element for element, and they must be on top of the page.
import { expect, test } from 'vitest';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchChromium, highlightedTexts } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { tabToLandmark } from './keyboard.ts';
import { UiProbe } from './ui-probes.ts';
import { ROOT } from './browsers.ts';

const fx = withPages(launchChromium);

interface Snapshot {
  popover: string[];
  landmark: string;
  onTop: { popover: boolean; landmark: boolean };
}

// Every element of the popover: its path, size, offset from the popover's
// corner and the computed properties a page could try to change.
const SIGNATURE = `function () {
  const props = ['display', 'position', 'visibility', 'opacity', 'color', 'background-color', 'font-size', 'font-family', 'font-weight', 'line-height', 'text-transform', 'letter-spacing', 'border-top-width', 'padding-top', 'margin-top'];
  const sig = (el, origin) => {
    const b = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const r = (n) => Math.round(n * 2) / 2;
    // A box with no size (an <option> of a closed <select>) has no meaningful position.
    const empty = b.width === 0 && b.height === 0;
    return [el.tagName + '.' + (el.getAttribute('class') || ''), empty ? 0 : r(b.left - origin.left), empty ? 0 : r(b.top - origin.top), r(b.width), r(b.height), ...props.map((p) => cs.getPropertyValue(p))].join('|');
  };
  const pop = this.querySelector('.popover');
  const land = this.querySelector('.landmark');
  const o = pop.getBoundingClientRect();
  const hit = (el) => { const b = el.getBoundingClientRect(); return document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2) === this.host; };
  return {
    popover: [pop, ...pop.querySelectorAll('*')].map((el) => sig(el, o)),
    landmark: sig(land, { left: 0, top: 0 }),
    onTop: { popover: hit(pop), landmark: hit(land) },
  };
}`;

async function openFromKeyboard(page: Page, url: string, shot: string): Promise<Snapshot> {
  await page.goto(url);
  await highlightedTexts(page);
  const probe = await UiProbe.attach(page);
  await probe.waitFor('.landmark');
  expect(await tabToLandmark(page)).toBe(true);
  await page.keyboard.press('Enter');
  await probe.waitFor('.popover [data-field="parent"]');
  await probe.waitFor('.popover .age');
  const r = await probe.rect('.popover');
  await page.screenshot({ path: resolve(ROOT, 'test-results', shot), clip: { x: r.x, y: r.y, width: r.width, height: r.height } });
  return probe.onRoot<Snapshot>(SIGNATURE);
}

test('the hostile page really is hostile (its own text has no size)', async () => {
  const page = await fx.session.ctx.newPage();
  await page.goto(fx.server.url('hostile-css.html'));
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontSize)).toBe('0px');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('p')!).zIndex)).toBe('2147483647');
  await page.close();
});

test('popover and landmark are identical on a normal and a hostile page, and on top', async () => {
  await mkdir(resolve(ROOT, 'test-results'), { recursive: true });
  const page = await fx.session.ctx.newPage();
  const normal = await openFromKeyboard(page, fx.server.url('demo-en.html'), 'hostile-css-normal.png');
  const hostile = await openFromKeyboard(page, fx.server.url('hostile-css.html'), 'hostile-css-hostile.png');
  expect(normal.popover.length).toBeGreaterThan(20);
  expect(normal.popover[0]).toMatch(/^DIV\.popover\|0\|0\|420\|/);
  expect(hostile.popover).toEqual(normal.popover);
  expect(hostile.landmark).toEqual(normal.landmark);
  expect(normal.onTop).toEqual({ popover: true, landmark: true });
  expect(hostile.onTop).toEqual({ popover: true, landmark: true });
  await page.close();
});
