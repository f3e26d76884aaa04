// Saves an export as a file. A Blob URL made by our own page, revoked after
// the click, so nothing is uploaded and nothing outlives the download.
export function saveFile(name: string, body: string, type: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `receipts-<host or file>-<date>.<ext>`, with only safe filename characters. */
export function exportName(source: string, generated: string, ext: string): string {
  let base = source;
  try {
    base = new URL(source).hostname;
  } catch {
    base = source.split(/[\\/]/).pop() ?? '';
  }
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `receipts-${clean ? `${clean}-` : ''}${generated.slice(0, 10)}.${ext}`;
}
