/**
 * Steps of the plot's keyboard cursor, in data units: about 1 % of the axis as drawn (10 % with
 * Shift), rounded down to 1, 2 or 5 × 10^k GeV, so the cursor lands on tidy values. On the symlog
 * y axis the step therefore grows with the value (0.05 GeV near 0, 5 GeV near 100 GeV). Pure.
 */
import { roundTo, type NumScale } from './scales';

/** Fraction of the axis length (pixels) of a small and a large cursor step. */
export const SMALL_STEP = 0.01;
export const LARGE_STEP = 0.1;

/** The largest 1, 2 or 5 × 10^k not above v (v > 0); at least 0.001. */
export function niceFloor(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 0.001;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  const nice = m >= 5 ? 5 : m >= 2 ? 2 : 1;
  return Math.max(0.001, roundTo(nice * p, Math.min(nice * p, 1)));
}

/**
 * Step [GeV] for moving from v in direction dir (+1: larger values) along `scale` by about
 * `fraction` of the axis' pixel length.
 */
export function cursorStep(scale: NumScale, v: number, dir: 1 | -1, fraction: number): number {
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const px = Math.abs(r1 - r0) * fraction;
  const orientation = Math.sign(scale(d1) - scale(d0)) || 1;
  const to = scale.invert(scale(v) + dir * orientation * px);
  return niceFloor(Math.abs(to - v));
}

/**
 * The next multiple of `step` beyond v in direction dir, clamped to [min, max] (decimal noise
 * removed: 0.1 + 0.2 → 0.3).
 */
export function stepValue(v: number, step: number, dir: 1 | -1, min: number, max: number): number {
  const q = v / step;
  const n = dir > 0 ? Math.floor(q + 1e-9) + 1 : Math.ceil(q - 1e-9) - 1;
  return Math.min(max, Math.max(min, roundTo(n * step, step)));
}

/** Move v one cursor step along `scale` (the whole axis range is the limit). */
export function moveAlong(scale: NumScale, v: number, dir: 1 | -1, large: boolean): number {
  const [d0, d1] = scale.domain();
  const step = cursorStep(scale, v, dir, large ? LARGE_STEP : SMALL_STEP);
  return stepValue(v, step, dir, Math.min(d0, d1), Math.max(d0, d1));
}
