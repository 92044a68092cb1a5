// Flat ESLint config. Layer boundaries (../shared/STYLE.md) are enforced with
// no-restricted-imports, generated per layer and per feature folder so that the rule
// a reader sees is the rule that runs: domain is pure, features never import each other,
// shared layers never import features, and only src/db touches Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync, existsSync } from 'node:fs';

const features = existsSync('src/features')
  ? readdirSync('src/features', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

const layer = (name) => [`**/${name}`, `**/${name}/**`, `../${name}`, `../${name}/**`];
const restrict = (groups, message, extraPaths = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: extraPaths.map((name) => ({ name, message })),
      patterns: groups.length ? [{ group: groups.flatMap(layer), message }] : [],
    },
  ],
});

const uiPackages = ['react', 'react-dom', 'react-chartjs-2', 'zustand', 'dexie-react-hooks'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'dev-dist'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setX(1)}` is the React idiom; a void result in an arrow shorthand is fine.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/no-danger': 'off',
      'no-restricted-properties': [
        'error',
        { property: 'dangerouslySetInnerHTML', message: 'Patient text is shown as text only.' },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict(
      ['db', 'interop', 'state', 'features', 'charts', 'app'],
      'src/domain is pure: no UI, storage or chart imports.',
      [...uiPackages, 'dexie', 'chart.js'],
    ),
  },
  {
    files: ['src/db/**'],
    rules: restrict(
      ['interop', 'sync', 'state', 'features', 'charts', 'app'],
      'src/db depends on src/domain only.',
      ['react-dom', 'react-chartjs-2', 'zustand', 'chart.js'],
    ),
  },
  {
    // Pure mapping between the app's records and FHIR, REDCap and CSV files. It reads record
    // types and pure checks from src/db, never the database: imports are written by the
    // backup's planner and importer in src/db/backup.
    files: ['src/interop/**'],
    rules: restrict(
      ['state', 'features', 'charts', 'components', 'app', 'db/db', 'db/write', 'db/hooks'],
      'src/interop maps files to and from records; it never touches the database or the UI.',
      [...uiPackages, 'dexie', 'chart.js'],
    ),
  },
  {
    // Replication: drives the database's sync side (src/db/sync-store.ts) and PouchDB. Never
    // the Dexie singleton or the UI.
    files: ['src/sync/**'],
    rules: restrict(
      ['state', 'features', 'charts', 'components', 'app', 'db/db', 'db/hooks'],
      'src/sync replicates through src/db/sync-store.ts; it never touches Dexie or the UI.',
      [...uiPackages, 'dexie', 'chart.js'],
    ),
  },
  {
    files: ['src/state/**'],
    rules: restrict(
      ['db', 'features', 'charts', 'app'],
      'src/state holds UI state only; it never reads the database.',
      ['dexie', 'dexie-react-hooks'],
    ),
  },
  {
    files: ['src/charts/**'],
    rules: restrict(
      ['db', 'state', 'features', 'app'],
      'Charts are built from pure data passed in.',
      ['dexie', 'dexie-react-hooks', 'zustand'],
    ),
  },
  {
    files: ['src/components/**'],
    rules: restrict(
      ['db', 'state', 'features', 'charts', 'app'],
      'Shared components are presentational: they take props built by the domain.',
      ['dexie', 'dexie-react-hooks', 'zustand'],
    ),
  },
  {
    files: ['src/app/**'],
    rules: restrict(
      ['db/db'],
      'src/app reaches the database through src/db hooks and repositories.',
      ['dexie'],
    ),
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/db talks to Dexie.' }],
          patterns: [
            {
              // Anchored to the features folder, so 'domain/course' is not the 'course' feature.
              group: features
                .filter((f) => f !== feature)
                .flatMap((f) => [
                  `**/features/${f}`,
                  `**/features/${f}/**`,
                  `../${f}`,
                  `../${f}/**`,
                ]),
              message:
                'Features do not import each other; share code through domain, db, state, charts or components.',
            },
            {
              group: [...layer('app'), ...layer('db/db')],
              message:
                'Features reach the database through src/db hooks and repositories, never the Dexie tables or the app shell.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: [
      '**/*.test.{ts,tsx}',
      'src/**/testing/**',
      'tests/**',
      'bench/**',
      'scripts/**',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
