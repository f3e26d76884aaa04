// Loaded language and claims under the pointer, as the content script passes
// them. Other parts of Receipts are still adding fields to these types, so
// every field is read defensively: a missing one is left out, never guessed.
import type { Claim, LoadedSpan } from '../../../src/report/types.ts';
import { LOADED_CATEGORIES } from '../../../src/loaded/categories.ts';
import { useState } from 'preact/hooks';
import { addFlag } from '../../flags.ts';
import { useI18n, type I18n } from '../i18n.ts';
import { VERDICT_KEY } from '../shared/kinds.ts';
import { siteOf } from '../../../src/links/primary-sources.ts';

type Loose = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bilingual = (v: unknown, lang: 'en' | 'de'): string | undefined => {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') return str((v as Loose)[lang]) ?? str((v as Loose).en);
  return undefined;
};

const hostOf = (url: string): string => siteOf(url) ?? url;

export function categoryLabel(id: string, lang: 'en' | 'de'): string {
  return LOADED_CATEGORIES.find((c) => c.id === id)?.label[lang] ?? id;
}

export function LoadedItem({ span }: { span: LoadedSpan }) {
  const { t, lang } = useI18n();
  const raw = span as unknown as Loose;
  const reason = (lang === 'de' ? str(raw.reasonDe) : undefined) ?? str(raw.reason) ?? LOADED_CATEGORIES.find((c) => c.id === span.category)?.reason[lang];
  const quoted = typeof raw.quoted === 'boolean' ? raw.quoted : undefined;
  const confidence = num(raw.confidence);
  return (
    <li class="loaded-item" data-category={span.category}>
      <p>
        <q>{span.text}</q> · <span data-field="loaded-category">{t('loadedCategory', categoryLabel(span.category, lang))}</span>
      </p>
      {reason ? <p data-field="loaded-reason">{reason}</p> : null}
      {quoted !== undefined ? <p class="note" data-field="loaded-quoted">{t(quoted ? 'loadedQuoted' : 'loadedNotQuoted')}</p> : null}
      {confidence !== undefined ? <p class="note">{t('loadedConfidence', Math.round(confidence * 100))}</p> : null}
      <FlagButton span={span} />
    </li>
  );
}

/** "Not loaded language": stored on this computer only (extension/flags.ts), exportable from the options. */
function FlagButton({ span }: { span: LoadedSpan }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const lang = (span as unknown as Loose).lang;
  const flag = () =>
    addFlag({ kind: 'false-highlight', text: span.text, category: span.category, lang, page: typeof location === 'undefined' ? undefined : location.href }).then(
      () => setState('done'),
      () => setState('failed'),
    );
  if (state === 'done') return <p class="note" role="status">{t('flagFalseDone')}</p>;
  return (
    <button type="button" class="flag" data-action="flag-false" onClick={() => void flag()}>
      {t('flagFalse')}
    </button>
  );
}

/** "consistent" / "differs" / "not in the record"; never "false" or "wrong". Unknown → not in the record. */
export function verdictWord(v: unknown, i18n: I18n): string {
  const key = typeof v === 'string' ? VERDICT_KEY[v.replace(/-/g, '_')] : undefined;
  return i18n.t(key ?? 'verdictNotInRecord');
}

function FactTier({ tier, sources }: { tier: unknown; sources: string[] }) {
  const { t } = useI18n();
  const first = sources[0];
  const text = tier === 'primary' ? t('tierPrimary') : first ? t('tierReportedBy', hostOf(first)) : t('tierReportedUnnamed');
  return (
    <span class={`tier tier-${tier === 'primary' ? 'primary' : 'reported'}`} title={sources.join('\n')}>
      {text}
    </span>
  );
}

export function ClaimItem({ claim }: { claim: Claim }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const raw = claim as unknown as Loose;
  const facts = Array.isArray(raw.recordFacts) ? (raw.recordFacts as unknown[]).filter((f): f is Loose => !!f && typeof f === 'object') : [];
  const sources = Array.isArray(raw.sources) ? (raw.sources as unknown[]).filter((s): s is string => typeof s === 'string') : [];
  const explanation = bilingual(raw.explanation, lang);
  const verdict = raw.verdict;
  return (
    <li class="claim-item" data-verdict={typeof verdict === 'string' ? verdict : 'none'}>
      <div class="claim-grid">
        <div>
          <h4>{t('claimArticle')}</h4>
          <p data-field="claim-text">
            <q>{claim.text}</q>
          </p>
        </div>
        <div>
          <h4>{t('claimRecord')}</h4>
          {facts.length > 0 ? (
            <ul class="facts">
              {facts.map((f, i) => {
                const label = bilingual(f.label, lang) ?? str(f.field) ?? '';
                const value = typeof f.value === 'number' || typeof f.value === 'string' ? String(f.value) : '';
                const fSources = Array.isArray(f.sources) ? (f.sources as unknown[]).filter((s): s is string => typeof s === 'string') : sources;
                return (
                  <li key={i} data-field="record-fact">
                    {label || value}
                    {str(f.record) ? <span class="note"> ({str(f.record)})</span> : null} <FactTier tier={f.tier} sources={fSources} />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p class="note">{t('claimNoFacts')}</p>
          )}
        </div>
      </div>
      {verdict !== undefined ? (
        <p class={`verdict verdict-${String(verdict)}`} data-field="verdict">
          {t('claimVerdict', verdictWord(verdict, i18n))}
        </p>
      ) : null}
      {explanation ? <p class="note">{explanation}</p> : null}
      {sources.length > 0 ? (
        <ul class="claim-sources">
          {sources.map((s) => (
            <li key={s} class="url">
              {s}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function Findings({ loaded, claims }: { loaded?: LoadedSpan[] | undefined; claims?: Claim[] | undefined }) {
  const { t } = useI18n();
  return (
    <>
      {claims && claims.length > 0 ? (
        <section class="claims" aria-label={t('claimTitle')}>
          <h3>{t('claimTitle')}</h3>
          <ul>
            {claims.map((c) => (
              <ClaimItem key={`${c.start}-${c.end}`} claim={c} />
            ))}
          </ul>
        </section>
      ) : null}
      {loaded && loaded.length > 0 ? (
        <section class="loaded" aria-label={t('loadedTitle')}>
          <h3>{t('loadedTitle')}</h3>
          <ul>
            {loaded.map((s) => (
              <LoadedItem key={`${s.start}-${s.end}`} span={s} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
