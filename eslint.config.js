// Lint: typescript-eslint's recommended rules, React hooks rules for the web app, and the layer
// rules of docs/ARCHITECTURE.md as restricted imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];
// Packages that belong to one layer only: the database drivers and ORM (src/db), the HTTP server
// (src/server), the command line (src/cli) and React (web).
const DB_PACKAGES = ['drizzle-orm*', '@electric-sql/*', 'pg'];
const SERVER_PACKAGES = ['fastify*', '@fastify/*'];
const CLI_PACKAGES = ['commander'];
const WEB_PACKAGES = ['react*', '@tanstack/*', 'maplibre-gl'];

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
        ['node:*', '**/db/**', '**/server/**', '**/cli/**', '**/web/**', ...DB_PACKAGES, ...SERVER_PACKAGES, ...CLI_PACKAGES, ...WEB_PACKAGES],
        'src/contract holds zod schemas only; it may use src/core values.',
      ),
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(
        ['**/server/**', '**/cli/**', '**/web/**', '**/contract/**', ...SERVER_PACKAGES, ...CLI_PACKAGES, ...WEB_PACKAGES],
        'src/db sits below the server and the CLI and knows only src/core.',
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': layer(['**/cli/**', '**/web/**', ...CLI_PACKAGES, ...WEB_PACKAGES], 'src/server does not import the CLI or the web app.'),
    },
  },
  {
    // Routes reach data through services: no repositories, no schema, no ORM.
    files: ['src/server/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/cli/**', '**/web/**', ...CLI_PACKAGES, ...WEB_PACKAGES], message: 'src/server does not import the CLI or the web app.' },
            { group: ['**/db/repositories/**', '**/db/schema*', ...DB_PACKAGES], message: 'Routes reach data through services, not repositories.' },
            { group: ['**/db/index.ts'], importNames: ['repositories', 'Repositories'], message: 'Routes reach data through services, not repositories.' },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='repos']", message: 'Routes reach data through services, not repositories.' }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    // Tests may look at the database directly to check what a command did.
    ignores: ['src/cli/**/*.test.ts', 'src/cli/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/web/**', ...WEB_PACKAGES], message: 'The CLI does not import the web app.' },
            {
              group: ['**/db/repositories/**', '**/db/schema*', ...DB_PACKAGES],
              message: 'The CLI uses src/db only to open the database; data goes through the services of src/server.',
            },
            {
              group: ['**/db/index.ts'],
              importNames: ['repositories', 'Repositories'],
              message: 'The CLI uses src/db only to open the database; data goes through the services of src/server.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='repos'], MemberExpression[object.name='svc'][property.name='write']", message: 'The CLI reaches data through the services of src/server, not their repositories or writer.' },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': layer(
        ['node:*', '**/src/db/**', '**/src/server/**', '**/src/cli/**', ...DB_PACKAGES, ...SERVER_PACKAGES, ...CLI_PACKAGES],
        'The web app imports src/core and src/contract only, and talks to the server through the API.',
      ),
    },
  },
);
