// The hostile-page checks shared by chromium-hostile.test.ts and
// firefox-hostile.test.ts (issue 8), and the cases that run the same in both.
// Each browser file builds a HostilePage (hostilePage below) from how it
// evaluates a string in the page and where it collects errors. The probes
// never use a helper that runs page-world JavaScript of its own: each is a
// self-contained string expression written with for…of and push only, so a
// page that overrides Array.prototype.map or JSON.parse cannot confuse the
// test itself (values come back through the driver's serialiser, not the
// page's JSON).
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './browsers.ts';
import { withPages, withServer, type WithPages } from './fixture-session.ts';
import type { StaticServer } from './server.ts';

const HOSTILE_DIR = resolve(ROOT, 'test/fixtures/hostile');
/** 1,000 mutations a second for 3 s; RECEIPTS_FUZZ_RUNS (the unit fuzzers' flag) asks for the full 10 s. */
const STORM_SECONDS = process.env.RECEIPTS_FUZZ_RUNS ? 10 : 3;
/** Served with csp.html: self only, no inline code or style, and Trusted Types (a DOM sink given a string throws). */
const STRICT_CSP_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; " +
    "require-trusted-types-for 'script'; trusted-types 'none'",
};

type Parsed = { head: string; body: string };

/** What the probes need of a Playwright or Puppeteer page. */
export interface DriverPage {
  evaluate(expression: string): Promise<unknown>;
  mouse: { click(x: number, y: number): Promise<unknown> };
  close(): Promise<unknown>;
}

/** A hostile page as a browser driver sees it. */
export interface HostilePage<P = unknown> {
  page: P;
  /** Uncaught exceptions and console errors collected from the page (every context the driver sees). */
  errors: string[];
  /** Evaluates a self-contained expression in the page's main world. */
  eval<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy (no fixed sleeps); returns its value. */
  until<T>(expression: string, what: string, timeoutMs?: number): Promise<T>;
  /** Parses `html` in a separate, ordinary page: a hostile page may forbid (Trusted Types) or sabotage DOMParser. */
  parse(html: string): Promise<Parsed>;
  click(x: number, y: number): Promise<unknown>;
  close(): Promise<unknown>;
}

/**
 * A HostilePage over `page`, read with `evaluate` (CDP in Chromium, BiDi in
 * Firefox; the driver collects `errors`); `blankPage` opens an ordinary page of
 * the same browser for parsing.
 */
export function hostilePage<P extends DriverPage>(
  page: P,
  errors: string[],
  evaluate: (expression: string) => Promise<unknown>,
  blankPage: () => Promise<DriverPage>,
): HostilePage<P> {
  return {
    page,
    errors,
    eval: async <T,>(expression: string) => (await evaluate(expression)) as T,
    until: (expression, what, timeoutMs) => pollUntil(evaluate, expression, what, timeoutMs),
    parse: async (html) => {
      const blank = await blankPage();
      try {
        const parse = `(() => { const d = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html'); return { head: d.head.innerHTML, body: d.body.innerHTML }; })()`;
        return (await blank.evaluate(parse)) as Parsed;
      } finally {
        await blank.close();
      }
    },
    click: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
  };
}

/**
 * The file's hooks: the browser from `launch`, and the hostile fixtures served
 * on 127.0.0.1 twice: plain (`server`) and with STRICT_CSP_HEADERS (`csp.server`).
 * The CSP server is registered first so that it closes last, after the browser:
 * while the browser lives, its open sockets hold server.close() for a minute.
 */
export function withHostilePages<B extends { close(): Promise<void> }>(launch: () => Promise<B>): WithPages<B> & { csp: { readonly server: StaticServer } } {
  const csp = withServer(HOSTILE_DIR, STRICT_CSP_HEADERS);
  return Object.assign(withPages(launch, HOSTILE_DIR), { csp });
}

