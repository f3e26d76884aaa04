import { describe, expect, test } from 'vitest';
import { LOADED_CATEGORIES, LOADED_CATEGORY_IDS } from '../../src/loaded/categories.ts';
import { detectLoaded } from '../../src/loaded/detector.ts';
import type { LoadedSpan } from '../../src/report/types.ts';

// Our own paragraph in the style of the founding example: the same loaded
// phrases, around neutral reporting that must stay unmarked.
const SEED_LIKE = [
  'Die Einwanderungsbehörde hat in einer unverhohlenen und skandalösen Aktion einen Auftrag an den Datenanalysten Palantir vergeben. Der Auftrag umfasst die Modernisierung eines Fallverwaltungssystems.',
  'Dass der Auftrag ohne öffentliche Ausschreibung erteilt wurde, ist eine klare Verletzung demokratischer Grundsätze und belegt die vollständige Abhängigkeit der Verwaltung von wenigen Konzernen. Nach Angaben der Behörde hatten sich 52 Firmen beworben. Die Behörde verwies auf die angebliche „technische Überlegenheit“ des Anbieters.',
  'Abgeordnete äußerten Bedenken und warnen vor der schädlichen Konzentration von Daten bei einem einzigen Unternehmen. Die Behörde betonte die „strategische Bedeutung“ des Vertrags.',
].join('\n\n');

const NEUTRAL = [
  'einen Auftrag an den Datenanalysten Palantir vergeben',
  'Modernisierung eines Fallverwaltungssystems',
  'ohne öffentliche Ausschreibung erteilt',
  'hatten sich 52 Firmen beworben',
  'äußerten Bedenken',
  'Die Behörde betonte',
  '„strategische Bedeutung“',
];

function find(spans: LoadedSpan[], text: string, phrase: string): LoadedSpan | undefined {
  const at = text.indexOf(phrase);
  return spans.find((s) => s.start <= at && s.end >= at + phrase.length - 2);
}

describe('the founding example, paraphrased', () => {
  const spans = detectLoaded(SEED_LIKE);
  test.each([
    ['unverhohlenen', ['intensifier']],
    ['skandalösen', ['emotive']],
    ['klare Verletzung', ['intensifier']],
    ['angebliche', ['insinuation']],
    ['vollständige Abhängigkeit', ['intensifier']],
    ['schädlichen Konzentration', ['emotive']],
  ])('finds %s with a fitting category', (phrase, cats) => {
    const s = find(spans, SEED_LIKE, phrase);
    expect(s, phrase).toBeDefined();
    expect(cats).toContain(s?.category);
    expect(s?.quoted).toBe(false);
    expect(s?.lang).toBe('de');
    expect(s?.reasonDe).toBeTruthy();
  });

  test('the scare-quoted term joins its insinuation word in one span', () => {
    const s = find(spans, SEED_LIKE, 'angebliche');
    expect(s?.text).toBe('angebliche „technische Überlegenheit“');
  });

  test.each(NEUTRAL)('leaves neutral reporting unmarked: %s', (phrase) => {
    const at = SEED_LIKE.indexOf(phrase);
    expect(at).toBeGreaterThanOrEqual(0);
    const hit = spans.filter((s) => s.start < at + phrase.length && s.end > at);
    expect(hit).toEqual([]);
  });
});

