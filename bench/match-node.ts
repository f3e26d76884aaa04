// Node micro-benchmark of the matcher: `findMentions` on the text of the
// bench's generated 200 KB article (and, with --big, the 2 MB page), read by
// the content script's own reader (via jsdom), with the padded 20,000-alias
// dictionary. Prints the median ms per run and µs per character.
//   node --import tsx bench/match-node.ts [--big] [--runs N] [--analyze] [--dump FILE]
// --analyze also times the rest of analyze(): loaded language and claims.
// --dump writes the mentions as JSON, to diff the output across changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDictionary, findMentions } from '../src/match/index.ts';
import { detectLoaded } from '../src/loaded/detector.ts';
import { checkClaims } from '../src/claims/index.ts';
import { openIndex } from '../src/cli/load-index.ts';
import { htmlToText } from '../src/cli/input.ts';
import { paddedAliases, type SnapshotLike } from './padded-dictionary.ts';
import { article, bigPage } from './generate-pages.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(value('--runs') ?? 7);

const ROOT = resolve(import.meta.dirname, '..');
const snapshot = JSON.parse(readFileSync(resolve(ROOT, 'assets/index/snapshot.json'), 'utf8')) as SnapshotLike;
const { aliases, bases } = paddedAliases(snapshot);
const dict = compileDictionary(aliases);
const names = [...bases.slice(0, 400), ...aliases.filter((a) => a.kind === 'company').slice(0, 200).map((a) => a.alias)];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function time<T>(fn: () => T): { ms: number; out: T } {
  const t0 = performance.now();
  const out = fn();
  return { ms: performance.now() - t0, out };
}

const pages: [string, string][] = [['article-200k', htmlToText(article(200_000, names))]];
if (flag('--big')) pages.push(['page-2m', htmlToText(bigPage(2_000_000, names))]);

const dump: Record<string, unknown> = {};
for (const [name, text] of pages) {
  findMentions(text, dict); // warm-up
  const runs: number[] = [];
  let mentions = findMentions(text, dict);
  for (let i = 0; i < RUNS; i++) {
    const r = time(() => findMentions(text, dict));
    runs.push(r.ms);
    mentions = r.out;
  }
  const m = median(runs);
  console.log(
    `${name}: ${text.length.toLocaleString('en')} chars, ${mentions.length} mentions; findMentions median of ${RUNS}: ` +
      `${m.toFixed(1)} ms (${((m * 1000) / text.length).toFixed(3)} µs/char; runs ${runs.map((x) => x.toFixed(0)).join(' ')})`,
  );
  dump[name] = mentions;
  if (flag('--analyze')) {
    const engine = await openIndex();
    detectLoaded(text);
    const loaded = median(Array.from({ length: 3 }, () => time(() => detectLoaded(text)).ms));
    const claimRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await checkClaims(text, mentions, engine.reader);
      claimRuns.push(performance.now() - t0);
    }
    console.log(`  rest of analyze(): detectLoaded ${loaded.toFixed(1)} ms, checkClaims ${median(claimRuns).toFixed(1)} ms`);
  }
}
const out = value('--dump');
if (out !== undefined) writeFileSync(out, JSON.stringify(dump));
