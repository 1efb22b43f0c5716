import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'web/**', 'e2e/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // Only the adapters may talk to Microsoft's libraries (house rule, SPEC §2).
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/adapters/microsoft/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@azure/msal-node', message: 'Only api/src/adapters/microsoft may import MSAL.' },
            {
              name: '@microsoft/microsoft-graph-client',
              message: 'Only api/src/adapters/microsoft may import the Graph client.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
