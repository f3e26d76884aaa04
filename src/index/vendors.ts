// Vendor identity. Rows are linked by UEI or DUNS first (union-find over
// identifier nodes); a recipient name is used only when a row carries no
// identifier, and then only to reach a curated vendor's `recipientNames` or
// other name-only rows with the same name. ALL-CAPS legal names from contract
// data are kept as previous names, never as matched aliases.
import type { Source, Tier, VendorRecord } from '../model/types.ts';
import type { ResolvedVendor } from './curated.ts';
import { maxDate } from './dates.ts';
import { nameKey, sha256Hex, stripParenthetical } from './ids.ts';
import type { FileContext, NormalizedRow, RowSource } from './normalized-row.ts';
import { mergeSources, rowSources } from './provenance.ts';

interface Obs {
  names: Map<string, string>;
  tier: Tier;
  sourceRows: Map<string, { ctx: FileContext; rowSources: RowSource[] }>;
  parent?: { node: string; rank: string };
  cage?: string;
  asOf?: string;
}

const LEGAL_TAIL = /[,\s]+(incorporated|inc|llc|l\.l\.c|llp|lp|corp|corporation|co|company|ltd|limited|plc)\.?$/i;

/** Readable alias from a reported name: "The GEO Group, Inc." → "GEO Group". */
export function aliasFromName(name: string): string {
  return stripParenthetical(name).replace(LEGAL_TAIL, '').replace(/^the\s+/i, '').replace(/[,\s]+$/, '').trim();
}

const isMixedCase = (s: string) => /[a-z]/.test(s);

export class VendorLinker {
  private readonly up = new Map<string, string>();
  private readonly obs = new Map<string, Obs>();
  private readonly curatedByName = new Map<string, string>();
  readonly warnings: string[] = [];

  constructor(private readonly curated: Map<string, ResolvedVendor>) {
    for (const v of curated.values()) {
      const c = `curated:${v.key}`;
      this.find(c);
      if (v.uei) this.union(c, `uei:${v.uei.toUpperCase()}`);
      for (const d of v.duns ?? []) this.union(c, `duns:${d.padStart(9, '0')}`);
      // A curated vendor without identifiers is known by its name, like a name-only row.
      if (!v.uei && !(v.duns ?? []).length && nameKey(v.name)) this.union(c, `name:${nameKey(v.name)}`);
      for (const n of v.recipientNames) {
        const k = nameKey(n);
        const prev = this.curatedByName.get(k);
        if (prev && prev !== c) this.warnings.push(`recipient name "${n}" is claimed by ${prev} and ${c}; ${prev} keeps it`);
        else this.curatedByName.set(k, c);
      }
    }
  }