describe('spans', () => {
  test('offsets point at the marked text, sorted and without overlap', () => {
    const text = `${SEED_LIKE}\n\nCritics slammed the utterly disgraceful deal. "This is an outrageous scandal," she said.`;
    const spans = detectLoaded(text);
    expect(spans.length).toBeGreaterThan(6);
    let last = -1;
    for (const s of spans) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.start).toBeGreaterThanOrEqual(last);
      last = s.end;
      const c = LOADED_CATEGORIES.find((x) => x.id === s.category);
      expect(s.reason).toBe(c?.reason.en);
      expect(s.reasonDe).toBe(c?.reason.de);
      expect(s.confidence).toBeGreaterThanOrEqual(0.5);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  test('language is read per paragraph', () => {
    const spans = detectLoaded('Der Plan ist skandalös und die Folgen sind verheerend.\n\nThe plan is disgraceful and the result is a fiasco.');
    expect(spans.map((s) => [s.text, s.lang])).toEqual([
      ['skandalös', 'de'],
      ['verheerend', 'de'],
      ['disgraceful', 'en'],
      ['fiasco', 'en'],
    ]);
  });
});

describe('German inflection and compounds', () => {
  test.each(['skandalös', 'skandalöse', 'skandalösen', 'skandalöser', 'skandalöses'])('%s', (form) => {
    const spans = detectLoaded(`Das war ein Vorgang, den viele ${form} fanden.`, { lang: 'de' });
    expect(spans.map((s) => s.text)).toEqual([form]);
    expect(spans[0]?.category).toBe('emotive');
  });

  test('a compound ending in a loaded word is found by its head', () => {
    const spans = detectLoaded('Der Datenskandal beschäftigt den Ausschuss.', { lang: 'de' });
    expect(spans.map((s) => [s.text, s.rule])).toEqual([['Datenskandal', 'compound:emotive']]);
  });

  test('a superlative of an evaluative word is hyperbole', () => {
    const spans = detectLoaded('Es war die absurdeste Vergabe des Jahres.', { lang: 'de' });
    expect(spans.map((s) => [s.text, s.category])).toEqual([['absurdeste', 'hyperbole']]);
  });

  test('a neutral noun after an intensifier is not marked', () => {
    expect(detectLoaded('Die Koalition hat eine klare Mehrheit und eine vollständige Liste.', { lang: 'de' })).toEqual([]);
  });
});

describe('phrases, negation, attribution', () => {
  test('an intensifier and the judgement it strengthens are one span', () => {
    const spans = detectLoaded('The rollout was an utter fiasco and an extremely careless plan.', { lang: 'en' });
    expect(spans.map((s) => s.text)).toEqual(['utter fiasco', 'extremely careless']);
  });

  test('a strong degree word makes a judgement of the adjective it governs', () => {
    expect(detectLoaded('Die Forderung ist völlig überzogen.', { lang: 'de' }).map((s) => [s.text, s.category])).toEqual([['völlig überzogen', 'intensifier']]);
    expect(detectLoaded('The plan is completely different.', { lang: 'en' })).toEqual([]);
  });

  test('a word repeated through a page is marked at its first uses, later only when confident alone', () => {
    const weak = Array.from({ length: 5 }, () => 'The figures are alarming.').join('\n\n');
    expect(detectLoaded(weak, { lang: 'en' }).map((s) => s.text)).toEqual(['alarming', 'alarming']);
    const strong = Array.from({ length: 5 }, () => 'The fiasco continued.').join('\n\n');
    expect(detectLoaded(strong, { lang: 'en' }).map((s) => s.rule)).toEqual([
      'lexicon:emotive', 'lexicon:emotive', 'lexicon:emotive+repeated', 'lexicon:emotive+repeated', 'lexicon:emotive+repeated',
    ]);
  });

  test('a negated certainty claim or superlative is not marked; a negated judgement is only kept at low confidence', () => {
    expect(detectLoaded('Das Ergebnis ist nicht eindeutig.', { lang: 'de' })).toEqual([]);
    expect(detectLoaded('The delay is not unprecedented.', { lang: 'en' })).toEqual([]);
    expect(detectLoaded('Die Kosten sind nicht skandalös.', { lang: 'de' })).toEqual([]);
    const low = detectLoaded('Die Kosten sind nicht skandalös.', { lang: 'de', minConfidence: 0.3 });
    expect(low.map((s) => [s.text, s.negated])).toEqual([['skandalös', true]]);
  });

  test.each([
    ['de', 'Der Minister sagte, das Projekt sei gedeckt.', []],
    ['de', 'Der Minister behauptete, das Projekt sei gedeckt.', ['behauptete']],
    ['de', 'Der Vorstand räumte am Dienstag ein, dass die Kosten steigen.', ['räumte am Dienstag ein']],
    ['en', 'The minister said the project was funded.', []],
    ['en', 'The minister claimed the project was funded.', ['claimed']],
    ['en', 'The senator lashed out at reporters.', ['lashed out']],
  ] as const)('attribution verbs against "said" (%s): %s', (lang, text, expected) => {
    const spans = detectLoaded(text, { lang });
    expect(spans.map((s) => s.text)).toEqual(expected);
    for (const s of spans) expect(s.category).toBe('attribution');
  });
});

describe('quotations', () => {
  test('loaded words inside an attributed quotation are marked quoted', () => {
    const text = 'The spokesman said the decision was "a shameful betrayal of our values and a disgrace to the service."';
    const spans = detectLoaded(text, { lang: 'en' });
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.quoted).toBe(true);
  });

  test('German quotation marks too', () => {
    const spans = detectLoaded('Der Abgeordnete sprach von „einem dreisten und schamlosen Vorgehen der Regierung“.', { lang: 'de' });
    expect(spans.map((s) => [s.text, s.quoted])).toEqual([['dreisten', true], ['schamlosen', true]]);
  });

  test('a short unattributed quotation of an ordinary word is scare quotes (English)', () => {
    const spans = detectLoaded('The company touts its "partnership" with the agency.', { lang: 'en' });
    expect(spans.find((s) => s.rule === 'scare-quotes')?.text).toBe('"partnership"');
  });

  test('a quoted name or title is not scare quotes', () => {
    expect(detectLoaded('The agency built a platform called "Enterprise Lakehouse".', { lang: 'en' })).toEqual([]);
    expect(detectLoaded('Palantir errichtet ein Datenzentrum namens „ICE Enterprise Lakehouse“.', { lang: 'de' })).toEqual([]);
  });
});

describe('options', () => {
  const text = 'The so-called reform is a disgraceful fiasco, critics claimed.';
  test('categories switch off what the reader disabled', () => {
    const all = detectLoaded(text, { lang: 'en' });
    expect(new Set(all.map((s) => s.category))).toEqual(new Set(['insinuation', 'emotive', 'attribution']));
    const some = detectLoaded(text, { lang: 'en', categories: new Set(['emotive']) });
    expect(some.map((s) => s.text)).toEqual(['disgraceful', 'fiasco']);
  });

  test('exempt words are never marked', () => {
    const spans = detectLoaded(text, { lang: 'en', exempt: ['Fiasco', 'so-called'] });
    expect(spans.map((s) => s.text)).toEqual(['disgraceful', 'claimed']);
  });

  test('the category list has an id, labels and reasons in both languages', () => {
    expect(LOADED_CATEGORY_IDS).toEqual(['emotive', 'pejorative', 'intensifier', 'insinuation', 'attribution', 'hyperbole', 'appeal']);
    for (const c of LOADED_CATEGORIES) for (const s of [c.label.en, c.label.de, c.reason.en, c.reason.de]) expect(s.length).toBeGreaterThan(5);
  });
});
