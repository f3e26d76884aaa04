export { citeRecord, cslJson, type CiteStyle, type CiteLang } from './cite.ts';
export { citedSource, type CitedSource } from './source.ts';
