import { runCli } from './run-cli.js';

// `pnpm ecm365 …` / `node dist/cli/main.js …`: the admin CLI (see run-cli.ts for the commands).
process.exitCode = await runCli(process.argv.slice(2));
