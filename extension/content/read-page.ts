// Reads a page's visible text in reading order, with block boundaries kept as
// blank lines so a match can never span two paragraphs, and an offset map
// from every character back to its DOM text node. The DOM is only read.
//
// Reading order is the flat tree: an element with an OPEN shadow root is read
// through its shadow tree (slots pull in the light children assigned to
// them), and a SAME-ORIGIN iframe is read as a block of its own. Closed
// shadow roots and cross-origin frames cannot be read, by design of the web.

// Code blocks (<pre>) are skipped; inline <code> is read, because news sites
// often set contract numbers in it.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'PRE', 'SVG', 'MATH', 'CANVAS', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL', 'CAPTION', 'IFRAME',
]);

export interface Segment {
  node: Text;
  /** Offset of the node's first character in the page text. */
  start: number;
  /**
   * Offset just past its last character, as read. Kept so finding a segment
   * never asks the DOM for `data.length` (a call into the page per probe).
   */
  end: number;
}

export interface PageText {
  text: string;
  segments: Segment[];
}

export const BLOCK_BREAK = '\n\n';

export interface ReadOptions {
  /** Elements whose subtree is never read (our own UI host). */
  exclude?: (el: Element) => boolean;
  /** Called for every open shadow root and same-origin frame document entered, so callers can observe them. */
  onRoot?: (root: ShadowRoot | Document) => void;
}

export function isBlock(el: Element): boolean {
  return BLOCK.has(el.tagName.toUpperCase());
}

/** Elements never read whatever their content (scripts, styles, form fields, code blocks, media). */
export function isSkippedTag(el: Element): boolean {
  return SKIP.has(el.tagName.toUpperCase());
}

function skipped(el: Element, tag: string, opts: ReadOptions): boolean {
  if (SKIP.has(tag)) return true;
  // Most elements of an article carry no attribute at all: one call answers both checks below.
  if (!el.hasAttributes()) return opts.exclude?.(el) ?? false;
  if (el.hasAttribute('hidden')) return true;
  // `contenteditable`, `contenteditable=""` and "plaintext-only" are all editable
  // (the attribute is ASCII case-insensitive); only "false" and invalid values are not.
  const editable = el.getAttribute('contenteditable')?.toLowerCase();
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return true;
  return opts.exclude?.(el) ?? false;
}

const NONE: ArrayLike<Node> = [];

