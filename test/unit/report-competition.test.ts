import { describe, expect, test } from 'vitest';
import type { Competition } from '../../src/model/types.ts';
import { competitionLines, competitionSentence } from '../../src/report/competition.ts';

const GSA = 'GS35F0086U';

describe('competitionSentence, English', () => {
  test.each<[string, Competition, string | undefined, string]>([
    [
      'order under a GSA schedule, one source, one offer',
      { fairOpportunity: { code: 'ONE', recorded: 'ONLY ONE SOURCE - OTHER' }, extentCompeted: { code: 'A' }, offersReceived: 1 },
      GSA,
      'Order under GSA schedule GS35F0086U, placed without fair opportunity: only one source. 1 offer.',
    ],
    [
      'fair opportunity speaks first even when extent says competed',
      { fairOpportunity: { code: 'URG' }, extentCompeted: { code: 'A' } },
      GSA,
      'Order under GSA schedule GS35F0086U, placed without fair opportunity: urgency.',
    ],
    [
      'fair opportunity given, non-GSA vehicle',
      { fairOpportunity: { code: 'FAIR' }, offersReceived: 4 },
      'HSHQDC13D00001',
      'Order under HSHQDC13D00001, placed with fair opportunity for the other holders. 4 offers.',
    ],
    [
      'order without a known parent',
      { fairOpportunity: { code: 'FOO' } },
      undefined,
      'Order under a contract vehicle, placed without fair opportunity: follow-on order after a competed initial order.',
    ],
    [
      'lower-case gs prefix is still a GSA schedule',
      { fairOpportunity: { code: 'MG' } },
      'gs07f0007h',
      'Order under GSA schedule gs07f0007h, placed without fair opportunity: minimum guarantee.',
    ],
    [
      'not competed, urgency',
      { extentCompeted: { code: 'C', recorded: 'NOT COMPETED' }, otherThanFullAndOpen: { code: 'URG', recorded: 'URGENCY' } },
      undefined,
      'Not competed: unusual and compelling urgency (FAR 6.302-2).',
    ],
    ['not competed, no reason', { extentCompeted: { code: 'C' } }, undefined, 'Not competed.'],
    [
      'not competed under SAP with offers',
      { extentCompeted: { code: 'G' }, otherThanFullAndOpen: { code: 'SP2' }, offersReceived: 2 },
      undefined,
      'Not competed: not competed under simplified acquisition procedures. 2 offers.',
    ],
    ['full and open, 7 offers', { extentCompeted: { code: 'A' }, offersReceived: 7 }, undefined, 'Competed: full and open competition. 7 offers.'],
    ['competed delivery order', { extentCompeted: { code: 'CDO' } }, undefined, 'Competed: competitive delivery order.'],
    [
      'order whose fair-opportunity field is empty',
      { extentCompeted: { code: 'A', recorded: 'FULL AND OPEN COMPETITION' }, offersReceived: 1 },
      GSA,
      'Order under GSA schedule GS35F0086U, recorded as full and open competition; the fair-opportunity field is empty. 1 offer.',
    ],
    [
      'offers only',
      { offersReceived: 3 },
      undefined,
      'How it was competed is not stated. 3 offers.',
    ],
    [
      'zero offers is a count, not absence',
      { offersReceived: 0 },
      undefined,
      'How it was competed is not stated. 0 offers.',
    ],
    [
      'unknown extent code keeps recorded text',
      { extentCompeted: { code: 'Q', recorded: 'SOME NEW CATEGORY' } },
      undefined,
      'Competition as recorded: SOME NEW CATEGORY.',
    ],
    ['unknown extent code without text keeps the code', { extentCompeted: { code: 'Q' } }, undefined, 'Competition as recorded: Q.'],
    [
      'unknown fair-opportunity code keeps recorded text',
      { fairOpportunity: { code: 'ZZ', recorded: 'NEW EXCEPTION' } },
      GSA,
      'Order under GSA schedule GS35F0086U, placed without fair opportunity: NEW EXCEPTION.',
    ],
    [
      'unmapped fair-opportunity text (code empty) is not dropped',
      { fairOpportunity: { code: '', recorded: 'ONLY ONE SOURCE (unique or highly specialized supplies/services)' } },
      undefined,
      'Order under a contract vehicle, placed without fair opportunity: ONLY ONE SOURCE (unique or highly specialized supplies/services).',
    ],
    [
      'unmapped legal reason (code empty) keeps recorded text',
      { extentCompeted: { code: 'C' }, otherThanFullAndOpen: { code: '', recorded: 'SBIR Phase III (noncompetitive)' }, offersReceived: 1 },
      undefined,
      'Not competed: SBIR Phase III (noncompetitive). 1 offer.',
    ],
    [
      'unknown legal reason code keeps recorded text',
      { extentCompeted: { code: 'NDO' }, otherThanFullAndOpen: { code: 'XYZ', recorded: 'A NEW AUTHORITY' } },
      undefined,
      'Not competed: A NEW AUTHORITY.',
    ],
  ])('%s', (_name, c, parent, expected) => {
    expect(competitionSentence(c, parent)).toBe(expected);
    expect(competitionSentence(c, parent, 'en')).toBe(expected);
  });

  test.each<[string, Competition]>([
    ['empty object', {}],
    ['only a solicitation procedure', { solicitationProcedures: { code: 'NP' } }],
    ['only a solicitation id', { solicitationId: '70CTD022R00000001' }],
    ['empty coded field', { extentCompeted: { code: '' }, fairOpportunity: { code: '' } }],
  ])('no competition field: %s → undefined and no lines', (_name, c) => {
    expect(competitionSentence(c, GSA)).toBeUndefined();
    expect(competitionSentence(c, GSA, 'de')).toBeUndefined();
    expect(competitionLines(c, GSA)).toEqual([]);
    expect(competitionLines(c, GSA, 'de')).toEqual([]);
  });
});

