// Claim patterns, one row per phrasing (English and German), and the sentences they are read in.
import { describe, expect, test } from 'vitest';
import { findPatternClaims, splitSentences } from '../../src/claims/index.ts';
import type { ClaimValue } from '../../src/report/types.ts';

const found = (s: string) => findPatternClaims(s).map((c) => [c.kind, s.slice(c.start, c.end), c.value]);

describe('sentences', () => {
  test.each([
    ['two sentences', 'ICE signed. Palantir won.', ['ICE signed.', 'Palantir won.']],
    ['German ordinal date', 'Am 17. April 2025 vergab ICE den Auftrag. Danach nichts.', ['Am 17. April 2025 vergab ICE den Auftrag.', 'Danach nichts.']],
    ['abbreviation Mio.', 'Der Auftrag über 30 Mio. Dollar ging an Palantir. Ende.', ['Der Auftrag über 30 Mio. Dollar ging an Palantir.', 'Ende.']],
    ['U.S. initialism', 'The U.S. Army signed. Then ICE.', ['The U.S. Army signed.', 'Then ICE.']],
    ['year ends a sentence', 'It was awarded in 2025. Critics objected.', ['It was awarded in 2025.', 'Critics objected.']],
    ['paragraphs', 'One\n\nTwo', ['One', 'Two']],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });

  test('paragraph index follows blank lines', () => {
    expect(splitSentences('Eins zwei. Drei vier.\n\nFünf sechs.').map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });
});

const NOT: ClaimValue = { competed: false };
const YES: ClaimValue = { competed: true };

describe('competition', () => {
  test.each([
    ['a $30 million no-bid contract', 'no-bid', NOT],
    ['a sole-source award', 'sole-source', NOT],
    ['a sole source deal', 'sole source', NOT],
    ['was awarded without competition', 'without competition', NOT],
    ['without an open tender', 'without an open tender', NOT],
    ['the order was not competed', 'not competed', NOT],
    ['noncompetitive award', 'noncompetitive', NOT],
    ['den Vertrag ohne öffentliche Ausschreibung zu erteilen', 'ohne öffentliche Ausschreibung', NOT],
    ['ohne Ausschreibung vergeben', 'ohne Ausschreibung', NOT],
    ['ohne den üblichen Wettbewerb einzuleiten', 'ohne den üblichen Wettbewerb', NOT],
    ['ohne Wettbewerb', 'ohne Wettbewerb', NOT],
    ['der Auftrag wurde freihändig vergeben', 'freihändig vergeben', NOT],
    ['im Verhandlungsverfahren ohne Teilnahmewettbewerb', 'Verhandlungsverfahren ohne Teilnahmewettbewerb', NOT],
    ['statt offener Ausschreibung', 'statt offener Ausschreibung', NOT],
    ['Statt eines transparenten Wettbewerbs', 'Statt eines transparenten Wettbewerbs', NOT],
    ['der Auftrag wurde nicht öffentlich ausgeschrieben', 'nicht öffentlich ausgeschrieben', NOT],
    ['ohne dass andere Firmen mitbieten konnten', 'ohne dass andere Firmen mitbieten konnten', NOT],
    ['the contract was competitively awarded', 'competitively awarded', YES],
    ['awarded after an open competition', 'after an open competition', YES],
    ['through full and open competition', 'full and open competition', YES],
    ['the order was competed among holders', 'was competed', YES],
    ['nach einer Ausschreibung vergeben', 'nach einer Ausschreibung', YES],
    ['nach einer öffentlichen Ausschreibung', 'nach einer öffentlichen Ausschreibung', YES],
    ['wurde im Wettbewerb vergeben', 'im Wettbewerb vergeben', YES],
    ['negated: not competitively awarded', 'not competitively awarded', NOT],
    ['negated German: nicht nach einer Ausschreibung', 'nicht nach einer Ausschreibung', NOT],
  ])('%s', (s, text, value) => {
    expect(found(s)).toEqual([['competition', text, value]]);
  });

  test.each([
    ['negated', 'it was not a no-bid contract'],
    ['competition as a market', 'competition among cloud providers is fierce'],
    ['Wettbewerb as a market', 'Der Wettbewerb unter den Konzernen ist hart'],
  ])('no claim: %s', (_n, s) => {
    expect(found(s).filter(([k]) => k === 'competition')).toEqual([]);
  });
});

describe('bidders', () => {
  test.each([
    ['seven companies bid for it', 'seven companies', 7, 'exact'],
    ['more than 50 companies had submitted bids', 'more than 50 companies', 50, 'atLeast'],
    ['obwohl über 50 Unternehmen sich um den Auftrag beworben hatten', 'über 50 Unternehmen', 50, 'atLeast'],
    ['über 50 Unternehmen hatten sich beworben', 'über 50 Unternehmen', 50, 'atLeast'],
    ['beworben hatten sich rund 20 Firmen', 'rund 20 Firmen', 20, 'about'],
    ['vier Unternehmen hatten Angebote abgegeben', 'vier Unternehmen', 4, 'exact'],
    ['sieben Tech-Unternehmen hatten sich beworben', 'sieben Tech-Unternehmen', 7, 'exact'],
    ['the agency received four bids', 'four bids', 4, 'exact'],
    ['Palantir was the only bidder', 'the only bidder', 1, 'exact'],
    ['just one offer came in', 'just one offer', 1, 'exact'],
    ['Acme war der einzige Bieter', 'einzige Bieter', 1, 'exact'],
    ['es gab nur ein Angebot', 'nur ein Angebot', 1, 'exact'],
  ])('%s', (s, text, n, bound) => {
    expect(found(s)).toEqual([['bidders', text, { count: { n, bound } }]]);
  });

  test.each([
    ['a year is not a count', 'awarded in 2014 after talks with companies that bid'],
    ['users are not bidders', 'über 40 Unternehmen nutzen die Plattform'],
    ['protesters', 'seven protesters were arrested'],
    ['one of the companies', 'one of the companies that bid'],
    ['part of a larger number', 'about 1,200 companies bid'],
  ])('no claim: %s', (_n, s) => {
    expect(found(s).filter(([k]) => k === 'bidders')).toEqual([]);
  });
});

describe('dates and durations', () => {
  test.each([
    ['ICE awarded it in April 2025', ['date', 'in April 2025', { date: { year: 2025, month: 4 } }]],
    ['ICE awarded it on April 17, 2025', ['date', 'April 17, 2025', { date: { year: 2025, month: 4 } }]],
    ['der Vertrag wurde im Mai 2020 unterzeichnet', ['date', 'im Mai 2020', { date: { year: 2020, month: 5 } }]],
    ['the contract, awarded in 2022', ['date', 'in 2022', { date: { year: 2022 } }]],
    ['Seit 2014 läuft der Vertrag', ['date', 'Seit 2014', { date: { year: 2014, since: true } }]],
    ['a five-year contract', ['duration', 'five-year', { years: 5 }]],
    ['a 5-year contract', ['duration', '5-year', { years: 5 }]],
    ['der fünfjährige Vertrag', ['duration', 'fünfjährige', { years: 5 }]],
    ['ein Vertrag mit einer Laufzeit von fünf Jahren', ['duration', 'Laufzeit von fünf Jahren', { years: 5 }]],
    ['the order runs for three years', ['duration', 'for three years', { years: 3 }]],
  ])('%s', (s, expected) => {
    expect(found(s)).toEqual([expected]);
  });

  test.each([
    ['no contract word', 'Seven protesters were arrested in 2019'],
    ['one year later is not a term', 'one year later the agency changed course'],
  ])('no claim: %s', (_n, s) => {
    expect(found(s)).toEqual([]);
  });
});

describe('relations', () => {
  test.each([
    ['added as a modification of an existing contract', 'a modification of', 'modification'],
    ['per Änderung eines bestehenden Vertrags', 'per Änderung', 'modification'],
    ['wurde der bestehende Vertrag erweitert', 'bestehende Vertrag erweitert', 'modification'],
    ['a follow-on contract', 'follow-on contract', 'follow-on'],
    ['ein Anschlussauftrag', 'Anschlussauftrag', 'follow-on'],
    ['a task order under the schedule', 'task order', 'task-order'],
    ['der Abruf 70CDCR23F00000044', 'Abruf', 'task-order'],
  ])('%s', (s, text, relation) => {
    expect(found(s)).toEqual([['relation', text, { relation }]]);
  });
});
