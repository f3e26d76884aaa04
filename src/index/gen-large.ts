// Writes a large, valid 2018-layout transactions CSV for the memory benchmark
// (`receipts index build` on ~1 GB should keep RSS flat in the reader). Rows
// vary the PIID across a bounded set of awards and step modification numbers,
// and include quoted fields with commas, quotes and a newline so the reader's
// slow paths are exercised too. Streaming with backpressure: never holds the file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { TRANSACTION_2018_COLUMNS } from './columns-2018.ts';

export interface GenerateOptions {
  /** Target size in megabytes (10^6 bytes); the file ends at the first row past it. */
  megabytes: number;
  /** Distinct awards to cycle through (default 5000). */
  awards?: number;
  /** Write the header row (default true). */
  header?: boolean;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const INDEX = new Map(TRANSACTION_2018_COLUMNS.map((c, i) => [c, i] as const));

function row(n: number, awards: number): string {
  const cells = new Array<string>(TRANSACTION_2018_COLUMNS.length).fill('');
  const set = (c: string, v: string) => {
    const i = INDEX.get(c);
    if (i !== undefined) cells[i] = v;
  };
  const award = n % awards;
  const mod = Math.floor(n / awards);
  const fy = 2013 + (mod % 6);
  const day = String((n % 28) + 1).padStart(2, '0');
  const month = String((n % 12) + 1).padStart(2, '0');
  set('award_id_piid', `HSCEGEN${String(award).padStart(8, '0')}`);
  set('modification_number', mod === 0 ? '0' : `P${String(mod).padStart(5, '0')}`);
  set('transaction_number', '0');
  set('federal_action_obligation', ((n % 100000) * 1.25).toFixed(2));
  set('current_total_value_of_award', String(1000000 + award));
  set('potential_total_value_of_award', String(2000000 + award));
  set('action_date', `${day}/${month}/${fy}`);
  set('period_of_performance_start_date', `${day}/${month}/${String(fy).slice(2)} 00:00`);
  set('period_of_performance_current_end_date', `${day}/${month}/${String(fy + 1).slice(2)} 00:00`);
  set('awarding_agency_code', '70');
  set('awarding_agency_name', 'DEPARTMENT OF HOMELAND SECURITY (DHS)');
  set('awarding_sub_agency_code', '7012');
  set('awarding_sub_agency_name', 'U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT');
  set('recipient_duns', String(100000000 + (award % 997)));
  set('recipient_name', `SYNTHETIC VENDOR ${award % 997}, INC.`);
  set('recipient_parent_duns', String(100000000 + (award % 97)));
  set('recipient_parent_name', `SYNTHETIC PARENT ${award % 97}`);
  set('award_or_idv_flag', 'AWARD');
  set('award_type_code', 'C');
  set('award_description', n % 50 === 0 ? 'SYNTHETIC "QUOTED" SERVICES,\nSECOND LINE' : `SYNTHETIC SERVICES, LOT ${award}`);
  set('extent_competed_code', 'A');
  set('extent_competed', 'FULL AND OPEN COMPETITION');
  set('number_of_offers_received', String((n % 9) + 1));
  set('last_modified_date', `${day}/${month}/18 12:00`);
  set('fiscal_year', String(fy));
  return cells.map(quote).join(',') + '\r\n';
}

/** Writes about `megabytes` MB to `path`; resolves with the rows and bytes written. */
export async function generateLargeCsv(path: string, opts: GenerateOptions): Promise<{ rows: number; bytes: number }> {
  const limit = opts.megabytes * 1_000_000;
  const awards = opts.awards ?? 5000;
  const out = createWriteStream(path);
  let bytes = 0;
  let rows = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  if (opts.header ?? true) await write(TRANSACTION_2018_COLUMNS.join(',') + '\r\n');
  while (bytes < limit) {
    await write(row(rows, awards));
    rows++;
  }
  out.end();
  await once(out, 'finish');
  return { rows, bytes };
}
