// Awards grouped by agency, each group with its count and obligated total.
// Groups whose agency is named on the page come first (an article about ICE
// wants ICE's awards before the Army's), then groups with government
// records, then the largest.
import type { AwardRecord, IndexRecord } from '../../../src/model/types.ts';
import { formatUsdShort } from '../../../src/report/format.ts';
import { useI18n } from '../i18n.ts';
import { AwardCard } from './AwardCard.tsx';

type Records = Record<string, IndexRecord>;

interface Group {
  key: string;
  name: string;
  onPage: boolean;
  list: AwardRecord[];
}

export function groupAwards(awards: AwardRecord[], records: Records, pageIds: ReadonlySet<string>, unnamed: string): Group[] {
  const groups = new Map<string, Group>();
  for (const a of awards) {
    const key = a.subAgencyId ?? a.agencyId ?? '';
    const g = groups.get(key) ?? { key, name: records[key]?.name ?? unnamed, onPage: false, list: [] };
    g.onPage ||= pageIds.has(key) || (!!a.agencyId && pageIds.has(a.agencyId));
    g.list.push(a);
    groups.set(key, g);
  }
  const score = (g: Group) => (g.onPage ? 2 : 0) + (g.list.some((a) => a.provenance.tier === 'primary') ? 1 : 0);
  return [...groups.values()].sort((a, b) => score(b) - score(a) || obligatedTotal(b.list) - obligatedTotal(a.list));
}

export function obligatedTotal(list: AwardRecord[]): number {
  return list.reduce((s, a) => s + (a.values.obligated ?? 0), 0);
}

export function AwardList({ awards, records, pageIds }: { awards: AwardRecord[]; records: Records; pageIds: ReadonlySet<string> }) {
  const { t, lang } = useI18n();
  const groups = groupAwards(awards, records, pageIds, t('venAgencyNotStated'));
  return (
    <div class="awards">
      {groups.map(({ key, name, onPage, list }) => {
        const sum = obligatedTotal(list);
        return (
          <section key={key} class="agency-group" data-agency={key} data-on-page={onPage ? 'true' : 'false'}>
            <h3>
              {name} · {list.length === 1 ? t('venAwardOne') : t('venAwardMany', list.length)}
              {sum > 0 ? <span data-field="group-total"> · {t('venObligatedTotal', formatUsdShort(sum, lang))}</span> : null}
              {onPage ? <span class="on-page"> · {t('venOnPage')}</span> : null}
            </h3>
            {list.slice(0, 4).map((a) => (
              <AwardCard key={a.id} award={a} records={records} />
            ))}
            {list.length > 4 ? (
              <details>
                <summary>{t('venMore', list.length - 4)}</summary>
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
