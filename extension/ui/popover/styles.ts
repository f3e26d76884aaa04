// Styles live inside our shadow root. `all: initial` on the container cuts
// inheritance from the page, so a hostile page stylesheet cannot restyle us.
// Colours are chosen for WCAG AA contrast in light and dark schemes.
export const POPOVER_CSS = `
:host { all: initial !important; }
.root { all: initial; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.landmark { position: fixed; z-index: 2147483647; right: 16px; bottom: 16px; z-index: 2147483647; font: 600 13px/1 system-ui, sans-serif;
  background: #1d3557; color: #fff; border: 2px solid #fff; border-radius: 18px; padding: 9px 14px; cursor: pointer;
  box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.landmark:focus-visible { outline: 3px solid #ffb703; outline-offset: 2px; }
.popover { position: relative; width: min(420px, calc(100vw - 24px)); max-height: min(70vh, 560px);
  display: flex; flex-direction: column; background: #fff; color: #1b1b1b; border: 1px solid #8d99ae; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.28); overflow: hidden; }
.popover-wrap { z-index: 2147483647; }
.popover:focus { outline: 3px solid #ffb703; }
.bar { display: flex; align-items: baseline; gap: 8px; padding: 10px 12px; background: #1d3557; color: #fff; }
.bar h2 { margin: 0; font-size: 16px; font-weight: 700; flex: 1; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: #e0e6ef; }
.close { background: transparent; color: #fff; border: 0; font-size: 20px; cursor: pointer; line-height: 1; }
.body { padding: 10px 12px; overflow: auto; }
.body h3 { font-size: 13px; margin: 10px 0 4px; color: #1d3557; }
.tier { display: inline-block; font-size: 11px; padding: 1px 6px; border-radius: 8px; border: 1px solid; }
.tier-primary { color: #0b5d1e; border-color: #0b5d1e; background: #e9f7ec; }
.tier-reported { color: #7a3e00; border-color: #7a3e00; background: #fff3e0; }
.award { border-top: 1px solid #d6dbe3; padding: 8px 0; }
.award-head { display: flex; justify-content: space-between; gap: 6px; font-weight: 600; }
.award-meta, .note, .age, .parent { color: #4a4f57; font-size: 12px; margin: 2px 0; }
.desc { margin: 4px 0; }
dl { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 10px; margin: 6px 0; font-size: 12.5px; }
dt { color: #4a4f57; } dd { margin: 0; font-variant-numeric: tabular-nums; text-align: right; overflow-wrap: anywhere; }
.ids dd { text-align: left; }
.ids { grid-template-columns: max-content minmax(0, 1fr); }
.comp-sentence { font-weight: 600; margin: 4px 0; }
.codes, .mods { margin: 2px 0 2px 16px; padding: 0; font-size: 12px; color: #33373d; }
.links a, .ids a { color: #0a4a9e; margin-right: 10px; }
.none { font-style: italic; }
.error { color: #a4161a; }
.url { color: #4a4f57; font-size: 11px; word-break: break-all; }
.why, .cite { margin-top: 8px; font-size: 12.5px; }
.body h4, .body h3.sub { font-size: 12px; margin: 8px 0 2px; color: #33373d; }
.on-page { font-weight: 400; color: #4a4f57; }
.cite-style { border: 0; padding: 0; margin: 6px 0 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.cite-style legend { padding: 0; margin-bottom: 2px; }
.cite-copy { font: inherit; color: #1b1b1b; background: #fff; border: 1px solid #6b7588; border-radius: 6px; padding: 2px 6px; }
.cite-copy { cursor: pointer; margin-top: 4px; }
.cite-text { margin: 6px 0; padding: 6px 8px; background: #f4f6f9; border-radius: 6px; user-select: text; overflow-wrap: anywhere; white-space: pre-wrap; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
p.cite-text { font: inherit; font-size: 12.5px; }
.cite-status { min-height: 1em; margin: 4px 0 0; font-size: 12px; color: #4a4f57; }
.loaded ul, .claims ul { list-style: none; margin: 0; padding: 0; }
.loaded-item, .claim-item { border-top: 1px solid #d6dbe3; padding: 6px 0; }
.loaded-item p, .claim-item p { margin: 2px 0; }
.claim-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.claims .facts { list-style: disc; margin: 0 0 0 16px; font-size: 12.5px; }
.verdict { font-weight: 600; }
.verdict-consistent { color: #0b5d1e; } .verdict-differs { color: #8a3b00; } .verdict-not_in_record { color: #33373d; }
summary { cursor: pointer; }
.nav { display: flex; justify-content: space-between; align-items: center; padding: 6px 12px; border-top: 1px solid #d6dbe3; background: #f4f6f9; }
.nav button { font: inherit; background: #fff; color: #1d3557; border: 1px solid #8d99ae; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #ffb703; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .root, .popover { color: #eceff4; }
  .popover { background: #1f2430; border-color: #5c667a; }
  .award-meta, .note, .age, .parent, dt, .url { color: #b8c0cc; }
  .body h3 { color: #9cc3ff; }
  .codes, .mods { color: #d8dee9; }
  .links a, .ids a { color: #9cc3ff; }
  .tier-primary { color: #9be3ad; border-color: #9be3ad; background: #14301d; }
  .tier-reported { color: #ffc98a; border-color: #ffc98a; background: #3a2610; }
  .nav { background: #171b24; border-color: #3b4252; }
  .nav button { background: #2a3140; color: #eceff4; border-color: #5c667a; }
  .award { border-color: #3b4252; }
  .error { color: #ff8a8a; }
  .body h4, .body h3.sub, .on-page, .cite-status { color: #c9d1dc; }
  .cite-copy { background: #2a3140; color: #eceff4; border-color: #8d99ae; }
  .cite-text { background: #171b24; color: #eceff4; }
  .loaded-item, .claim-item { border-color: #3b4252; }
  .verdict-consistent { color: #9be3ad; } .verdict-differs { color: #ffc98a; } .verdict-not_in_record { color: #d8dee9; }
  .close:focus-visible { outline-color: #ffb703; }
}
`;
