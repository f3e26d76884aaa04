// The page report as a list: every entity with its mentions, every award
// shown, every loaded phrase and every claim. Shared by the side panel (which
// reveals findings on the page) and the review page (which reveals them in its
// own text view). Fields other issues are still adding are rendered defensively.
import type { ComponentChildren } from 'preact';
import type { AwardRecord } from '../../../src/model/types.ts';
import { usaspendingAwardUrl } from '../../../src/links/primary-sources.ts';
import { awardsShown, entityEntries, reportSource, tierLabel, unresolvedMentions } from '../../../src/report/export.ts';
import { formatDate, formatUsdShort } from '../../../src/report/format.ts';
import type { Claim, Mention, Report } from '../../../src/report/types.ts';
import { useI18n, type I18n, type MessageKey } from '../i18n.ts';
import { KIND_KEY, VERDICT_KEY } from '../shared/kinds.ts';
import { ExportBar } from './ExportBar.tsx';


function kindKey(kind: Mention['kind']): MessageKey {
  return KIND_KEY[kind] ?? 'kindAmount';
}

/** A claim's kind, its verdict against the record (when issue 7 supplies one) and its explanation. */
function claimNote(c: Claim, { t, lang }: I18n): string {
  const verdict = c.verdict && VERDICT_KEY[c.verdict] ? t(VERDICT_KEY[c.verdict]!) : '';
  const why = c.explanation && typeof c.explanation === 'object' ? (c.explanation[lang] ?? '') : '';
  return [String(c.kind ?? ''), verdict, why].filter(Boolean).join(' · ');
}

/** Up to this many awards are listed open; more sit behind one click. */
const AWARDS_OPEN = 8;

export type FindingList = 'mentions' | 'loaded' | 'claims';

export interface ReportViewProps {
  report: Report;
  onReveal(list: FindingList, index: number): void;
}

