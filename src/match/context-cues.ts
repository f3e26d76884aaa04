// Context cue tables for ambiguous aliases. Patterns are written in the
// folded alphabet (lower case, umlauts as ae/oe/ue, ß as ss) and matched
// against words of the block:
//   "word"    the whole word           "stem*"   a word starting with stem
//   "*part*"  a word containing part (German compounds: "Milliardenvertrag")
//   "a b"     consecutive words, each a pattern as above
// Our own lists, kept short and explicit so a reviewer can see why "ICE"
// matched or not.

/** Words that make a government-contracting reading likely, English and German. */
export const POSITIVE_CUES: readonly string[] = [
  // English
  'contract*', 'subcontract*', 'award*', 'agency', 'agencies', 'immigration', 'immigrant*', 'deport*',
  'enforcement', 'detention*', 'detain*', 'surveillance', 'government', 'federal', 'homeland', 'dhs',
  'pentagon', 'army', 'military', 'defense', 'defence', 'procurement', 'solicitation*', 'vendor*',
  'border', 'migrant*', 'raid*', 'navy', 'air force', 'task order', 'obligat*', 'taxpayer*',
  'asylum', 'noncitizen*', 'custody', 'arrest*', 'warrant*', 'administration', 'agents', 'dod',
  'targeting', 'drone*',
  // German
  '*vertrag*', '*vertraeg*', '*auftrag*', '*auftraeg*', '*behoerde*', 'ausschreibung*', 'einwanderung*',
  '*abschiebung*', 'abschieb*', 'regierung*', '*ministerium*', 'heimatschutz*', 'armee*', 'militaer*',
  'bundeswehr*', '*ueberwachung*', 'polizei*', 'grenze', 'grenzen', 'festnahme*', 'festgenommen',
  'vergabe*', 'zuschlag*', 'streitkraefte*', 'verteidigung*', 'einwanderer*', 'asyl*', 'razzia*',
  'beamte*', 'haftanstalt*', 'abschiebehaft*',
];

export interface NegativeCues {
  /** Directly before the alias (up to two words): "Apache Maven", "black ice". */
  before: readonly string[];
  /** Directly after the alias (up to two words): "Falcon 9", "ice hockey", "Maven Central". */
  after: readonly string[];
  /** Anywhere in the negative window: "pom.xml", "Eishockey", "Deutsche Bahn". */
  window: readonly string[];
  /**
   * Directly before the alias when it stands alone, not as the first part of
   * a hyphenated compound: German "mit dem ICE" is the (masculine) train,
   * the agency is feminine ("der Behörde ICE"); in "im ICE-Gewahrsam" the
   * article belongs to "Gewahrsam", so it says nothing there.
   */
  beforeStandalone?: readonly string[];
}

const ICE: NegativeCues = {
  before: ['black', 'dry', 'thin', 'sea', 'shaved', 'crushed', 'mit dem'],
  after: [
    'cream*', 'hockey', 'age', 'cube*', 'skat*', 'rink*', 'tea', 'bucket', 'storm*', 'sheet*', 'shelf',
    'cap', 'caps', 'bath*', 'cold', 'zug', 'zuege', 'strecke*', 'trasse*', 'bahnhof*', 'sprinter', 'verbindung*',
    'fahrt', 'linie',
  ],
  window: [
    'hockey', '*eishockey*', 'nhl', 'puck', 'goalie', 'playoff*', 'stanley cup', 'torwart', 'liga', 'league',
    'skating', 'eislauf*', 'eiskunstlauf*', 'stadion', 'stadium', 'deutsche bahn', 'bahn', 'zug', 'zuege',
    '*bahnhof*', 'gleis*', 'intercity', 'fahrgast', 'fahrgaeste', 'verspaetung*', 'fahrplan*', 'railway',
    'rail', 'train*', 'cocktail*', 'frozen', 'freezer', 'glacier*', 'arctic', 'antarctic', 'melt*', 'snow',
    'eiscreme', 'speiseeis', 'fuhr', 'fahren', 'faehrt', 'umsteigen', 'zugbegleiter*', 'reist*', 'gereist',
  ],
  // Not "dem": "das Ministerium, dem ICE untersteht" is the agency in a relative clause.
  beforeStandalone: ['im', 'einem', 'vom', 'zum', 'beim'],
};

const GEO: NegativeCues = {
  before: ['in', 'low', 'leo', 'meo'],
  after: ['satellite*', 'orbit*', 'tag*', 'location*'],
  window: ['satellite*', 'satellit*', 'orbit*', 'geostationary', 'geosynchronous', 'geostationaer*', 'gps', 'geotag*'],
};

