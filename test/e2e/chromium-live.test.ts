// Live pages in Chromium: the page's DOM stays byte-identical, late content
// is found, and a single-page navigation replaces the highlights.
import { describe, expect, test } from 'vitest';
import { launchChromium, highlightedTexts } from './chromium.ts';
import { withPages } from './fixture-session.ts';

const fx = withPages(launchChromium);

describe('live pages in Chromium', () => {
  test.each(['demo-en.html', 'demo-de.html', 'inline-heavy-en.html'])(
    '%s: the body is byte-identical to the served HTML after highlighting',
    async (name) => {
      const page = await fx.session.ctx.newPage();
      await page.goto(fx.server.url(name));
      await highlightedTexts(page);
      const same = await page.evaluate(async (url) => {
        const html = await (await fetch(url)).text();
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        return parsed.body.innerHTML === document.body.innerHTML;
      }, fx.server.url(name));
      expect(same).toBe(true);
      await page.close();
    },
  );

  test('a late-rendered article is found, and a pushState navigation replaces its highlights', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('spa-late.html'));
    await page.waitForFunction(() => [...(CSS.highlights.get('receipts-entity') ?? [])].some((r) => (r as Range).toString() === 'FALCON'), null, { timeout: 30_000 });
    // After the app navigates to the second story, the first story's highlights must be gone.
    await page.waitForFunction(
      () => {
        const texts = [...(CSS.highlights.get('receipts-entity') ?? [])].map((r) => (r as Range).toString());
        return texts.includes('HSCEDM14D00004') && !texts.includes('FALCON');
      },
      null,
      { timeout: 30_000 },
    );
    const texts = await highlightedTexts(page);
    expect(texts).toContain('BI Incorporated');
    expect(texts).not.toContain('HSCETC13F00030');
    await page.close();
  });

  // One sense per discourse on a page that grows: the first post's "ICE" has
  // no context of its own; a later post confirms it, and a post after that
  // has none either (extension/content/discourse.ts).
  test('a live blog: a later post that confirms "ICE" lights up the earlier one, and the next bare "ICE" too', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('browser-only/liveblog-updates.html'));
    const count = (text: string) => highlightedTexts(page).then((t) => t.filter((x) => x === text).length);
    expect(await count('Palantir')).toBe(1);
    expect(await count('ICE')).toBe(0); // no supporting context anywhere yet: not highlighted
    const post = (id: string, text: string) =>
      page.evaluate(([id, text]) => {
        const a = document.createElement('article');
        a.className = 'post';
        a.id = id!;
        a.innerHTML = `<time>11:0${id!.slice(1)}</time><p>${text}</p>`;
        document.getElementById('feed')!.prepend(a);
      }, [id, text]);
    const iceCount = (n: number) =>
      page.waitForFunction((n) => [...(CSS.highlights.get('receipts-entity') ?? [])].filter((r) => (r as Range).toString() === 'ICE').length === n, n, { timeout: 30_000 });
    await post('p3', 'BI Incorporated runs the alternatives-to-detention program for ICE under a new contract.');
    await iceCount(2); // the new post's own "ICE", and the first post's, read again with the new evidence
    await post('p4', 'ICE declined to comment.');
    await iceCount(3); // the rescan of the new post alone is told what the rest of the page confirms
    await page.close();
  });
});

