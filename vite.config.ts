import { defineConfig, type UserConfig } from 'vite';
import { resolve } from 'node:path';

// One config, three targets, chosen by `mode` (scripts/build.ts runs each):
// - `content` and `background` are single self-contained IIFE files. A content
//   script cannot import chunks without exposing them through
//   web_accessible_resources, and Firefox's background.scripts are classic
//   scripts, so both are bundled whole.
// - `pages` are the extension's own HTML pages (options, review, side panel),
//   ordinary ES-module pages that may share chunks.
const root = import.meta.dirname;
const outDir = process.env.RECEIPTS_OUT ?? resolve(root, 'dist/chrome');

const shared: UserConfig = {
  root,
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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
        },
      },
    },
  };
});
