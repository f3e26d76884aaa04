// Turns what an editor pastes or drops into the text Receipts reads. HTML is
// parsed with DOMParser into an inert document (scripts never run, nothing is
// fetched, nothing enters our live page) and read by the content script's own
// page reader, as the CLI does under jsdom, so offsets agree with both.
import { readPage } from '../../content/read-page.ts';
import { fileText as textOfFile } from '../../../src/text/input-file.ts';

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return readPage(doc.body).text;
}

/** A .txt or .md file as is (without a byte-order mark), an .html file as its visible text. */
export function fileText(name: string, content: string): string {
  return textOfFile(name, content, htmlToText);
}

export const ACCEPTED = ['.txt', '.md', '.markdown', '.html', '.htm'];

export function accepted(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED.some((ext) => lower.endsWith(ext));
}
