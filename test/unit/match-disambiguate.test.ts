import { describe, expect, test } from 'vitest';
import { compileDictionary, discourseSeeds, findMentions } from '../../src/match/index.ts';
import { wordMatches } from '../../src/match/context-cues.ts';
import { CLEAR, FALCON, GEO, ICE, MAVEN, TEST_ALIASES } from '../fixtures/match/aliases.ts';

const dict = compileDictionary(TEST_ALIASES);
const ids = (text: string, id: string): string[] => findMentions(text, dict).filter((m) => m.id === id).map((m) => m.text);

describe('ambiguous aliases confirmed by context', () => {
  test.each([
    ['agency name nearby (de)', 'Die US-Einwanderungsbehörde ICE hat den Auftrag verlängert.', ICE, ['US-Einwanderungsbehörde', 'ICE']],
    ['contract words (de)', 'ICE will die Abschiebungen beschleunigen.', ICE, ['ICE']],
    ['contract words (en)', 'ICE signed a new contract for detention beds.', ICE, ['ICE']],
    ['vendor nearby', 'Palantir builds software for ICE.', ICE, ['ICE']],
    ['amount nearby', 'ICE paid $30 million last year.', ICE, ['ICE']],
    ['PIID nearby', 'ICE order HSCETC-13-F-00030 was renewed.', ICE, ['ICE']],
    ['compound (de)', 'Das ICE-Überwachungssystem wurde ausgebaut.', ICE, ['ICE']],
    ['article before a compound belongs to its head', 'Er sitzt seit Mai im ICE-Gewahrsam, sagt die Behörde.', ICE, ['ICE']],
    ['GEO with detention words', 'GEO runs several detention centers under federal contracts.', GEO, ['GEO']],
    ['Maven with Pentagon', 'The Pentagon expanded Maven to more commands.', MAVEN, ['Maven']],
    ['FALCON with agency', 'Agents at ICE search FALCON records during raids.', FALCON, ['FALCON']],
    ['Clear with agency', 'The airport lanes run by Clear were approved by the Department of Homeland Security.', CLEAR, ['Clear']],
  ])('%s', (_name, text, id, want) => expect(ids(text, id)).toEqual(want));
});

describe('ambiguous aliases rejected', () => {
  test.each([
    ['no context at all', 'ICE was mentioned once.', ICE],
    ['ice hockey, lower case', 'We watched ice hockey and ate ice cream.', ICE],
    ['ICE HOCKEY in caps', 'ICE HOCKEY: FINAL SCORE 3-2', ICE],
    ['team in a hockey sentence', 'Team ICE won the hockey final after a late goal.', ICE],
    ['German Eishockey', 'Der Verein ICE gewann das Eishockey-Derby.', ICE],
    ['German train', 'Der ICE nach München hatte wieder Verspätung.', ICE],
    ['German train compound', 'Die neue ICE-Strecke wird 2030 fertig.', ICE],
    ['German masculine article means the train', 'Die Ministerin reiste mit dem ICE zur Ausschreibung.', ICE],
    ['black ice even near a contract word', 'Black ICE made the road to the contract signing dangerous.', ICE],
    ['nice', 'That was a NICE result for the agency.', ICE],
    ['iced tea', 'ICED tea was served at the agency party.', ICE],
    ['Falcon 9', 'SpaceX launched a Falcon 9 with an agency payload.', FALCON],
    ['FALCON 9 in caps', 'FALCON 9 LAUNCH FOR GOVERNMENT SATELLITE', FALCON],
    ['Apache Maven', 'Apache Maven resolves each dependency for the government portal.', MAVEN],
    ['Maven Central', 'We publish to Maven Central and the agency mirrors it.', MAVEN],
    ['pom.xml', 'Add the plugin to pom.xml so Maven can build the federal app.', MAVEN],
    ['Clear skies', 'Clear skies are forecast for the Pentagon parade.', CLEAR],
    ['GEO satellites', 'The Army leases GEO satellite capacity.', GEO],
    ['lower-case ordinary words', 'clear rules, a fashion maven and a falcon near the agency', CLEAR],
  ])('%s', (_name, text, id) => expect(ids(text, id)).toEqual([]));
});

