// Streaming RFC 4180 CSV reader. It consumes a text stream chunk by chunk and
// yields one record at a time, so memory stays flat however large the export
// is: only the record being assembled is held. Handles quoted fields with
// embedded commas, quotes ("") and newlines, CRLF/LF/CR line ends and a BOM.
import { createReadStream } from 'node:fs';

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line on which the record starts (what an editor shows). */
  line: number;
  /** Set when the record is malformed beyond repair (an unterminated quote at EOF). */
  error?: string;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Saw a quote inside a quoted field: either an escaped "" or the closing quote. */
  QuoteInQuoted,
}

export class CsvParser {
  private state = State.FieldStart;
  /** Bytes of the current field that arrived in earlier chunks. */
  private parts: Uint8Array[] = [];
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private skipLF = false;
  private first = true;

  /**
   * Feeds one chunk; returns the records completed inside it. Parsing works on
   * UTF-8 bytes (delimiters are ASCII, so they never occur inside a multi-byte
   * character), and each field is decoded into a fresh string. Slicing a text
   * chunk instead would hand out V8 "sliced strings" that pin the whole 64 KB
   * chunk in memory for as long as any field of it is kept.
   */
  push(input: Uint8Array | string): CsvRecord[] {
    const chunk = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    const out: CsvRecord[] = [];
    const n = chunk.length;
    let i = 0;
    if (this.first && n > 0) {
      // A BOM can only be recognised once its three bytes are here.
      if (n < 3 && chunk[0] === 0xef) {
        this.parts.push(Uint8Array.from(chunk));
        return out;
      }
      this.first = false;
      const head = this.parts.length ? Buffer.concat([...this.parts, chunk]) : chunk;
      this.parts = [];
      if (head !== chunk) return this.push(head);
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    let start = i;
    for (; i < n; i++) {
      const c = chunk[i]!;
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            start = i + 1;
          } else if (c === COMMA) {
            this.fields.push('');
          } else if (c === CR || c === LF) {
            // A blank line between records is not a record.
            if (this.fields.length > 0) this.fields.push('');
            this.endLine(c, out);
          } else {
            this.state = State.Unquoted;
            start = i;
          }
          break;
        case State.Unquoted:
          if (c === COMMA) {
            this.fields.push(this.take(chunk, start, i));
            this.state = State.FieldStart;
          } else if (c === CR || c === LF) {
            this.fields.push(this.take(chunk, start, i));
            this.state = State.FieldStart;
            this.endLine(c, out);
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            if (i > start) this.parts.push(chunk.subarray(start, i));
            this.state = State.QuoteInQuoted;
          } else if (c === LF) {
            this.line++;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            // An escaped quote: the second quote starts the next segment.
            this.state = State.Quoted;
            start = i;
          } else if (c === COMMA) {
            this.fields.push(this.take(chunk, i, i));
            this.state = State.FieldStart;
          } else if (c === CR || c === LF) {
            this.fields.push(this.take(chunk, i, i));
            this.state = State.FieldStart;
            this.endLine(c, out);
          } else {
            // Lenient: text after a closing quote (`"ab"c`) is kept as written.
            this.state = State.Unquoted;
            start = i;
          }
          break;
      }
    }
    if ((this.state === State.Unquoted || this.state === State.Quoted) && n > start) {
      // Copy: the caller may reuse its buffer for the next chunk.
      this.parts.push(Uint8Array.from(chunk.subarray(start, n)));
    }
    for (let k = 0; k < this.parts.length; k++) {
      const p = this.parts[k]!;
      if (p.buffer === chunk.buffer) this.parts[k] = Uint8Array.from(p);
    }
    return out;
  }

  /** Decodes the current field: earlier parts plus chunk[start, end). */
  private take(chunk: Buffer, start: number, end: number): string {
    if (this.parts.length === 0) return start === end ? '' : chunk.toString('utf8', start, end);
    const all = Buffer.concat([...this.parts, chunk.subarray(start, end)]);
    this.parts = [];
    return all.toString('utf8');
  }

  /** Flushes the last record at end of input. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    const empty = Buffer.alloc(0);
    if (this.first && this.parts.length) {
      this.first = false;
      const head = Buffer.concat(this.parts);
      this.parts = [];
      out.push(...this.push(head));
    }
    if (this.state === State.Quoted) {
      this.fields.push(this.take(empty, 0, 0));
      out.push({ fields: this.fields, line: this.recordLine, error: 'unterminated quoted field at end of file' });
    } else if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.fields.push(this.take(empty, 0, 0));
      out.push({ fields: this.fields, line: this.recordLine });
    }
    this.fields = [];
    this.parts = [];
    this.state = State.FieldStart;
    return out;
  }

  private endLine(c: number, out: CsvRecord[]): void {
    if (this.fields.length > 0) out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.line++;
    this.recordLine = this.line;
    if (c === CR) this.skipLF = true;
  }
}

/** Yields records from any text or byte stream (e.g. `fs.createReadStream`). */
export async function* readCsv(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const chunk of source) yield* parser.push(chunk);
  yield* parser.end();
}

export function readCsvFile(path: string): AsyncGenerator<CsvRecord> {
  return readCsv(createReadStream(path, { highWaterMark: 1 << 16 }));
}

/** Convenience for small inputs and tests. */
export function parseCsvString(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}
