// ESLint flat config: typescript-eslint's recommended rules for every layer, plus the
// layer boundaries of docs/architecture.md (shared/ imports nothing of ours or of Node).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', '*/electron/*', '*/renderer/*'],
              message: 'shared/ stays pure: no Node, Electron, React or app imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', '*/renderer/*'],
              message: 'server/ runs headless: no Electron or renderer imports.',
            },
          ],
        },
      ],
    },
  },
);
