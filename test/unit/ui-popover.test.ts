// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { Claim, LoadedSpan, Mention } from '../../src/report/types.ts';
import { fakeBrowser } from './ui-fake-browser.ts';
import { AGENCY_ICE, AWARD_ICM, AWARD_NOT_COMPETED, PROGRAM_ACCURINT, VENDOR_PALANTIR, describeResponse } from './ui-fixtures.ts';

const fake = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_t, k) => (fake.current as Record<string | symbol, unknown>)[k] }),
}));
fake.current = fakeBrowser();

const { Popover } = await import('../../extension/ui/popover/Popover.tsx');
const { setLanguage } = await import('../../extension/ui/i18n.ts');

function mention(id: string | null, text: string, kind: Mention['kind']): Mention {
  return { start: 0, end: text.length, text, kind, id, confidence: 0.92, reason: { rule: 'alias+context', alias: text, context: ['contract'], explanation: 'The name of a company in the index.' } };
}

function show(props: Partial<Parameters<typeof Popover>[0]> & { mention?: Mention }) {
  const base = { data: describeResponse(), error: null, position: { index: 0, total: 3 }, pageIds: new Set<string>(), focus: false, onClose: () => undefined, onStep: () => undefined };
  return render(h(Popover, { ...base, ...props }));
}

