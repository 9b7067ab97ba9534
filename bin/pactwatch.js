#!/usr/bin/env node
// The `pactwatch` command. It runs the compiled JavaScript in dist/, which `npm run build`
// writes (npm ci and npm pack run it). `--version` answers from package.json before anything
// else loads.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const compiled = new URL('../dist/cli/main.js', import.meta.url);
  let main;
  if (existsSync(compiled)) ({ main } = await import(compiled.href));
  else {
    // A checkout that was never built: run the sources through tsx, a development dependency.
    process.stderr.write('pactwatch: no compiled code in dist/ (npm run build); running the TypeScript sources\n');
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../src/cli/main.ts'));
  }
  process.exitCode = await main(process.argv);
}