  private find(x: string): string {
    let root = x;
    for (let p = this.up.get(root); p !== undefined && p !== root; p = this.up.get(root)) root = p;
    if (!this.up.has(x)) this.up.set(x, x);
    for (let cur = x; cur !== root; ) {
      const next = this.up.get(cur) ?? root;
      this.up.set(cur, root);
      cur = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // Deterministic root choice, so the result never depends on row order.
    if (ra !== rb) (ra < rb ? this.up.set(rb, ra) : this.up.set(ra, rb));
  }

  private note(node: string, row: NormalizedRow, name: string | undefined, date: string): Obs {
    let o = this.obs.get(node);
    if (!o) {
      o = { names: new Map(), tier: row.tier, sourceRows: new Map() };
      this.obs.set(node, o);
      this.find(node);
    }
    if (name && (o.names.get(name) ?? '') <= date) o.names.set(name, date);
    if (row.tier === 'primary') o.tier = 'primary';
    const key = row.level === 'transaction' ? row.ctx.path : `${row.ctx.path}\u0000${row.rowSources.map((s) => s.url).join(' ')}`;
    if (!o.sourceRows.has(key)) o.sourceRows.set(key, { ctx: row.ctx, rowSources: row.level === 'transaction' ? [] : row.rowSources });
    o.asOf = maxDate(o.asOf, date || undefined);
    return o;
  }

  /** Records a row's recipient; returns its identity node (resolve it after all rows are in). */
  observe(row: NormalizedRow): string | undefined {
    const r = row.recipient;
    const date = row.lastModified ?? row.actionDate ?? row.signed ?? '';
    let node: string;
    if (r.uei) {
      node = `uei:${r.uei}`;
      if (r.duns) this.union(node, `duns:${r.duns}`);
    } else if (r.duns) {
      node = `duns:${r.duns}`;
    } else if (r.name && nameKey(r.name)) {
      const k = nameKey(r.name);
      node = this.curatedByName.get(k) ?? `name:${k}`;
    } else {
      return undefined;
    }
    if ((r.uei || r.duns) && r.name) {
      const claimed = this.curatedByName.get(nameKey(r.name));
      if (claimed && this.find(claimed) !== this.find(node) && !this.obs.has(node)) {
        this.warnings.push(`${node} ("${r.name}") is not linked to ${claimed}, whose recipientNames include that name: add the identifier to the curated vendor if they are the same entity`);
      }
    }
    const o = this.note(node, row, r.name, date);
    if (r.cage) o.cage = r.cage;
    const parentNode = r.parentUei ? `uei:${r.parentUei}` : r.parentDuns ? `duns:${r.parentDuns}` : undefined;
    if (parentNode && (!o.parent || o.parent.rank <= date)) o.parent = { node: parentNode, rank: date };
    if (parentNode && parentNode !== node) this.note(parentNode, row, r.parentName, date);
    return node;
  }

  resolve(node: string): string {
    return this.ids.get(this.find(node)) ?? node;
  }

  private ids = new Map<string, string>();

  finalize(): VendorRecord[] {
    const groups = new Map<string, string[]>();
    for (const node of this.up.keys()) {
      const root = this.find(node);
      const members = groups.get(root);
      if (members) members.push(node);
      else groups.set(root, [node]);
    }
    const built: { root: string; rec: VendorRecord; curated: ResolvedVendor[]; parentNode?: string }[] = [];
    for (const [root, members] of groups) {
      const curated = members.filter((m) => m.startsWith('curated:')).sort().map((m) => this.curated.get(m.slice(8))).filter((v): v is ResolvedVendor => !!v);
      if (curated.length > 1) this.warnings.push(`curated vendors ${curated.map((c) => c.key).join(', ')} share an identifier and were merged`);
      const cv = curated[0];
      const ueis = members.filter((m) => m.startsWith('uei:')).map((m) => m.slice(4)).sort();
      const duns = members.filter((m) => m.startsWith('duns:')).map((m) => m.slice(5)).sort();
      const names = members.filter((m) => m.startsWith('name:')).map((m) => m.slice(5)).sort();
      if (ueis.length > 1) this.warnings.push(`one vendor has several UEIs (${ueis.join(', ')}); using ${cv?.uei ?? ueis[0]}`);
      const uei = cv?.uei?.toUpperCase() ?? ueis[0];
      const mainDuns = cv?.duns?.[0]?.padStart(9, '0') ?? duns[0];
      const id = uei ? `vendor:uei:${uei}` : mainDuns ? `vendor:duns:${mainDuns}` : `vendor:name:${boundedKey(cv ? nameKey(cv.name) : (names[0] ?? ''))}`;
      this.ids.set(root, id);
      const obs = members.map((m) => this.obs.get(m)).filter((o): o is Obs => !!o);
      const seen = new Map<string, string>();
      for (const o of obs) for (const [n, d] of o.names) if ((seen.get(n) ?? '') <= d) seen.set(n, d);
      const byRecency = [...seen.entries()].sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : 1)).map(([n]) => n);
      const name = cv?.name ?? byRecency.find(isMixedCase) ?? byRecency[0] ?? id;
      const aliasSet = new Set<string>(cv ? cv.aliases : []);
      if (!cv) {
        for (const n of byRecency.filter(isMixedCase)) {
          for (const a of [stripParenthetical(n), aliasFromName(n)]) if (a.replace(/[^A-Za-z]/g, '').length >= 3) aliasSet.add(a);
        }
      }
      const lower = new Set([name, ...aliasSet].map((n) => n.toLowerCase()));
      const previous = new Set<string>(cv?.previousNames ?? []);
      for (const n of byRecency) if (!lower.has(n.toLowerCase())) previous.add(n);
      let tier: Tier = cv?.tier ?? 'reported';
      if (obs.some((o) => o.tier === 'primary')) tier = 'primary';
      const sourceLists: Source[][] = curated.map((c) => c.sources);
      for (const o of obs) for (const s of o.sourceRows.values()) sourceLists.push(rowSources(s));
      const parentObs = obs.filter((o) => o.parent).sort((a, b) => ((a.parent?.rank ?? '') < (b.parent?.rank ?? '') ? 1 : -1))[0];
      const cage = cv?.cage ?? obs.map((o) => o.cage).find((c) => c);
      const rec: VendorRecord = {
        id,
        kind: 'vendor',
        name,
        aliases: [...aliasSet].sort(),
        weakAliases: [...(cv?.weakAliases ?? [])].sort(),
        previousNames: [...previous].sort(),
        identifiers: Object.fromEntries(Object.entries({ uei, duns: mainDuns, cage, cik: cv?.cik }).filter(([, v]) => v)),
        subsidiaryIds: [],
        awardIds: [],
        provenance: { tier, sources: mergeSources(...sourceLists), asOf: obs.reduce<string | undefined>((m, o) => maxDate(m, o.asOf), undefined) },
      };
      built.push({ root, rec, curated, parentNode: cv?.parentKey ? `curated:${cv.parentKey}` : parentObs?.parent?.node });
    }
    const byId = new Map(built.map((b) => [b.rec.id, b.rec] as const));
    for (const b of built) {
      if (!b.parentNode) continue;
      if (b.parentNode.startsWith('curated:') && !this.up.has(b.parentNode)) {
        this.warnings.push(`vendor ${b.rec.id}: parentKey ${b.parentNode.slice(8)} is not a curated vendor`);
        continue;
      }
      const pid = this.resolve(b.parentNode);
      if (pid === b.rec.id || !byId.has(pid)) continue;
      b.rec.parentId = pid;
      byId.get(pid)?.subsidiaryIds.push(b.rec.id);
    }
    for (const r of byId.values()) r.subsidiaryIds.sort();
    return [...byId.values()];
  }
}

/** Ids stay under validate.ts's 300-character cap: a long name keeps a readable prefix and a hash of the whole. */
function boundedKey(key: string): string {
  return key.length <= 120 ? key : `${key.slice(0, 80)}~${sha256Hex(key).slice(0, 16)}`;
}
