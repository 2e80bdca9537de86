/**
 * Shared fixtures of the EM shower tests (./*.test.ts): the NA64 ECAL stack and its GFlash
 * quantities, depths, face half width, and helpers. Tolerances: a target quoted to n digits is met
 * within half a unit of its last digit (the sheet's rounding, `expectRounded`); statistical tests use
 * 4 standard errors of the sample (`meanSe`).
 */
import { expect } from 'vitest';
import { ecGFlashMeV, gflashSampling } from '../emShower';
import { LEAD, SCINTILLATOR } from '../materials';
import { ECAL_CELL_MM, ECAL_PB_MM, ECAL_PRESHOWER_LAYERS, ECAL_SC_MM } from '../setups/na64e';
import type { SamplingStack } from '../setups/types';

export const ECAL_STACK: SamplingStack = {
  absorber: LEAD,
  active: SCINTILLATOR,
  absorberMm: ECAL_PB_MM,
  activeMm: ECAL_SC_MM,
  layers: 150,
};
export const g = gflashSampling(ECAL_STACK);
export const ECAL_DEPTH = 150 * g.x0PerLayer;
export const PRE_DEPTH = ECAL_PRESHOWER_LAYERS * g.x0PerLayer;
export const HALF = 3 * ECAL_CELL_MM; // 6 cells of 38 mm
export const E100 = 100_000; // MeV

/** |x − target| <= half a unit of the last quoted digit. */
export function expectRounded(x: number, target: number, halfUnit: number): void {
  expect(Math.abs(x - target)).toBeLessThanOrEqual(halfUnit * (1 + 1e-9));
}

/** Sample mean, its standard error and the sample standard deviation. */
export function meanSe(xs: ArrayLike<number>): { mean: number; se: number; sd: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i] - mean) ** 2;
  const sd = Math.sqrt(v / (n - 1));
  return { mean, se: sd / Math.sqrt(n), sd };
}

/** Sample median (the lower middle element for an even count). */
export function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[(a.length - 1) >> 1];
}

/** GFlash critical energy of lead (V1: 7.36 MeV). */
export const ecPb = ecGFlashMeV(LEAD.x0Gcm2, LEAD.z, LEAD.a);
