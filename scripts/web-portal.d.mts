import type { SpawnSyncReturns, StdioOptions } from 'node:child_process';

export function buildWebPortal(
  root: string,
  options?: { env?: NodeJS.ProcessEnv; outDir?: string; stdio?: StdioOptions },
): SpawnSyncReturns<Buffer>;
