// Builds the server, CLI and worker into dist/ as JavaScript (npm run build:server; npm ci and
// npm pack run it). esbuild bundles our sources with the pure-JavaScript libraries that have
// hundreds of module files each (kysely, chrono-node, zod): loading one file instead of ~900
// is most of what makes `pactwatch check` start in well under a second. Everything else stays
// an ordinary dependency, loaded from node_modules: native code (better-sqlite3), and packages
// that read their own files at run time (the web server's static assets, language models).
//
// Two things keep the sources' view of the world true in the bundle:
// - Every entry and chunk is one folder deep (dist/cli/main.js, dist/io/..., dist/chunks/...),
//   and `import.meta.url` in a source file src/a/b.ts becomes the URL of dist/a/b.js, so a
//   path relative to a module (new URL('../../data/x.json', import.meta.url)) finds the same
//   file from dist/ as from src/ (import.meta.dirname and import.meta.filename likewise).
// - Files in src/ that are not TypeScript (data beside a module) are copied to the same place
//   in dist/.
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

/** Entry points: the CLI (which starts the server) and the worker threads it starts. */
const ENTRIES = ['src/cli/main.ts', 'src/io/record-reader-worker.ts', 'src/check/check-worker.ts', 'src/http/search-worker.ts'];

/**
 * Packages bundled into dist/, with whatever they import. Only pure JavaScript that reads no
 * files of its own; zod and fastify-type-provider-zod go together (they share zod's registry).
 */
const BUNDLED = new Set([
  'kysely',
  'chrono-node',
  'zod',
  'fastify-type-provider-zod',
  'commander',
  'csv-parse',
  'csv-stringify',
  'papaparse',
]);

const packageName = (specifier: string) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/** Bare imports from our sources stay imports unless the package is in BUNDLED. */
const dependencies: Plugin = {
  name: 'dependencies',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || !args.importer.startsWith(SRC)) return undefined;
      return BUNDLED.has(packageName(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` in src/a/b.ts means dist/a/b.js, wherever the bundle put its code. */
const moduleUrls: Plugin = {
  name: 'module-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (!args.path.startsWith(SRC)) return undefined;
      const source = await fs.promises.readFile(args.path, 'utf8');
      const compiled = path
        .relative(SRC, args.path)
        .split(path.sep)
        .join('/')
        .replace(/\.tsx?$/, '.js');
      const url = `new URL(${JSON.stringify(`../${compiled}`)}, import.meta.url)`;
      let contents = source.replaceAll('import.meta.url', `${url}.href`);
      if (/import\.meta\.(dirname|filename)/.test(contents))
        contents =
          "import { fileURLToPath as __pactwatchPath } from 'node:url';\n" +
          contents
            .replaceAll('import.meta.dirname', `__pactwatchPath(new URL('.', ${url})).replace(/[\\\\/]$/, '')`)
            .replaceAll('import.meta.filename', `__pactwatchPath(${url})`);
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

function copyAssets(dir: string): number {
  let copied = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copied += copyAssets(from);
    else if (!/\.tsx?$/.test(entry.name)) {
      const to = path.join(DIST, path.relative(SRC, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied++;
    }
  }
  return copied;
}

fs.rmSync(DIST, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outdir: DIST,
  outbase: SRC,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  metafile: true,
  logLevel: 'warning',
  plugins: [dependencies, moduleUrls],
  // The bundled CommonJS packages (commander, papaparse) call require() for Node's modules.
  banner: { js: "import { createRequire as __pactwatchRequire } from 'node:module'; const require = __pactwatchRequire(import.meta.url);" },
});
const outputs = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
const misplaced = outputs.filter((file) => path.relative(DIST, path.join(ROOT, file)).split(path.sep).length !== 2);
if (misplaced.length) throw new Error(`every output must be one folder deep in dist/ (module URLs depend on it): ${misplaced.join(', ')}`);
const assets = copyAssets(SRC);
const bytes = outputs.reduce((sum, file) => sum + fs.statSync(path.join(ROOT, file)).size, 0);
console.log(`dist/: ${outputs.length} JavaScript files, ${(bytes / 2 ** 20).toFixed(1)} MB${assets ? `, ${assets} data files` : ''}`);
