// Public API of the matching engine. DOM-free; used by the index builder,
// the CLI and the extension's background worker.
export { compileDictionary, serializeDictionary, loadDictionary } from './dictionary.ts';
export type { CompiledDictionary, SerializedDictionary } from './dictionary.ts';
export { findMentions, discourseSeeds, DEFAULT_THRESHOLD } from './find-mentions.ts';
export { seedKey } from './disambiguate.ts';
export type { DiscourseSeed } from './disambiguate.ts';
export type { FindOptions } from './find-mentions.ts';
export { normalizePiid, findPiids } from './piid.ts';
export type { PiidResolver } from './piid.ts';
export { findAmounts, parseNumber } from './amount.ts';
export { NEGATIVE_CUES, POSITIVE_CUES } from './context-cues.ts';
export { normalizeText } from '../text/normalize.ts';
export type { NormalizedText } from '../text/normalize.ts';
