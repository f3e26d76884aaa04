// Reads typed values out of one source row and records every value it had to
// reject, so a bad field is reported (file, line, reason) instead of vanishing.
import { parseDate } from './dates.ts';

export interface FieldIssue {
  column: string;
  reason: string;
}

/** Cells that mean "no value": empty, and pandas' NaN written out as text. */
const EMPTY = new Set(['', 'nan', 'NAN', 'NaN', 'null', 'NULL']);

export class FieldReader {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly get: (column: string) => string | undefined) {}

  text(column: string): string | undefined {
    const raw = this.get(column);
    if (raw === undefined) return undefined;
    const s = raw.replace(/\s+/g, ' ').trim();
    return EMPTY.has(s) ? undefined : s;
  }

  amount(column: string): number | undefined {
    const s = this.text(column);
    if (s === undefined) return undefined;
    const cleaned = s.replace(/[$,\s]/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(cleaned)) {
      this.issues.push({ column, reason: `not a dollar amount: "${s}"` });
      return undefined;
    }
    return Number(cleaned);
  }

  integer(column: string): number | undefined {
    const s = this.text(column);
    if (s === undefined) return undefined;
    if (!/^\d+(\.0+)?$/.test(s)) {
      this.issues.push({ column, reason: `not a whole number: "${s}"` });
      return undefined;
    }
    return Number.parseInt(s, 10);
  }

  date(column: string): string | undefined {
    const s = this.text(column);
    if (s === undefined) return undefined;
    const r = parseDate(s);
    if (r.ok) return r.iso;
    this.issues.push({ column, reason: `bad date: ${r.reason}` });
    return undefined;
  }
}
