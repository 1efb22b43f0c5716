import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['client/src/generated/**', '**/dist/**', '**/node_modules/**', '**/.data/**', 'coverage/**'] },
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
    // CommonJS on purpose: the server bundle's entry (a classic script, for V8's code cache on Node 20).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
  {
    // Adapters talk to the outside world and are used by modules, never the other way round (house rule): what an
    // adapter needs to know about a failure or an account is defined in the adapter.
    files: ['api/src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/**'],
              message: 'Adapters never import modules; move the shared piece into the adapter.',
            },
            { group: ['**/jobs/**', '**/services.js', '**/app.js'], message: 'Adapters never import the app wiring.' },
          ],
        },
      ],
    },
  },
  ...pluginVue.configs['flat/recommended'],
  {
    // The web portal runs in the browser; its single-file components use TypeScript in <script setup>.
    files: ['web/src/**/*.{ts,vue}'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
    rules: {
      // Route views and base components are named by folder and prefix (LoginView, BaseButton); App is the root.
      'vue/multi-word-component-names': ['error', { ignores: ['App'] }],
      'vue/require-default-prop': 'off',
    },
  },
  prettier,
);
