import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defaultClientConditions, defineConfig } from 'vite';
import { bundleBudget } from './build/bundle-budget.js';
import { i18nMessages } from './build/i18n-messages.js';
import { precompress } from './build/precompress.js';
import { firstScreenVendorChunk } from './build/vendor-chunk.js';

const API_TARGET = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig(({ command }) => ({
  plugins: [
    vue(),
    i18nMessages(fileURLToPath(new URL('./src/i18n/locales', import.meta.url)), {
      // What the login page (and App.vue, LanguageSwitch, the error texts with the API's) shows: German in the initial bundle,
      // every other namespace loads with the first page behind it (router/index.ts, meta.firstScreen).
      firstScreen: ['app', 'lang', 'header', 'common', 'duration', 'errors', 'apiErrors', 'login'],
    }),
    // Issue 13: at most 60 KB gzip before the first screen renders (53.8 KB when it was set).
    bundleBudget({ initialJsLimitKb: 60 }),
    precompress(),
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
          // Also registers <i18n-n>, <i18n-d> and v-t, which no page uses (about 1 KB); off, <i18n-t> would need
          // registering by hand and pages written against the global install would break only in the build.
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
    // Current browsers preload modules themselves; without the polyfill older ones (Safari < 17, Firefox < 115)
    // only fetch the vendor chunk when the entry asks for it instead of in parallel.
    modulePreload: { polyfill: false },
    // One style sheet, loaded with the entry: a page's own sheet was a request its chunk waited for, and with six
    // connections per host such requests queue (Lighthouse throttling: about one second of the first paint). All of
    // it is 5.3 KB gzip, arriving while the vendor chunk still downloads.
    cssCodeSplit: false,
    // The libraries of the first screen in one long-cached chunk; those only lazy pages use stay with them.
    rolldownOptions: { output: { codeSplitting: { groups: [firstScreenVendorChunk()] } } },
  },
}));
