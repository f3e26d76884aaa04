// Date parsing for the formats real exports contain. The 2018 ICE export was
// rewritten by a spreadsheet, so its dates are day-first (`27/03/2014`,
// `01/05/14 00:00`); today's downloads and the API use ISO. Output is always an
// ISO calendar date (YYYY-MM-DD); impossible dates are errors, never guesses.

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Two-digit years: the export covers FY2013–FY2018 with end dates decades out,
 * so 00–69 are read as 20xx and 70–99 as 19xx (the POSIX `%y` pivot).
 */
function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(year: number, month: number, day: number, h?: string, m?: string, s?: string): DateResult {
  if (month < 1 || month > 12) return { ok: false, reason: `month ${month} out of range` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, reason: `day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}` };
  }
  if (h !== undefined && (Number(h) > 23 || Number(m) > 59 || (s !== undefined && Number(s) > 59))) {
    return { ok: false, reason: `time ${h}:${m}${s ? ':' + s : ''} out of range` };
  }
  if (year < 1900 || year > 2100) return { ok: false, reason: `year ${year} out of range` };
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, iso };
}

/** Parses one date cell. Empty input is not an error: callers check for emptiness first. */
export function parseDate(raw: string): DateResult {
  const s = raw.trim();
  let m = ISO.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
  m = DAY_FIRST.exec(s);
  if (m) return build(expandYear(m[3] ?? ''), Number(m[2]), Number(m[1]), m[4], m[5], m[6]);
  return { ok: false, reason: `unrecognised date format "${s}"` };
}

/** Larger of two optional ISO dates (ISO dates compare as strings). */
export function maxDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}

export function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}
