// Expands CLI inputs (files or directories) into a sorted file list and names
// the public source behind a known export.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const s = await stat(input);
    if (s.isDirectory()) out.push(...(await walk(input)));
    else out.push(input);
  }
  return [...new Set(out)];
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (/\.(csv|json)$/i.test(e.name)) out.push(p);
  }
  return out;
}

export interface ExportInfo {
  exportSource: { url: string; title: string };
  exportGroup: string;
  datasetLabel: string;
}

const TORN_APART_COMMIT = '28e0bd960d881d7217cf5f518afde10f63de3437';

/**
 * The FY2013–FY2018 ICE export (fy13.csv … fy18.csv, from xpmethod/torn-apart at a
 * fixed commit) is recognised by its directory and file names; any other
 * 2018-layout file is described generically.
 */
export function describeTransactionExport(path: string): ExportInfo {
  const base = basename(path);
  if (/^fy1[3-8]\.csv$/i.test(base) && /ice-fy13-fy18|torn-apart|districts/.test(dirname(path))) {
    return {
      exportSource: {
        url: `https://github.com/xpmethod/torn-apart/blob/${TORN_APART_COMMIT}/data/districts/${base.toLowerCase()}`,
        title: 'USAspending.gov prime award transactions export (2018), via xpmethod/torn-apart',
      },
      exportGroup: 'torn-apart-ice-fy13-fy18',
      datasetLabel: 'the FY2013–FY2018 ICE export',
    };
  }
  return {
    exportSource: {
      url: 'https://www.usaspending.gov/download_center/custom_award_data',
      title: `USAspending.gov prime award transactions export (2018 layout), file ${base}`,
    },
    exportGroup: path,
    datasetLabel: `the transactions export ${base}`,
  };
}
