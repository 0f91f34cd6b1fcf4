// Lint rules: ESLint's and typescript-eslint's recommended sets for the TypeScript, and
// eslint-plugin-astro's for the .astro components.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
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
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
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
    // Scripts that run in the reader's browser.
    files: ['docs/**/*.astro', 'docs/**/client*.ts', 'docs/**/*-element.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
