import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  rendererBoundary,
  { files: ['src/renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // electron-builder loads its configuration and hooks as CommonJS.
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
