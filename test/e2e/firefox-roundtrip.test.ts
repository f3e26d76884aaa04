// The whole path in Firefox ESR: a page on 127.0.0.1 is read, mentions are
// highlighted, the popover opens by hover and by keyboard, shows the record,
// and its link opens the right USAspending page. See firefox.ts for how the
// closed shadow root is observed (find-in-page and on-screen clicks).
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import {
  highlightCenter,
  highlightedTexts,
  launchFirefox,
  newTabFrom,
  pageShows,
  textCenterAfter,
  waitForText,
} from './firefox.ts';
import { withPages } from './fixture-session.ts';
import { tabToLandmark } from './keyboard.ts';
import { ROOT } from './browsers.ts';

const PIID = '70CTD022FR0000170';
const AWARD_URL = 'https://www.usaspending.gov/award/CONT_AWD_70CTD022FR0000170_7012_GS35F0086U_4730/';

const fx = withPages(launchFirefox);

async function open(file: string): Promise<Page> {
  const page = await fx.session.browser.newPage();
  await page.goto(fx.server.url(file));
  return page;
}

describe('Firefox round trip', () => {
  test('installs the build under its gecko id', () => {
    expect(fx.session.extensionId).toBe('receipts@receipts.invalid');
  });

  test('highlights Palantir and ICE on the German demo article', async () => {
    const page = await open('demo-de.html');
    const texts = await highlightedTexts(page);
    expect(texts).toContain('Palantir');
    expect(texts).toContain('ICE');
    expect(texts).toContain(PIID);
    await page.close();
  });

  test('hovering Palantir opens the popover with real award facts and a USAspending link', async () => {
    const page = await open('demo-en.html');
    const texts = await highlightedTexts(page);
    expect(texts).toContain('Palantir');
    // None of the popover's texts is in the article itself, so finding them
    // later can only mean the popover shows them.
    for (const t of ['Palantir Technologies Inc.', PIID, 'USAspending record', 'USAspending award page']) {
      expect(await pageShows(page, t), `"${t}" before the popover opens`).toBe(false);
    }

    const { x, y } = await highlightCenter(page, 'Palantir');
    await page.mouse.move(x, y);
    // The popover fills in as the record arrives and re-fits to the viewport: wait for each text.
    for (const t of [PIID, 'Palantir Technologies Inc.', 'USAspending record', 'USAspending award page']) {
      await waitForText(page, t).catch(async (e: unknown) => {
        await page.screenshot({ path: resolve(ROOT, 'test-results', 'firefox-popover-missing.png') }).catch(() => undefined);
        throw new Error(`the popover never showed "${t}" (${String(e)})`);
      });
    }

    const shots = resolve(ROOT, 'test-results');
    await mkdir(shots, { recursive: true });
    await page.screenshot({ path: resolve(shots, 'firefox-popover.png') });

    // The award card of PIID ends with its links: click the first
    // "USAspending award page" after the PIID and see where the new tab goes.
    // The link sits in the popover's scrolling body; Firefox may still be
    // settling that scroll when the position is read, so a click that opens
    // nothing is measured and tried again (at most three times).
    let url: string | undefined;
    for (let attempt = 0; attempt < 3 && !url; attempt++) {
      const link = await textCenterAfter(page, PIID, 'USAspending award page');
      url = await newTabFrom(fx.session.browser, () => page.mouse.click(link.x, link.y), (u) => u.startsWith('https://www.usaspending.gov/award/'), 7_000).catch(() => undefined);
    }
    expect(url).toBe(AWARD_URL);
    // The popover stayed open on the article.
    expect(await pageShows(page, PIID)).toBe(true);
    await page.close();
  });

  test('the keyboard landmark opens the popover, Esc closes it and focus returns', async () => {
    const page = await open('demo-en.html');
    const texts = await highlightedTexts(page);
    const position = `1 / ${texts.length}`; // the popover's footer: first of all mentions
    expect(await pageShows(page, position)).toBe(false);
    expect(await tabToLandmark(page, 60)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForText(page, position);
    await page.keyboard.press('Escape');
    await expect.poll(() => pageShows(page, position)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('RECEIPTS-UI');
    await page.close();
  });
});
