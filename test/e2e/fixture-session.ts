// The usual start of an e2e file: a static server on 127.0.0.1 for the fixture
// pages and a browser with the built extension, started before the file's
// tests and torn down after them. The browser closes first (vitest runs
// after-hooks in reverse): while it lives, its open sockets hold
// server.close() for about a minute. The launcher does the waiting for
// readiness (launchChromium asks the options page for a live index version;
// never a sleep), so a test can open a page at once.
import { afterAll, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { ROOT } from './browsers.ts';
import { serveStatic, type StaticServer } from './server.ts';

export const PAGES_DIR = resolve(ROOT, 'test/fixtures/pages');

export interface WithPages<B> {
  /** The browser session (ChromiumSession, FirefoxSession); inside tests and hooks only. */
  readonly session: B;
  /** The static server; inside tests and hooks only. */
  readonly server: StaticServer;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the ${what} is not started yet (use it inside a test or hook)`);
  return value;
}

/** Registers the file's hooks that serve `root` on 127.0.0.1, every response with `headers`. */
export function withServer(root: string, headers: Record<string, string> = {}): { readonly server: StaticServer } {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(root, headers);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      return started(server, 'static server');
    },
  };
}

/**
 * Registers the file's hooks: serves `root` and launches the browser with
 * `launch` (launchChromium, launchFirefox; passed in so that a Chromium file
 * does not load the Firefox driver, nor the other way round).
 */
export function withPages<B extends { close(): Promise<void> }>(launch: () => Promise<B>, root = PAGES_DIR): WithPages<B> {
  const pages = withServer(root);
  let session: B | undefined;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      return started(session, 'browser');
    },
    get server() {
      return pages.server;
    },
  };
}
