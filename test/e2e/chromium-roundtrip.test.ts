// The whole path in Chromium: a page on 127.0.0.1 is read, mentions are
// highlighted, the popover opens by hover, by click and by keyboard, shows
// the record, and links to the right USAspending page.
import { describe, expect, test } from 'vitest';
import { launchChromium, highlightCenter, highlightedTexts } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { tabToLandmark } from './keyboard.ts';
import { ShadowProbe } from './shadow.ts';
import { shotPath } from './screenshots.ts';

const fx = withPages(launchChromium);

describe('Chromium round trip', () => {
  test('highlights Palantir and ICE on the German demo article', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    const texts = await highlightedTexts(page);
    expect(texts).toContain('Palantir');
    expect(texts.some((t) => t === 'ICE')).toBe(true);
    await page.close();
  });

  test('hovering Palantir opens the popover with real award facts and a USAspending link', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(page);
    const probe = await ShadowProbe.attach(page);
    const { x, y } = await highlightCenter(page, 'Palantir');
    await page.mouse.move(x, y);
    const [title] = await probe.waitFor('.popover h2');
    expect(title).toMatch(/Palantir/);
    await probe.waitFor('.award');
    const piids = await probe.texts('.award .piid');
    expect(piids).toContain('70CTD022FR0000170');
    const links = await probe.query<string>('a[data-link="usaspending"]', 'function () { return this.href; }');
    expect(links).toContain('https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/');
    await page.screenshot({ path: shotPath('popover-palantir.png', true) });
    await page.close();
  });

  test('the keyboard landmark opens the popover, Esc closes it and focus returns', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-en.html'));
    await highlightedTexts(page);
    const probe = await ShadowProbe.attach(page);
    await probe.waitFor('.landmark');
    expect(await tabToLandmark(page, 60)).toBe(true);
    await page.keyboard.press('Enter');
    const [label] = await probe.query<string>('.popover', 'function () { return this.getAttribute("role"); }');
    expect(label).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await probe.texts('.popover')).length).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('RECEIPTS-UI');
  });

  test('clicking a contract id opens its award', async () => {
    const page = await fx.session.ctx.newPage();
    await page.goto(fx.server.url('demo-de.html'));
    const texts = await highlightedTexts(page);
    expect(texts).toContain('70CTD022FR0000170');
    const probe = await ShadowProbe.attach(page);
    const { x, y } = await highlightCenter(page, '70CTD022FR0000170');
    await page.mouse.click(x, y);
    const obligated = await probe.waitFor('.award [data-field="obligated"]');
    expect(obligated[0]).toBe('$150,703,825');
    expect(await probe.texts('.popover h2')).toEqual(['70CTD022FR0000170']);
    expect(await probe.texts('.award [data-field="competition"]')).toEqual([
      'Order under GSA schedule GS35F0086U, recorded as full and open competition; the fair-opportunity field is empty. 1 offer.',
    ]);
    await page.close();
  });
});
