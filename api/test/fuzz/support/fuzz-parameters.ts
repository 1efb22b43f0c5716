import type fc from 'fast-check';

/**
 * fast-check parameters for the fuzz tests: `numRuns` scaled by FUZZ_RUNS_FACTOR (default 1), and the seed from
 * FUZZ_SEED when set (fast-check prints seed and path of every failure; set FUZZ_SEED to replay it).
 */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  const factor = Number(process.env.FUZZ_RUNS_FACTOR ?? '1');
  const seed = process.env.FUZZ_SEED;
  return {
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) && factor > 0 ? factor : 1))),
    ...(seed ? { seed: Number.parseInt(seed, 10) } : {}),
  };
}
