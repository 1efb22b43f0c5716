import fc from 'fast-check';

/** Fuzzed values can be 200 KiB; a report shows runs of one character as `a×20000` and is cut at a length. */
function readableReport(runDetails: fc.RunDetails<unknown>): string {
  const error = runDetails.errorInstance instanceof Error ? `\nError: ${runDetails.errorInstance.message}` : '';
  const report = `${fc.defaultReportMessage(runDetails)}${error}`.replace(
    /(.)\1{40,}/gsu,
    (run: string, char: string) => `${char}×${[...run].length}`,
  );
  return report.length > 8_000 ? `${report.slice(0, 8_000)}… (report cut)` : report;
}

/**
 * fast-check parameters for the fuzz tests: `numRuns` scaled by FUZZ_RUNS_FACTOR (default 1), and the seed from
 * FUZZ_SEED when set. A failure reports the seed and path; run again with FUZZ_SEED=<seed> to replay it.
 */
const requestedFactor = Number(process.env.FUZZ_RUNS_FACTOR ?? '1');
const factor = Number.isFinite(requestedFactor) && requestedFactor > 0 ? requestedFactor : 1;

export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Math.max(1, Math.round(numRuns * factor)),
    ...(seed ? { seed: Number.parseInt(seed, 10) } : {}),
    reporter(runDetails) {
      if (runDetails.failed) throw new Error(readableReport(runDetails as fc.RunDetails<unknown>));
    },
  };
}

/** A test timeout that grows with FUZZ_RUNS_FACTOR (longer local runs). */
export function fuzzTimeout(baseMs = 20_000): number {
  return Math.round(baseMs * Math.max(1, factor));
}
