#!/usr/bin/env node
// `pnpm start`: builds the web portal and bundles the server when either is missing or older than its sources,
// then runs the server bundle (what `pnpm build` makes and the image runs) in this very process; the TypeScript
// sources through tsx in a child process only when bundling fails. Configuration comes from the environment and,
// when present, the file .env (see README; the environment wins; `--no-env-file` skips the file); none is needed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEnvFile } from './env-file.mjs';
import { rebundleServer, SERVER_BUNDLE, SERVER_BUNDLE_DIR, SERVER_BUNDLE_INPUTS } from './server-bundle.mjs';
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

// The server: the one-file bundle (server-bundle.mjs), run through V8's code cache, in this very process. Made anew
// (esbuild, a few seconds) when a source it is made from is newer: a warm start of the bundle needs about a third
// of the CPU of the TypeScript sources through tsx (issue 13, `pnpm bench start`). The server handles SIGINT/SIGTERM.
const bundle = path.join(root, SERVER_BUNDLE_DIR, 'app.cjs');

function newestOf(relative) {
  const full = path.join(root, relative);
  if (!existsSync(full)) return 0;
  return statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
}

function bundleIsCurrent() {
  if (!existsSync(bundle) || !existsSync(path.join(root, SERVER_BUNDLE))) return false;
  const bundledAt = statSync(bundle).mtimeMs;
  return SERVER_BUNDLE_INPUTS.every((input) => newestOf(input) <= bundledAt);
}

let runnable = bundleIsCurrent();
if (!runnable) {
  console.log('Bundling the server (esbuild) …');
  try {
    await rebundleServer(root);
    runnable = true;
  } catch (error) {
    console.log(`The server bundle failed (${error instanceof Error ? error.message : error}): running the sources.`);
  }
}

if (runnable) {
  await import(pathToFileURL(path.join(root, SERVER_BUNDLE)).href);
} else {
  const server = spawn(
    process.execPath,
    ['--conditions=@ecm365/source', '--import', 'tsx', path.join(root, 'api', 'src', 'main.ts')],
    { cwd: root, stdio: 'inherit' },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
