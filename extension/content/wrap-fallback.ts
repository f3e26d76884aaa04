// The fallback for browsers without the CSS Custom Highlight API: wrap each
// highlighted piece of text in our own inline element, and undo it exactly
// (split text nodes are merged back, the original node keeps its identity).
// Only used where `CSS.highlights` is missing; everywhere else the page's DOM
// is never written to.
import { FALLBACK_STYLE } from './highlight-styles.ts';
import { offsetOf, rangeFor, readPage } from './read-page.ts';

export const MARK_TAG = 'receipts-mark';

interface Piece {
  mark: Element;
  mid: Text;
  /** The text node left before the wrapped piece (the original node), if it was split there. */
  before: Text | null;
  after: Text | null;
}

export class WrapFallback {
  /** Per document: each name's ranges, as the caller gave them (we keep them pointing at the wrapped text). */
  private readonly names = new Map<Document, Map<string, Range[]>>();
  /** Per document: every piece we wrapped, oldest first, so undoing runs newest first. */
  private readonly pieces = new Map<Document, Piece[]>();

  /** Makes `ranges` the wrapped set for `name` in `doc`. */
  set(name: string, doc: Document, ranges: readonly Range[]): void {
    let byName = this.names.get(doc);
    if (!byName) this.names.set(doc, (byName = new Map()));
    if (ranges.length > 0) byName.set(name, [...ranges]);
    else byName.delete(name);
    this.rewrap(doc, byName);
    if (byName.size === 0) this.names.delete(doc);
  }

  /** Unwraps everything, restoring the page's DOM exactly. */
  clear(): void {
    for (const doc of [...this.pieces.keys()]) this.unwrapAll(doc);
    this.names.clear();
  }

  private unwrapAll(doc: Document) {
    for (const p of (this.pieces.get(doc) ?? []).reverse()) unwrap(p);
    this.pieces.delete(doc);
  }

  /**
   * Every change rewraps the whole document from text offsets: the ranges are
   * turned into offsets of the page text first (wrapping never changes the
   * text), then the DOM is restored and everything is wrapped again, last
   * span first, so a split never moves a position still to be wrapped.
   * Overlapping spans of different names keep the first name's (entities win).
   */
  private rewrap(doc: Document, byName: Map<string, Range[]>) {
    const body = doc.body;
    if (!body) return;
    const before = readPage(body);
    const spans: { name: string; range: Range; start: number; end: number }[] = [];
    for (const [name, ranges] of byName) {
      for (const range of ranges) {
        const start = offsetOf(before, range.startContainer, range.startOffset);
        const end = offsetOf(before, range.endContainer, range.endOffset);
        if (start !== undefined && end !== undefined && end > start) spans.push({ name, range, start, end });
      }
    }
    this.unwrapAll(doc);
    const page = readPage(body);
    const taken: { start: number; end: number }[] = [];
    const chosen = spans.filter((s) => {
      if (taken.some((t) => s.start < t.end && t.start < s.end)) return false;
      taken.push(s);
      return true;
    });
    chosen.sort((a, b) => b.start - a.start);
    const done: Piece[] = [];
    for (const s of chosen) {
      const fresh = rangeFor(page, s.start, s.end);
      if (!fresh) continue;
      const pieces = wrap(fresh, doc, s.name);
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      if (first && last) {
        // The caller's range now selects the wrapped text (hover and reveal keep working).
        s.range.setStart(first.mid, 0);
        s.range.setEnd(last.mid, last.mid.length);
      }
      done.push(...pieces);
    }
    if (done.length > 0) this.pieces.set(doc, done);
  }
}

function textNodesIn(range: Range, doc: Document): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) return [root as Text];
  const out: Text[] = [];
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) out.push(n as Text);
  return out;
}

function wrap(range: Range, doc: Document, name: string): Piece[] {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  const pieces: Piece[] = [];
  for (const t of textNodesIn(range, doc)) {
    const s = t === startContainer ? startOffset : 0;
    const e = t === endContainer ? endOffset : t.length;
    if (s >= e || !t.parentNode) continue;
    const after = e < t.length ? t.splitText(e) : null;
    const mid = s > 0 ? t.splitText(s) : t;
    const mark = doc.createElement(MARK_TAG);
    mark.setAttribute('data-receipts', name);
    mark.setAttribute('style', FALLBACK_STYLE[name] ?? 'color:inherit');
    mid.parentNode!.insertBefore(mark, mid);
    mark.appendChild(mid);
    pieces.push({ mark, mid, before: s > 0 ? t : null, after });
  }
  return pieces;
}

function unwrap(p: Piece): void {
  const { mark, mid, before, after } = p;
  if (mark.parentNode) mark.replaceWith(...[...mark.childNodes]);
  if (after && mid.nextSibling === after) {
    mid.appendData(after.data);
    after.remove();
  }
  if (before && mid.previousSibling === before) {
    before.appendData(mid.data);
    mid.remove();
  }
}
