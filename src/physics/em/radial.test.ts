/**
 * Tests of the EM shower model (../emShower): radial profile (V7 of showers.md §6) and the lateral containment in the
 * ECAL face, tabulated against exact.
 */
import { describe, expect, it } from 'vitest';
import {
  NA64_ECAL_RESOLUTION,
  lateralContainedFraction,
  lateralContainedFractionExact,
  radialContainment,
} from '../emShower';
import { Rng } from '../rng';
import { E100, HALF, g } from './testFixtures';

describe('radial profile (showers.md §2.2, V7)', () => {
  it('V7: depth- and shower-averaged GFlash containment in R_M', () => {
    // This model gives (NA64 ECAL, 100 GeV, Rmeff units): 1 R_M → 0.916, 2 R_M → 0.970,
    // 3.5 R_M → 0.989. PDG §34.5 text: "only 10 % outside R_M", "about 99 % inside 3.5 R_M";
    // both are rounded statements about real showers, so we ask for ±3 % at 1 R_M and ±0.5 % at
    // 3.5 R_M. (The unverified "95 % within 2 R_M" of the brief is exceeded: 97 %.)
    const f1 = radialContainment(1, E100, g);
    const f2 = radialContainment(2, E100, g);
    const f35 = radialContainment(3.5, E100, g);
    expect(Math.abs(f1 - 0.9)).toBeLessThan(0.03);
    expect(Math.abs(f35 - 0.99)).toBeLessThan(0.005);
    expect(f2).toBeGreaterThan(0.95);
    expect(radialContainment(0, E100, g)).toBe(0);
    expect(radialContainment(1e6, E100, g)).toBeGreaterThan(1 - 1e-6);
    // GFlash's r⁻⁴ tails: the containment keeps rising slowly beyond 3.5 R_M
    expect(radialContainment(10, E100, g)).toBeGreaterThan(f35);
    // below 100 MeV (Geant4's lowest parametrised energy) the 100 MeV profile is used
    expect(radialContainment(1, 30, g)).toBe(radialContainment(1, 100, g));
    // weak energy dependence between 10 and 100 GeV (< 1 %)
    expect(Math.abs(radialContainment(1, 10_000, g) - f1)).toBeLessThan(0.01);
  });

  it('tabulated face containment agrees with the exact rectangle integral', () => {
    // Spec: the table error in MeV stays below 5 % of the ECAL resolution σ_E at that energy, so
    // it never shows in a smeared energy. Measured max |table − exact| over random points
    // (bilinear on the grid + linear in ln E between nodes a factor √2 apart): 1.2e-3 at
    // 0.1–0.2 GeV (≈ 0.15 MeV vs σ_E ≈ 30 MeV), 5e-4 at 0.2–2 GeV, ≤ 3e-4 above 2 GeV (≤ 30 MeV
    // at 100 GeV vs σ_E = 1.35 GeV).
    const rng = new Rng(5, 0);
    const { stochastic, constant } = NA64_ECAL_RESOLUTION;
    let worstRel = 0;
    let worstAbs = 0;
    for (let i = 0; i < 400; i++) {
      const e = Math.exp(Math.log(100) + rng.uniform() * Math.log(2000)); // 0.1–200 GeV
      const x = rng.range(-150, 150);
      const y = rng.range(-150, 150);
      const d = Math.abs(
        lateralContainedFraction(g, e, x, y, HALF) - lateralContainedFractionExact(g, e, x, y, HALF),
      );
      const sigmaE = e * Math.hypot(stochastic / Math.sqrt(e / 1000), constant);
      worstRel = Math.max(worstRel, (d * e) / sigmaE);
      worstAbs = Math.max(worstAbs, d);
    }
    expect(worstRel).toBeLessThan(0.05);
    expect(worstAbs).toBeLessThan(2e-3);
    // symmetries and limits
    expect(lateralContainedFraction(g, E100, 30, -50, HALF)).toBeCloseTo(
      lateralContainedFraction(g, E100, -50, 30, HALF),
      12,
    );
    expect(lateralContainedFractionExact(g, E100, HALF, 0, HALF)).toBeCloseTo(0.5, 2); // on an edge: ~half
    expect(lateralContainedFractionExact(g, E100, 0, 0, 1e6)).toBeGreaterThan(1 - 1e-6);
  });
});
