/**
 * How many cases each fuzz property runs: a quick count in the normal test run, and
 * whatever FC_NUM_RUNS says in the dedicated long run (`npm run fuzz` sets 10,000).
 * FC_SEED replays a failure that fast-check reported (with its seed and path).
 */
import type fc from 'fast-check';

export const FUZZ_RUNS = Number(process.env.FC_NUM_RUNS ?? 150);

/** A test timeout that grows with the run count (the long run needs minutes). */
export function fuzzTimeout(msPerRun: number): number {
  return Math.max(30_000, FUZZ_RUNS * msPerRun);
}

export function fuzzParameters<T>(): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  return { numRuns: FUZZ_RUNS, ...(seed === undefined ? {} : { seed: Number(seed) }) };
}
