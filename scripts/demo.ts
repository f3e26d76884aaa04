// `npm start`: build the extension and show it working on our demo articles,
// served on 127.0.0.1. With a display, Chromium opens with Receipts loaded;
// headless, it writes demo/screenshot.png with the popover open and prints
// the page report.
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildExtension } from './build.ts';
import { serveStatic } from '../test/e2e/server.ts';
import { launchChromium, highlightCenter, highlightedTexts } from '../test/e2e/chromium.ts';
import { ShadowProbe } from '../test/e2e/shadow.ts';
import { chromium } from 'playwright-core';
import { DIST_CHROME, requireBrowser } from '../test/e2e/browsers.ts';
import { htmlToText } from '../src/cli/input.ts';
import { openIndex } from '../src/cli/load-index.ts';
import { annotate } from '../src/report/annotate.ts';
import { textReport } from '../src/cli/text-report.ts';

const root = resolve(import.meta.dirname, '..');
const pages = resolve(root, 'test/fixtures/pages');
const article = process.argv[2] ?? 'demo-de.html';

console.log('Building the extension…');
await buildExtension();
const server = await serveStatic(pages);
const url = server.url(article);
console.log(`Serving the demo article at ${url} (also ${server.url('demo-en.html')})`);

if (process.env.DISPLAY) {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(resolve(tmpdir(), 'receipts-demo-'));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: requireBrowser('chromium'),
    headless: false,
    args: [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`, '--no-first-run'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(url);
  console.log('Chromium is open with Receipts loaded. Hover a highlighted name. Close the window to stop.');
  await new Promise<void>((done) => ctx.on('close', () => done()));
  await server.close();
} else {
  console.log('No display found: running headless. Writing demo/screenshot.png and printing the page report.');
  const session = await launchChromium();
  try {
    const page = await session.ctx.newPage();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(url);
    const texts = await highlightedTexts(page);
    console.log(`Highlighted on the page: ${[...new Set(texts)].join(', ')}`);
    const probe = await ShadowProbe.attach(page);
    const { x, y } = await highlightCenter(page, 'Palantir');
    await page.mouse.move(x, y);
    await probe.waitFor('.award');
    await mkdir(resolve(root, 'demo'), { recursive: true });
    await page.screenshot({ path: resolve(root, 'demo/screenshot.png') });
    console.log('Wrote demo/screenshot.png (the popover for Palantir is open).\n');
  } finally {
    await session.close();
    await server.close();
  }
  const report = await annotate(htmlToText(await readFile(resolve(pages, article), 'utf8')), await openIndex(), {
    file: `test/fixtures/pages/${article}`,
  });
  process.stdout.write(textReport(report));
}
