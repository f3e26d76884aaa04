// Editors on a page where Receipts runs: a contenteditable editor gets
// highlight ranges and a <textarea> a note in our closed shadow root, and
// neither ever changes what the editor holds: innerHTML and value are
// byte-identical after highlighting, and typing adds exactly what was typed.
// The page is written to a temporary directory, so it does not join the
// golden fixture pages (which need expected-mention files).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { serveStatic, type StaticServer } from './server.ts';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Draft desk</title></head>
<body>
<h1>Draft desk</h1>
<p>Two editors for a story about federal contracts.</p>
<label for="ta">Summary</label>
<textarea id="ta" rows="3" cols="60">Palantir Technologies signed another order with ICE.</textarea>
<div id="ce" contenteditable="true"><p>The <b>U.S. Immigration and Customs Enforcement</b> agency extended order
70CTD022FR0000170 with <i>Palantir</i>&nbsp;again.</p><p>Second paragraph, nothing to see.</p></div>
</body></html>
`;

let browser: ChromiumSession;
let server: StaticServer;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'receipts-editor-page-'));
  await writeFile(join(dir, 'editor.html'), PAGE);
  server = await serveStatic(dir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

function editorHighlights(): string[] {
  return [...(CSS.highlights.get('receipts-editor') ?? [])].map((r) => (r as Range).toString());
}

/** The text of the editor note inside our closed shadow root, read through the DevTools protocol. */
async function noteText(page: Page): Promise<{ text: string; hidden: boolean } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'receipts-editor-ui' });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [shadow.backendNodeId] });
    const { nodeId: noteId } = await cdp.send('DOM.querySelector', { nodeId: nodeIds[0]!, selector: '.note' });
    if (!noteId) return null;
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: noteId });
    const res = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return { text: this.textContent, hidden: this.hidden }; }',
      returnByValue: true,
    });
    return res.result.value as { text: string; hidden: boolean };
  } finally {
    await cdp.detach();
  }
}

/** Polls the note until `ok` holds (a closed shadow root cannot be awaited from the page). */
async function waitForNote(page: Page, ok: (n: { text: string; hidden: boolean }) => boolean): Promise<string> {
  const end = Date.now() + 30_000;
  for (;;) {
    const n = await noteText(page);
    if (n && ok(n)) return n.text;
    if (Date.now() > end) throw new Error(`timed out waiting for the editor note (last: ${JSON.stringify(n)})`);
    await page.waitForTimeout(100);
  }
}
const showing = (has: string) => (n: { text: string; hidden: boolean }) => !n.hidden && n.text.includes(has);

describe('editors in Chromium', () => {
  test('contenteditable: highlighted by ranges, innerHTML byte-identical; typing adds only what was typed', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(server.url('editor.html'));
    const before = await page.evaluate(() => ({ ce: document.getElementById('ce')!.innerHTML, body: document.body.innerHTML }));
    await page.waitForFunction((n) => (CSS.highlights.get(n)?.size ?? 0) > 0, 'receipts-editor', { timeout: 30_000 });
    const texts = await page.evaluate(editorHighlights);
    expect(texts).toContain('U.S. Immigration and Customs Enforcement');
    expect(texts).toContain('Palantir');
    expect(texts).toContain('70CTD022FR0000170');
    const after = await page.evaluate(() => ({ ce: document.getElementById('ce')!.innerHTML, body: document.body.innerHTML }));
    expect(after.ce).toBe(before.ce);
    expect(after.body).toBe(before.body);
    // The body is also byte-identical to the served page.
    const sameAsServed = await page.evaluate(async (url) => {
      const parsed = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
      return parsed.body.innerHTML === document.body.innerHTML;
    }, server.url('editor.html'));
    expect(sameAsServed).toBe(true);

    // Type at the end of the second paragraph; the editor holds exactly that change.
    const text0 = await page.evaluate(() => document.getElementById('ce')!.textContent);
    await page.evaluate(() => {
      const p = document.querySelectorAll('#ce p')[1]!;
      const sel = getSelection()!;
      sel.removeAllRanges();
      const r = document.createRange();
      r.selectNodeContents(p);
      r.collapse(false);
      sel.addRange(r);
    });
    await page.focus('#ce');
    await page.keyboard.type(' Palantir again.');
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-editor') ?? [])].filter((r) => (r as Range).toString() === 'Palantir').length === 2, null, { timeout: 30_000 });
    const text1 = await page.evaluate(() => document.getElementById('ce')!.textContent);
    expect(text1).toBe(`${text0} Palantir again.`);
    expect(await page.evaluate(() => document.querySelectorAll('#ce *').length)).toBe(4);
    await page.close();
  });

  test('textarea: findings in a note beside it, value byte-identical; typing adds only what was typed', async () => {
    const page = await browser.ctx.newPage();
    await page.goto(server.url('editor.html'));
    const value0 = await page.inputValue('#ta');
    await page.focus('#ta');
    const note = await waitForNote(page, showing('Palantir'));
    expect(note).toContain('ICE');
    expect(await page.inputValue('#ta')).toBe(value0);
    expect(await page.evaluate(() => document.querySelectorAll('receipts-editor-ui').length)).toBe(1);
    // The note sits on <html>, never inside <body>.
    expect(await page.evaluate(() => document.body.querySelector('receipts-editor-ui'))).toBeNull();

    await page.keyboard.press('End');
    await page.keyboard.type(' Also the GEO Group.');
    await waitForNote(page, showing('GEO Group'));
    expect(await page.inputValue('#ta')).toBe(`${value0} Also the GEO Group.`);

    // Leaving the editor hides the note.
    await page.focus('h1').catch(() => undefined);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await waitForNote(page, (n) => n.hidden);
    await page.close();
  });
});
