#!/usr/bin/env node
// The CLI runs the same TypeScript sources as the extension; tsx compiles them on load,
// so there is no separate CLI build that could drift from src/.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
