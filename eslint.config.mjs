// Lint rules: ESLint's and typescript-eslint's recommended sets for the TypeScript, and
// eslint-plugin-astro's for the .astro components; no import cycles anywhere; and the site may use
// the scripts only through their public face, scripts/site-surface.ts.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.astro/',
      '.cache/',
      'test-results/',
      'snippets/',
      'test/fixtures/',
      'scripts/scaffold/templates/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left unused on purpose (a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Two modules that import each other, directly or through others, are one concern split in two.
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The site sees the scripts through one module only, so the engine can change without touching it.
    files: ['docs/**/*.ts', 'docs/**/*.astro', 'docs/**/*.mjs', 'astro.config.mjs'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts/**', '!**/scripts/site-surface.ts'],
              message: 'The site imports the scripts through scripts/site-surface.ts only; export what it needs from there.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scripts that run in the reader's browser.
    files: ['docs/**/*.astro', 'docs/**/client*.ts', 'docs/**/*-element.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
