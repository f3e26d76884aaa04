// What the record says about one entity: a vendor with its awards grouped by
// agency, an agency with its largest vendors, a program with its awards (or
// an honest "no award record"), or a single award.
import type { AgencyRecord, AwardRecord, IndexRecord, ProgramRecord, VendorRecord } from '../../../src/model/types.ts';
import { compareAwards } from '../../../src/query/describe.ts';
import { formatUsdShort } from '../../../src/report/format.ts';
import { edgarFilerUrl } from '../../../src/links/primary-sources.ts';
import { AwardCard } from './AwardCard.tsx';
import { TierBadge } from './TierBadge.tsx';

type Records = Record<string, IndexRecord>;

function awardsOf(ids: readonly string[], records: Records): AwardRecord[] {
  return ids
    .map((id) => records[id])
    .filter((r): r is AwardRecord => r?.kind === 'award')
    .sort(compareAwards);
}

/**
 * Awards grouped by agency. Groups whose agency is named on the page come
 * first (an article about ICE wants ICE's awards before the Army's), then
 * groups with government records, then the largest.
 */
function AwardList({ awards, records, pageIds }: { awards: AwardRecord[]; records: Records; pageIds: ReadonlySet<string> }) {
  const groups = new Map<string, { name: string; onPage: boolean; list: AwardRecord[] }>();
  for (const a of awards) {
    const agencyId = a.subAgencyId ?? a.agencyId ?? '';
    const g = groups.get(agencyId) ?? {
      name: records[agencyId]?.name ?? 'Agency not stated',
      onPage: pageIds.has(agencyId) || (!!a.agencyId && pageIds.has(a.agencyId)),
      list: [],
    };
    g.list.push(a);
    groups.set(agencyId, g);
  }
  const score = (g: { onPage: boolean; list: AwardRecord[] }) =>
    (g.onPage ? 2 : 0) + (g.list.some((a) => a.provenance.tier === 'primary') ? 1 : 0);
  const total = (list: AwardRecord[]) => list.reduce((s, a) => s + (a.values.obligated ?? 0), 0);
  const ordered = [...groups.values()].sort((a, b) => score(b) - score(a) || total(b.list) - total(a.list));
  return (
    <div class="awards">
      {ordered.map(({ name: agency, list }) => {
        const sum = total(list);
        return (
          <section key={agency} class="agency-group">
            <h3>
              {agency} · {list.length} {list.length === 1 ? 'award' : 'awards'}
              {sum > 0 ? ` · ${formatUsdShort(sum)} obligated` : ''}
            </h3>
            {list.slice(0, 4).map((a) => (
              <AwardCard key={a.id} award={a} records={records} />
            ))}
            {list.length > 4 ? (
              <details>
                <summary>{list.length - 4} more</summary>
                {list.slice(4).map((a) => (
                  <AwardCard key={a.id} award={a} records={records} />
                ))}
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function VendorView({ vendor, records, pageIds }: { vendor: VendorRecord; records: Records; pageIds: ReadonlySet<string> }) {
  const family = [vendor, ...vendor.subsidiaryIds.map((id) => records[id]).filter((r): r is VendorRecord => r?.kind === 'vendor')];
  const awards = awardsOf([...new Set(family.flatMap((v) => v.awardIds))], records);
  const parent = vendor.parentId ? records[vendor.parentId] : undefined;
  const ids = vendor.identifiers;
  const edgar = ids.cik ? edgarFilerUrl(ids.cik) : null;
  return (
    <>
      <dl class="ids">
        {ids.uei ? (<><dt>UEI</dt><dd>{ids.uei}</dd></>) : null}
        {ids.duns ? (<><dt>DUNS</dt><dd>{ids.duns}</dd></>) : null}
        {ids.cik ? (
          <>
            <dt>SEC CIK</dt>
            <dd>{edgar ? <a href={edgar} target="_blank" rel="noopener noreferrer" data-link="edgar">{ids.cik}</a> : ids.cik}</dd>
          </>
        ) : null}
        {parent ? (<><dt>Parent</dt><dd>{parent.name}</dd></>) : null}
        {family.length > 1 ? (<><dt>Legal entities</dt><dd>{family.map((v) => v.name).join('; ')}</dd></>) : null}
      </dl>
      {awards.length > 0 ? <AwardList awards={awards} records={records} pageIds={pageIds} /> : <p class="none">No award record in the index.</p>}
    </>
  );
}

function AgencyView({ agency, records }: { agency: AgencyRecord; records: Records }) {
  const parent = agency.parentId ? records[agency.parentId] : undefined;
  const awards = awardsOf(agency.awardIds, records);
  const byVendor = new Map<string, number>();
  for (const a of awards) {
    const name = (a.vendorId && records[a.vendorId]?.name) || a.recipientName || 'Unnamed recipient';
    byVendor.set(name, (byVendor.get(name) ?? 0) + (a.values.obligated ?? 0));
  }
  const top = [...byVendor].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return (
    <>
      {parent ? <p class="parent">Part of {parent.name}</p> : null}
      <p>{agency.awardIds.length} awards in the index.</p>
      {top.length > 0 ? (
        <>
          <h3>Largest vendors in the index</h3>
          <ol class="top-vendors">
            {top.map(([name, total]) => (
              <li key={name}>
                {name}
                {total > 0 ? ` · ${formatUsdShort(total)} obligated` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function ProgramView({ program, records, pageIds }: { program: ProgramRecord; records: Records; pageIds: ReadonlySet<string> }) {
  const awards = awardsOf(program.awardIds, records);
  const names = (ids: string[]) => ids.map((id) => records[id]?.name).filter(Boolean).join(', ');
  return (
    <>
      <p class="desc">{program.description.en}</p>
      <dl class="ids">
        {program.agencyIds.length ? (<><dt>Run by</dt><dd>{names(program.agencyIds)}</dd></>) : null}
        {program.vendorIds.length ? (<><dt>Built by</dt><dd>{names(program.vendorIds)}</dd></>) : null}
      </dl>
      {awards.length > 0 ? (
        <AwardList awards={awards} records={records} pageIds={pageIds} />
      ) : (
        <p class="none" data-field="no-award">No award record in the index.</p>
      )}
      <Sources record={program} />
    </>
  );
}

function Sources({ record }: { record: IndexRecord }) {
  return (
    <div class="sources">
      <h3>Sources</h3>
      <ul>
        {record.provenance.sources.map((s) => (
          <li key={s.url}>
            {s.title} <span class="url">{s.url}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EntityView({ record, records, pageIds }: { record: IndexRecord; records: Records; pageIds: ReadonlySet<string> }) {
  return (
    <div class={`entity entity-${record.kind}`}>
      <div class="entity-head">
        <TierBadge provenance={record.provenance} />
      </div>
      {record.kind === 'vendor' ? <VendorView vendor={record} records={records} pageIds={pageIds} /> : null}
      {record.kind === 'agency' ? <AgencyView agency={record} records={records} /> : null}
      {record.kind === 'program' ? <ProgramView program={record} records={records} pageIds={pageIds} /> : null}
      {record.kind === 'award' ? <AwardCard award={record} records={records} /> : null}
    </div>
  );
}
