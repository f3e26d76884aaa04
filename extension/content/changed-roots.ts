// Which subtrees a batch of DOM mutations asks us to read again. Reading only
// these (not the page) keeps a live blog's every update cheap.
import { isBlock, isSkippedTag } from './read-page.ts';

/**
 * The subtrees to read again for a batch of mutations: an added element is
 * read on its own; added or changed text is read with its whole paragraph
 * (its nearest block), so context rules see the sentence. Removed content
 * needs no read: its findings' ranges collapse and are pruned in the merge,
 * but a paragraph that lost an inline piece is read again.
 */
export function changedRoots(records: readonly MutationRecord[], ours: (n: Node) => boolean): Node[] {
  const roots: Node[] = [];
  const add = (n: Node | null) => {
    if (n && !ours(n)) roots.push(n);
  };
  for (const r of records) {
    if (r.type === 'characterData') {
      if (r.target.parentNode) add(rescanRoot(r.target.parentNode));
      continue;
    }
    for (const n of r.addedNodes) {
      if (n.nodeType === 3) {
        if ((n as Text).data.trim().length > 0) add(rescanRoot(r.target));
      } else if (n.nodeType === 1 && !isSkippedTag(n as Element)) add(n);
    }
    const inlineRemoved = [...r.removedNodes].some((n) => n.nodeType === 3 || (n.nodeType === 1 && !isBlock(n as Element) && !isSkippedTag(n as Element)));
    if (inlineRemoved) {
      const root = rescanRoot(r.target);
      // A whole tree's root (body, a shadow root) would mean a full read; pruning is enough there.
      if (root.nodeType === 1 && (root as Element).tagName !== 'BODY') add(root);
    }
  }
  return roots;
}

/** The nearest block ancestor (so a rescan sees a whole paragraph), or the tree's root. */
function rescanRoot(node: Node): Node {
  for (let n: Node | null = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && isBlock(n as Element)) return n;
    if (n.nodeType === 11) return n; // a shadow root
  }
  return node;
}


/** Drops roots contained in another root (walking up from each root: linear in roots × depth). */
export function outermost(roots: Node[]): Node[] {
  const set = new Set(roots);
  return [...set].filter((r) => {
    for (let n: Node | null = parentAcross(r); n; n = parentAcross(n)) if (set.has(n)) return false;
    return true;
  });
}

/** The parent, stepping out of a shadow root to its host and out of a frame to its element. */
function parentAcross(n: Node): Node | null {
  if (n.parentNode) return n.parentNode;
  if (n.nodeType === 11 && (n as ShadowRoot).host) return (n as ShadowRoot).host;
  if (n.nodeType === 9) return ((n as Document).defaultView?.frameElement as Node | null | undefined) ?? null;
  return null;
}
