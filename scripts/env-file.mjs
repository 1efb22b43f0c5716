// `.env` for the development entry points (`pnpm start`, `pnpm ecm365`): the settings of README "Configuration"
// from a file, so that a developer need not export them in every shell. Variables already in the environment win,
// as with Node's --env-file. Node's own parser (util.parseEnv) rather than process.loadEnvFile, to tell the
// developer which names came from the file. Not used by the compiled server (node api/dist/main.js) or the image:
// there the environment is the only source (compose passes .env itself); the e2e run passes --no-env-file.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `<dir>/.env` into `env` when the file exists (`#` comments, quotes and an `export` prefix are understood).
 * Returns the names it set and those the environment already had (sorted), or undefined without a file.
 */
export function loadEnvFile(dir, env = process.env) {
  const file = path.join(dir, '.env');
  if (!existsSync(file)) return undefined;
  const applied = [];
  const kept = [];
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (Object.hasOwn(env, name)) kept.push(name);
    else {
      env[name] = value;
      applied.push(name);
    }
  }
  return { file, applied: applied.sort(), kept: kept.sort() };
}
