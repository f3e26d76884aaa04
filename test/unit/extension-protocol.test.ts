import { describe, expect, test } from 'vitest';
import { isEnvelope, ProtocolError, validators } from '../../extension/protocol.ts';

const MAX_TEXT = 8_000_000;
const MAX_IDS = 500;

describe('validators.status', () => {
  test.each<[string, unknown, boolean]>([
    ['empty object', {}, true],
    ['null', null, false],
    ['undefined', undefined, false],
    ['array', [], false],
    ['string', 'status', false],
    ['number', 1, false],
  ])('%s', (_name, payload, ok) => {
    expect(validators.status(payload)).toBe(ok);
  });
});

describe('validators.annotate', () => {
  test.each<[string, unknown, boolean]>([
    ['text', { text: 'Palantir won an ICE contract.' }, true],
    ['empty text', { text: '' }, true],
    ['text exactly at the limit', { text: 'a'.repeat(MAX_TEXT) }, true],
    ['oversized text', { text: 'a'.repeat(MAX_TEXT + 1) }, false],
    ['missing text', {}, false],
    ['text undefined', { text: undefined }, false],
    ['text null', { text: null }, false],
    ['text a number', { text: 42 }, false],
    ['text an array of strings', { text: ['a', 'b'] }, false],
    ['text a String object', { text: new String('a') }, false],
    ['text an object with length', { text: { length: 1 } }, false],
    ['payload null', null, false],
    ['payload a string', 'Palantir', false],
    ['payload an array', [{ text: 'a' }], false],
    ['ids instead of text', { ids: ['a'] }, false],
    ['with discourse seeds', { text: 'ICE', discourse: [{ id: 'agency:7012', alias: 'ICE', context: ['BI Incorporated'] }] }, true],
    ['with no seeds', { text: 'ICE', discourse: [] }, true],
    ['seeds not an array', { text: 'ICE', discourse: { id: 'agency:7012' } }, false],
    ['a seed without an alias', { text: 'ICE', discourse: [{ id: 'agency:7012', context: [] }] }, false],
    ['a seed with an empty id', { text: 'ICE', discourse: [{ id: '', alias: 'ICE', context: [] }] }, false],
    ['a seed whose context holds a number', { text: 'ICE', discourse: [{ id: 'a', alias: 'ICE', context: [1] }] }, false],
    ['a seed whose context is too long', { text: 'ICE', discourse: [{ id: 'a', alias: 'ICE', context: Array(11).fill('w') }] }, false],
    ['a sparse seed list', { text: 'ICE', discourse: [, { id: 'a', alias: 'ICE', context: [] }] }, false],
    ['too many seeds', { text: 'ICE', discourse: Array.from({ length: 501 }, () => ({ id: 'a', alias: 'ICE', context: [] })) }, false],
  ])('%s', (_name, payload, ok) => {
    expect(validators.annotate(payload)).toBe(ok);
  });
});

describe('validators.describe', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `award:${i}`);
  test.each<[string, unknown, boolean]>([
    ['one id', { ids: ['vendor:uei:FSY4LVSBGWB7'] }, true],
    ['no ids', { ids: [] }, true],
    ['exactly the maximum', { ids: ids(MAX_IDS) }, true],
    ['too many ids', { ids: ids(MAX_IDS + 1) }, false],
    ['empty id', { ids: ['agency:7012', ''] }, false],
    ['id of 299 characters', { ids: ['x'.repeat(299)] }, true],
    ['id of 300 characters', { ids: ['x'.repeat(300)] }, false],
    ['number id', { ids: [7012] }, false],
    ['null id', { ids: [null] }, false],
    ['nested array id', { ids: [['agency:7012']] }, false],
    ['object id', { ids: [{ id: 'agency:7012' }] }, false],
    ['sparse array (structured clone keeps holes)', { ids: [, 'agency:7012'] }, false],
    ['sparse array of the right length', { ids: new Array<string>(3) }, false],
    ['ids a string', { ids: 'agency:7012' }, false],
    ['ids an array-like object', { ids: { length: 1, 0: 'agency:7012' } }, false],
    ['missing ids', {}, false],
    ['payload null', null, false],
    ['payload an array', ['agency:7012'], false],
  ])('%s', (_name, payload, ok) => {
    expect(validators.describe(payload)).toBe(ok);
  });
});

describe('isEnvelope', () => {
  test.each<[string, unknown]>([
    ['status', { receipts: 1, type: 'status', payload: {} }],
    ['annotate', { receipts: 1, type: 'annotate', payload: { text: 'x' } }],
    ['describe', { receipts: 1, type: 'describe', payload: { ids: [] } }],
    ['payload is checked later by the validator', { receipts: 1, type: 'describe', payload: 'junk' }],
  ])('accepts %s', (_name, m) => {
    expect(isEnvelope(m)).toBe(true);
  });

  test.each<[string, unknown]>([
    ['__proto__ type', { receipts: 1, type: '__proto__' }],
    ['__proto__ type from JSON', JSON.parse('{"receipts":1,"type":"__proto__","payload":{}}')],
    ['constructor type', { receipts: 1, type: 'constructor' }],
    ['toString type', { receipts: 1, type: 'toString' }],
    ['hasOwnProperty type', { receipts: 1, type: 'hasOwnProperty' }],
    ['valueOf type', { receipts: 1, type: 'valueOf' }],
    ['unknown type', { receipts: 1, type: 'delete' }],
    ['type in another case', { receipts: 1, type: 'Status' }],
    ['type with whitespace', { receipts: 1, type: 'status ' }],
    ['type not a string', { receipts: 1, type: ['status'] }],
    ['missing type', { receipts: 1, payload: {} }],
    ['missing marker', { type: 'status', payload: {} }],
    ['marker as string', { receipts: '1', type: 'status', payload: {} }],
    ['marker true', { receipts: true, type: 'status', payload: {} }],
    ['marker 2', { receipts: 2, type: 'status', payload: {} }],
    ['null', null],
    ['undefined', undefined],
    ['string', 'status'],
    ['array', [1, 'status', {}]],
  ])('rejects %s', (_name, m) => {
    expect(isEnvelope(m)).toBe(false);
  });
});

describe('ProtocolError', () => {
  test('carries its data as plain fields', () => {
    const e = new ProtocolError({ code: 'bad-request', message: 'no' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProtocolError');
    expect(e.message).toBe('no');
    expect(JSON.parse(JSON.stringify(e.data))).toEqual({ code: 'bad-request', message: 'no' });
  });
});
