#!/usr/bin/env node
// `pnpm start`: builds the web portal when its build is missing or older than its sources, then runs the API
// server: the compiled build (`pnpm build`, what the image runs) in this very process when it is newer than every
// source it was built from, else the TypeScript sources through tsx in a child process. Configuration comes from the environment and, when present, the file .env
// (see README; the environment wins; `--no-env-file` skips the file); none is needed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEnvFile } from './env-file.mjs';
import { SERVER_BUNDLE } from './server-bundle.mjs';
import { buildWebPortal } from './web-portal.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// First, so that the portal's build and the server (it inherits process.env) see the same settings.
const envFile = process.argv.includes('--no-env-file') ? undefined : loadEnvFile(root);
if (envFile) {
  const kept = envFile.kept.length ? `; kept from the environment: ${envFile.kept.join(', ')}` : '';
  console.log(`Read .env: ${envFile.applied.join(', ') || 'nothing new'}${kept}`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const web = path.join(root, 'web');
if (existsSync(path.join(web, 'package.json'))) {
  const built = path.join(web, 'dist', 'index.html');
  const stale =
    !existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newestMtime(web), newestMtime(path.join(root, 'shared', 'src')));
  if (stale) {
    console.log('Building the web portal …');
    const result = buildWebPortal(root);
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

/** The packages the server is compiled from (scripts/build.mjs); each must be built after its last change. */
const SERVER_PACKAGES = ['shared', 'migrations', 'emulators', 'api'];
// The one-file bundle of the build, run through V8's code cache (server-bundle.mjs: about 2 s less CPU until /readyz
// than the module tree of api/dist); a build from before the bundle existed still runs from api/dist.
const bundledServer = path.join(root, SERVER_BUNDLE);
const compiledServer = existsSync(bundledServer) ? bundledServer : path.join(root, 'api', 'dist', 'main.js');
// build.mjs writes it after all four packages compiled: its time is the build's.
const buildInfo = path.join(root, 'api', 'dist', 'build-info.json');

function compiledIsCurrent() {
  if (!existsSync(compiledServer) || !existsSync(buildInfo)) return false;
  if (!SERVER_PACKAGES.every((pkg) => existsSync(path.join(root, pkg, 'dist')))) return false;
  const builtAt = statSync(buildInfo).mtimeMs;
  return SERVER_PACKAGES.every((pkg) => newestMtime(path.join(root, pkg, 'src')) <= builtAt);
}

if (compiledIsCurrent()) {
  // One Node process instead of two, without the TypeScript loader: about 100 MB less idle RSS and 0.45 s less
  // until /readyz for a warm demo start (issue 13, `pnpm bench start`). The server handles SIGINT/SIGTERM itself.
  await import(pathToFileURL(compiledServer).href);
} else {
  if (existsSync(compiledServer)) console.log('The build in api/dist is older than the sources: running the sources.');
  const server = spawn(
    process.execPath,
    ['--conditions=@ecm365/source', '--import', 'tsx', path.join(root, 'api', 'src', 'main.ts')],
    { cwd: root, stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
