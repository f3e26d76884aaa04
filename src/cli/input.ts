// Reads the CLI's input: a .txt file as is, an .html file as its visible text
// (read by the same reader the content script uses, so offsets agree with
// the extension), or standard input.
import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { readPage } from '../../extension/content/read-page.ts';
import { fileText } from '../text/input-file.ts';

export interface Input {
  text: string;
  file?: string;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function htmlToText(html: string): string {
  const dom = new JSDOM(html);
  return readPage(dom.window.document.body).text;
}

export async function readInput(arg: string): Promise<Input> {
  const content = arg === '-' ? await readStdin() : await readFile(arg, 'utf8');
  const text = fileText(arg, content, htmlToText);
  return arg === '-' ? { text } : { text, file: arg };
}
