// Compiles a shipped lexicon file into lookup tables the detector uses.
// Everything is a Map or Set keyed by one lower-cased word, so a page costs a
// few hash lookups per word however large the lexicon grows.
import type { LoadedCategoryId } from './categories.ts';

export interface LexiconFile {
  lang: 'en' | 'de';
  sources: string[];
  sections: Record<string, string[]>;
}

/** A standalone section, the category it reports and its default confidence. */
export const STANDALONE: Record<string, { category: LoadedCategoryId; confidence: number }> = {
  emotive: { category: 'emotive', confidence: 0.75 },
  pejorative: { category: 'pejorative', confidence: 0.8 },
  certainty: { category: 'intensifier', confidence: 0.7 },
  insinuation: { category: 'insinuation', confidence: 0.75 },
  attribution: { category: 'attribution', confidence: 0.7 },
  hyperbole: { category: 'hyperbole', confidence: 0.75 },
  appeal: { category: 'appeal', confidence: 0.65 },
};

export interface Entry {
  section: string;
  category: LoadedCategoryId;
  confidence: number;
  /** The lexicon entry as written, for the span's `rule`. */
  term: string;
}

export interface MultiEntry extends Entry {
  /** Words after the first; null is a gap of up to GAP words. */
  rest: (string | null)[];
}

export interface CompiledLexicon {
  lang: 'en' | 'de';
  single: Map<string, Entry>;
  prefixes: Map<string, Entry>;
  /** Heads for German compounds ("Datenskandal" → "skandal"). */
  heads: Map<string, Entry>;
  multi: Map<string, MultiEntry[]>;
  /** Nouns that judge only when an intensifier governs them ("klare Verletzung"). */
  charged: Set<string>;
  degree: Set<string>;
  /** Degree words that make a judgement of any adjective they govern. */
  strong: Set<string>;
  function: Set<string>;
  speech: Set<string>;
  negation: Set<string>;
  neutral: Set<string>;
}

export const GAP = 6;
const MIN_HEAD = 6;

function parseEntry(raw: string): { term: string; confidence: number | null } {
  const eq = raw.lastIndexOf('=');
  if (eq > 0 && /^[\d.]+$/.test(raw.slice(eq + 1))) return { term: raw.slice(0, eq), confidence: Number(raw.slice(eq + 1)) };
  return { term: raw, confidence: null };
}

export function compileLexicon(file: LexiconFile): CompiledLexicon {
  const lex: CompiledLexicon = {
    lang: file.lang,
    single: new Map(),
    prefixes: new Map(),
    heads: new Map(),
    multi: new Map(),
    charged: new Set(),
    degree: new Set(),
    strong: new Set(),
    function: new Set(),
    speech: new Set(),
    negation: new Set(),
    neutral: new Set(),
  };
  const plain = (name: string): string[] => (file.sections[name] ?? []).map((e) => parseEntry(e).term);
  for (const t of plain('charged')) if (!t.includes(' ')) lex.charged.add(t);
  for (const t of plain('degree')) lex.degree.add(t);
  for (const t of plain('strong')) lex.strong.add(t);
  for (const t of plain('function')) lex.function.add(t);
  for (const t of plain('speech')) lex.speech.add(t.split(' ')[0] as string);
  for (const t of plain('negation')) lex.negation.add(t);
  for (const t of plain('neutral')) lex.neutral.add(t);
  for (const [section, def] of Object.entries(STANDALONE)) {
    for (const raw of file.sections[section] ?? []) {
      const { term, confidence } = parseEntry(raw);
      const entry: Entry = { section, category: def.category, confidence: confidence ?? def.confidence, term };
      const parts = term.split(' ');
      if (parts.length > 1) {
        const first = parts[0] as string;
        const list = lex.multi.get(first) ?? [];
        list.push({ ...entry, rest: parts.slice(1).map((p) => (p === '…' ? null : p)) });
        lex.multi.set(first, list);
      } else if (term.endsWith('*')) {
        lex.prefixes.set(term.slice(0, -1), entry);
      } else {
        // A word listed in two sections keeps the first in STANDALONE order.
        if (!lex.single.has(term)) lex.single.set(term, entry);
        if (file.lang === 'de' && term.length >= MIN_HEAD && section !== 'certainty' && section !== 'attribution' && section !== 'insinuation') {
          lex.heads.set(term, entry);
        }
      }
    }
  }
  return lex;
}