describe('competitionSentence, German', () => {
  test.each<[string, Competition, string | undefined, string]>([
    [
      'GSA order, one source, one offer',
      { fairOpportunity: { code: 'ONE' }, offersReceived: 1 },
      GSA,
      'Abruf aus GSA-Rahmenvertrag GS35F0086U, ohne faire Beteiligung vergeben: nur ein Anbieter. 1 Angebot.',
    ],
    [
      'fair opportunity given, no parent',
      { fairOpportunity: { code: 'FAIR' }, offersReceived: 2 },
      undefined,
      'Abruf aus einem Rahmenvertrag, mit fairer Beteiligung der anderen Vertragspartner. 2 Angebote.',
    ],
    [
      'not competed, urgency',
      { extentCompeted: { code: 'C' }, otherThanFullAndOpen: { code: 'URG' } },
      undefined,
      'Ohne Wettbewerb vergeben: außergewöhnliche und zwingende Dringlichkeit (FAR 6.302-2).',
    ],
    ['not competed, no reason', { extentCompeted: { code: 'B' } }, undefined, 'Ohne Wettbewerb vergeben.'],
    [
      'full and open, 7 offers',
      { extentCompeted: { code: 'A' }, offersReceived: 7 },
      undefined,
      'Im Wettbewerb vergeben: vollständiger und offener Wettbewerb. 7 Angebote.',
    ],
    [
      'order whose fair-opportunity field is empty',
      { extentCompeted: { code: 'A' }, offersReceived: 1 },
      GSA,
      'Abruf aus GSA-Rahmenvertrag GS35F0086U, erfasst als vollständiger und offener Wettbewerb; das Feld zur fairen Beteiligung ist leer. 1 Angebot.',
    ],
    ['offers only', { offersReceived: 1 }, undefined, 'Die Art des Wettbewerbs ist nicht angegeben. 1 Angebot.'],
    [
      'unknown extent code keeps recorded text',
      { extentCompeted: { code: 'Q', recorded: 'SOME NEW CATEGORY' } },
      undefined,
      'Wettbewerb laut Datensatz: SOME NEW CATEGORY.',
    ],
  ])('%s', (_name, c, parent, expected) => {
    expect(competitionSentence(c, parent, 'de')).toBe(expected);
  });
});

describe('competitionLines', () => {
  test('the sentence first, then one line per recorded field in a fixed order, then the solicitation', () => {
    const c: Competition = {
      solicitationId: '70CTD022Q00000042',
      solicitationProcedures: { code: 'MAFO' },
      otherThanFullAndOpen: { code: 'ONE' },
      fairOpportunity: { code: 'ONE', recorded: 'ONLY ONE SOURCE - OTHER' },
      extentCompeted: { code: 'A', recorded: 'FULL AND OPEN COMPETITION' },
      offersReceived: 1,
    };
    expect(competitionLines(c, GSA)).toEqual([
      'Order under GSA schedule GS35F0086U, placed without fair opportunity: only one source. 1 offer.',
      'Extent competed: A — full and open competition',
      'Fair opportunity: ONE — exception: only one source',
      'Legal reason for no full competition: ONE — only one responsible source (FAR 6.302-1)',
      'Solicitation procedure: MAFO — order under a multiple-award contract, subject to fair opportunity',
      'Solicitation: 70CTD022Q00000042',
    ]);
  });

  test('German labels and meanings', () => {
    const c: Competition = { extentCompeted: { code: 'C' }, otherThanFullAndOpen: { code: 'URG' }, solicitationId: 'X1' };
    expect(competitionLines(c, undefined, 'de')).toEqual([
      'Ohne Wettbewerb vergeben: außergewöhnliche und zwingende Dringlichkeit (FAR 6.302-2).',
      'Wettbewerbsumfang: C — ohne Wettbewerb vergeben',
      'Rechtsgrund für fehlenden offenen Wettbewerb: URG — außergewöhnliche und zwingende Dringlichkeit (FAR 6.302-2)',
      'Ausschreibungsnummer: X1',
    ]);
  });

  test.each<[string, Competition, string]>([
    ['unknown code with recorded text', { extentCompeted: { code: 'Q', recorded: 'SOME NEW CATEGORY' } }, 'Extent competed: Q — SOME NEW CATEGORY'],
    ['unknown code without text', { extentCompeted: { code: 'Q' } }, 'Extent competed: Q'],
    [
      'recorded text only (no code) has no empty code slot',
      { extentCompeted: { code: 'C' }, otherThanFullAndOpen: { code: '', recorded: 'SBIR Phase III (noncompetitive)' } },
      'Legal reason for no full competition: SBIR Phase III (noncompetitive)',
    ],
  ])('code line: %s', (_name, c, line) => {
    const lines = competitionLines(c);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toBe(line);
  });
});
