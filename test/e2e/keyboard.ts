// Reaching our UI from the keyboard, the way a reader without a mouse does;
// for both drivers (Playwright in Chromium, Puppeteer in Firefox).

/** What tabToLandmark needs of a Playwright or Puppeteer page. */
interface KeyboardPage {
  keyboard: { press(key: string): Promise<void> };
  evaluate(expression: string): Promise<unknown>;
}

/**
 * Presses Tab until focus is on our landmark (<receipts-ui>, the last focusable
 * element on the page), at most `maxTabs` times; whether it got there.
 */
export async function tabToLandmark(page: KeyboardPage, maxTabs = 80): Promise<boolean> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.tagName === 'RECEIPTS-UI'`)) return true;
  }
  return false;
}
