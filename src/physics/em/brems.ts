/**
 * Photon conversion and bremsstrahlung helpers for EM showers (showers.md §5): the pair-production
 * mean free path 9/7 X0 (PDG §34.4, the same value as Geant4 GFlash `GenerateExponential`), the
 * photon conversion depth, and the complete-screening bremsstrahlung spectrum
 * dN/dy ∝ (4/3 − 4/3 y + y²)/y (PDG §34.4.3): sampling and photon counts per X0.
 */
import type { Rng } from '../rng';

/**
 * Photon pair-production mean free path in units of X0: 9/7 (high-energy limit).
 * Source: showers.md §5 [PDG-formula §34.4], the same value as Geant4 GFlash `GenerateExponential`;
 * validation V14 (Pb: 9/7 × 5.612 mm = 7.215 mm).
 */
export const PAIR_MEAN_FREE_PATH_X0 = 9 / 7;

/**
 * Depth of a photon's first conversion [X0], exponential with mean 9/7 X0 (showers.md §5).
 * Draws one uniform from `rng`.
 */
export function samplePhotonStartX0(rng: Rng): number {
  return rng.exponential(PAIR_MEAN_FREE_PATH_X0);
}

/**
 * Bremsstrahlung photon energy fraction y = k/E in [yMin, 1), complete-screening spectrum
 * dN/dy ∝ (4/3 − 4/3 y + y²)/y (showers.md §5 [PDG-formula §34.4.3]), by rejection against 1/y with
 * envelope constant 4/3 (the maximum of 4/3 − 4/3 y + y² on [0, 1], reached at y = 0).
 * Mean cost: ~1.1 tries for small yMin. Throws RangeError unless 0 < yMin < 1.
 */
export function sampleBremFraction(rng: Rng, yMin: number): number {
  if (!(yMin > 0 && yMin < 1)) throw new RangeError(`sampleBremFraction: yMin must be in (0,1), got ${yMin}`);
  const lnYMin = Math.log(yMin);
  for (;;) {
    const y = Math.exp(lnYMin * rng.uniform()); // ∝ 1/y on [yMin, 1)
    // accept with probability (4/3 − 4/3 y + y²)/(4/3)  ⇔  4u <= 4 − 4y + 3y²
    if (4 * rng.uniform() <= 4 - 4 * y + 3 * y * y && y < 1) return y;
  }
}

/**
 * Expected number of bremsstrahlung photons per X0 with y = k/E in [y1, y2]:
 * N = (4/3) ln(y2/y1) − (4/3)(y2 − y1) + (y2² − y1²)/2 (showers.md §5, complete screening).
 * V13: N(0.5 < y < 1) = 0.633. Throws RangeError unless 0 < y1 <= y2 <= 1.
 */
export function bremPhotonsPerX0(y1: number, y2: number): number {
  if (!(y1 > 0 && y1 <= y2 && y2 <= 1))
    throw new RangeError(`bremPhotonsPerX0: need 0 < y1 <= y2 <= 1, got ${y1}, ${y2}`);
  return (4 / 3) * Math.log(y2 / y1) - (4 / 3) * (y2 - y1) + 0.5 * (y2 * y2 - y1 * y1);
}
