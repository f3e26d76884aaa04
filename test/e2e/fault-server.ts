// A programmable HTTP server on 127.0.0.1 for the sync tests: each path has a
// handler that may answer, fail, stall, or cut the connection, so every fault
// the issue lists is produced by a real socket, not a mocked fetch. It sends
// CORS headers: the extension reaches a loopback feed without a host permission.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

export interface FaultServer {
  origin: string;
  route(path: string, h: Handler): void;
  /** Every request seen: method, path and body. */
  log: { method: string; path: string; body: string }[];
  /** Resolves when a request for `path` arrives (or has arrived). */
  seen(path: string): Promise<void>;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-expose-headers': 'retry-after, content-length',
};

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, Handler>();
  const log: FaultServer['log'] = [];
  const waiters = new Map<string, (() => void)[]>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      log.push({ method: req.method ?? 'GET', path, body });
      for (const w of waiters.get(path)?.splice(0) ?? []) w();
      const h = routes.get(path);
      if (!h) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      Promise.resolve(h(req, res, body)).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('fault server did not bind');
  return {
    origin: `http://127.0.0.1:${addr.port}`,
    log,
    route: (path, h) => void routes.set(path, h),
    seen: (path) =>
      log.some((l) => l.path === path)
        ? Promise.resolve()
        : new Promise((ok) => waiters.set(path, [...(waiters.get(path) ?? []), ok])),
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy(); // stalled responses would keep the server open
        server.close(() => ok());
      }),
  };
}

export function sendJson(res: ServerResponse, value: unknown, status = 200, headers: Record<string, string> = {}): void {
  const body = Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers }).end(body);
}
