// The content script's side of PanelToContent (extension/protocol.ts): the
// side panel asks a tab for its report, or to reveal one finding. Only our
// own extension pages may ask: same extension id and no tab (a content
// script, ours or anyone's, always has one).
import type { Runtime } from 'webextension-polyfill';
import type { Report } from '../../src/report/types.ts';
import type { PanelToContent, ProtocolErrorData, Result } from '../protocol.ts';
import { isJsonObject } from '../../src/model/json.ts';

type PanelType = keyof PanelToContent;
const LISTS = new Set(['mentions', 'loaded', 'claims']);

const validators: { [K in PanelType]: (p: unknown) => p is Parameters<PanelToContent[K]>[0] } = {
  pageReport: (p): p is Record<string, never> => isJsonObject(p),
  reveal: (p): p is { list: 'mentions' | 'loaded' | 'claims'; index: number } =>
    isJsonObject(p) && typeof p.list === 'string' && LISTS.has(p.list) && Number.isInteger(p.index) && (p.index as number) >= 0,
};

export function isPanelEnvelope(m: unknown): m is { receipts: 1; type: PanelType; payload: unknown } {
  return isJsonObject(m) && m.receipts === 1 && (m.type === 'pageReport' || m.type === 'reveal');
}

/** Our own extension page: same extension id, not from a tab. */
export function fromOwnPage(sender: Runtime.MessageSender, ownId: string | undefined): boolean {
  return !!ownId && sender.id === ownId && !sender.tab;
}

function fail(code: ProtocolErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * A runtime.onMessage listener. Returns undefined for messages that are not
 * ours (so other listeners may answer), a Promise of a Result otherwise.
 */
export function panelListener(handlers: PanelToContent, ownId: () => string | undefined) {
  return (message: unknown, sender: Runtime.MessageSender): Promise<Result<Report | boolean>> | undefined => {
    if (!isPanelEnvelope(message)) return undefined;
    if (!fromOwnPage(sender, ownId())) return Promise.resolve(fail('forbidden', 'Only Receipts pages may ask a tab.'));
    const { type, payload } = message;
    if (!validators[type](payload)) return Promise.resolve(fail('bad-request', `Malformed ${type} request.`));
    const run = type === 'pageReport' ? handlers.pageReport(payload as Record<string, never>) : handlers.reveal(payload as Parameters<PanelToContent['reveal']>[0]);
    return (run as Promise<Report | boolean>).then(
      (value) => ({ ok: true as const, value }),
      (err: unknown) => fail('internal', err instanceof Error ? err.message : String(err)),
    );
  };
}
