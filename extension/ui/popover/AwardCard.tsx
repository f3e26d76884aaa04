// One award: values named for what they are, dates, competition, and the
// links to its primary record. A ceiling is never shown as money paid.
import type { AwardRecord, IndexRecord } from '../../../src/model/types.ts';
import { formatDate, formatUsd } from '../../../src/report/format.ts';
import { competitionLines } from '../../../src/report/competition.ts';
import { fpdsFeedUrl, usaspendingAwardUrl } from '../../../src/links/primary-sources.ts';
import { TierBadge } from './TierBadge.tsx';

interface Props {
  award: AwardRecord;
  records: Record<string, IndexRecord>;
}

export function AwardCard({ award, records }: Props) {
  const agency = award.subAgencyId ? records[award.subAgencyId] : award.agencyId ? records[award.agencyId] : undefined;
  const vendor = award.vendorId ? records[award.vendorId] : undefined;
  const usa = award.generatedId ? usaspendingAwardUrl(award.generatedId) : null;
  const fpds = award.provenance.tier === 'primary' && award.piid ? fpdsFeedUrl(award.piid) : null;
  const v = award.values;
  const comp = competitionLines(award.competition, award.parentPiid);
  return (
    <article class="award" data-award-id={award.id}>
      <header class="award-head">
        <span class="piid">{award.piid ?? 'No PIID in the record'}</span>
        <TierBadge provenance={award.provenance} />
      </header>
      <p class="award-meta">
        {vendor ? vendor.name : award.recipientName}
        {agency ? ` · ${agency.name}` : ''}
      </p>
      {award.description ? (
        <p class="desc">
          {award.descriptionIsSummary ? <span class="label">Summary of reports: </span> : null}
          {award.description}
        </p>
      ) : null}
      <dl class="values">
        {v.obligated !== undefined ? (
          <>
            <dt>Obligated (committed so far)</dt>
            <dd data-field="obligated">{formatUsd(v.obligated)}</dd>
          </>
        ) : null}
        {v.current !== undefined ? (
          <>
            <dt>Current value (base + exercised options)</dt>
            <dd data-field="current">{formatUsd(v.current)}</dd>
          </>
        ) : null}
        {v.ceiling !== undefined ? (
          <>
            <dt>Ceiling (the most it could reach, not money paid)</dt>
            <dd data-field="ceiling">{formatUsd(v.ceiling)}</dd>
          </>
        ) : null}
        {award.dates.start || award.dates.currentEnd ? (
          <>
            <dt>Period</dt>
            <dd>
              {formatDate(award.dates.start)} – {formatDate(award.dates.currentEnd)}
            </dd>
          </>
        ) : null}
      </dl>
      {v.obligatedBasis ? <p class="note">{v.obligatedBasis}</p> : null}
      {award.caveats?.map((c) => (
        <p class="note caveat" key={c}>
          {c}
        </p>
      ))}
      {comp.length > 0 ? (
        <div class="competition">
          <p class="comp-sentence" data-field="competition">{comp[0]}</p>
          {comp.length > 1 ? (
            <ul class="codes">
              {comp.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : (
        <p class="note">The record states nothing about how this award was competed.</p>
      )}
      {award.modifications.some((m) => m.note) ? (
        <ul class="mods">
          {award.modifications
            .filter((m) => m.note)
            .map((m) => (
              <li key={m.id}>
                {formatDate(m.date)}: {m.note} <TierBadge provenance={m.provenance} />
              </li>
            ))}
        </ul>
      ) : null}
      <p class="links">
        {usa ? (
          <a href={usa} target="_blank" rel="noopener noreferrer" data-link="usaspending">
            USAspending award page
          </a>
        ) : null}
        {fpds ? (
          <a href={fpds} target="_blank" rel="noopener noreferrer" data-link="fpds">
            FPDS record
          </a>
        ) : null}
      </p>
    </article>
  );
}
