// Node, honestly: the range package.json declares is the one every runtime dependency supports,
// so `npm ci` and an install of the package print no engine warning on any Node it admits.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import semver from 'semver';
import { REPO_ROOT } from '../support/run-cli.ts';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};
const declared = manifest.engines.node;

/**
 * The first release of each major line the declared range admits (20.19.0, 22.9.0, 24.0.0).
 * Node 22 starts at 22.9: the bitmap index's package (roaring) builds through node-gyp 12, which needs it.
 */
const LOWEST = ['20.19.0', '22.9.0', '24.0.0'];

test('the declared Node range is 20.19+, 22.9+ and 24, and nothing older', () => {
  for (const version of [...LOWEST, '20.20.2', '22.22.0', '24.11.0'])
    assert.ok(semver.satisfies(version, declared), `${version} in ${declared}`);
  for (const version of ['18.20.0', '20.18.0', '21.7.0', '22.8.0'])
    assert.ok(!semver.satisfies(version, declared), `${version} not in ${declared}`);
});

test('every runtime dependency supports the lowest release of each Node line we declare', () => {
  const unsupported: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location || entry.dev) continue;
    const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (!range) continue;
    for (const version of LOWEST)
      if (!semver.satisfies(version, range)) unsupported.push(`${location}@${entry.version} needs node ${range}, not ${version}`);
  }
  assert.deepEqual(unsupported, []);
});