describe('reasons and confidence', () => {
  test('the explanation names the context that supported the match', () => {
    const m = findMentions('Palantir und ICE: der Vertrag ist unterschrieben.', dict).find((x) => x.id === ICE);
    expect(m).toBeDefined();
    expect(m!.reason.rule).toBe('alias+context');
    expect(m!.reason.alias).toBe('ICE');
    expect(m!.reason.context).toEqual(['Palantir', 'Vertrag']);
    expect(m!.reason.explanation).toBe('"ICE" is an acronym that is also an ordinary word; matched because "Palantir" and "Vertrag" appear nearby.');
  });

  test('more evidence, more confidence', () => {
    const one = findMentions('ICE wants more contract staff.', dict).find((x) => x.id === ICE);
    const many = findMentions('Palantir and ICE signed a $30 million contract on deportation.', dict).find((x) => x.id === ICE);
    expect(one && many).toBeTruthy();
    expect(many!.confidence).toBeGreaterThan(one!.confidence);
    expect(many!.confidence).toBeLessThanOrEqual(1);
  });

  test('rejected candidates can be inspected with threshold 0', () => {
    const m = findMentions('We watched ICE hockey.', dict, { threshold: 0 }).find((x) => x.id === ICE);
    expect(m?.reason.rule).toBe('alias-negative');
    expect(m?.reason.context).toEqual(['hockey']);
    expect(m?.reason.explanation).toBe('"ICE" is an acronym that is also an ordinary word; not matched because "hockey" nearby suggests another meaning.');
    expect(m?.confidence).toBeLessThan(0.6);
  });

  test('a capitalised ordinary word opening a sentence needs more than one cue', () => {
    expect(ids('Clear signed the contract.', CLEAR)).toEqual([]);
    expect(ids('The agency hired Clear under a new contract.', CLEAR)).toEqual(['Clear']);
  });

  test('context does not cross a blank line', () => {
    expect(ids('Palantir signed a contract.\n\nICE was mentioned.', ICE)).toEqual([]);
  });

  test('context beyond the window does not count', () => {
    const filler = ' Lorem ipsum dolor sit amet.'.repeat(12);
    expect(ids(`ICE was mentioned.${filler} Palantir signed a contract.`, ICE)).toEqual([]);
  });
});

describe('one sense per discourse', () => {
  test('a confirmed alias confirms its other occurrences', () => {
    const text = 'ICE und Palantir unterzeichneten den Vertrag.\n\nSpäter äußerte sich ICE dazu nicht.';
    const ms = findMentions(text, dict).filter((m) => m.id === ICE);
    expect(ms.map((m) => m.reason.rule)).toEqual(['alias+context', 'alias+discourse']);
    expect(ms[1]!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(ms[1]!.reason.explanation).toContain('confirmed elsewhere');
  });

  test('... but not next to a negative cue', () => {
    const text = 'ICE signed the deportation contract.\n\nAfter work the analysts watched ICE hockey.';
    expect(ids(text, ICE)).toEqual(['ICE']);
    expect(findMentions(text, dict).find((m) => m.id === ICE)!.start).toBe(0);
  });

  test('without any confirmation nothing is revived', () => {
    expect(ids('ICE said nothing.\n\nICE again.', ICE)).toEqual([]);
  });
});

describe('one sense per discourse across a page rescanned in pieces (seeds)', () => {
  const confirmed = findMentions('ICE und Palantir unterzeichneten den Vertrag.', dict);
  const seeds = discourseSeeds(confirmed);

  test('seeds come only from names confirmed by their own context', () => {
    expect(seeds).toEqual([{ id: ICE, alias: 'ICE', context: confirmed.find((m) => m.id === ICE)!.reason.context }]);
    // A name confirmed only by discourse is no seed: it would outlive its evidence.
    const chain = findMentions('ICE und Palantir unterzeichneten den Vertrag.\n\nSpäter äußerte sich ICE dazu nicht.', dict);
    expect(discourseSeeds(chain).length).toBe(1);
  });

  test('a piece without context reads the name as the rest of the page did', () => {
    const piece = 'Später äußerte sich ICE dazu nicht.';
    expect(ids(piece, ICE)).toEqual([]);
    const ms = findMentions(piece, dict, { discourse: seeds }).filter((m) => m.id === ICE);
    expect(ms.map((m) => [m.text, m.reason.rule])).toEqual([['ICE', 'alias+discourse']]);
    expect(ms[0]!.confidence).toBeGreaterThanOrEqual(0.6);
    expect(ms[0]!.reason.explanation).toContain('elsewhere on this page');
    expect(ms[0]!.reason.context).toEqual(seeds[0]!.context);
  });

  test('a seed for another alias or entity confirms nothing; a negative cue still wins', () => {
    const piece = 'Später äußerte sich ICE dazu nicht.';
    expect(findMentions(piece, dict, { discourse: [{ ...seeds[0]!, alias: 'Ice' }] }).filter((m) => m.id === ICE)).toEqual([]);
    expect(findMentions(piece, dict, { discourse: [{ ...seeds[0]!, id: GEO }] }).filter((m) => m.id === ICE)).toEqual([]);
    expect(ids('After work the analysts watched ICE hockey.', ICE)).toEqual([]);
    expect(findMentions('After work the analysts watched ICE hockey.', dict, { discourse: seeds }).filter((m) => m.id === ICE)).toEqual([]);
  });
});

describe('wordMatches', () => {
  test.each([
    ['vertrag', 'vertrag', true],
    ['vertrag', 'vertraege', false],
    ['vertrag*', 'vertragspartner', true],
    ['*vertrag*', 'milliardenvertrag', true],
    ['*behoerde', 'einwanderungsbehoerde', true],
    ['*behoerde', 'behoerden', false],
    ['deport*', 'deportation', true],
  ])('%s ~ %s = %s', (p, w, want) => expect(wordMatches(p, w)).toBe(want));
});