beforeEach(() => setLanguage('en'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('vendor', () => {
  test('name, identifiers, legal entities and awards grouped by agency with totals, the page’s agency first', () => {
    show({ mention: mention(VENDOR_PALANTIR.id, 'Palantir', 'company'), pageIds: new Set([AGENCY_ICE.id]) });
    expect(screen.getByRole('dialog', { name: 'Palantir Technologies Inc.' })).toBeTruthy();
    expect(screen.getByText('FSY4LVSBGWB7')).toBeTruthy();
    const cik = screen.getByText('1321655') as HTMLAnchorElement;
    expect(cik.href).toBe('https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001321655');
    expect(document.querySelector('[data-field="entities"]')?.textContent).toBe('Palantir Technologies Inc.; Palantir USG, Inc.');
    const groups = [...document.querySelectorAll('.agency-group')];
    // ICE is named on the page, so its $150.7M group comes before the Army's larger one.
    expect(groups.map((g) => g.getAttribute('data-agency'))).toEqual(['agency:7012', 'agency:2100']);
    expect(groups[0]!.querySelector('h3')!.textContent).toBe('U.S. Immigration and Customs Enforcement · 1 award · $150.7 million obligated · named on this page');
    expect(groups[1]!.querySelector('h3')!.textContent).toBe('Department of the Army · 1 award · $400 million obligated');
  });

  test('without page context the larger group comes first', () => {
    show({ mention: mention(VENDOR_PALANTIR.id, 'Palantir', 'company') });
    expect([...document.querySelectorAll('.agency-group')].map((g) => g.getAttribute('data-agency'))).toEqual(['agency:2100', 'agency:7012']);
  });
});

describe('award', () => {
  test('values named for what they are; the ceiling is never money paid; competition in one sentence with codes below', () => {
    show({ mention: mention(AWARD_NOT_COMPETED.id, '70CDCR18C00000002', 'contract_id') });
    const dl = document.querySelector('dl.values')!;
    expect(within(dl as HTMLElement).getByText('Obligated (spent or committed so far)')).toBeTruthy();
    expect(dl.querySelector('[data-field="obligated"]')!.textContent).toBe('$0');
    expect(within(dl as HTMLElement).getByText('Ceiling (the most it could reach, not money paid)').nextElementSibling!.textContent).toBe('$33,108,515');
    expect(document.querySelector('[data-field="competition"]')!.textContent).toBe('Not competed: only one responsible source (FAR 6.302-1). 1 offer.');
    const codes = [...document.querySelectorAll('.codes li')].map((li) => li.textContent);
    expect(codes[0]).toMatch(/^Extent competed: C/);
    expect(codes.some((c) => c?.startsWith('Legal reason for no full competition: ONE'))).toBe(true);
    expect(screen.getByText('USAspending record, as of Jun 21, 2018')).toBeTruthy();
    expect((document.querySelector('a[data-link="usaspending"]') as HTMLAnchorElement).href).toBe(
      'https://www.usaspending.gov/award/CONT_AWD_70CDCR18C00000002_7012_-NONE-_-NONE-/',
    );
  });

  test('the modifications that matter, each with its own tier; the data’s age is shown', () => {
    show({ mention: mention(AWARD_ICM.id, '70CTD022FR0000170', 'contract_id') });
    const mod = document.querySelector('.mods li')!;
    expect(mod.textContent).toMatch(/^Apr 17, 2025: Reported, not a government record/);
    expect(mod.querySelector('.tier')!.textContent).toBe('Reported by Business Insider Deutschland, Apr 17, 2025');
    expect(document.querySelector('.age')!.textContent).toBe('Index 0123456789abcdef, data as of May 4, 2026.');
  });

  test('in German', () => {
    setLanguage('de');
    show({ mention: mention(AWARD_ICM.id, '70CTD022FR0000170', 'contract_id') });
    expect(screen.getByText('Gebunden (bisher ausgegeben oder zugesagt)')).toBeTruthy();
    expect(document.querySelector('[data-field="obligated"]')!.textContent).toMatch(/^150\.703\.825\s\$$/);
    expect(document.querySelector('[data-field="competition"]')!.textContent).toMatch(/^Abruf aus GSA-Rahmenvertrag GS35F0086U/);
    expect(screen.getByRole('button', { name: 'Schließen' })).toBeTruthy();
    expect(screen.getByRole('dialog').getAttribute('lang')).toBe('de');
  });
});

describe('program and agency', () => {
  test('a program without an award says so plainly and lists the sources it has', () => {
    show({ mention: mention(PROGRAM_ACCURINT.id, 'Accurint', 'program') });
    expect(document.querySelector('[data-field="no-award"]')!.textContent).toBe('No award record in the index. What is known comes from the sources below.');
    expect(document.querySelector('[data-field="run-by"]')!.textContent).toBe('U.S. Immigration and Customs Enforcement');
    expect(document.querySelector('[data-field="built-by"]')!.textContent).toBe('LexisNexis Risk Solutions');
    expect(document.querySelector('.sources li')!.textContent).toContain('https://nextgov.com/acquisition/2023/02/');
    expect(document.querySelector('.entity-head .tier')!.textContent).toBe('Reported by Nextgov (Feb 2023), Nov 29, 2026');
  });

  test('an agency shows its parent department and its largest vendors', () => {
    show({ mention: mention(AGENCY_ICE.id, 'ICE', 'agency') });
    expect(document.querySelector('[data-field="parent"]')!.textContent).toBe('Part of Department of Homeland Security');
    expect([...document.querySelectorAll('.top-vendors li')].map((li) => li.textContent)).toEqual([
      'Palantir Technologies Inc. · $150.7 million obligated',
      'INGENESIS INC.',
    ]);
  });

  test('why it was highlighted: alias, context, confidence', () => {
    show({ mention: mention(AGENCY_ICE.id, 'ICE', 'agency') });
    expect(document.querySelector('[data-field="why"]')!.textContent).toBe('Matched “ICE” by rule alias+context. Supported by nearby words: contract. Confidence: 92%.');
  });
});

describe('loaded language and claims', () => {
  const span = { start: 0, end: 7, text: 'slammed', category: 'attribution', reason: 'Loaded attribution verb.', reasonDe: 'Wertendes Redeverb.', quoted: false, confidence: 0.8 } as LoadedSpan;
  const claim = {
    start: 0,
    end: 40,
    text: 'a $30 million no-bid contract',
    kind: 'amount',
    verdict: 'differs',
    recordFacts: [
      { recordId: AWARD_ICM.id, record: '70CTD022FR0000170', field: 'values.obligated', value: 150703825, label: { en: 'Obligated: $150,703,825', de: 'Gebunden: 150.703.825 $' }, tier: 'primary', sources: ['https://www.usaspending.gov/award/X/'], match: 'other' },
    ],
    sources: ['https://www.usaspending.gov/award/X/'],
    explanation: { en: 'The record shows a different amount.', de: 'Der Datensatz zeigt einen anderen Betrag.' },
  } as Claim;

  test('a loaded span: category and reason in the UI language, quoted or not', () => {
    show({ loaded: [span], data: null });
    expect(screen.getByRole('dialog', { name: 'slammed' })).toBeTruthy();
    expect(document.querySelector('.kind')!.textContent).toBe('Loaded language');
    expect(document.querySelector('[data-field="loaded-category"]')!.textContent).toBe('Category: Loaded attribution verb');
    expect(document.querySelector('[data-field="loaded-reason"]')!.textContent).toBe('Loaded attribution verb.');
    expect(document.querySelector('[data-field="loaded-quoted"]')!.textContent).toBe('In the article’s own voice.');
    cleanup();
    setLanguage('de');
    show({ loaded: [{ ...span, quoted: true } as LoadedSpan], data: null });
    expect(document.querySelector('[data-field="loaded-reason"]')!.textContent).toBe('Wertendes Redeverb.');
    expect(document.querySelector('[data-field="loaded-quoted"]')!.textContent).toMatch(/^In einem Zitat/);
  });

  test('"Not loaded language" stores a flag locally, with the page address but not its query', async () => {
    history.replaceState(null, '', '/article?session=secret');
    show({ loaded: [span], data: null });
    await act(async () => {
      fireEvent.click(document.querySelector('[data-action="flag-false"]')!);
    });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/flagged as a false highlight/));
    const stored = (await (fake.current as ReturnType<typeof fakeBrowser>).storage.local.get('receiptsFlags')).receiptsFlags as { text: string; kind: string; category: string; page?: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'false-highlight', text: 'slammed', category: 'attribution' });
    expect(stored[0]!.page ?? '').not.toContain('secret');
  });

  test('a claim beside the record facts, with a neutral verdict word, tier and source', () => {
    show({ claims: [claim], data: null });
    expect(document.querySelector('[data-field="claim-text"]')!.textContent).toBe('a $30 million no-bid contract');
    expect(document.querySelector('[data-field="record-fact"]')!.textContent).toBe('Obligated: $150,703,825 (70CTD022FR0000170) USAspending record');
    expect(document.querySelector('[data-field="verdict"]')!.textContent).toBe('Compared with the record: differs');
    expect(document.body.textContent).not.toMatch(/\b(false|wrong)\b/i);
  });

  test('fields still missing are left out, not guessed', () => {
    show({ claims: [{ start: 0, end: 3, text: 'bid', kind: 'bidders' }], loaded: [{ start: 5, end: 9, text: 'huge', category: 'new-thing', reason: '' }], data: null });
    expect(document.querySelector('[data-field="verdict"]')).toBeNull();
    expect(screen.getByText('No record facts to compare yet.')).toBeTruthy();
    expect(document.querySelector('[data-field="loaded-category"]')!.textContent).toBe('Category: new-thing');
    expect(document.querySelector('[data-field="loaded-quoted"]')).toBeNull();
  });

  test('verdict words in German', () => {
    setLanguage('de');
    for (const [v, word] of [['consistent', 'stimmt überein'], ['not_in_record', 'nicht im Datensatz']] as const) {
      show({ claims: [{ ...claim, verdict: v }], data: null });
      expect(document.querySelector('[data-field="verdict"]')!.textContent).toBe(`Im Vergleich mit dem Datensatz: ${word}`);
      cleanup();
    }
  });
});

