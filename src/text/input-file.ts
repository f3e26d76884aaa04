// What a file holds, as the text Receipts reads: an HTML page as its visible
// text, anything else as is (without a byte-order mark). Shared by the CLI
// (which reads HTML under jsdom) and the review page (DOMParser), so a draft
// reads the same in both; each passes its own HTML reader.

export function looksLikeHtml(name: string, content: string): boolean {
  return /\.x?html?$/i.test(name) || /^\s*(<!doctype html|<html[\s>])/i.test(content);
}

export function fileText(name: string, content: string, htmlToText: (html: string) => string): string {
  return looksLikeHtml(name, content) ? htmlToText(content) : content.replace(/^\uFEFF/, '');
}
