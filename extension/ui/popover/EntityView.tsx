// What the record says about one entity: a vendor with its awards grouped by
// agency, an agency with its parent and largest vendors, a program with its
// awards (or an honest "no award record" and the sources we do have), or a
// single award.
import type { AgencyRecord, AwardRecord, IndexRecord, ProgramRecord, VendorRecord } from '../../../src/model/types.ts';
import { compareAwards } from '../../../src/query/describe.ts';
import { formatUsdShort } from '../../../src/report/format.ts';
import { edgarFilerUrl } from '../../../src/links/primary-sources.ts';
import { useI18n } from '../i18n.ts';
import { TierBadge, sourceName } from '../shared/tier.tsx';
import { AwardCard } from './AwardCard.tsx';
import { AwardList } from './AwardList.tsx';

type Records = Record<string, IndexRecord>;

function awardsOf(ids: readonly string[], records: Records): AwardRecord[] {
  return ids
    .map((id) => records[id])
    .filter((r): r is AwardRecord => r?.kind === 'award')
    .sort(compareAwards);
}

function VendorView({ vendor, records, pageIds }: { vendor: VendorRecord; records: Records; pageIds: ReadonlySet<string> }) {
  const { t } = useI18n();
  const family = [vendor, ...vendor.subsidiaryIds.map((id) => records[id]).filter((r): r is VendorRecord => r?.kind === 'vendor')];
  const awards = awardsOf([...new Set(family.flatMap((v) => v.awardIds))], records);
  const parent = vendor.parentId ? records[vendor.parentId] : undefined;
  const ids = vendor.identifiers;
  const edgar = ids.cik ? edgarFilerUrl(ids.cik) : null;
  return (
    <>
      <dl class="ids">
        {ids.uei ? (<><dt>{t('venUei')}</dt><dd data-field="uei">{ids.uei}</dd></>) : null}
        {ids.duns ? (<><dt>{t('venDuns')}</dt><dd>{ids.duns}</dd></>) : null}
        {ids.cik ? (
          <>
            <dt>{t('venCik')}</dt>
            <dd data-field="cik">{edgar ? <a href={edgar} target="_blank" rel="noopener noreferrer" data-link="edgar">{ids.cik}</a> : ids.cik}</dd>
          </>
        ) : null}
        {parent ? (<><dt>{t('venParent')}</dt><dd>{parent.name}</dd></>) : null}
        {family.length > 1 ? (<><dt>{t('venLegalEntities')}</dt><dd data-field="entities">{family.map((v) => v.name).join('; ')}</dd></>) : null}
      </dl>
      {awards.length > 0 ? <AwardList awards={awards} records={records} pageIds={pageIds} /> : <p class="none">{t('venNoAward')}</p>}
    </>
  );
}

function AgencyView({ agency, records }: { agency: AgencyRecord; records: Records }) {
  const { t, lang } = useI18n();
  const parent = agency.parentId ? records[agency.parentId] : undefined;
  const awards = awardsOf(agency.awardIds, records);
  const byVendor = new Map<string, number>();
  for (const a of awards) {
    const name = (a.vendorId && records[a.vendorId]?.name) || a.recipientName || t('agUnnamedRecipient');
    byVendor.set(name, (byVendor.get(name) ?? 0) + (a.values.obligated ?? 0));
  }
  const top = [...byVendor].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return (
    <>
      {parent ? <p class="parent" data-field="parent">{t('agPartOf', parent.name)}</p> : null}
      <p>{t('agAwardCount', new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-US').format(agency.awardIds.length))}</p>
      {top.length > 0 ? (
        <>
          <h3>{t('agLargestVendors')}</h3>
          <ol class="top-vendors">
            {top.map(([name, total]) => (
              <li key={name}>
                {name}
                {total > 0 ? ` · ${t('venObligatedTotal', formatUsdShort(total, lang))}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

function ProgramView({ program, records, pageIds }: { program: ProgramRecord; records: Records; pageIds: ReadonlySet<string> }) {
  const { t, lang } = useI18n();
  const awards = awardsOf(program.awardIds, records);
  const names = (ids: string[]) => ids.map((id) => records[id]?.name).filter(Boolean).join(', ');
  return (
    <>
      <p class="desc">{program.description[lang] || program.description.en}</p>
      <dl class="ids">
        {program.agencyIds.length ? (<><dt>{t('prRunBy')}</dt><dd data-field="run-by">{names(program.agencyIds)}</dd></>) : null}
        {program.vendorIds.length ? (<><dt>{t('prBuiltBy')}</dt><dd data-field="built-by">{names(program.vendorIds)}</dd></>) : null}
      </dl>
      {awards.length > 0 ? (
        <AwardList awards={awards} records={records} pageIds={pageIds} />
      ) : (
        <p class="none" data-field="no-award">{t('prNoAward')}</p>
      )}
      <Sources record={program} />
    </>
  );
}

function Sources({ record }: { record: IndexRecord }) {
  const { t } = useI18n();
  return (
    <div class="sources">
      <h3>{t('prSources')}</h3>
      <ul>
        {record.provenance.sources.map((s) => (
          <li key={s.url}>
            {sourceName(s)} <span class="url">{s.url}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EntityView({ record, records, pageIds }: { record: IndexRecord; records: Records; pageIds: ReadonlySet<string> }) {
  return (
    <div class={`entity entity-${record.kind}`}>
      {record.kind !== 'award' ? (
        // An award card carries its own badge.
        <div class="entity-head">
          <TierBadge provenance={record.provenance} />
        </div>
      ) : null}
      {record.kind === 'vendor' ? <VendorView vendor={record} records={records} pageIds={pageIds} /> : null}
      {record.kind === 'agency' ? <AgencyView agency={record} records={records} /> : null}
      {record.kind === 'program' ? <ProgramView program={record} records={records} pageIds={pageIds} /> : null}
      {record.kind === 'award' ? <AwardCard award={record} records={records} /> : null}
    </div>
  );
}
