// The options page in Chromium: index status, and sync off by default (no
// source configured, so no network request is ever made).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './chromium.ts';

let browser: ChromiumSession;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

test('options show the live index and that sync is off until a source is chosen', async () => {
  const requests: string[] = [];
  browser.ctx.on('request', (r) => requests.push(r.url()));
  const page = await browser.ctx.newPage();
  await page.goto(browser.extensionUrl('extension/ui/options/index.html'));
  await expect.poll(() => page.locator('[data-field="version"]').textContent()).toMatch(/^[0-9a-f]{16}$/);
  await expect.poll(() => page.locator('[data-field="sync-status"]').textContent()).toMatch(/Sync is off: no source is configured/);
  expect(await page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
  expect(requests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([]);
  await page.close();
});
