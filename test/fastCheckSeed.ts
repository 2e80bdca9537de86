/**
 * Vitest setup: the property tests (fast-check) run from a fixed seed, so that `npm test` gives the
 * same verdict on every machine and every run. `FC_SEED=<integer>` picks another seed;
 * `FC_SEED=random` draws a fresh one per run (fast-check prints it with any counterexample) — use it
 * to explore, then add the counterexample as a fixed test.
 */
import fc from 'fast-check';

const env = process.env.FC_SEED;
if (env !== 'random') {
  const seed = env === undefined || env === '' ? 20261125 : Number(env);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", got "${env}"`);
  fc.configureGlobal({ seed });
}
