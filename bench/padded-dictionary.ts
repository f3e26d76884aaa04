// The benchmark's dictionary: every alias the shipped index carries, padded
// to at least 20,000 aliases with real-looking vendor names. The padding is
// systematic, so anyone can regenerate it: each of the 1,326 real vendor
// names in the bundled snapshot (USAspending recipients of ICE awards) is
// title-cased, stripped of its legal suffix, and combined with a fixed list
// of corporate endings ("Federal Services", "Solutions", "Group" …). Each
// base name gets its own made-up entity id (vendor:bench:N), so none of
// these aliases resolve to a record: they exist only to make the automaton
// the size a national contract index would need.
import type { AliasEntry } from '../src/model/types.ts';

export const TARGET_ALIASES = 20_000;

const LEGAL = /[,\s]+(incorporated|inc|llc|l\.l\.c|corp|corporation|co|company|ltd|limited|lp|llp|plc|the)\.?$/i;
const ENDINGS = [
  '', ' Inc.', ' LLC', ' Corporation', ' Holdings', ' Federal', ' Federal Services', ' Solutions',
  ' Group', ' Technologies', ' Systems', ' International', ' Government Services', ' Consulting', ' Labs', ' Partners',
  ' Services', ' Defense', ' Analytics', ' USA',
];

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-/&(])([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

export function baseName(vendorName: string): string {
  let s = vendorName.trim();
  for (let i = 0; i < 3; i++) s = s.replace(LEGAL, '');
  return titleCase(s.replace(/\s+/g, ' ')).trim();
}

export interface SnapshotLike {
  aliases: AliasEntry[];
  records: { kind: string; name?: string }[];
}

export function paddedAliases(snapshot: SnapshotLike, target = TARGET_ALIASES): { aliases: AliasEntry[]; bases: string[] } {
  const aliases: AliasEntry[] = [...snapshot.aliases];
  const bases = [...new Set(snapshot.records.filter((r) => r.kind === 'vendor' && r.name).map((r) => baseName(r.name!)))]
    .filter((b) => b.length >= 6 && /[a-z]/i.test(b))
    .sort();
  const seen = new Set(aliases.map((a) => a.alias.toLowerCase()));
  for (const ending of ENDINGS) {
    for (let i = 0; i < bases.length && aliases.length < target; i++) {
      const alias = bases[i] + ending;
      if (seen.has(alias.toLowerCase())) continue;
      seen.add(alias.toLowerCase());
      aliases.push({ alias, entityId: `vendor:bench:${i}`, kind: 'company', caseSensitive: false, needsContext: false });
    }
  }
  return { aliases, bases };
}
