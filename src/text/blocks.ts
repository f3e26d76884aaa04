// Blocks are paragraphs: a mention, a context window or a hyphenation join
// never crosses a blank line. Extractors join paragraphs with "\n\n".

export interface Block {
  start: number;
  end: number;
}

// A blank line (possibly holding spaces) or a Unicode paragraph separator.
const BOUNDARY = /\r?\n[ \t\u00A0\r]*\n|\u2029/g;

export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    if (m.index > from) blocks.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (text.length > from) blocks.push({ start: from, end: text.length });
  return blocks;
}
