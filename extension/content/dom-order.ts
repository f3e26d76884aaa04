// Document order across open shadow roots and same-origin frames, which
// Range.compareBoundaryPoints cannot compare (it throws across trees).

/** The node's ancestors' "anchors", outermost tree first: a shadow host or frame element stands for its inner tree. */
function chain(node: Node): Node[] {
  const out: Node[] = [node];
  let n: Node = node;
  for (;;) {
    const root = n.getRootNode();
    let up: Node | null = null;
    if (root.nodeType === 11 && (root as ShadowRoot).host) up = (root as ShadowRoot).host;
    else if (root.nodeType === 9) up = ((root as Document).defaultView?.frameElement as Node | null | undefined) ?? null;
    if (!up) break;
    out.push(up);
    n = up;
  }
  return out.reverse();
}

/** Negative when (a, ao) comes before (b, bo) in reading order. */
export function comparePoints(a: Node, ao: number, b: Node, bo: number): number {
  if (a === b) return ao - bo;
  const ca = chain(a);
  const cb = chain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]!;
    const y = cb[i]!;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & Node.DOCUMENT_POSITION_DISCONNECTED) return 0;
    // A container comes before what it contains.
    if (pos & Node.DOCUMENT_POSITION_CONTAINED_BY) return -1;
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) return 1;
    return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  }
  return ca.length - cb.length;
}

export function compareRanges(a: Range, b: Range): number {
  return comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
}

/** True if `node` is `root` or inside it, also through open shadow roots and frames below `root`. */
export function composedContains(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    if (root === n || root.contains(n)) return true;
    const r = n.getRootNode();
    if (r.nodeType === 11 && (r as ShadowRoot).host) n = (r as ShadowRoot).host;
    else if (r.nodeType === 9) n = ((r as Document).defaultView?.frameElement as Node | null | undefined) ?? null;
    else n = null;
  }
  return false;
}

/** True if the node is still in a document (also inside a shadow tree of a connected host). */
export function attached(node: Node): boolean {
  return node.isConnected;
}
