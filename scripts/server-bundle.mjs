// The server as one file, shared by `pnpm build` (scripts/build.mjs) and its test (api/test/server-bundle.test.ts).
//
// Why: a warm `pnpm start` spent about 1.7 s of its first 2 s resolving, opening and compiling some 2,000 module
// files one by one (`pnpm bench start`, CPU profile: wrapSafe, compileSourceTextModule, internalModuleStat,
// openFileHandle). Node 20 has no module compile cache, so one file is the remedy that is left.
//
// It is bundled from the TypeScript sources with the `@ecm365/source` condition, the way tsx runs them in the
// test suite and in `pnpm start` without a build: esbuild transpiles both, so the bundle runs the code the tests ran.
import path from 'node:path';

/**
 * Packages that find files beside their own module at run time, so they must stay where they are installed:
 * PGlite its WASM and data files (`new URL('./pglite.wasm', import.meta.url)`), pino the worker file of its
 * transports (and pino-pretty with it, which shares its internals), swagger-ui the assets it serves.
 */
const LOADED_FROM_NODE_MODULES = ['@electric-sql/pglite', 'pino', 'pino-pretty', '@fastify/swagger-ui'];

/**
 * Where the bundle goes: two folders below api/, as deep as api/dist/http/spa.js and api/dist/support/build-info.js,
 * so that their paths relative to `import.meta.url` (../../../web/dist, ../build-info.json) hold in the bundle too.
 */
export const SERVER_BUNDLE = path.join('api', 'dist', 'bundle', 'server.mjs');

/** Bundles api/src/main.ts into `outfile` (absolute, or relative to `root`). Answers esbuild's result. */
export async function bundleServer(root, outfile = SERVER_BUNDLE) {
  // Loaded here: start.mjs imports this file for SERVER_BUNDLE alone.
  const { build } = await import('esbuild');
  return build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'api', 'src', 'main.ts')],
    outfile: path.resolve(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@ecm365/source'],
    external: LOADED_FROM_NODE_MODULES,
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
    },
    // Stack traces point into the sources; the map is read only when Node runs with --enable-source-maps.
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
  });
}
