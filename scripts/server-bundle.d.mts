import type { BuildResult } from 'esbuild';

/** api/dist/bundle, relative to the repository root: app.cjs (the bundle) and server.cjs (its entry). */
export const SERVER_BUNDLE_DIR: string;
/** api/dist/bundle/server.cjs, relative to the repository root: what runs the server. */
export const SERVER_BUNDLE: string;

export function bundleServer(root: string, outDir?: string): Promise<BuildResult>;

/** Bundles anew into SERVER_BUNDLE_DIR, replacing the bundle there whole. */
export function rebundleServer(root: string): Promise<BuildResult>;

/** Files and folders (relative to the root) the bundle is made from. */
export const SERVER_BUNDLE_INPUTS: string[];
