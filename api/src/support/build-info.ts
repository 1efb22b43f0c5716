import { readFileSync } from 'node:fs';

/** What is running: shown by `/healthz` (version) and the `ecm365_build_info` metric (all three). */
export interface BuildInfo {
  version: string;
  /** The commit the code was built from, when known (ECM365_COMMIT, or recorded by `pnpm build`). */
  commit: string | undefined;
  nodeVersion: string;
}

/**
 * Where the version is written down, first match wins: `pnpm build` records it (and the commit) in
 * `api/dist/build-info.json`, next to the compiled code, which is all the image has; run from the sources, the
 * workspace's root package.json holds it (scripts/build-info.mjs writes the first from the second).
 */
const RECORDS = [new URL('../build-info.json', import.meta.url), new URL('../../../package.json', import.meta.url)];

interface Recorded {
  version: string;
  commit: string | undefined;
}

function readRecord(file: URL): Recorded | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const record = JSON.parse(text) as { version?: unknown; commit?: unknown };
  if (typeof record.version !== 'string' || record.version === '') return undefined;
  return { version: record.version, commit: typeof record.commit === 'string' ? record.commit : undefined };
}

/** The build's version and commit; `commit` (from the configuration) wins over a recorded one. */
export function readBuildInfo(commit: string | undefined, records: readonly URL[] = RECORDS): BuildInfo {
  const recorded = records.map(readRecord).find((record) => record !== undefined);
  return {
    // Never a reason not to start: a copy of the code without either file still runs, as "unknown".
    version: recorded?.version ?? 'unknown',
    commit: commit ?? recorded?.commit,
    nodeVersion: process.version,
  };
}
