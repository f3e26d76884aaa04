// `receipts` command line: the same src/ engine as the extension, for
// newsroom staff who review drafts outside the browser.
import { annotate } from '../report/annotate.ts';
import { openIndex, IndexLoadError } from './load-index.ts';
import { readInput } from './input.ts';
import { textReport } from './text-report.ts';

const USAGE = `Usage:
  receipts annotate <file.txt|file.html|-> [--json] [--index <dir>]
      Report the mentions, entities and records in a text or HTML page.
  receipts index build --out <dir> [--strict] [--created YYYY-MM-DD] <inputs…>
      Build a contract index snapshot from USAspending exports, API JSON and curated files.
  receipts index verify <dir>
      Check a snapshot against its manifest.
`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
}

async function annotateCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const rest = args.filter((a) => a !== '--json');
  const indexDir = option(rest, '--index');
  const [file] = rest;
  if (!file || rest.length !== 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const input = await readInput(file);
  const engine = await openIndex(indexDir);
  const report = await annotate(input.text, engine, input.file ? { file: input.file } : undefined);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : textReport(report));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    if (cmd === 'annotate') return await annotateCommand(args);
    if (cmd === 'index') {
      const { runIndexCommand } = await import('../index/cli.ts');
      return await runIndexCommand(args);
    }
    process.stderr.write(USAGE);
    return cmd === '--help' || cmd === '-h' ? 0 : 2;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof IndexLoadError) process.stderr.write(`receipts: ${e.message}\n`);
    else if (e.code === 'ENOENT') process.stderr.write(`receipts: no such file: ${e.path}\n`);
    else process.stderr.write(`receipts: ${e.message ?? String(err)}\n`);
    return 1;
  }
}
