// Lint: typescript-eslint's recommended rules, React hooks rules for the web app, and the layer
// rules of docs/ARCHITECTURE.md as restricted imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'test-results/', 'playwright-report/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(
        ['node:*', '**/db/**', '**/server/**', '**/cli/**', '**/contract/**', '**/web/**', 'drizzle-orm*', 'fastify*', 'pg', 'react*'],
        'src/core is pure: no IO, no node:*, no db/server/cli/contract/web.',
      ),
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core takes its inputs as arguments.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Take the time as an argument.' }],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        ['node:*', '**/db/**', '**/server/**', '**/cli/**', '**/web/**'],
        'src/contract holds zod schemas only; it may use src/core values.',
      ),
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(['**/server/**', '**/cli/**', '**/web/**'], 'src/db sits below the server and the CLI.'),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(['**/cli/**', '**/web/**'], 'src/server does not import the CLI or the web app.'),
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layer(
        ['node:*', '**/src/db/**', '**/src/server/**', '**/src/cli/**'],
        'The web app talks to the API through src/contract only.',
      ),
    },
  },
);