function Finding({ list, index, onReveal, children, label }: { list: FindingList; index: number; onReveal: ReportViewProps['onReveal']; children: ComponentChildren; label: string }) {
  return (
    <button type="button" class="finding" data-list={list} data-index={index} title={label} onClick={() => onReveal(list, index)}>
      {children}
    </button>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-h`} data-section={id}>
      <h2 id={`${id}-h`}>
        {title} <span class="count">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function AwardItem({ a, report, i18n }: { a: AwardRecord; report: Report; i18n: I18n }) {
  const { t, lang } = i18n;
  const url = a.generatedId ? usaspendingAwardUrl(a.generatedId) : null;
  // Own keys only: a vendor id such as "constructor" must not name Object.
      const vendor = a.vendorId && Object.hasOwn(report.entities, a.vendorId) ? report.entities[a.vendorId]?.name : undefined;
  const values = [
    a.values.obligated !== undefined ? t('panelObligated', formatUsdShort(a.values.obligated, lang)) : '',
    a.values.current !== undefined ? t('panelCurrent', formatUsdShort(a.values.current, lang)) : '',
    a.values.ceiling !== undefined ? t('panelCeiling', formatUsdShort(a.values.ceiling, lang)) : '',
  ].filter(Boolean);
  return (
    <li class="award" data-award={a.id}>
      <span class="piid">{url ? <a href={url} target="_blank" rel="noopener noreferrer">{a.piid ?? a.name}</a> : (a.piid ?? a.name)}</span>
      {vendor ?? a.recipientName ? <span> · {vendor ?? a.recipientName}</span> : null}
      {values.length ? <div class="values">{values.join(' · ')}</div> : null}
      <div class="meta">
        {formatDate(a.dates.start, lang)} – {formatDate(a.dates.currentEnd, lang)} · <span class={`tier tier-${a.provenance.tier}`}>{tierLabel(a, lang)}</span>
      </div>
    </li>
  );
}

export function ReportView({ report, onReveal }: ReportViewProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const entries = entityEntries(report);
  const loose = unresolvedMentions(report);
  const awards = awardsShown(report);
  const loaded = Array.isArray(report.loaded) ? report.loaded : [];
  const claims = Array.isArray(report.claims) ? report.claims : [];
  const source = reportSource(report);
  return (
    <div class="report">
      <dl class="provenance">
        {source ? (
          <>
            <dt>{t('panelPage')}</dt>
            <dd data-field="source">{source}</dd>
          </>
        ) : null}
        <dt>{t('panelDate')}</dt>
        <dd data-field="generated">{new Date(report.generated).toLocaleString(lang === 'de' ? 'de-DE' : 'en-US')}</dd>
        <dt>{t('panelIndex')}</dt>
        <dd data-field="index-version">
          {report.index?.version ?? '?'} ({t('panelDataAsOf', report.index?.dataAsOf ?? report.index?.created ?? '?')})
        </dd>
      </dl>
      <ExportBar report={report} />
      <Section id="entities" title={t('panelEntities')} count={entries.length}>
        {entries.length === 0 ? <p>{t('panelNoEntities')}</p> : null}
        <ul class="entities">
          {entries.map((e) => {
            const first = report.mentions[e.mentions[0]!]!;
            return (
              <li key={e.id} data-entity={e.id}>
                <h3>{e.record?.name ?? first.text}</h3>
                <div class="meta">
                  {t(kindKey(first.kind))} · {t('panelMentionCount', e.mentions.length)}
                  {e.record ? <> · <span class={`tier tier-${e.record.provenance.tier}`}>{tierLabel(e.record, lang)}</span></> : <> · {t('panelNoRecord')}</>}
                </div>
                <ul class="mentions">
                  {e.mentions.map((i) => {
                    const m = report.mentions[i]!;
                    return (
                      <li key={i}>
                        <Finding list="mentions" index={i} onReveal={onReveal} label={t('panelShowMention', m.text)}>
                          “{m.text}” <span class="why">{Math.round(m.confidence * 100)} % · {m.reason?.explanation ?? ''}</span>
                        </Finding>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ul>
        {loose.length ? (
          <>
            <h3>{t('panelUnresolved')}</h3>
            <ul class="mentions">
              {loose.map((i) => {
                const m = report.mentions[i]!;
                return (
                  <li key={i}>
                    <Finding list="mentions" index={i} onReveal={onReveal} label={t('panelShowMention', m.text)}>
                      “{m.text}” <span class="why">{t(kindKey(m.kind))}</span>
                    </Finding>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </Section>
      <Section id="awards" title={t('panelAwards')} count={awards.length}>
        {awards.length === 0 ? <p>{t('panelNone')}</p> : null}
        {awards.length > 0 && awards.length <= AWARDS_OPEN ? <ul class="awards">{awards.map((a) => <AwardItem key={a.id} a={a} report={report} i18n={i18n} />)}</ul> : null}
        {awards.length > AWARDS_OPEN ? (
          // A vendor can bring dozens of awards; the list stays one click away instead of burying the claims below it.
          <details>
            <summary>{t('panelShowAwards', awards.length)}</summary>
            <ul class="awards">{awards.map((a) => <AwardItem key={a.id} a={a} report={report} i18n={i18n} />)}</ul>
          </details>
        ) : null}
      </Section>
      <Section id="loaded" title={t('panelLoaded')} count={loaded.length}>
        {loaded.length === 0 ? <p>{t('panelNone')}</p> : null}
        <ul class="mentions">
          {loaded.map((l, i) => (
            <li key={i}>
              <Finding list="loaded" index={i} onReveal={onReveal} label={t('panelShowMention', String(l.text))}>
                “{String(l.text)}” <span class="why">{[l.category, l.reason].filter(Boolean).map(String).join(' · ')}</span>
              </Finding>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="claims" title={t('panelClaims')} count={claims.length}>
        {claims.length === 0 ? <p>{t('panelNone')}</p> : null}
        <ul class="mentions">
          {claims.map((c, i) => (
            <li key={i}>
              <Finding list="claims" index={i} onReveal={onReveal} label={t('panelShowMention', String(c.text))}>
                “{String(c.text)}” <span class="why">{claimNote(c, i18n)}</span>
              </Finding>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
