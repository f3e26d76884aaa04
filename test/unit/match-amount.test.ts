import { describe, expect, test } from 'vitest';
import { findAmounts, parseNumber } from '../../src/match/amount.ts';
import { compileDictionary, findMentions } from '../../src/match/index.ts';
import { normalizeText } from '../../src/text/normalize.ts';

const amounts = (text: string): Array<[string, number, string]> => {
  const n = normalizeText(text);
  return findAmounts(n.cased).map((h) => [text.slice(n.starts[h.start], n.ends[h.end - 1]), h.amount.value, h.amount.currency]);
};

describe('findAmounts: English', () => {
  test.each([
    ['The deal is worth $30 million over five years.', '$30 million', 30e6, 'USD'],
    ['a $1.2B contract', '$1.2B', 1.2e9, 'USD'],
    ['a $1.2 billion ceiling', '$1.2 billion', 1.2e9, 'USD'],
    ['obligated $150,703,825 so far', '$150,703,825', 150703825, 'USD'],
    ['raised to $29.9M', '$29.9M', 29.9e6, 'USD'],
    ['about USD 2.3 billion', 'USD 2.3 billion', 2.3e9, 'USD'],
    ['a £5m grant', '£5m', 5e6, 'GBP'],
    ['some 30 million dollars', '30 million dollars', 30e6, 'USD'],
    ['€14 million in fees', '€14 million', 14e6, 'EUR'],
    ['an extra $5bn', '$5bn', 5e9, 'USD'],
    ['a $300K pilot', '$300K', 300e3, 'USD'],
    ['US$ 12 million', 'US$ 12 million', 12e6, 'USD'],
    ['costs $1,500 million', '$1,500 million', 1.5e9, 'USD'],
    ['a $1.5 Billion headline', '$1.5 Billion', 1.5e9, 'USD'],
    ['the $1.200 billion figure', '$1.200 billion', 1.2e9, 'USD'],
    ['cost $12.50 each', '$12.50', 12.5, 'USD'],
    ['no-break space $30\u00A0million', '$30\u00A0million', 30e6, 'USD'],
    ['2 million euros', '2 million euros', 2e6, 'EUR'],
  ])('%s', (text, span, value, currency) => {
    expect(amounts(text)).toEqual([[span, value, currency]]);
  });
});

describe('findAmounts: German', () => {
  test.each([
    ['Der Vertrag hat ein Volumen von US$ 150,7 Mio.', 'US$ 150,7 Mio.', 150.7e6, 'USD'],
    ['Palantir erhält 30 Millionen Dollar.', '30 Millionen Dollar', 30e6, 'USD'],
    ['insgesamt 1,2 Milliarden US-Dollar', '1,2 Milliarden US-Dollar', 1.2e9, 'USD'],
    ['ein Auftrag über €14 Mio. für', '€14 Mio.', 14e6, 'EUR'],
    ['14 Millionen Euro für Software', '14 Millionen Euro', 14e6, 'EUR'],
    ['rund 30 Mio. US-Dollar', '30 Mio. US-Dollar', 30e6, 'USD'],
    ['genau 1.200.000 Euro', '1.200.000 Euro', 1.2e6, 'EUR'],
    ['nur 1.200 Euro', '1.200 Euro', 1200, 'EUR'],
    ['2,5 Mrd. €', '2,5 Mrd. €', 2.5e9, 'EUR'],
    ['eine Billion Dollar: 1 Billion Euro', '1 Billion Euro', 1e12, 'EUR'],
    ['3 Billionen US-Dollar', '3 Billionen US-Dollar', 3e12, 'USD'],
    ['150.703.825 US-Dollar', '150.703.825 US-Dollar', 150703825, 'USD'],
    ['1.234.567,89 Euro', '1.234.567,89 Euro', 1234567.89, 'EUR'],
    ['500 Tsd. Euro', '500 Tsd. Euro', 500e3, 'EUR'],
    ['Kosten: 5.000 US$', '5.000 US$', 5000, 'USD'],
    ['Kosten: 5.000 €.', '5.000 €', 5000, 'EUR'],
    ['ganze 7,5 Mio. EUR', '7,5 Mio. EUR', 7.5e6, 'EUR'],
  ])('%s', (text, span, value, currency) => {
    expect(amounts(text)).toEqual([[span, value, currency]]);
  });
});

describe('findAmounts: not amounts', () => {
  test.each([
    ['bare number', 'In 2024 there were 150,703,825 visits.'],
    ['magnitude without currency', 'Mehr als 30 Millionen Menschen, 5 million people'],
    ['product codes and years', 'COVID19 MP3 A320 in 2019'],
    ['range (ambiguous value)', 'between $20-30 million'],
    ['dollar word alone', 'the dollar fell'],
    ['currency inside a word', 'EURO2024 and US$X'],
  ])('%s', (_name, text) => expect(amounts(text)).toEqual([]));
});

describe('parseNumber', () => {
  test.each([
    ['150,7', true, false, 150.7],
    ['150,703,825', false, false, 150703825],
    ['150,703', false, false, 150703],
    ['150,703', true, false, 150.703],
    ['1.200', false, true, 1200],
    ['1.200', false, false, 1.2],
    ['1.200.000', false, false, 1200000],
    ['1,234.5', false, false, 1234.5],
    ['1.234,5', false, false, 1234.5],
    ['29.9', false, false, 29.9],
    ['7', false, false, 7],
  ])('%s (germanMag=%s, germanCur=%s) -> %d', (s, gm, gc, want) => expect(parseNumber(s, gm, gc)).toBeCloseTo(want, 6));
});

describe('amount mentions', () => {
  test('carry kind, null id and parsed amount', () => {
    const ms = findMentions('Der Auftrag: 1,2 Milliarden US-Dollar.', compileDictionary([]));
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ kind: 'amount', id: null, text: '1,2 Milliarden US-Dollar', amount: { value: 1.2e9, currency: 'USD' }, reason: { rule: 'amount' } });
    expect(ms[0]!.confidence).toBeGreaterThanOrEqual(0.6);
  });
});
