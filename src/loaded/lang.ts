// A paragraph's language from its most frequent function words. Pages mix
// languages (an English quotation in a German article), so this runs per block.

const DE = new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'von', 'den', 'dem', 'ein', 'eine', 'zu', 'auf', 'für', 'sich', 'des', 'im', 'auch', 'wird', 'hat', 'wurde', 'einer', 'einen']);
const EN = new Set(['the', 'and', 'is', 'of', 'to', 'in', 'that', 'for', 'with', 'was', 'on', 'are', 'it', 'as', 'by', 'he', 'she', 'they', 'has', 'have', 'this', 'be', 'from', 'at']);

export function guessLang(lowerWords: Iterable<string>, fallback: 'en' | 'de' = 'en'): 'en' | 'de' {
  let de = 0;
  let en = 0;
  for (const w of lowerWords) {
    if (DE.has(w)) de++;
    else if (EN.has(w)) en++;
  }
  if (de === en) return fallback;
  return de > en ? 'de' : 'en';
}
