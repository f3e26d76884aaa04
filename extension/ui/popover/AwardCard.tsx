// One award: values named for what they are, dates, competition in one plain
// sentence with the codes below it, the modifications that matter, and links
// to its primary record. A ceiling is never shown as money paid.
import { Fragment } from 'preact';
import type { AwardRecord, IndexRecord } from '../../../src/model/types.ts';
import { formatDate, formatUsd } from '../../../src/report/format.ts';
import { competitionLines } from '../../../src/report/competition.ts';
import { fpdsFeedUrl, usaspendingAwardUrl } from '../../../src/links/primary-sources.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { TierBadge } from '../shared/tier.tsx';

interface Props {
  award: AwardRecord;
  records: Record<string, IndexRecord>;
}

export function AwardCard({ award, records }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const agency = award.subAgencyId ? records[award.subAgencyId] : award.agencyId ? records[award.agencyId] : undefined;
  const vendor = award.vendorId ? records[award.vendorId] : undefined;
  const usa = award.generatedId ? usaspendingAwardUrl(award.generatedId) : null;
  const fpds = award.provenance.tier === 'primary' && award.piid ? fpdsFeedUrl(award.piid) : null;
  const v = award.values;
  const d = award.dates;
  const comp = competitionLines(award.competition, award.parentPiid, lang);
  const money: Array<[MessageKey, 'obligated' | 'current' | 'ceiling', number | undefined]> = [
    ['awObligated', 'obligated', v.obligated],
    ['awCurrent', 'current', v.current],
    ['awCeiling', 'ceiling', v.ceiling],
  ];
  const dates: Array<[MessageKey, string | undefined]> = [
    ['awSigned', d.signed],
    ['awPotentialEnd', d.potentialEnd && d.potentialEnd !== d.currentEnd ? d.potentialEnd : undefined],
    ['awLastModified', d.lastModified],
  ];
  const mods = award.modifications.filter((m) => m.note || m.competition);
  return (
    <article class="award" data-award-id={award.id}>
      <header class="award-head">
        <span class="piid">{award.piid ?? t('awNoPiid')}</span>
        <TierBadge provenance={award.provenance} />
      </header>
      <p class="award-meta">
        {vendor ? vendor.name : award.recipientName}
        {agency ? ` · ${agency.name}` : ''}
      </p>
      {award.description ? (
        <p class="desc">
          {award.descriptionIsSummary ? <span class="label">{t('awSummaryOfReports')} </span> : null}
          {award.description}
        </p>
      ) : null}
      <dl class="values">
        {money.map(([label, field, value]) =>
          value !== undefined ? (
            <Fragment key={field}>
              <dt>{t(label)}</dt>
              <dd data-field={field}>{formatUsd(value, lang)}</dd>
            </Fragment>
          ) : null,
        )}
        {d.start || d.currentEnd ? (
          <>
            <dt>{t('awPeriod')}</dt>
            <dd data-field="period">
              {formatDate(d.start, lang)} – {formatDate(d.currentEnd, lang)}
            </dd>
          </>
        ) : null}
        {dates.map(([label, value]) =>
          value ? (
            <Fragment key={label}>
              <dt>{t(label)}</dt>
              <dd>{formatDate(value, lang)}</dd>
            </Fragment>
          ) : null,
        )}
      </dl>
      {v.obligatedBasis ? <p class="note">{v.obligatedBasis}</p> : null}
      {award.caveats?.map((c) => (
        <p class="note caveat" key={c}>
          {c}
        </p>
      ))}
      {comp.length > 0 ? (
        <div class="competition">
          <p class="comp-sentence" data-field="competition">
            {comp[0]}
          </p>
          {comp.length > 1 ? (
            <ul class="codes" aria-label={t('awCompetitionCodes')}>
              {comp.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p class="note">{t('awNoCompetition')}</p>
      )}
      {mods.length > 0 ? (
        <>
          <h3 class="sub">{t('awModsTitle')}</h3>
          <ul class="mods">
            {mods.map((m) => (
              <li key={m.id} data-mod={m.number}>
                {formatDate(m.date, lang)}: {m.note ?? m.description ?? m.number}
                {m.competition ? <> {competitionLines(m.competition, award.parentPiid, lang)[0]}</> : null}{' '}
                <TierBadge provenance={m.provenance} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="links">
        {usa ? (
          <a href={usa} target="_blank" rel="noopener noreferrer" data-link="usaspending">
            {t('awLinkUsaspending')}
          </a>
        ) : null}
        {fpds ? (
          <a href={fpds} target="_blank" rel="noopener noreferrer" data-link="fpds">
            {t('awLinkFpds')}
          </a>
        ) : null}
      </p>
    </article>
  );
}