const MAVEN: NegativeCues = {
  before: ['apache', 'fashion', 'style', 'food', 'marketing'],
  after: ['central', 'plugin*', 'repository', 'repositories', 'repo', 'build', 'dependency', 'dependencies', 'artifact*', 'wrapper'],
  window: [
    'pom xml', 'pom', 'mvn', 'gradle', 'java', 'jar', 'jdk', 'kotlin', 'dependency', 'dependencies', 'artifactid',
    'groupid', 'build tool', 'jenkins', 'intellij', 'classpath', 'sbt', 'npm',
  ],
};

const FALCON: NegativeCues = {
  before: ['spacex', 'millennium', 'peregrine', 'crowdstrike', 'the millennium'],
  after: ['heavy', 'rocket*', 'booster*'],
  window: [
    'spacex', 'rocket*', 'rakete*', 'booster*', 'launch*', 'liftoff', 'nasa', 'starlink', 'crowdstrike',
    'antivirus', 'endpoint', 'bird*', 'vogel', 'voegel', 'falke*', 'falken*', 'star wars', 'dragon',
  ],
};

const CLEAR: NegativeCues = {
  before: ['crystal', 'all', 'make', 'made', 'is', 'was', 'not'],
  after: ['skies', 'sky', 'water', 'weather', 'day', 'night', 'blue', 'view', 'that', 'to', 'as'],
  window: ['weather', 'forecast', 'wetter', 'himmel', 'sunny', 'sunshine', 'rain', 'regen', 'cloud*'],
};

/** Negative cues per folded alias key. Aliases not listed only need positive context. */
export const NEGATIVE_CUES: Readonly<Record<string, NegativeCues>> = {
  ice: ICE,
  geo: GEO,
  maven: MAVEN,
  falcon: FALCON,
  clear: CLEAR,
};

/** One pattern element, parsed once: the matcher tries it against many words. */
export interface CuePart {
  pre: boolean;
  post: boolean;
  core: string;
}

function parsePart(pattern: string): CuePart {
  const pre = pattern.startsWith('*');
  const post = pattern.endsWith('*');
  return { pre, post, core: pattern.slice(pre ? 1 : 0, post ? -1 : undefined) };
}

function partMatches(p: CuePart, word: string): boolean {
  if (p.pre && p.post) return word.includes(p.core);
  if (p.post) return word.startsWith(p.core);
  if (p.pre) return word.endsWith(p.core);
  return word === p.core;
}

/** Does one pattern element match one folded word? */
export function wordMatches(pattern: string, word: string): boolean {
  return partMatches(parsePart(pattern), word);
}

/** A (possibly multi-word) cue pattern, split and parsed once. */
export type CuePhrase = readonly CuePart[];

const compiled = new WeakMap<readonly string[], CuePhrase[]>();

/** The phrases of a cue list, parsed once per list (the tables above are module constants). */
export function compileCues(patterns: readonly string[]): CuePhrase[] {
  let c = compiled.get(patterns);
  if (c === undefined) {
    c = patterns.map((p) => p.split(' ').map(parsePart));
    compiled.set(patterns, c);
  }
  return c;
}

const EMPTY: readonly number[] = [];
/** Bound on each list's word cache, so a long-lived worker does not grow without limit. */
const WORD_CACHE_LIMIT = 50_000;
const byWord = new WeakMap<readonly string[], Map<string, readonly number[]>>();

/**
 * Indices, in list order, of the phrases of `patterns` whose first word
 * matches `word`. Cached per word: the same few thousand words recur all
 * over a page, and only these phrases can match where the word stands.
 */
export function cuesStartingWith(patterns: readonly string[], word: string): readonly number[] {
  let cache = byWord.get(patterns);
  if (cache === undefined) {
    cache = new Map();
    byWord.set(patterns, cache);
  }
  let hit = cache.get(word);
  if (hit === undefined) {
    const phrases = compileCues(patterns);
    const found: number[] = [];
    for (let i = 0; i < phrases.length; i++) {
      const p = phrases[i]?.[0];
      if (p !== undefined && partMatches(p, word)) found.push(i);
    }
    hit = found.length > 0 ? found : EMPTY;
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, hit);
  }
  return hit;
}

/** Number of words of `phrase` when words [from, from+n) match it, else 0. */
export function phraseMatchesAt(words: readonly { word: string }[], from: number, phrase: CuePhrase): number {
  for (let k = 0; k < phrase.length; k++) {
    const t = from + k >= 0 ? words[from + k] : undefined;
    const p = phrase[k];
    if (t === undefined || p === undefined || !partMatches(p, t.word)) return 0;
  }
  return phrase.length;
}
