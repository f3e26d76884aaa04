// Golden pages in Chromium: every page in test/fixtures/pages (and the
// browser-only pages beside them) is loaded in the built extension, the
// content script's own report is fetched the way the side panel fetches it,
// and the highlighted mentions are scored against the page's expected.json
// with the same scorer as the Node golden test. Negatives must stay unmarked.
import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report } from '../../src/report/types.ts';
import { expectedSpans, score, type Expected } from '../golden/score.ts';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { withPages } from './fixture-session.ts';
import { ROOT } from './browsers.ts';
import { highlightTextsDeep, reportForUrl } from './page-probes.ts';

const DIR = resolve(ROOT, 'test/fixtures/pages');
const FLOOR = 0.95;
// spa-late changes its text twice after load; test/e2e/chromium-live.test.ts covers it phase by phase.
const pages = [
  ...readdirSync(DIR).filter((f) => f.endsWith('.html') && f !== 'spa-late.html'),
  ...readdirSync(resolve(DIR, 'browser-only')).filter((f) => f.endsWith('.html')).map((f) => `browser-only/${f}`),
].filter((f) => existsSync(resolve(DIR, f.replace(/\.html$/, '.expected.json'))));

type GoldenExpected = Expected & { notInText?: { text: string }[] };

const fx = withPages(launchChromium, DIR);

/** The page's report from its content script, once it answers (it answers after its scan has settled). */
async function pageReport(s: ChromiumSession, url: string): Promise<Report> {
  let found: { tabId: number; res: unknown } | null = null;
  await expect
    .poll(async () => (found = await s.worker.evaluate(reportForUrl, url)), { timeout: 30_000, interval: 200 })
    .not.toBeNull();
  return (found!.res as { value: Report }).value;
}

describe('golden pages in Chromium', () => {
  test('there are golden pages, including a browser-only one', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.some((p) => p.startsWith('browser-only/'))).toBe(true);
  });

  test.each(pages)('%s: highlighted mentions score precision and recall ≥ 0.95', async (name) => {
    const expected = JSON.parse(readFileSync(resolve(DIR, name.replace(/\.html$/, '.expected.json')), 'utf8')) as GoldenExpected;
    const page = await fx.session.ctx.newPage();
    const url = fx.server.url(name);
    await page.goto(url);
    const report = await pageReport(fx.session, url);
    const found = report.mentions;

    // What the report lists is exactly what is highlighted on the page (and in its frames).
    const highlighted = await page.evaluate(highlightTextsDeep, 'receipts-entity');
    expect([...highlighted].sort()).toEqual(found.map((m) => m.text).sort());
    for (const m of found) expect(report.text.slice(m.start, m.end)).toBe(m.text);

    const s = score(found, expectedSpans(report.text, expected));
    console.log(`golden ${name}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)} (${s.truePositives} found)`);
    const detail = JSON.stringify({
      falsePositives: s.falsePositives.map((m) => `${m.text} → ${m.id}`),
      falseNegatives: s.falseNegatives.map((m) => `${m.text} → ${m.id}`),
    });
    expect(s.precision, detail).toBeGreaterThanOrEqual(FLOOR);
    expect(s.recall, detail).toBeGreaterThanOrEqual(FLOOR);
    if (expected.mentions.length > 0) expect(s.truePositives).toBeGreaterThan(0);

    // Negatives (ice hockey, Falcon 9, Apache Maven …): no highlight touches any occurrence.
    for (const neg of expected.negatives ?? []) {
      for (let at = report.text.indexOf(neg.text); at >= 0; at = report.text.indexOf(neg.text, at + 1)) {
        const end = at + neg.text.length;
        const touching = found.filter((m) => m.start < end && at < m.end).map((m) => m.text);
        expect(touching, `negative "${neg.text}"`).toEqual([]);
      }
    }
    for (const gone of expected.notInText ?? []) expect(report.text).not.toContain(gone.text);
    await page.close();
  });
});
