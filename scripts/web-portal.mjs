// The web portal's build, shared by `pnpm start` (scripts/start.mjs) and `pnpm build` (scripts/build.mjs).
import { spawnSync } from 'node:child_process';

/**
 * Builds web/ for production whatever NODE_ENV the shell has: with NODE_ENV=development Vite bundles Vue's
 * development build, which is larger than the portal's bundle budget (and slower). `outDir` builds elsewhere than
 * web/dist (tests). Answers spawnSync's result.
 */
export function buildWebPortal(root, { env = process.env, outDir, stdio = 'inherit' } = {}) {
  const args = ['--filter', '@ecm365/web', 'build', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  return spawnSync('pnpm', args, { cwd: root, stdio, env: { ...env, NODE_ENV: 'production' } });
}
