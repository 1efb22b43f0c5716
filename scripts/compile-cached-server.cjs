'use strict';
// The server's entry after `pnpm build` (copied to api/dist/bundle/server.cjs by scripts/server-bundle.mjs): runs
// app.cjs, the server bundled into one file, through V8's code cache kept in DATA_DIR/compile-cache.
//
// Why: even as one file, compiling the bundle's 10 MB and the functions the start calls was about 0.4 s of a warm
// `pnpm start` on two cores (`pnpm bench start`, CPU profile: compileSourceTextModule). Node 22 has
// module.enableCompileCache() for this; Node 20, which we run, has only vm.Script's cachedData. A library such as
// v8-compile-cache caches what `require` compiles up front only; this cache is taken after the start, so it also
// holds the functions the start compiled lazily. It is a cache only: when it is missing, stale (another build, Node
// version or V8 flags) or unwritable, the server starts as it would without it and writes a fresh one.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, 'app.cjs');
/** When the cache is taken if the server is still running (else at its exit): after the start and a first request. */
const CACHE_AFTER_MS = 15_000;

function cacheFileFor(file) {
  if (process.env.ECM365_COMPILE_CACHE === 'off') return undefined;
  const { size, mtimeMs } = fs.statSync(file);
  // V8 itself rejects a cache of another V8 or other flags, but tells two sources apart only by their length.
  const build = [size, mtimeMs, process.version, process.arch, process.execArgv.join(' ')].join('\n');
  const key = createHash('sha256').update(build).digest('hex').slice(0, 16);
  // DATA_DIR as the server reads it (config.ts): the folder that is the app's own, also in the image.
  return path.join(path.resolve(process.env.DATA_DIR || '.data'), 'compile-cache', `server-${key}.bin`);
}

function readIfThere(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

const cacheFile = cacheFileFor(bundle);
const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
let cacheCurrent = cachedData !== undefined && !script.cachedDataRejected;

function writeCache() {
  if (cacheCurrent || !cacheFile) return;
  cacheCurrent = true;
  const folder = path.dirname(cacheFile);
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Whole or not at all: a second instance on the same folder may be reading it.
    const partial = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
    for (const name of fs.readdirSync(folder)) {
      if (name.startsWith('server-') && name !== path.basename(cacheFile) && !name.includes('.bin.')) {
        fs.rmSync(path.join(folder, name), { force: true }); // of an earlier build
      }
    }
  } catch {
    // Read-only or full: the next start compiles again, as without the cache.
  }
}
setTimeout(writeCache, CACHE_AFTER_MS).unref();
process.once('exit', writeCache);

const app = new Module(bundle, module);
app.filename = bundle;
app.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(app.exports, app.exports, Module.createRequire(bundle), app, bundle, __dirname);
