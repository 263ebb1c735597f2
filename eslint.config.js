import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The floor order of src/core, lowest first (docs/architecture.md draws it). A folder imports only from the
 * floors below it; folders on one floor do not import each other. An import that runs back up, or across a
 * floor, fails `npm run lint`. Only runtime/, the top, reads the wire contract in src/shared.
 */
export const CORE_FLOORS = [
  ['base', 'provisioning'],
  ['xml'],
  ['crypto', 'http'],
  ['idp', 'sp'],
  ['sites'],
  ['flows', 'vendors'],
  ['host', 'workspace', 'trace'],
  ['diagnose', 'demo'],
  ['scenarios'],
  ['runs', 'attacks'],
  ['runtime'],
];
const below = (layer) =>
  CORE_FLOORS.slice(
    0,
    CORE_FLOORS.findIndex((floor) => floor.includes(layer)),
  ).flat();

const floorOrder = {
  files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { typescript: { alwaysTryTypes: true } },
    'boundaries/elements': [...CORE_FLOORS.flat().map((layer) => ({ type: layer, pattern: `src/core/${layer}` })), { type: 'shared', pattern: 'src/shared' }],
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          ...CORE_FLOORS.flat().map((layer) => ({
            from: { element: { type: layer } },
            allow: { to: { element: { types: { anyOf: [layer, ...below(layer), ...(layer === 'runtime' ? ['shared'] : [])] } } } },
          })),
          // The wire contract hands on the core's types and schemas; it is read by the runtime, never reads it.
          { from: { element: { type: 'shared' } }, allow: { to: { element: { types: { anyOf: ['shared', ...below('runtime')] } } } } },
        ],
      },
    ],
  },
};

/** The design's layering, enforced: the core runs without Electron, React or the DOM. */
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['electron', 'react', 'react-dom', 'zustand'], message: 'src/core must not depend on Electron, React or UI state.' },
          { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'src/core must not import from the app or the CLI.' },
        ],
      },
    ],
    'no-restricted-globals': ['error', 'window', 'document'],
  },
};

const rendererBoundary = {
  files: ['src/renderer/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['node:*', 'fs', 'path', 'child_process', 'crypto', 'http', 'net', 'os', '**/core/**'], message: 'The renderer talks to the core only through the API in src/shared.' }] },
    ],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/artifacts/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  coreBoundary,
  floorOrder,
  rendererBoundary,
  { files: ['src/renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // electron-builder loads its configuration and hooks as CommonJS.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
