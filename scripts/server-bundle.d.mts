import type { BuildResult } from 'esbuild';

/** api/dist/bundle/server.mjs, relative to the repository root. */
export const SERVER_BUNDLE: string;

export function bundleServer(root: string, outfile?: string): Promise<BuildResult>;
