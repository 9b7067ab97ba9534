// Lint rules, including the architecture: the domain does no I/O and imports no outer layer;
// outer layers depend inward only.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group].flat(), message })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'var/', 'bench/out/', 'dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/domain/**'],
    [
      '**/store/**',
      '**/http/**',
      '**/cli/**',
      '**/io/**',
      '**/check/check-*',
      '**/tracking/**',
      'node:fs',
      'node:net',
      'node:http',
      'pg',
      'better-sqlite3',
      'kysely',
    ],
    'src/domain is the pure centre: no I/O and no imports from outer layers.',
  ),
  layer(['src/store/**'], ['**/http/**', '**/cli/**'], 'storage must not depend on the HTTP or CLI edges.'),
  layer(
    ['src/io/**', 'src/tracking/**', 'src/check/**'],
    ['**/http/**', '**/cli/**'],
    'services must not depend on the HTTP or CLI edges.',
  ),
  layer(['src/http/**'], ['**/cli/**'], 'the HTTP layer must not depend on the CLI.'),
  layer(
    ['web/src/**'],
    // ClaimReview rendering is pure (no I/O): the checker page builds its export with it.
    ['**/store/**', '**/http/**', '**/cli/**', ['**/io/**', '!**/io/claimreview.ts']],
    'the web app talks to the server only through the HTTP API.',
  ),
);
