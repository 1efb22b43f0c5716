// Preloaded by `pnpm ecm365` (node --import): the admin CLI reads the same .env as `pnpm start`, so both work on
// the same database and data folder. Silent: the CLI's output is for its commands (keys generate prints a key).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile } from './env-file.mjs';

loadEnvFile(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
