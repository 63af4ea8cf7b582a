// Lint keeps the processes apart (STYLE.md): renderer code cannot import Electron or Node,
// main cannot import React, and the contract imports neither.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'Only main/ and preload/ may use Electron.' },
    { group: ['node:*'], message: 'Renderer code runs in a sandboxed page: no Node built-ins.' },
    { group: ['better-sqlite3', 'hono', 'hono/*', '@hono/*'], message: 'Only main/ owns the store and the server.' },
    { group: ['**/main/**'], message: 'Reach main only through the contract (preload/contract).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false, project: null } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...nodeOnly.patterns, { group: ['react', 'react-dom', 'react/*'], message: 'The contract is plain data and schemas.' }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'react-i18next'], message: 'main/ never renders UI.' },
            { group: ['**/renderer/**'], message: 'main/ does not import renderer code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/identity/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The identity service runs in plain Node: no Electron.' },
            { group: ['react', 'react-dom', 'react/*', 'zustand'], message: 'main/ never renders UI.' },
          ],
        },
      ],
    },
  },
);
