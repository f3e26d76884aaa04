// Probes for our closed shadow root that the UI e2e tests share: the root as
// a DevTools-protocol object (closed to page scripts, not to the inspector),
// functions run on it, and axe-core run on an open mirror of it (axe, like
// any page script, cannot enter a closed root; the mirror carries the same
// nodes and the same constructed style sheets, so layout and colours match).
import type { CDPSession, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './browsers.ts';
import { receiptsShadowRoot } from './shadow.ts';

// Evaluated through the DevTools protocol, so an extension page's CSP (no inline scripts) does not block it.
const AXE_SOURCE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

async function loadAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
}

export class UiProbe {
  private constructor(private readonly page: Page, private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<UiProbe> {
    return new UiProbe(page, await page.context().newCDPSession(page));
  }

  /** The closed shadow root of <receipts-ui> as a remote object id, or null. */
  async rootObject(): Promise<string | null> {
    const backendNodeId = await receiptsShadowRoot(this.cdp);
    if (backendNodeId === null) return null;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId });
    return object.objectId ?? null;
  }

  /** Runs `fn` (a function source; `this` is the shadow root) and returns its JSON value. */
  async onRoot<T>(fn: string, ...args: unknown[]): Promise<T> {
    const objectId = await this.rootObject();
    if (!objectId) throw new Error('no Receipts shadow root on the page');
    const res = await this.cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
      awaitPromise: true,
    });
    if (res.exceptionDetails) throw new Error(`in shadow root: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as T;
  }

  /** Polls until `selector` matches in the root; returns the matches' text. */
  async waitFor(selector: string, timeoutMs = 20_000): Promise<string[]> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.texts(selector).catch(() => [] as string[]);
      if (texts.length > 0) return texts;
      if (Date.now() > end) throw new Error(`timed out waiting for ${selector} in the Receipts shadow root`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  texts(selector: string): Promise<string[]> {
    return this.onRoot<string[]>('function (s) { return [...this.querySelectorAll(s)].map((e) => e.textContent); }', selector);
  }

  async center(selector: string): Promise<{ x: number; y: number }> {
    const c = await this.onRoot<{ x: number; y: number } | null>(
      // Scrolled into view first: the popover's body scrolls.
      'function (s) { const e = this.querySelector(s); if (!e) return null; e.scrollIntoView({ block: "nearest" }); const b = e.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }',
      selector,
    );
    if (!c) throw new Error(`${selector} not found in the Receipts shadow root`);
    return c;
  }

  async rect(selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const r = await this.onRoot<{ x: number; y: number; width: number; height: number } | null>(
      'function (s) { const e = this.querySelector(s); if (!e) return null; const b = e.getBoundingClientRect(); return { x: b.left, y: b.top, width: b.width, height: b.height }; }',
      selector,
    );
    if (!r) throw new Error(`${selector} not found in the Receipts shadow root`);
    return r;
  }

  /** Class of the element focused inside our root ('' when focus is elsewhere). */
  focusedClass(): Promise<string> {
    return this.onRoot<string>('function () { const a = this.activeElement; return a ? (a.getAttribute("class") || a.tagName) : ""; }');
  }

  /** axe-core on an open mirror of our shadow root; returns the violations as `rule: targets`. */
  async axe(): Promise<string[]> {
    await loadAxe(this.page);
    await this.onRoot<void>(`function () {
      document.getElementById('receipts-axe-mirror')?.remove();
      const host = document.createElement('div');
      host.id = 'receipts-axe-mirror';
      const open = host.attachShadow({ mode: 'open' });
      open.adoptedStyleSheets = [...this.adoptedStyleSheets];
      for (const n of this.childNodes) open.append(n.cloneNode(true));
      document.documentElement.append(host);
    }`);
    try {
      return await this.page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
        const r = await axe.run({ include: [['#receipts-axe-mirror']] }, { resultTypes: ['violations'] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
      });
    } finally {
      await this.page.evaluate(() => document.getElementById('receipts-axe-mirror')?.remove());
    }
  }
}

/** axe-core on an ordinary page (our options page). */
export async function axePage(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
  });
}
