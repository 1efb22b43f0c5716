// Records what `pnpm build` built, for the compiled server to report (api/src/support/build-info.ts): the version of
// the workspace's package.json and the commit, from ECM365_COMMIT (the image's build argument) or else git.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const COMMIT = /^[A-Za-z0-9._-]{1,64}$/;

function gitCommit(root) {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const commit = result.status === 0 ? result.stdout.trim() : '';
  return COMMIT.test(commit) ? commit : undefined;
}

/** Writes `{ version, commit? }` to `file`; returns it. Throws on a malformed ECM365_COMMIT. */
export function writeBuildInfo(root, file, env = process.env) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (typeof version !== 'string' || version === '') throw new Error('package.json has no version');
  const given = env.ECM365_COMMIT?.trim();
  if (given && !COMMIT.test(given)) throw new Error('ECM365_COMMIT must be a commit hash or tag');
  const commit = given || gitCommit(root);
  const info = commit ? { version, commit } : { version };
  writeFileSync(file, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
