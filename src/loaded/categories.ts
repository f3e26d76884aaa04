// The kinds of loaded language Receipts marks. Each carries a neutral reason
// in English and German so a highlight can say *why* it was marked without
// itself taking sides. The options page lists these as switches.

export type LoadedCategoryId =
  | 'emotive'
  | 'pejorative'
  | 'intensifier'
  | 'insinuation'
  | 'attribution'
  | 'hyperbole'
  | 'appeal';

export interface LoadedCategory {
  id: LoadedCategoryId;
  label: { en: string; de: string };
  reason: { en: string; de: string };
}

export const LOADED_CATEGORIES: readonly LoadedCategory[] = [
  {
    id: 'emotive',
    label: { en: 'Emotive or evaluative word', de: 'Wertendes oder emotionales Wort' },
    reason: {
      en: 'Evaluative word: states a judgement or stirs a feeling rather than reporting a fact.',
      de: 'Wertendes Wort: drückt ein Urteil oder Gefühl aus, statt eine Tatsache zu berichten.',
    },
  },
  {
    id: 'pejorative',
    label: { en: 'Pejorative label', de: 'Abwertende Bezeichnung' },
    reason: {
      en: 'Pejorative label: names a person, group or thing with a disparaging term instead of a neutral one.',
      de: 'Abwertende Bezeichnung: benennt Personen, Gruppen oder Dinge herabsetzend statt neutral.',
    },
  },
  {
    id: 'intensifier',
    label: { en: 'Intensifier or certainty claim', de: 'Verstärker oder Gewissheitsbehauptung' },
    reason: {
      en: 'Intensifier or certainty claim: asserts how strong or how certain something is without showing the evidence.',
      de: 'Verstärker oder Gewissheitsbehauptung: behauptet Stärke oder Gewissheit, ohne den Beleg zu zeigen.',
    },
  },
  {
    id: 'insinuation',
    label: { en: 'Insinuation or doubt', de: 'Unterstellung oder Zweifel' },
    reason: {
      en: 'Insinuation: casts doubt on a claim or term without saying what is wrong with it.',
      de: 'Unterstellung: stellt eine Aussage oder einen Begriff infrage, ohne zu sagen, was daran falsch ist.',
    },
  },
  {
    id: 'attribution',
    label: { en: 'Loaded attribution verb', de: 'Wertendes Redeverb' },
    reason: {
      en: 'Loaded attribution verb: characterises how something was said, where a neutral verb would be "said".',
      de: 'Wertendes Redeverb: charakterisiert die Äußerung, wo ein neutrales Verb „sagte“ wäre.',
    },
  },
  {
    id: 'hyperbole',
    label: { en: 'Hyperbole', de: 'Übertreibung' },
    reason: {
      en: 'Hyperbole: an absolute or superlative claim (unprecedented, the worst ever) that the text does not measure.',
      de: 'Übertreibung: eine absolute oder superlative Aussage (beispiellos, der schlimmste), die der Text nicht belegt.',
    },
  },
  {
    id: 'appeal',
    label: { en: 'Appeal to fear or values', de: 'Appell an Angst oder Werte' },
    reason: {
      en: 'Appeal to fear or values: invokes threat, danger or cherished values to persuade rather than inform.',
      de: 'Appell an Angst oder Werte: beschwört Bedrohung, Gefahr oder hohe Werte, um zu überzeugen statt zu informieren.',
    },
  },
];

export const LOADED_CATEGORY_IDS: readonly LoadedCategoryId[] = LOADED_CATEGORIES.map((c) => c.id);

const BY_ID = new Map(LOADED_CATEGORIES.map((c) => [c.id, c]));

export function loadedCategory(id: LoadedCategoryId): LoadedCategory {
  const c = BY_ID.get(id);
  if (!c) throw new Error(`unknown loaded-language category ${id}`);
  return c;
}

export function isLoadedCategoryId(id: string): id is LoadedCategoryId {
  return BY_ID.has(id as LoadedCategoryId);
}
