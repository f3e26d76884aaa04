// Generates the benchmark pages: a 200 KB news article and a 2 MB page (a
// long archive page with navigation, lists and tables), both original text
// assembled from fixed sentence templates by a seeded generator, with names
// from the padded dictionary and the shipped index mixed in at a news-like
// density. Deterministic: the same seed gives the same bytes.

const FILLER = [
  'Officials declined to say how many people the system had been used to identify.',
  'The spending records list the order as a modification of an earlier agreement.',
  'Several former employees described a culture in which schedules always slipped.',
  'A spokesperson said the department reviews every contract for compliance.',
  'Critics argued that the procurement was rushed and poorly documented.',
  'The documents, obtained through a records request, run to more than 300 pages.',
  'Budget analysts in the committee asked for a breakdown by fiscal year.',
  'The company did not respond to several requests for comment before publication.',
  'Independent auditors flagged gaps in how the data were retained and deleted.',
  'Lawmakers from both parties have asked for a briefing on the program.',
  'The pilot began in two field offices before it was expanded nationwide.',
  'Internal emails show staff debating whether the tool met its requirements.',
];

const TEMPLATES = [
  (v: string, a: string, n: number) => `${v} received a follow-on order worth $${n}.${n % 10} million from ${a} last year.`,
  (v: string, a: string) => `According to the award notice, ${a} chose ${v} without a competitive bidding process.`,
  (v: string, a: string, n: number) => `In ${2010 + (n % 15)}, ${v} protested the decision, and ${a} later reversed it.`,
  (v: string, a: string) => `The contract with ${v} covers software licences, hosting and support for ${a}.`,
];

const REAL = ['Palantir Technologies', 'U.S. Immigration and Customs Enforcement', 'ICE', 'Department of Homeland Security', 'GEO Group', 'Clearview AI', 'CBP', 'Booz Allen Hamilton'];
const AGENCIES = ['ICE', 'the Department of Homeland Security', 'U.S. Customs and Border Protection', 'the General Services Administration', 'the FBI'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraph(r: () => number, names: readonly string[]): string {
  const parts: string[] = [];
  const sentences = 3 + Math.floor(r() * 4);
  for (let i = 0; i < sentences; i++) {
    if (r() < 0.35) {
      const useReal = r() < 0.3;
      const v = useReal ? REAL[Math.floor(r() * REAL.length)]! : names[Math.floor(r() * names.length)]!;
      const a = AGENCIES[Math.floor(r() * AGENCIES.length)]!;
      const t = TEMPLATES[Math.floor(r() * TEMPLATES.length)]!;
      const s = escapeHtml(t(v, a, 1 + Math.floor(r() * 900)));
      // Some names are links or emphasis, as on real news pages.
      parts.push(r() < 0.2 ? s.replace(escapeHtml(v), `<a href="#v${Math.floor(r() * 1e6)}">${escapeHtml(v)}</a>`) : s);
    } else {
      parts.push(escapeHtml(FILLER[Math.floor(r() * FILLER.length)]!));
    }
  }
  return `<p>${parts.join(' ')}</p>`;
}

function shell(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n` +
    `<style>body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;line-height:1.6}nav a{margin-right:.5rem}td{padding:2px 6px}</style>\n` +
    `</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** A news article of about `bytes` bytes: headline, byline, paragraphs with subheads. */
export function article(bytes: number, names: readonly string[], seed = 1): string {
  const r = rng(seed);
  const out: string[] = ['<header><h1>How the agency bought its data tools</h1><p class="byline">By A. Reporter · Generated benchmark page</p></header><main><article>'];
  let size = 0;
  let n = 0;
  while (size < bytes - 400) {
    const p = n % 9 === 8 ? `<h2>Part ${n / 9 + 1}</h2>` : paragraph(r, names);
    out.push(p);
    size += p.length + 1;
    n++;
  }
  out.push('</article></main>');
  return shell('Benchmark article (200 KB)', out.join('\n'));
}

/** A long archive page of about `bytes` bytes: navigation, teaser lists, tables and article bodies. */
export function bigPage(bytes: number, names: readonly string[], seed = 2): string {
  const r = rng(seed);
  const out: string[] = ['<nav>' + Array.from({ length: 60 }, (_, i) => `<a href="#s${i}">Section ${i}</a>`).join('') + '</nav><main>'];
  let size = 0;
  let n = 0;
  while (size < bytes - 400) {
    let chunk: string;
    if (n % 7 === 3) {
      chunk = '<ul>' + Array.from({ length: 8 }, () => `<li>${paragraph(r, names).slice(3, -4)}</li>`).join('') + '</ul>';
    } else if (n % 7 === 5) {
      const rows = Array.from({ length: 10 }, (_, i) => `<tr><td>${escapeHtml(names[Math.floor(r() * names.length)]!)}</td><td>$${(r() * 90).toFixed(1)} million</td><td>FY${2013 + (i % 6)}</td></tr>`);
      chunk = `<table><tbody>${rows.join('')}</tbody></table>`;
    } else {
      chunk = `<section><h2>Story ${n}</h2>${paragraph(r, names)}${paragraph(r, names)}</section>`;
    }
    out.push(chunk);
    size += chunk.length + 1;
    n++;
  }
  out.push('</main>');
  return shell('Benchmark page (2 MB)', out.join('\n'));
}
