// Our ::highlight rules for places the manifest's content.css does not reach
// (same-origin frames, open shadow roots). content.css holds the same rules
// for the top document; test/unit/content-highlight.test.ts keeps them in step.
export const HIGHLIGHT_CSS = `
::highlight(receipts-entity){background-color:rgba(255,214,90,.42);text-decoration:underline dotted 2px rgb(150,110,0);text-underline-offset:3px}
::highlight(receipts-entity-active){background-color:rgba(255,184,0,.75);text-decoration:underline solid 2px rgb(120,80,0)}
::highlight(receipts-loaded){text-decoration:underline wavy 1.5px rgb(176,48,96);text-underline-offset:4px}
::highlight(receipts-claim){text-decoration:underline double 2px rgb(37,99,235);text-underline-offset:4px}
::highlight(receipts-editor){background-color:rgba(255,214,90,.42);text-decoration:underline dotted 2px rgb(150,110,0);text-underline-offset:3px}
::highlight(receipts-flash){background-color:rgba(0,170,255,.45);text-decoration:underline solid 3px rgb(0,100,180)}
@media (prefers-color-scheme:dark){
::highlight(receipts-entity){background-color:rgba(255,214,90,.28);text-decoration-color:rgb(255,214,90)}
::highlight(receipts-loaded){text-decoration-color:rgb(255,140,180)}
::highlight(receipts-claim){text-decoration-color:rgb(140,180,255)}
::highlight(receipts-flash){background-color:rgba(0,170,255,.35);text-decoration-color:rgb(120,200,255)}
}
`;

/** Inline styles for the element fallback (no Highlight API): same looks, set as attributes of our own elements. */
export const FALLBACK_STYLE: Record<string, string> = {
  'receipts-entity': 'background-color:rgba(255,214,90,.42);text-decoration:underline dotted 2px rgb(150,110,0);text-underline-offset:3px;color:inherit',
  'receipts-entity-active': 'background-color:rgba(255,184,0,.75);text-decoration:underline solid 2px rgb(120,80,0);color:inherit',
  'receipts-loaded': 'text-decoration:underline wavy 1.5px rgb(176,48,96);text-underline-offset:4px;color:inherit',
  'receipts-claim': 'text-decoration:underline double 2px rgb(37,99,235);text-underline-offset:4px;color:inherit',
  'receipts-flash': 'background-color:rgba(0,170,255,.45);color:inherit',
};
