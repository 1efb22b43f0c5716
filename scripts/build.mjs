#!/usr/bin/env node
// `pnpm build`: the production build. Each package compiles its src/ into dist/ (what `exports.default` points at),
// in dependency order, because tsconfig.build.json resolves the workspace packages through their built
// declarations, not their sources. Then the web portal, when it exists. Fails at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBuildInfo } from './build-info.mjs';
import { bundleServer, SERVER_BUNDLE_DIR } from './server-bundle.mjs';
import { buildWebPortal } from './web-portal.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function run(label, command, args) {
  console.log(`\n== ${label}`);
  check(label, spawnSync(command, args, { cwd: root, stdio: 'inherit' }));
}

function check(label, result) {
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

for (const pkg of ['shared', 'migrations', 'emulators', 'api']) {
  // A clean dist/: tsc never deletes the output of a source file that was removed or renamed.
  rmSync(path.join(root, pkg, 'dist'), { recursive: true, force: true });
  run(`${pkg}: tsc`, process.execPath, [tsc, '-p', path.join(pkg, 'tsconfig.build.json')]);
}
// What `pnpm start` and the image run: one file loads in a fraction of the time of the module tree (server-bundle.mjs).
console.log(`\n== api: ${SERVER_BUNDLE_DIR} (esbuild: the server as one file)`);
try {
  await bundleServer(root);
} catch {
  console.error('build: the server bundle failed (esbuild printed why)');
  process.exit(1);
}
// The version and commit the server reports (api/src/support/build-info.ts).
const built = writeBuildInfo(root, path.join(root, 'api', 'dist', 'build-info.json'));
console.log(`\n== api: build-info.json (version ${built.version}${built.commit ? `, commit ${built.commit}` : ''})`);

if (existsSync(path.join(root, 'web', 'package.json'))) {
  console.log('\n== web: vite build');
  check('web: vite build', buildWebPortal(root));
}
console.log('\nbuild: done (shared, migrations, emulators, api → dist/; the server → api/dist/bundle; web → web/dist)');
