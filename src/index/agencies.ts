// Agencies from rows (codes where the row has them, names mapped through our
// table otherwise) merged with curated agencies. A subtier's parent is the
// toptier the row names; curated parents win.
import type { AgencyRecord, Source, Tier } from '../model/types.ts';
import { agencyByCgac, agencyByCode, agencyByName, agencyNameKey, type AgencyInfo } from './agency-table.ts';
import type { ResolvedAgency } from './curated.ts';
import { maxDate } from './dates.ts';
import { slugify } from './ids.ts';
import type { AgencyRef, FileContext, NormalizedRow, RowSource } from './normalized-row.ts';
import { mergeSources, rowSources } from './provenance.ts';

interface AgencyObs {
  code?: string;
  info?: AgencyInfo;
  names: Set<string>;
  parentId?: string;
  tier: Tier;
  sourceRows: Map<string, { ctx: FileContext; rowSources: RowSource[] }>;
  asOf?: string;
}

export class AgencyBuilder {
  private readonly obs = new Map<string, AgencyObs>();
  private readonly curatedByName = new Map<string, string>();

  constructor(private readonly curated: Map<string, ResolvedAgency>) {
    for (const a of curated.values()) {
      for (const n of [a.name, ...a.aliases]) this.curatedByName.set(agencyNameKey(n), a.id);
    }
  }

  /** Resolves a toptier or subtier reference to an agency id, or undefined if the row names none. */
  private resolve(ref: AgencyRef, level: 'top' | 'sub'): { id: string; code?: string; info?: AgencyInfo } | undefined {
    const code = ref.code?.trim().toUpperCase();
    if (code && /^[0-9A-Z]{4}$/.test(code)) return { id: `agency:${code}`, code, info: agencyByCode(code) };
    if (code && level === 'top') {
      const info = agencyByCgac(code);
      if (info) return { id: `agency:${info.code}`, code: info.code, info };
    }
    if (!ref.name) return undefined;
    const curatedId = this.curatedByName.get(agencyNameKey(ref.name));
    if (curatedId) return { id: curatedId, code: this.curated.get(curatedId)?.code };
    const info = agencyByName(ref.name);
    if (info) return { id: `agency:${info.code}`, code: info.code, info };
    return { id: `agency:name:${slugify(ref.name)}` };
  }

  private note(id: string, r: { code?: string; info?: AgencyInfo }, name: string | undefined, row: NormalizedRow): AgencyObs {
    let o = this.obs.get(id);
    if (!o) {
      o = { code: r.code, info: r.info, names: new Set(), tier: row.tier, sourceRows: new Map() };
      this.obs.set(id, o);
    }
    if (name) o.names.add(name);
    if (row.tier === 'primary') o.tier = 'primary';
    const key = row.level === 'transaction' ? row.ctx.path : `${row.ctx.path}\u0000${row.rowSources.map((s) => s.url).join(' ')}`;
    if (!o.sourceRows.has(key)) o.sourceRows.set(key, { ctx: row.ctx, rowSources: row.level === 'transaction' ? [] : row.rowSources });
    o.asOf = maxDate(o.asOf, row.lastModified ?? row.actionDate ?? row.signed);
    return o;
  }

  observe(row: NormalizedRow): { agencyId?: string; subAgencyId?: string } {
    const top = this.resolve(row.agency, 'top');
    let sub = this.resolve(row.subAgency, 'sub');
    if (sub && top && sub.id === top.id) sub = undefined;
    if (top) this.note(top.id, top, row.agency.name, row);
    if (sub) {
      const o = this.note(sub.id, sub, row.subAgency.name, row);
      if (top) o.parentId = top.id;
    }
    return { agencyId: top?.id ?? sub?.id, subAgencyId: top ? sub?.id : undefined };
  }

  finalize(awardIdsByAgency: Map<string, string[]>): AgencyRecord[] {
    const ids = new Set([...this.obs.keys(), ...this.curated.keys()]);
    const out: AgencyRecord[] = [];
    for (const id of [...ids].sort()) {
      const o = this.obs.get(id);
      const c = this.curated.get(id);
      const info = o?.info ?? (c ? agencyByCode(c.code) : undefined);
      const recorded = [...(o?.names ?? [])].sort();
      const name = c?.name ?? info?.name ?? recorded.find((n) => /[a-z]/.test(n)) ?? recorded[0] ?? id;
      const acronyms = c ? [...c.acronyms, ...c.ambiguousAcronyms] : [...(info?.acronyms ?? []), ...(info?.ambiguousAcronyms ?? [])];
      const aliases = new Set<string>(c ? c.aliases : info ? [info.name, ...(info.names ?? []).filter((n) => /[a-z]/.test(n))] : []);
      aliases.delete(name);
      let tier: Tier = c?.tier ?? 'reported';
      if (o?.tier === 'primary') tier = 'primary';
      const lists: Source[][] = c ? [c.sources] : [];
      for (const s of o?.sourceRows.values() ?? []) lists.push(rowSources(s));
      const parentId = c?.parentId ?? o?.parentId ?? (info?.parentCode ? `agency:${info.parentCode}` : undefined);
      out.push({
        id,
        kind: 'agency',
        name,
        code: c?.code ?? o?.code,
        acronyms: [...new Set(acronyms)].sort(),
        aliases: [...aliases].sort(),
        parentId: parentId !== id ? parentId : undefined,
        awardIds: [...(awardIdsByAgency.get(id) ?? [])],
        provenance: { tier, sources: mergeSources(...lists), asOf: o?.asOf },
      });
    }
    return out;
  }
}
