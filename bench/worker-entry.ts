// The benchmark's matcher worker: loads the padded dictionary (decode only,
// as the background does) and runs the real findMentions on each text.
import { findMentions, loadDictionary, type CompiledDictionary, type SerializedDictionary } from '../src/match/index.ts';

let dict: CompiledDictionary | null = null;

async function load(url: string) {
  const t0 = performance.now();
  const serialized = (await (await fetch(url)).json()) as SerializedDictionary;
  dict = loadDictionary(serialized);
  postMessage({ id: 0, ready: { loadMs: performance.now() - t0, aliases: serialized.aliases.length } });
}

void load(new URL('dict.json', self.location.href).href);

self.onmessage = async (e: MessageEvent) => {
  const { id, text, warm } = e.data as { id: number; text?: string; warm?: string };
  if (warm !== undefined) {
    // Warm-up entirely inside the worker: the page's main thread receives no
    // results (and makes no garbage) that could slow the measured scan.
    const sample = await (await fetch(warm)).text();
    for (let i = 0; i < 3; i++) findMentions(sample, dict!);
    postMessage({ id, warmed: sample.length });
    return;
  }
  if (text === undefined) return;
  const t0 = performance.now();
  const mentions = findMentions(text, dict!);
  postMessage({ id, analysis: { mentions, loaded: [], claims: [], matchMs: performance.now() - t0 } });
};
