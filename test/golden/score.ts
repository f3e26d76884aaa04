// Scores mentions against a page's expected.json: a found mention counts when
// it overlaps an expected span of the same kind and id. Used by the golden
// tests (Node and Chromium) and the benchmark, so all three agree.
import type { Mention } from '../../src/report/types.ts';

export interface ExpectedMention {
  text: string;
  kind: Mention['kind'];
  id: string | null;
  occurrence: number;
}

export interface Expected {
  lang: 'en' | 'de';
  mentions: ExpectedMention[];
  negatives?: { text: string; note?: string }[];
}

export interface Span {
  start: number;
  end: number;
  kind: Mention['kind'];
  id: string | null;
  text: string;
}

/** Finds each expected mention's span in `text` by its occurrence number. */
export function expectedSpans(text: string, expected: Expected): Span[] {
  return expected.mentions.map((m) => {
    let at = -1;
    for (let n = 0; n < m.occurrence; n++) {
      at = text.indexOf(m.text, at + 1);
      if (at < 0) throw new Error(`expected "${m.text}" occurrence ${m.occurrence} not in the page text`);
    }
    return { start: at, end: at + m.text.length, kind: m.kind, id: m.id, text: m.text };
  });
}

export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: Span[];
  falseNegatives: Span[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.kind === b.kind && (a.kind === 'amount' || a.id === b.id);

export function score(found: readonly Span[], gold: readonly Span[]): Score {
  const usedGold = new Set<number>();
  const falsePositives: Span[] = [];
  let tp = 0;
  for (const f of found) {
    const g = gold.findIndex((x, i) => !usedGold.has(i) && overlaps(f, x) && same(f, x));
    if (g >= 0) {
      usedGold.add(g);
      tp++;
    } else if (gold.some((x) => overlaps(f, x) && same(f, x))) {
      // a second mention inside an already-matched gold span (e.g. "ICE" inside
      // "US-Einwanderungsbehörde ICE" with the same id) is not an error
    } else {
      falsePositives.push(f);
    }
  }
  const falseNegatives = gold.filter((_, i) => !usedGold.has(i));
  const predicted = tp + falsePositives.length;
  return {
    precision: predicted === 0 ? 1 : tp / predicted,
    recall: gold.length === 0 ? 1 : tp / gold.length,
    truePositives: tp,
    falsePositives,
    falseNegatives,
  };
}
