// Watches every request the extension's contexts make, through the DevTools
// protocol: the service worker (attached as its own target), each page (the
// content script's requests go through its page) and each extension page.
// Playwright's context-level request event is recorded as a second net.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface SeenRequest {
  context: 'service-worker' | 'page' | 'extension-page';
  url: string;
  method: string;
  /** Headers as sent; lets a test check that no cookie or referrer leaves. */
  headers: Record<string, string>;
  postData?: string;
}

interface RequestWillBeSent {
  request: { url: string; method: string; headers: Record<string, string>; postData?: string };
}

export class NetworkWatch {
  readonly seen: SeenRequest[] = [];
  private readonly attachedWorkers = new Set<string>();
  private readonly sessions: CDPSession[] = [];
  private control: CDPSession | undefined;
  private nextId = 1;

  constructor(
    private readonly ctx: BrowserContext,
    private readonly extensionId: string,
  ) {
    ctx.on('request', (r) => {
      // Only what CDP might have missed: service-worker requests Playwright attributes itself.
      if (r.serviceWorker()) this.push('service-worker', { request: { url: r.url(), method: r.method(), headers: r.headers(), ...(r.postData() ? { postData: r.postData()! } : {}) } });
    });
  }

  private push(context: SeenRequest['context'], e: RequestWillBeSent): void {
    const { url, method, headers, postData } = e.request;
    // A worker request can arrive twice (CDP and Playwright); one record is enough to fail a privacy check.
    if (context === 'service-worker' && this.seen.some((s) => s.context === context && s.url === url && s.method === method && s.postData === postData)) return;
    this.seen.push({ context, url, method, headers, ...(postData !== undefined ? { postData } : {}) });
  }

  /** Starts recording a page's requests (a web page, or one of our own pages). */
  async page(page: Page): Promise<void> {
    const cdp = await this.ctx.newCDPSession(page);
    this.sessions.push(cdp);
    const context = page.url().startsWith('chrome-extension://') ? 'extension-page' : 'page';
    cdp.on('Network.requestWillBeSent', (e: RequestWillBeSent) => this.push(context, e));
    await cdp.send('Network.enable');
  }

  /** Attaches to the extension's service worker target(s) not yet watched. Call again after a worker restart. */
  async workers(anyPage: Page): Promise<number> {
    this.control ??= await this.ctx.newCDPSession(anyPage);
    const cdp = this.control;
    if (this.sessions.indexOf(cdp) < 0) {
      this.sessions.push(cdp);
      cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
        const msg = JSON.parse(e.message) as { method?: string; params?: RequestWillBeSent };
        if (msg.method === 'Network.requestWillBeSent' && msg.params) this.push('service-worker', msg.params);
      });
    }
    const { targetInfos } = await cdp.send('Target.getTargets');
    let attached = 0;
    for (const t of targetInfos) {
      if (t.type !== 'service_worker' || !t.url.startsWith(`chrome-extension://${this.extensionId}/`) || this.attachedWorkers.has(t.targetId)) continue;
      // Non-flattened attach: Playwright's CDPSession cannot address child sessions, but it can relay messages.
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: this.nextId++, method: 'Network.enable' }) });
      this.attachedWorkers.add(t.targetId);
      attached++;
    }
    return attached;
  }

  /** Requests that left the browser: anything not served from the extension itself. */
  network(): SeenRequest[] {
    return this.seen.filter((s) => /^(https?|wss?|ftp):/i.test(s.url));
  }

  async close(): Promise<void> {
    for (const s of this.sessions.splice(0)) await s.detach().catch(() => undefined);
  }
}