/** Polls `evaluate(expression)` until it is truthy; the interval is a poll, not a wait for time to pass. */
export async function pollUntil<T>(evaluate: (expression: string) => Promise<unknown>, expression: string, what: string, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = (await evaluate(expression)) as T;
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** Texts of our entity highlights. */
export const TEXTS = `(() => { const out = []; const h = CSS.highlights.get('receipts-entity'); if (h) for (const r of h) out.push(r.toString()); return out; })()`;
export const hasHighlight = (text: string) =>
  `(() => { const h = CSS.highlights.get('receipts-entity'); if (h) for (const r of h) if (r.toString() === ${JSON.stringify(text)}) return true; return false; })()`;
/** How many entity highlights read `text`, once there are at least `min` (0 before). */
const countOnceAtLeast = (text: string, min: number) =>
  `(() => { let n = 0; const h = CSS.highlights.get('receipts-entity'); if (h) for (const r of h) if (r.toString() === ${JSON.stringify(text)}) n++; return n >= ${min} ? n : 0; })()`;
/** The viewport centre of the first highlight reading `text`, scrolled into view; null if none. */
export const centerOf = (text: string) => `(() => {
  const h = CSS.highlights.get('receipts-entity');
  if (h) for (const r of h) if (r.toString() === ${JSON.stringify(text)}) {
    r.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const b = r.getClientRects()[0];
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }
  return null;
})()`;

/** The fixture `file` as the browser parses it. */
async function served(h: HostilePage, file: string): Promise<Parsed> {
  return h.parse(readFileSync(resolve(HOSTILE_DIR, file), 'utf8'));
}

/**
 * The document equals what the server sent (or, for pages that build their DOM,
 * what their own script recorded in window.__before before Receipts ran), with
 * our one host element, a direct child of <html>, as the only addition.
 */
async function domCheck(h: HostilePage, file: string): Promise<{ head: boolean; body: boolean; hosts: number; misplaced: number; others: string }> {
  const want = await served(h, file);
  return h.eval(`(() => {
    const ours = document.querySelectorAll('receipts-ui');
    let misplaced = 0;
    for (const el of ours) if (el.parentNode !== document.documentElement) misplaced++;
    const others = [];
    for (const el of document.documentElement.children) if (el.tagName !== 'HEAD' && el.tagName !== 'BODY' && el.tagName !== 'RECEIPTS-UI') others.push(el.tagName);
    const body = typeof window.__before === 'string' ? window.__before : ${JSON.stringify(want.body)};
    return {
      head: document.head.innerHTML === ${JSON.stringify(want.head)},
      body: document.body.innerHTML === body,
      hosts: ours.length,
      misplaced,
      others: others.join(','),
    };
  })()`);
}

/** No uncaught error in the page's own record, nor in what the driver collected. */
export async function expectNoErrors(h: HostilePage): Promise<void> {
  expect(await h.eval<string[]>('window.__errors'), 'uncaught errors in the page').toEqual([]);
  expect(h.errors, 'errors in the page console').toEqual([]);
}

/** The DOM is as served plus our host, the page's own script still runs, and nothing threw. */
export async function expectUnbroken(h: HostilePage, file: string): Promise<void> {
  const dom = await domCheck(h, file);
  expect(dom, 'page DOM').toEqual({ head: true, body: true, hosts: dom.hosts, misplaced: 0, others: '' });
  expect(dom.hosts).toBeLessThanOrEqual(1);
  // The page's own script is still running: its heartbeat moves on.
  const before = await h.eval<number>('window.__ticks');
  await h.until(`window.__ticks > ${before}`, "the page's heartbeat");
  await expectNoErrors(h);
}

/** huge.html: 100,000 nodes; 20 paragraphs name Palantir and all of them, the last one included, must be found. */
async function checkHuge(h: HostilePage): Promise<void> {
  expect(await h.eval<number>('window.__nodeCount')).toBeGreaterThanOrEqual(100_000);
  const n = await h.until<number>(countOnceAtLeast('Palantir', 20), '20 Palantir highlights', 90_000);
  expect(n).toBe(20);
  await expectUnbroken(h, 'huge.html');
}

/** deep.html: the article at the bottom of 2,000 nested blocks is read and highlighted. */
async function checkDeep(h: HostilePage): Promise<void> {
  expect(await h.eval<number>('window.__depth')).toBeGreaterThanOrEqual(2000);
  await h.until(hasHighlight('Palantir'), 'Palantir highlighted');
  expect(await h.eval<string[]>(TEXTS)).toContain('ImmigrationOS');
  await expectUnbroken(h, 'deep.html');
}

/** storm.html (opened with ?rate=1000&seconds=STORM_SECONDS): the page keeps running, late content is found afterwards. */
async function checkStorm(h: HostilePage): Promise<void> {
  await h.until('window.__stormDone', 'the storm to finish', 120_000);
  expect(await h.eval<number>('window.__mutations')).toBe(1000 * STORM_SECONDS);
  await h.until(hasHighlight('BI Incorporated'), 'the paragraph added during the storm to be highlighted');
  expect(await h.eval<string[]>(TEXTS)).toContain('Palantir');
  // The storm's end state: the static page plus the late paragraph, ticker emptied.
  const stormBody = await served(h, 'storm.html');
  const late = '<p id="late">BI Incorporated runs the alternatives-to-detention program.</p>';
  const expected = stormBody.body.replace('</p>\n</article>', `</p>\n${late}</article>`);
  expect(expected).not.toBe(stormBody.body);
  const same = await h.eval<boolean>(`document.body.innerHTML === ${JSON.stringify(expected)}`);
  expect(same, 'body after the storm').toBe(true);
  await expectNoErrors(h);
}

/** overrides.html: none of the page's sabotaged functions was called by us (the page itself calls none of them). */
export async function expectSabotageUntouched(h: HostilePage): Promise<void> {
  expect(await h.eval<Record<string, number>>('window.__hostile')).toEqual({ map: 0, parse: 0, appendChild: 0, fetch: 0, highlightSet: 0 });
  await expectUnbroken(h, 'overrides.html');
}

/** shadow.html: the open and the closed shadow root are as the page recorded them before Receipts ran. */
export async function expectShadowRootsUnchanged(h: HostilePage): Promise<void> {
  expect(await h.eval<boolean>(`document.getElementById('open-host').shadowRoot.innerHTML === window.__openBefore`)).toBe(true);
  expect(await h.eval<boolean>('window.__closedHTML() === window.__closedBefore')).toBe(true);
  await expectUnbroken(h, 'shadow.html');
}

/** article.html: the page deletes our highlights and host; after its next change they are back. */
export async function checkHighlightsComeBack(h: HostilePage): Promise<void> {
  await h.until(hasHighlight('Palantir'), 'Palantir highlighted');
  await h.eval(`CSS.highlights.clear(); for (const el of document.querySelectorAll('receipts-ui')) el.remove(); true`);
  expect(await h.eval<number>(`document.querySelectorAll('receipts-ui').length`)).toBe(0);
  expect(await h.eval<string[]>(TEXTS)).toEqual([]);
  // The page changes (as a live page does): Receipts must notice and highlight again.
  await h.eval(`(() => { const p = document.createElement('p'); p.id = 'added'; p.textContent = 'GEO Group also runs detention centres.'; document.querySelector('article').append(p); return true; })()`);
  await h.until(hasHighlight('GEO Group'), 'highlights re-created after the page changed', 20_000);
  expect(await h.eval<string[]>(TEXTS)).toContain('Palantir');
}

/**
 * article.html: removes our host and highlights, then clicks where Palantir
 * was. The reader asked, so our host comes back (once) and so do the
 * highlights; the popover itself is checked by each browser's file.
 */
export async function clickAfterHostRemoved(h: HostilePage): Promise<void> {
  await h.until(hasHighlight('Palantir'), 'Palantir highlighted');
  const c = await h.eval<{ x: number; y: number }>(centerOf('Palantir'));
  await h.eval(`for (const el of document.querySelectorAll('receipts-ui')) el.remove(); CSS.highlights.delete('receipts-entity'); true`);
  expect(await h.eval<number>(`document.querySelectorAll('receipts-ui').length`)).toBe(0);
  await h.click(c.x, c.y);
  await h.until(`document.querySelectorAll('receipts-ui').length === 1`, 'our host re-created by the click');
  await h.until(hasHighlight('Palantir'), 'highlights registered again after the click');
}

/** After clickAfterHostRemoved: no errors, and the page's own DOM is untouched. */
export async function expectCleanAfterClick(h: HostilePage): Promise<void> {
  await expectNoErrors(h);
  const dom = await domCheck(h, 'article.html');
  expect(dom.head && dom.body).toBe(true);
}

/** Registers the cases that run the same in both browsers; `open` opens a fixture path in the browser under test. */
export function testSameInBoth(open: (path: string) => Promise<HostilePage>): void {
  const cases: [string, string, (h: HostilePage) => Promise<void>][] = [
    ['100,000 nodes: every named paragraph is highlighted, the DOM is unchanged', 'huge.html', checkHuge],
    ['nesting 2,000 deep (blocks): the article at the bottom is read and highlighted', 'deep.html', checkDeep],
    [
      `mutation storm (1,000 mutations/s for ${STORM_SECONDS} s): the page keeps running, late content is found afterwards`,
      `storm.html?rate=1000&seconds=${STORM_SECONDS}`,
      checkStorm,
    ],
  ];
  test.each(cases)('%s', async (_title, path, check) => {
    const h = await open(path);
    await check(h);
    await h.close();
  });
}
