import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { resolve, sep } from 'node:path';

// One config, three targets, chosen by `mode` (scripts/build.ts runs each):
// - `content` and `background` are single self-contained IIFE files. A content
//   script cannot import chunks without exposing them through
//   web_accessible_resources, and Firefox's background.scripts are classic
//   scripts, so both are bundled whole.
// - `pages` are the extension's own HTML pages (options, review, side panel),
//   ordinary ES-module pages that may share chunks.
const root = import.meta.dirname;
const outDir = process.env.RECEIPTS_OUT ?? resolve(root, 'dist/chrome');

// Preact's renderer carries one `dom.innerHTML = props.dangerouslySetInnerHTML.__html`
// write. Receipts never uses dangerouslySetInnerHTML (all our UI is JSX text and
// attributes), but the write is still bundled, and Firefox's add-on linter
// (web-ext lint / AMO review) rightly flags it as an unsanitised innerHTML
// assignment. Preact has no build flag or alternative entry without it, so we
// remove the capability at bundle time: the write becomes a throw. If a later
// Preact changes that code, the build fails here rather than shipping the
// write (or silently patching nothing).
function preactWithoutInnerHtml(): Plugin {
  const target = `${sep}node_modules${sep}preact${sep}dist${sep}preact.mjs`;
  const write = /\b([\w$]+)\.innerHTML=([\w$]+)\.__html\b/g;
  return {
    name: 'receipts:preact-without-innerhtml',
    enforce: 'pre',
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith(target)) return null;
      const hits = code.match(write)?.length ?? 0;
      if (hits !== 1) {
        this.error(`expected exactly one dangerouslySetInnerHTML write in ${id}, found ${hits}; update preactWithoutInnerHtml()`);
      }
      const out = code.replace(write, '(()=>{throw Error("Receipts: dangerouslySetInnerHTML is not supported")})()');
      if (/\.innerHTML\s*=[^=]/.test(out)) this.error(`an innerHTML write is left in ${id}`);
      return { code: out, map: null };
    },
  };
}

const shared: UserConfig = {
  root,
  plugins: [preactWithoutInnerHtml()],
  publicDir: false,
  logLevel: 'warn',
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
    // Only test builds set this (see extension/background/build-overrides.ts).
    __RECEIPTS_TEST_OVERRIDES__: process.env.RECEIPTS_TEST_OVERRIDES ? JSON.stringify(process.env.RECEIPTS_TEST_OVERRIDES) : 'undefined',
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
};

function script(entry: string, name: string): UserConfig {
  return {
    ...shared,
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: { entry: resolve(root, entry), formats: ['iife'], name: `receipts_${name}`, fileName: () => `${name}.js` },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'content') return script('extension/content/main.ts', 'content');
  if (mode === 'background') return script('extension/background/main.ts', 'background');
  return {
    ...shared,
    base: './',
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: {
          options: resolve(root, 'extension/ui/options/index.html'),
          sidepanel: resolve(root, 'extension/ui/sidepanel/index.html'),
          review: resolve(root, 'extension/ui/review/index.html'),
        },
      },
    },
  };
});
