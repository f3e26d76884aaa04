// The calling side of the protocol: a typed `call` that sends an envelope and
// unwraps the Result, so callers get a value or a ProtocolError, never `undefined`.
import browser from 'webextension-polyfill';
import {
  ProtocolError,
  type Envelope,
  type MessageType,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol.ts';

export async function call<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { receipts: 1, type, payload };
  const res = (await browser.runtime.sendMessage(envelope)) as Result<ResponseOf<K>> | undefined;
  if (!res || typeof res !== 'object') {
    throw new ProtocolError({ code: 'internal', message: 'The Receipts background did not answer.' });
  }
  if (!res.ok) throw new ProtocolError(res.error);
  return res.value;
}
