// The server as one file, shared by `pnpm build` (scripts/build.mjs), `pnpm start` (scripts/start.mjs, when a source
// is newer than the bundle) and its test (api/test/embedded/server-bundle.test.ts).
//
// Why: a warm `pnpm start` spent about 1.7 s of its first 2 s resolving, opening and compiling some 2,000 module
// files one by one (`pnpm bench start`, CPU profile: wrapSafe, compileSourceTextModule, internalModuleStat,
// openFileHandle). Node 20 has no module compile cache, so one file is the remedy that is left.
//
// Two files come out: app.cjs, the bundle, and server.cjs, the entry that runs it through V8's code cache
// (compile-cached-server.cjs). CommonJS, because only a classic script can be given a code cache on Node 20.
//
// It is bundled from the TypeScript sources with the `@ecm365/source` condition, the way tsx runs them in the
// test suite: esbuild transpiles both, so the bundle runs the code the tests ran.
import { copyFile, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBuildInfo } from './build-info.mjs';

/**
 * Packages that find files beside their own module at run time, so they must stay where they are installed:
 * PGlite its WASM and data files (`new URL('./pglite.wasm', import.meta.url)`), pino the worker file of its
 * transports (and pino-pretty with it, which shares its internals).
 */
const LOADED_FROM_NODE_MODULES = ['@electric-sql/pglite', 'pino', 'pino-pretty'];

/**
 * @fastify/swagger-ui serves Swagger UI's files from `path.join(__dirname, …)`, which in a bundle is the bundle's
 * folder. Its code is bundled (as external package it and its dependencies were some 0.1 s of module loading at
 * start), and its `__dirname` becomes its installed folder, found at run time as any dependency is.
 */
const swaggerUiFilesWhereInstalled = {
  name: 'swagger-ui-files-where-installed',
  setup(build) {
    build.onLoad({ filter: /[\\/]@fastify[\\/]swagger-ui[\\/](index|lib[\\/]routes)\.js$/ }, async (args) => {
      const installed = "require('node:path').dirname(require.resolve('@fastify/swagger-ui/package.json'))";
      const folder =
        path.basename(path.dirname(args.path)) === 'lib' ? `require('node:path').join(${installed}, 'lib')` : installed;
      return { contents: (await readFile(args.path, 'utf8')).replaceAll('__dirname', `(${folder})`), loader: 'js' };
    });
  },
};

/**
 * Where the bundle goes: two folders below api/, as deep as api/dist/http/spa.js and api/dist/support/build-info.js,
 * so that their paths relative to `import.meta.url` (../../../web/dist, ../build-info.json) hold in the bundle too.
 */
export const SERVER_BUNDLE_DIR = path.join('api', 'dist', 'bundle');
/** What runs the server: `node api/dist/bundle/server.cjs`. */
export const SERVER_BUNDLE = path.join(SERVER_BUNDLE_DIR, 'server.cjs');

/** Bundles api/src/main.ts into `outDir` (absolute, or relative to `root`). Answers esbuild's result. */
export async function bundleServer(root, outDir = SERVER_BUNDLE_DIR) {
  // Loaded here: start.mjs imports this file for SERVER_BUNDLE alone.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'api', 'src', 'main.ts')],
    outfile: path.resolve(root, outDir, 'app.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['@ecm365/source'],
    // The swagger-ui file the plugin below resolves at run time (esbuild would otherwise warn about it).
    external: [...LOADED_FROM_NODE_MODULES, '@fastify/swagger-ui/package.json'],
    plugins: [swaggerUiFilesWhereInstalled],
    // The sources are ES modules: import.meta.url becomes the bundle's own URL (a CommonJS file has no import.meta).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // For reading a stack trace against the sources (Node applies it only to files it loads itself).
    sourcemap: 'linked',
    legalComments: 'none',
    // A third smaller (7 instead of 10.7 MB): less to compile, and about 40 MB less idle RSS of the demo, which the
    // parse of the larger source left behind. Names stay as they are, for stack traces and logged error types.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  const entry = fileURLToPath(new URL('./compile-cached-server.cjs', import.meta.url));
  await copyFile(entry, path.resolve(root, outDir, 'server.cjs'));
  return result;
}

/**
 * Bundles anew into SERVER_BUNDLE_DIR through a folder beside it, swapped in by two renames, so that a server
 * starting meanwhile on the same checkout reads the old bundle or the new one, never half of one (a running server
 * has read its bundle whole at start). Answers esbuild's result.
 */
export async function rebundleServer(root) {
  const target = path.resolve(root, SERVER_BUNDLE_DIR);
  // Beside the target, as deep as it: paths relative to the bundle hold in either.
  const fresh = `${target}-${process.pid}`;
  const old = `${target}-${process.pid}-old`;
  await rm(fresh, { recursive: true, force: true });
  try {
    const result = await bundleServer(root, fresh);
    await rename(target, old).catch((error) => {
      if (error.code !== 'ENOENT') throw error; // no bundle yet
    });
    await rename(fresh, target);
    await rm(old, { recursive: true, force: true });
    // The version and commit the bundle reports (api/src/support/build-info.ts reads ../build-info.json): this one.
    writeBuildInfo(root, path.join(root, 'api', 'dist', 'build-info.json'));
    return result;
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
}

/**
 * What the bundle is made of, for `pnpm start` to tell whether it is older than its sources: the four packages'
 * sources and manifests, the lockfile (another dependency version), and the bundler's own two files.
 */
export const SERVER_BUNDLE_INPUTS = [
  ...['shared', 'migrations', 'emulators', 'api'].flatMap((pkg) => [
    path.join(pkg, 'src'),
    path.join(pkg, 'package.json'),
  ]),
  'pnpm-lock.yaml',
  path.join('scripts', 'server-bundle.mjs'),
  path.join('scripts', 'compile-cached-server.cjs'),
];
