// The explanation beside a claim, English and German: what the article says,
// which records it was compared with and why, what they show (with tier), and
// the ordinary reasons such numbers differ. Never "false" or "wrong".
import type { ClaimValue, RecordFact } from '../report/types.ts';
import { formatUsdShort, type Lang } from '../report/format.ts';
import type { Compared } from './compare.ts';
import type { ClaimKind } from './detect.ts';
import type { Targets } from './resolve.ts';

type Both = { en: string; de: string };

function money(v: number, currency: string, lang: Lang): string {
  if (currency === 'USD') return formatUsdShort(v, lang);
  return `${v.toLocaleString(lang === 'de' ? 'de-DE' : 'en-US')} ${currency}`;
}

function says(kind: ClaimKind, v: ClaimValue): Both {
  const bound = (b: string | undefined, lang: Lang) =>
    ({ atLeast: lang === 'de' ? 'mehr als ' : 'more than ', atMost: lang === 'de' ? 'knapp ' : 'nearly ', about: lang === 'de' ? 'rund ' : 'about ' })[b ?? ''] ?? '';
  if (kind === 'amount' && v.amount) {
    const a = v.amount;
    const role = {
      total: ['the value of the contract', 'den Wert des Auftrags'],
      ceiling: ['a ceiling ("up to"), the most the contract could reach', 'eine Obergrenze („bis zu“), den Höchstwert des Auftrags'],
      annual: ['a yearly amount', 'einen Jahresbetrag'],
      obligated: ['money paid or committed', 'gezahltes oder gebundenes Geld'],
    }[a.role];
    const tol = a.currency === 'USD' ? `; compared within ±${formatUsdShort(a.tolerance)}` : '';
    const tolDe = a.currency === 'USD' ? `; verglichen mit ±${formatUsdShort(a.tolerance, 'de')}` : '';
    return {
      en: `The article gives ${bound(a.bound, 'en')}${money(a.value, a.currency, 'en')} as ${role[0]}${tol}.`,
      de: `Der Artikel nennt ${bound(a.bound, 'de')}${money(a.value, a.currency, 'de')} als ${role[1]}${tolDe}.`,
    };
  }
  if (kind === 'competition') {
    return v.competed
      ? { en: 'The article says the award was competed.', de: 'Der Artikel sagt, der Auftrag sei im Wettbewerb vergeben worden.' }
      : { en: 'The article says the award was not competed (no open tender).', de: 'Der Artikel sagt, der Auftrag sei ohne Wettbewerb (ohne offene Ausschreibung) vergeben worden.' };
  }
  if (kind === 'bidders' && v.count) {
    return {
      en: `The article says ${bound(v.count.bound, 'en')}${v.count.n} ${v.count.n === 1 ? 'company' : 'companies'} bid or applied.`,
      de: `Der Artikel sagt, ${bound(v.count.bound, 'de')}${v.count.n} ${v.count.n === 1 ? 'Unternehmen habe' : 'Unternehmen hätten'} sich beworben oder geboten.`,
    };
  }
  if (kind === 'date' && v.date) {
    const d = v.date.month ? `${String(v.date.month).padStart(2, '0')}/${v.date.year}` : String(v.date.year);
    return v.date.since
      ? { en: `The article dates the contract from ${d}.`, de: `Der Artikel datiert den Vertrag seit ${d}.` }
      : { en: `The article dates the award to ${d}.`, de: `Der Artikel datiert die Vergabe auf ${d}.` };
  }
  if (kind === 'duration' && v.years !== undefined) {
    return { en: `The article gives a term of ${v.years} years (compared within ±0.5 years).`, de: `Der Artikel nennt eine Laufzeit von ${v.years} Jahren (verglichen mit ±0,5 Jahren).` };
  }
  const rel = {
    modification: ['a modification of an existing contract', 'eine Änderung eines bestehenden Vertrags'],
    'follow-on': ['a follow-on to an earlier contract', 'ein Anschlussauftrag'],
    'task-order': ['an order under a contract vehicle', 'ein Abruf aus einem Rahmenvertrag'],
  }[v.relation ?? 'modification'];
  return { en: `The article describes ${rel[0]}.`, de: `Der Artikel beschreibt ${rel[1]}.` };
}

function scope(t: Targets, names: string): Both {
  switch (t.scope) {
    case 'sentence':
      return { en: `Compared with ${names}, named in the same sentence.`, de: `Verglichen mit ${names}, im selben Satz genannt.` };
    case 'paragraph':
      return { en: `The sentence names no contract; compared with ${names}, named in its paragraph.`, de: `Der Satz nennt keinen Auftrag; verglichen mit ${names}, im selben Absatz genannt.` };
    case 'document':
      return { en: `The sentence names no contract; compared with ${names}, named in the article.`, de: `Der Satz nennt keinen Auftrag; verglichen mit ${names}, im Artikel genannt.` };
    case 'vendor':
      return { en: `The article names no contract the index holds; searched the awards of ${names} in the index.`, de: `Der Artikel nennt keinen Auftrag aus dem Index; durchsucht wurden die Aufträge von ${names} im Index.` };
    default:
      return { en: 'The article names nothing the index holds to compare with.', de: 'Der Artikel nennt nichts, womit der Index verglichen werden könnte.' };
  }
}

const tierWord = (f: RecordFact, lang: Lang) =>
  f.tier === 'primary' ? (lang === 'de' ? 'Regierungsdatensatz' : 'government record') : lang === 'de' ? 'berichtet, kein Regierungsdatensatz' : 'reported, not a government record';
