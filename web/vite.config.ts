import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';
import { bundleBudget } from './build/bundle-budget.js';
import { i18nMessages } from './build/i18n-messages.js';

const API_TARGET = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig(({ command }) => ({
  plugins: [
    vue(),
    i18nMessages(fileURLToPath(new URL('./src/i18n/locales', import.meta.url))),
    bundleBudget({ initialJsLimitKb: 100 }),
  ],
  resolve: {
    // `@ecm365/shared` from its TypeScript sources (its `@ecm365/source` export); only types and a few pure
    // helpers are imported, and the package is side-effect free, so the schema library stays out of the bundle.
    conditions: ['@ecm365/source', ...defaultClientConditions],
    alias: { 'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js' },
  },
  define:
    command === 'build'
      ? {
          // Messages are compiled at build time (build/i18n-messages.ts); CSP forbids eval anyway.
          __INTLIFY_DROP_MESSAGE_COMPILER__: true,
          __VUE_I18N_LEGACY_API__: false,
          __VUE_I18N_FULL_INSTALL__: true,
          __INTLIFY_PROD_DEVTOOLS__: false,
          __VUE_OPTIONS_API__: false,
          __VUE_PROD_DEVTOOLS__: false,
          __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
        }
      : {},
  server: {
    port: 5173,
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
  build: {
    target: 'es2022',
    // The API serves web/dist; the size report above replaces Vite's own warning.
    chunkSizeWarningLimit: 200,
    // Libraries in one long-cached chunk, named for what it is.
    rolldownOptions: { output: { advancedChunks: { groups: [{ name: 'vendor', test: /node_modules/ }] } } },
  },
}));
