// Reads a page's visible text in reading order, with block boundaries kept as
// blank lines so a match can never span two paragraphs, and an offset map
// from every character back to its DOM text node. The DOM is only read.

// Code blocks (<pre>) are skipped; inline <code> is read, because news sites
// often set contract numbers in it.
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'PRE', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
]);

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL', 'CAPTION',
]);

export interface Segment {
  node: Text;
  /** Offset of the node's first character in the page text. */
  start: number;
}

export interface PageText {
  text: string;
  segments: Segment[];
}

export const BLOCK_BREAK = '\n\n';

export interface ReadOptions {
  /** Elements whose subtree is never read (our own UI host). */
  exclude?: (el: Element) => boolean;
}

function skipped(el: Element, opts: ReadOptions): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.hasAttribute('hidden')) return true;
  // `contenteditable`, `contenteditable=""` and "plaintext-only" are all editable
  // (the attribute is ASCII case-insensitive); only "false" and invalid values are not.
  const editable = el.getAttribute('contenteditable')?.toLowerCase();
  if (editable === '' || editable === 'true' || editable === 'plaintext-only') return true;
  return opts.exclude?.(el) ?? false;
}

export function readPage(root: Node, opts: ReadOptions = {}): PageText {
  const parts: string[] = [];
  const segments: Segment[] = [];
  let length = 0;
  let pendingBreak = false;

  const breakBlock = () => {
    if (length > 0) pendingBreak = true;
  };
  const push = (node: Text) => {
    // Newlines inside one text node are layout, not paragraph breaks; replacing
    // them one-for-one with spaces keeps every offset exact.
    const data = node.data.replace(/[\n\r]/g, ' ');
    if (data.length === 0) return;
    if (pendingBreak) {
      parts.push(BLOCK_BREAK);
      length += BLOCK_BREAK.length;
      pendingBreak = false;
    }
    segments.push({ node, start: length });
    parts.push(data);
    length += data.length;
  };

  // Iterative walk so deeply nested pages cannot overflow the stack.
  let node: Node | null = root.firstChild;
  const stack: Node[] = [];
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      push(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (!skipped(el, opts)) {
        if (BLOCK.has(el.tagName.toUpperCase())) breakBlock();
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      stack.push(node);
      node = node.firstChild;
      continue;
    }
    while (node && !node.nextSibling) {
      const parent = stack.pop();
      if (!parent) {
        node = null;
        break;
      }
      if (parent.nodeType === 1 && BLOCK.has((parent as Element).tagName.toUpperCase())) breakBlock();
      node = parent;
    }
    node = node ? node.nextSibling : null;
  }
  return { text: parts.join(''), segments };
}

/** The segment holding text offset `offset` (binary search). */
export function segmentAt(page: PageText, offset: number): Segment | undefined {
  let lo = 0;
  let hi = page.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = page.segments[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.start + s.node.data.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** A DOM Range for text offsets [start, end), across inline elements. */
export function rangeFor(page: PageText, start: number, end: number, doc: Document): Range | null {
  const a = segmentAt(page, start);
  const b = segmentAt(page, end - 1);
  if (!a || !b) return null;
  const range = doc.createRange();
  range.setStart(a.node, start - a.start);
  range.setEnd(b.node, end - b.start);
  return range;
}

/** The page-text offset of a DOM position, if it lies in text we read. */
export function offsetOf(page: PageText, node: Node, offset: number): number | undefined {
  const seg = page.segments.find((s) => s.node === node);
  return seg ? seg.start + offset : undefined;
}