const list = (fs: RecordFact[], lang: Lang) => fs.slice(0, 4).map((f) => `${f.record}: ${f.label[lang]} [${tierWord(f, lang)}]`).join('; ');

function verdict(c: Compared, t: Targets, v: ClaimValue): Both {
  const same = c.facts.filter((f) => f.match === 'same');
  const other = c.facts.filter((f) => f.match === 'other');
  if (c.verdict === 'consistent') {
    const rest = other.length ? { en: ` Other records show something else: ${list(other, 'en')}.`, de: ` Andere Datensätze zeigen anderes: ${list(other, 'de')}.` } : { en: '', de: '' };
    return { en: `The record shows the same: ${list(same, 'en')}.${rest.en}`, de: `Der Datensatz zeigt dasselbe: ${list(same, 'de')}.${rest.de}` };
  }
  if (c.verdict === 'differs') return { en: `The record shows something else: ${list(other, 'en')}.`, de: `Der Datensatz zeigt anderes: ${list(other, 'de')}.` };
  if (c.reason === 'currency') {
    return {
      en: `The records are in US dollars and the article gives ${v.amount?.currency}; Receipts does not convert currencies (the rate depends on a date the article rarely states), so there is no verdict: compare the values yourself.`,
      de: `Die Datensätze sind in US-Dollar, der Artikel nennt ${v.amount?.currency}; Receipts rechnet keine Währungen um (der Kurs hängt von einem Datum ab, das der Artikel selten nennt), daher kein Urteil: vergleichen Sie die Werte selbst.`,
    };
  }
  if (c.reason === 'annual') return { en: 'The records hold totals, not yearly amounts, so there is nothing to compare.', de: 'Die Datensätze enthalten Gesamtwerte, keine Jahresbeträge; es gibt nichts zu vergleichen.' };
  if (t.scope === 'vendor' && c.facts.length) return { en: 'None of these awards shows the same; the contract the article means may not be in the index.', de: 'Keiner dieser Aufträge zeigt dasselbe; der gemeinte Auftrag ist womöglich nicht im Index.' };
  return { en: 'The index holds no fact to compare this with.', de: 'Der Index enthält keine Angabe, mit der sich das vergleichen ließe.' };
}

const WHY: Partial<Record<ClaimKind, Both>> = {
  amount: {
    en: 'Amounts differ for ordinary reasons: a ceiling is the most an award could reach, not money paid; obligated money grows over the years; a report may give one modification or order, not the whole contract.',
    de: 'Beträge weichen aus gewöhnlichen Gründen ab: Eine Obergrenze ist der Höchstwert, kein gezahltes Geld; gebundene Mittel wachsen über die Jahre; ein Bericht nennt womöglich eine einzelne Änderung oder einen Abruf statt des ganzen Vertrags.',
  },
  bidders: {
    en: 'Counts differ for ordinary reasons: responses to a sources-sought notice or a request for information are not offers on the award; a vehicle can have many holders while an order under it draws one offer; the count may belong to another contract or phase.',
    de: 'Zahlen weichen aus gewöhnlichen Gründen ab: Rückmeldungen auf eine Markterkundung (sources sought, RFI) sind keine Angebote auf den Auftrag; ein Rahmenvertrag kann viele Vertragspartner haben, während auf einen Abruf nur ein Angebot eingeht; die Zahl kann zu einem anderen Vertrag oder Abschnitt gehören.',
  },
  competition: {
    en: '"Competed" in the record means the solicitation was open; a competed award can still draw a single offer, an order under a vehicle can be placed without competition among its holders, and a modification can add work without competition to a competed contract.',
    de: '„Im Wettbewerb“ heißt im Datensatz, die Ausschreibung war offen; auch dann kann nur ein Angebot eingehen, ein Abruf aus einem Rahmenvertrag kann ohne Wettbewerb unter den Vertragspartnern erfolgen, und eine Änderung kann einem im Wettbewerb vergebenen Vertrag Leistungen ohne Wettbewerb hinzufügen.',
  },
  date: {
    en: 'Signing, start of performance and a modification are different dates.',
    de: 'Unterzeichnung, Leistungsbeginn und eine Änderung haben verschiedene Daten.',
  },
  duration: {
    en: 'A term may count the base period only or all options.',
    de: 'Eine Laufzeit kann nur den Grundzeitraum oder alle Optionen umfassen.',
  },
};

export function explain(kind: ClaimKind, v: ClaimValue, t: Targets, c: Compared, names: string): Both {
  const parts: Both[] = [says(kind, v), scope(t, names), verdict(c, t, v)];
  const context = c.facts.filter((f) => f.match === 'context');
  if (context.length) {
    parts.push({ en: `Also held, not compared: ${list(context, 'en')}.`, de: `Außerdem im Index, nicht verglichen: ${list(context, 'de')}.` });
  }
  if (t.noAward.length) {
    const n = t.noAward.map((p) => p.name).join(', ');
    parts.push({ en: `The index holds no award record for ${n}.`, de: `Der Index enthält keinen Vergabedatensatz für ${n}.` });
  }
  const why = WHY[kind];
  if (why && (c.verdict !== 'consistent' || c.facts.some((f) => f.match === 'other'))) parts.push(why);
  return { en: parts.map((p) => p.en).join(' '), de: parts.map((p) => p.de).join(' ') };
}
