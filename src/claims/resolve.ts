// Which records a claim is about. A sentence that names a program or an award
// is about those; a sentence that only says "the contract" is about the
// contracts its paragraph names, then those the article names; a vendor named
// in the sentence narrows that set to its own contracts. With no contract
// named anywhere, the vendor's awards (with the agencies named) are searched,
// and the verdict can then only be "consistent" or "not_in_record".
import type { AwardRecord, IndexRecord, ModificationRecord, ProgramRecord, VendorRecord } from '../model/types.ts';
import type { IndexReader } from '../query/reader.ts';
import { AWARD_CAP, compareAwards } from '../query/describe.ts';
import type { Claim, Mention } from '../report/types.ts';
import type { Sentence } from './sentences.ts';

export interface Targets {
  scope: NonNullable<Claim['scope']>;
  refersTo: string[];
  awards: AwardRecord[];
  /** Modifications tied to a named program (e.g. the one that added ImmigrationOS). */
  mods: Array<{ award: AwardRecord; mod: ModificationRecord }>;
  /** Named programs for which the index holds no award record. */
  noAward: ProgramRecord[];
}

interface SentenceIds {
  contracts: string[];
  vendors: string[];
  agencies: string[];
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];

export class Resolver {
  private readonly bySentence: SentenceIds[];
  private readonly cache = new Map<number, Promise<Targets>>();

  constructor(
    private readonly reader: IndexReader,
    private readonly sentences: readonly Sentence[],
    mentions: readonly Mention[],
    private readonly records: ReadonlyMap<string, IndexRecord>,
  ) {
    this.bySentence = sentences.map(() => ({ contracts: [], vendors: [], agencies: [] }));
    let si = 0;
    for (const m of mentions) {
      while (si < sentences.length && (sentences[si]?.end ?? 0) <= m.start) si++;
      const ids = this.bySentence[si];
      const r = m.id ? records.get(m.id) : undefined;
      if (!ids || !r) continue;
      if (r.kind === 'program' || r.kind === 'award') ids.contracts.push(r.id);
      else if (r.kind === 'vendor') ids.vendors.push(r.id);
      else ids.agencies.push(r.id);
    }
  }

  /** Loads the records of every resolved mention once. */
  static async load(reader: IndexReader, sentences: readonly Sentence[], mentions: readonly Mention[]): Promise<Resolver> {
    const ids = uniq(mentions.map((m) => m.id).filter((x): x is string => !!x));
    const got = await reader.get(ids);
    const records = new Map<string, IndexRecord>();
    got.forEach((r) => r && records.set(r.id, r));
    return new Resolver(reader, sentences, mentions, records);
  }

  targets(sentence: number): Promise<Targets> {
    let t = this.cache.get(sentence);
    if (!t) {
      t = this.compute(sentence);
      this.cache.set(sentence, t);
    }
    return t;
  }

  private unions?: { byParagraph: Map<number, SentenceIds>; doc: SentenceIds };

  /** Paragraph and article unions, built once (claims stay linear in the text's length). */
  private getUnions(): NonNullable<Resolver['unions']> {
    if (this.unions) return this.unions;
    const byParagraph = new Map<number, SentenceIds>();
    const doc: SentenceIds = { contracts: [], vendors: [], agencies: [] };
    this.bySentence.forEach((x, i) => {
      const p = this.sentences[i]?.paragraph ?? -1;
      let u = byParagraph.get(p);
      if (!u) byParagraph.set(p, (u = { contracts: [], vendors: [], agencies: [] }));
      for (const key of ['contracts', 'vendors', 'agencies'] as const) {
        u[key].push(...x[key]);
        doc[key].push(...x[key]);
      }
    });
    for (const u of [...byParagraph.values(), doc]) for (const key of ['contracts', 'vendors', 'agencies'] as const) u[key] = uniq(u[key]);
    return (this.unions = { byParagraph, doc });
  }

  private pick(sentence: number, key: keyof SentenceIds): { ids: string[]; scope: Targets['scope'] } {
    const own = this.bySentence[sentence]?.[key] ?? [];
    if (own.length) return { ids: uniq(own), scope: 'sentence' };
    const { byParagraph, doc } = this.getUnions();
    const inPara = byParagraph.get(this.sentences[sentence]?.paragraph ?? -1)?.[key] ?? [];
    if (inPara.length) return { ids: inPara, scope: 'paragraph' };
    return { ids: doc[key], scope: doc[key].length ? 'document' : 'none' };
  }

  private family(vendorIds: string[]): Set<string> {
    const out = new Set<string>();
    for (const id of vendorIds) {
      const v = this.records.get(id) as VendorRecord | undefined;
      out.add(id);
      if (v?.kind !== 'vendor') continue;
      v.subsidiaryIds.forEach((s) => out.add(s));
      if (v.parentId) out.add(v.parentId);
    }
    return out;
  }

  private async compute(sentence: number): Promise<Targets> {
    const ownVendors = uniq(this.bySentence[sentence]?.vendors ?? []);
    const fam = this.family(ownVendors);
    const picked = this.pick(sentence, 'contracts');
    let contracts = picked.ids.map((id) => this.records.get(id)).filter((r): r is ProgramRecord | AwardRecord => r?.kind === 'program' || r?.kind === 'award');
    if (fam.size && picked.scope !== 'sentence') {
      contracts = contracts.filter((r) => (r.kind === 'program' ? r.vendorIds.some((v) => fam.has(v)) : !!r.vendorId && fam.has(r.vendorId)));
    }
    if (contracts.length) return this.expand(contracts, picked.scope);
    return this.vendorAwards(sentence);
  }

  private async expand(contracts: Array<ProgramRecord | AwardRecord>, scope: Targets['scope']): Promise<Targets> {
    const awardIds = uniq(contracts.flatMap((r) => (r.kind === 'program' ? r.awardIds : [r.id])));
    const awards = (await this.reader.get(awardIds)).filter((a): a is AwardRecord => a?.kind === 'award');
    const modIds = new Set(contracts.flatMap((r) => (r.kind === 'program' ? r.modificationIds : [])));
    const mods = awards.flatMap((award) => award.modifications.filter((m) => modIds.has(m.id)).map((mod) => ({ award, mod })));
    const noAward = contracts.filter((r): r is ProgramRecord => r.kind === 'program' && r.awardIds.length === 0);
    return { scope, refersTo: contracts.map((r) => r.id), awards, mods, noAward };
  }

  private async vendorAwards(sentence: number): Promise<Targets> {
    const vendors = this.pick(sentence, 'vendors');
    if (!vendors.ids.length) return { scope: 'none', refersTo: [], awards: [], mods: [], noAward: [] };
    const agencies = new Set(this.pick(sentence, 'agencies').ids);
    const fam = [...this.family(vendors.ids)];
    const famRecords = (await this.reader.get(fam)).filter((v): v is VendorRecord => v?.kind === 'vendor');
    const ids = uniq(famRecords.flatMap((v) => v.awardIds.slice(0, AWARD_CAP)));
    let awards = (await this.reader.get(ids)).filter((a): a is AwardRecord => a?.kind === 'award');
    if (agencies.size) {
      awards = awards.filter((a) => [a.agencyId, a.subAgencyId].some((x) => !!x && agencies.has(x)));
    }
    return { scope: 'vendor', refersTo: vendors.ids, awards: awards.sort(compareAwards), mods: [], noAward: [] };
  }
}
