// Receipts puts its UI in a closed shadow root, which page scripts (and so
// Playwright's selectors) cannot enter. The DevTools protocol can: these
// helpers query inside it the way a browser's inspector does.
import type { CDPSession, Page } from 'playwright-core';

/** The backend node id of <receipts-ui>'s (closed) shadow root, found the way the inspector finds it; null if absent. */
export async function receiptsShadowRoot(cdp: CDPSession): Promise<number | null> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'receipts-ui' });
  if (!nodeId) return null;
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  return node.shadowRoots?.[0]?.backendNodeId ?? null;
}

export class ShadowProbe {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<ShadowProbe> {
    return new ShadowProbe(await page.context().newCDPSession(page));
  }

  private async shadowRootId(): Promise<number | null> {
    const backendNodeId = await receiptsShadowRoot(this.cdp);
    if (backendNodeId === null) return null;
    const { nodeIds } = await this.cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [backendNodeId] });
    return nodeIds[0] ?? null;
  }

  /** Evaluates `fn` on every element matching `selector` inside our shadow root. */
  async query<T>(selector: string, fn: string): Promise<T[]> {
    const rootId = await this.shadowRootId();
    if (!rootId) return [];
    const { nodeIds } = await this.cdp.send('DOM.querySelectorAll', { nodeId: rootId, selector });
    const out: T[] = [];
    for (const nodeId of nodeIds) {
      const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
      const res = await this.cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId!,
        functionDeclaration: fn,
        returnByValue: true,
      });
      out.push(res.result.value as T);
    }
    return out;
  }

  async texts(selector: string): Promise<string[]> {
    return this.query<string>(selector, 'function () { return this.textContent; }');
  }

  /** Polls until `selector` matches inside the shadow root. */
  async waitFor(selector: string, timeoutMs = 20_000): Promise<string[]> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.texts(selector);
      if (found.length > 0) return found;
      if (Date.now() > end) throw new Error(`timed out waiting for ${selector} in the Receipts shadow root`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Viewport centre of the first element matching `selector`. */
  async center(selector: string): Promise<{ x: number; y: number }> {
    const [c] = await this.query<{ x: number; y: number }>(
      selector,
      'function () { const b = this.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; }',
    );
    if (!c) throw new Error(`${selector} not found in the Receipts shadow root`);
    return c;
  }
}
