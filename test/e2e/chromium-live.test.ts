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
});