describe('keyboard', () => {
  test('Escape closes; focus moves into the dialog when opened from the keyboard', () => {
    const onClose = vi.fn();
    show({ mention: mention(AGENCY_ICE.id, 'ICE', 'agency'), focus: true, onClose });
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('citation copy', () => {
  async function openCite(root: ParentNode) {
    const details = root.querySelector('details.cite') as HTMLDetailsElement;
    await act(() => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
  }

  function mountInClosedShadow() {
    const host = document.createElement('receipts-ui');
    const root = host.attachShadow({ mode: 'closed' });
    const mount = document.createElement('div');
    root.append(mount);
    document.documentElement.append(host);
    const base = { data: describeResponse(), error: null, position: { index: 0, total: 1 }, pageIds: new Set<string>(), focus: false, onClose: () => undefined, onStep: () => undefined };
    render(h(Popover, { ...base, mention: mention(AWARD_ICM.id, '70CTD022FR0000170', 'contract_id') }), { container: mount });
    return { host, root };
  }

  test('copies the chosen style for the primary record with today’s access date', async () => {
    const { host, root } = mountInClosedShadow();
    expect(root.querySelector('[data-field="citation"]')).toBeNull();
    await openCite(root);
    const mla = root.querySelector('input[value="mla"]') as HTMLInputElement;
    await act(() => {
      mla.checked = true;
      mla.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const shown = root.querySelector('[data-field="citation"]')!.textContent!;
    expect(shown).toMatch(/^“Contract award 70CTD022FR0000170 to Palantir Technologies Inc\.” USAspending\.gov/);
    const writes: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (t: string) => void writes.push(t));
    await act(async () => {
      (root.querySelector('.cite-copy') as HTMLButtonElement).click();
    });
    await vi.waitFor(() => expect(root.querySelector('[data-field="cite-status"]')!.textContent).toBe('Copied to the clipboard.'));
    expect(writes).toEqual([shown]);
    const d = new Date();
    expect(shown).toContain(`Accessed ${d.getDate()} `);
    host.remove();
  });

  test('refuses to copy when the host was moved into the page (tamper check)', async () => {
    const { host, root } = mountInClosedShadow();
    await openCite(root);
    document.body.append(host);
    const spy = vi.spyOn(navigator.clipboard, 'writeText');
    await act(async () => {
      (root.querySelector('.cite-copy') as HTMLButtonElement).click();
    });
    expect(root.querySelector('[data-field="cite-status"]')!.textContent).toBe('Not copied: this page is interfering with the Receipts window (Receipts host moved).');
    expect(spy).not.toHaveBeenCalled();
    host.remove();
  });

  test('refuses when the popover is not inside a closed shadow root at all', async () => {
    show({ mention: mention(AWARD_ICM.id, '70CTD022FR0000170', 'contract_id') });
    await openCite(document);
    const spy = vi.spyOn(navigator.clipboard, 'writeText');
    fireEvent.click(screen.getByRole('button', { name: 'Copy citation' }));
    await vi.waitFor(() => expect(document.querySelector('[data-field="cite-status"]')!.textContent).toMatch(/not inside the Receipts shadow root/));
    expect(spy).not.toHaveBeenCalled();
  });
});