/** The children of `node` in the flat tree, as far as a content script may see it. */
function childrenOf(node: Node, opts: ReadOptions, tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : ''): ArrayLike<Node> {
  if (node.nodeType !== 1) return node.childNodes;
  const el = node as Element;
  if (tag === 'IFRAME') {
    let doc: Document | null = null;
    try {
      doc = (el as HTMLIFrameElement).contentDocument; // null when cross-origin
    } catch {
      doc = null;
    }
    if (!doc?.body) return NONE;
    opts.onRoot?.(doc);
    return [doc.body];
  }
  // `shadowRoot` is null for closed roots: those stay unread.
  const shadow = el.shadowRoot;
  if (shadow) {
    opts.onRoot?.(shadow);
    return shadow.childNodes;
  }
  if (tag === 'SLOT' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  return el.childNodes;
}

/** How many nodes are visited between checks of the time budget. */
const CHECK_EVERY = 256;

/**
 * The page reader as a generator: it yields every few hundred nodes so a
 * caller can pause between frames (no long task on a big page). Draining it
 * at once is `readPage`.
 */
export function* readPageSteps(root: Node, opts: ReadOptions = {}): Generator<void, PageText, void> {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingBreak = false;
  let visited = 0;

  const breakBlock = () => {
    if (length > 0) pendingBreak = true;
  };
  const push = (node: Text) => {
    // Newlines inside one text node are layout, not paragraph breaks; replacing
    // them one-for-one with spaces keeps every offset exact.
    const raw = node.data;
    const data = raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0 ? raw : raw.replace(/[\n\r]/g, ' ');
    if (data.length === 0) return;
    if (pendingBreak) {
      parts.push(BLOCK_BREAK);
      length += BLOCK_BREAK.length;
      pendingBreak = false;
    }
    segments.push({ node, start: length, end: length + data.length });
    parts.push(data);
    length += data.length;
  };

  // Iterative walk so deeply nested pages cannot overflow the stack.
  const stack: { nodes: ArrayLike<Node>; i: number; block: boolean }[] = [
    { nodes: childrenOf(root, opts), i: 0, block: root.nodeType === 1 && isBlock(root as Element) },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.nodes.length) {
      stack.pop();
      if (stack.length > 0 && top.block) breakBlock();
      continue;
    }
    const node = top.nodes[top.i++]!;
    if (++visited % CHECK_EVERY === 0) yield;
    if (node.nodeType === 3) {
      push(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      // A skipped subtree is a hard boundary: no name may be read across text
      // the reader never sees ("P<script>…</script>alantir" is not "Palantir",
      // and a range over it would paint the script's text).
      // Upper-cased once per element: XHTML and SVG documents keep the source's case.
      const tag = el.tagName.toUpperCase();
      if (skipped(el, tag, opts)) {
        breakBlock();
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) breakBlock();
      const kids = childrenOf(el, opts, tag);
      if (kids.length > 0) stack.push({ nodes: kids, i: 0, block });
    }
  }
  return { text: parts.join(''), segments };
}

export function readPage(root: Node, opts: ReadOptions = {}): PageText {
  const steps = readPageSteps(root, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Index of the segment holding text offset `offset` (binary search), or -1. */
function segmentIndex(page: PageText, offset: number): number {
  let lo = 0;
  let hi = page.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = page.segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The segment holding text offset `offset` (binary search). */
export function segmentAt(page: PageText, offset: number): Segment | undefined {
  return page.segments[segmentIndex(page, offset)];
}

function makeRange(a: Segment, b: Segment, start: number, end: number): Range | null {
  if (a.node !== b.node && a.node.getRootNode() !== b.node.getRootNode()) return null;
  // The page may have shortened a node since it was read; a stale offset gets no range rather than a throw.
  if (start - a.start > a.node.length || end - b.start > b.node.length) return null;
  const range = a.node.ownerDocument.createRange();
  range.setStart(a.node, start - a.start);
  range.setEnd(b.node, end - b.start);
  return range;
}

/**
 * A DOM Range for text offsets [start, end), across inline elements. Null when
 * the span is not in text we read, or crosses a shadow or frame boundary (a
 * Range cannot). `doc` is kept for callers; the range is created in the
 * document that owns the text.
 */
export function rangeFor(page: PageText, start: number, end: number, _doc?: Document): Range | null {
  const a = segmentAt(page, start);
  const b = segmentAt(page, end - 1);
  return a && b ? makeRange(a, b, start, end) : null;
}

/**
 * `rangeFor` for spans that mostly come in reading order (findings are
 * sorted by start): a cursor walks forward from the last segment found, so a
 * page's worth of spans costs one pass over the segments instead of two
 * binary searches each. Out-of-order spans fall back to the search.
 */
export function rangeMaker(page: PageText): (start: number, end: number) => Range | null {
  const segs = page.segments;
  let at = 0;
  const find = (offset: number): number => {
    let i = at;
    const cur = segs[i];
    if (!cur || offset < cur.start) {
      i = segmentIndex(page, offset);
      if (i >= 0) at = i;
      return i;
    }
    while (i < segs.length && offset >= segs[i]!.end) i++;
    const s = segs[i];
    if (!s || offset < s.start) return -1; // in a block break between segments
    at = i;
    return i;
  };
  return (start, end) => {
    const ia = find(start);
    if (ia < 0) return null;
    const a = segs[ia]!;
    const b = end - 1 < a.end ? a : segs[find(end - 1)];
    at = ia; // the next span starts at or after this one
    return b ? makeRange(a, b, start, end) : null;
  };
}

const offsetMaps = new WeakMap<PageText, Map<Node, number>>();

/** The page-text offset of a DOM position, if it lies in text we read. */
export function offsetOf(page: PageText, node: Node, offset: number): number | undefined {
  let map = offsetMaps.get(page);
  if (!map) {
    map = new Map(page.segments.map((s) => [s.node, s.start]));
    offsetMaps.set(page, map);
  }
  const start = map.get(node);
  return start === undefined ? undefined : start + offset;
}
