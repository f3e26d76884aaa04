// On-disk stores for the streaming build, so memory does not grow with the
// input. RowSpill is an external sort: accepted rows are buffered, sorted by
// award key (stably, so each award's rows keep their reading order) and written
// as sorted runs; a k-way merge then hands back each award's rows together, in
// award-id order. LineFile is an append-only NDJSON file read back line by line.
// Everything lives in one temporary directory that the caller removes.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Appends lines to a file in ~1 MB writes. */
export class LineWriter {
  private fd: number | undefined;
  private buf: string[] = [];
  private bufLen = 0;
  lines = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.buf.push(line, '\n');
    this.bufLen += line.length + 1;
    this.lines++;
    if (this.bufLen >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined || this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.bufLen = 0;
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}

/** Reads a file's lines one at a time (lines must not contain raw newlines: JSON escapes them). */
export class LineReader {
  private fd: number | undefined;
  private readonly chunk = Buffer.allocUnsafe(1 << 18);
  private readonly decoder = new StringDecoder('utf8');
  private text = '';
  private pos = 0;
  private eof = false;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  next(): string | undefined {
    for (;;) {
      const nl = this.text.indexOf('\n', this.pos);
      if (nl >= 0) {
        const line = this.text.slice(this.pos, nl);
        this.pos = nl + 1;
        return line;
      }
      if (this.eof || this.fd === undefined) {
        this.close();
        return undefined;
      }
      const n = readSync(this.fd, this.chunk, 0, this.chunk.length, null);
      this.text = this.text.slice(this.pos) + (n > 0 ? this.decoder.write(this.chunk.subarray(0, n)) : this.decoder.end());
      this.pos = 0;
      if (n === 0) this.eof = true;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

export function* readLines(path: string): Generator<string> {
  const r = new LineReader(path);
  try {
    for (let line = r.next(); line !== undefined; line = r.next()) yield line;
  } finally {
    r.close();
  }
}

interface Entry {
  key: string;
  payload: string;
}

const byKey = (a: Entry, b: Entry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export interface SpillOptions {
  /** Characters of serialised rows held before a sorted run is written (default 32 Mi). */
  bufferChars?: number;
}

/** External sort of (key, payload) pairs by key; pairs with equal keys come back in insertion order. */
export class RowSpill {
  private buffer: Entry[] = [];
  private bufferChars = 0;
  private readonly limit: number;
  private readonly runs: string[] = [];
  rows = 0;

  constructor(private readonly dir: string, opts: SpillOptions = {}) {
    this.limit = opts.bufferChars ?? 32 << 20;
  }

  get runCount(): number {
    return this.runs.length;
  }

  add(key: string, payload: string): void {
    this.buffer.push({ key, payload });
    this.bufferChars += key.length + payload.length + 64;
    this.rows++;
    if (this.bufferChars >= this.limit) this.writeRun();
  }

  private writeRun(): void {
    // Array.prototype.sort is stable: rows of one award stay in reading order.
    this.buffer.sort(byKey);
    const w = new LineWriter(join(this.dir, `run-${String(this.runs.length).padStart(5, '0')}.ndjson`));
    try {
      for (const e of this.buffer) w.write(`${JSON.stringify(e.key)}\t${e.payload}`);
    } finally {
      w.close();
    }
    this.runs.push(w.path);
    this.buffer = [];
    this.bufferChars = 0;
  }

  /** Yields each key with its payloads in insertion order, keys ascending (JS string order). */
  *groups(): Generator<{ key: string; payloads: string[] }> {
    if (this.runs.length === 0) {
      // Everything fit in memory: no file was written.
      const entries = this.buffer.sort(byKey);
      this.buffer = [];
      let i = 0;
      while (i < entries.length) {
        const key = entries[i]!.key;
        const payloads: string[] = [];
        for (; i < entries.length && entries[i]!.key === key; i++) payloads.push(entries[i]!.payload);
        yield { key, payloads };
      }
      return;
    }
    if (this.buffer.length > 0) this.writeRun();
    const heads = this.runs.map((path, run) => ({ run, reader: new LineReader(path), key: '', payload: '' }));
    type Head = (typeof heads)[number];
    const advance = (h: Head): boolean => {
      const line = h.reader.next();
      if (line === undefined) return false;
      const tab = line.indexOf('\t');
      h.key = JSON.parse(line.slice(0, tab)) as string;
      h.payload = line.slice(tab + 1);
      return true;
    };
    // A binary min-heap on (key, run): equal keys come from earlier runs first, i.e. in reading order.
    const less = (a: Head, b: Head) => a.key < b.key || (a.key === b.key && a.run < b.run);
    const heap: Head[] = [];
    const push = (h: Head) => {
      heap.push(h);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    };
    const pop = (): Head | undefined => {
      const top = heap[0];
      const last = heap.pop();
      if (heap.length > 0 && last) {
        heap[0] = last;
        for (let i = 0; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
          if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          [heap[i], heap[m]] = [heap[m]!, heap[i]!];
          i = m;
        }
      }
      return top;
    };
    try {
      for (const h of heads) if (advance(h)) push(h);
      let key: string | undefined;
      let payloads: string[] = [];
      for (let h = pop(); h; h = pop()) {
        if (h.key !== key) {
          if (key !== undefined) yield { key, payloads };
          key = h.key;
          payloads = [];
        }
        payloads.push(h.payload);
        if (advance(h)) push(h);
      }
      if (key !== undefined) yield { key, payloads };
    } finally {
      for (const h of heads) h.reader.close();
    }
  }
}
