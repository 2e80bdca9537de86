/**
 * Tests of the EM shower model (../emShower): per-event ECAL response `showerSummary`: mean against quadrature
 * (4 standard errors), determinism, energy conservation, edge cases, photons.
 */
import { describe, expect, it } from 'vitest';
import {
  PAIR_MEAN_FREE_PATH_X0,
  fractionBeyond,
  lateralContainedFraction,
  profileFromDeviates,
  samplePhotonStartX0,
  showerSummary,
  type ShowerSummary,
} from '../emShower';
import { Rng } from '../rng';
import { E100, ECAL_DEPTH, HALF, PRE_DEPTH, g, meanSe } from './testFixtures';

describe('per-event ECAL response', () => {
  const out: ShowerSummary = { visibleMeV: 0, preshowerMeV: 0, leakBackMeV: 0, leakLateralMeV: 0 };

  it('mean visible energy of 100 GeV electrons = E (1 − <back leak>) × face containment', () => {
    // Expected value by quadrature over the two normal deviates (trapezoid, step 0.1 on [−6, 6]),
    // independent of the random sampling and of the fast incomplete-gamma code.
    for (const depth of [ECAL_DEPTH, 15]) {
      let leak = 0;
      let wsum = 0;
      for (let z1 = -6; z1 <= 6 + 1e-9; z1 += 0.1) {
        for (let z2 = -6; z2 <= 6 + 1e-9; z2 += 0.1) {
          const w = Math.exp(-0.5 * (z1 * z1 + z2 * z2));
          leak += w * fractionBeyond(profileFromDeviates(E100, g, z1, z2), depth);
          wsum += w;
        }
      }
      leak /= wsum;
      const inside = lateralContainedFraction(g, E100, 0, 0, HALF);
      const expected = E100 * (1 - leak) * inside;
      const n = 20000;
      const vis = new Float64Array(n);
      const rng = new Rng(21, 0);
      for (let i = 0; i < n; i++) {
        rng.reset(21, i);
        vis[i] = showerSummary(rng, g, E100, 0, depth, PRE_DEPTH, 0, 0, HALF, out).visibleMeV;
      }
      const { mean, se } = meanSe(vis);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * se + 1e-9 * E100);
      if (depth === 15) expect(leak).toBeGreaterThan(0.05); // a case where the leak really fluctuates
    }
  });

  it('is deterministic for a given seed and energy is never created', () => {
    const a: number[] = [];
    const b: number[] = [];
    for (const arr of [a, b]) {
      const rng = new Rng(99, 0);
      for (let i = 0; i < 200; i++) {
        rng.reset(99, i);
        const s = showerSummary(
          rng,
          g,
          5000 + 500 * i,
          0.1 * i,
          ECAL_DEPTH,
          PRE_DEPTH,
          0.3 * i - 30,
          10,
          HALF,
        );
        arr.push(s.visibleMeV, s.preshowerMeV, s.leakBackMeV, s.leakLateralMeV);
      }
    }
    expect(a).toEqual(b);

    const rng = new Rng(7, 0);
    for (let i = 0; i < 5000; i++) {
      rng.reset(7, i);
      const e = Math.exp(Math.log(1) + rng.uniform() * Math.log(3e5)); // 1 MeV – 300 GeV
      const start = i % 3 === 0 ? samplePhotonStartX0(rng) : 0;
      const depth = i % 5 === 0 ? rng.range(1, 45) : ECAL_DEPTH;
      const mode = i % 2 === 0 ? 'sampling' : 'geant4';
      const s = showerSummary(
        rng,
        g,
        e,
        start,
        depth,
        PRE_DEPTH,
        rng.range(-200, 200),
        rng.range(-200, 200),
        HALF,
        out,
        mode,
      );
      for (const v of [s.visibleMeV, s.preshowerMeV, s.leakBackMeV, s.leakLateralMeV]) {
        expect(Number.isFinite(v) && v >= 0).toBe(true);
      }
      expect(s.preshowerMeV).toBeLessThanOrEqual(s.visibleMeV * (1 + 1e-12));
      expect(s.visibleMeV + s.leakBackMeV + s.leakLateralMeV).toBeLessThanOrEqual(e * (1 + 1e-12));
      expect(s.visibleMeV + s.leakBackMeV + s.leakLateralMeV).toBeGreaterThanOrEqual(e * (1 - 1e-12));
    }
  });

  it('edge cases: zero energy, start behind the ECAL, bad input', () => {
    const rng = new Rng(1, 0);
    expect(showerSummary(rng, g, 0, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF)).toEqual({
      visibleMeV: 0,
      preshowerMeV: 0,
      leakBackMeV: 0,
      leakLateralMeV: 0,
    });
    const late = showerSummary(rng, g, 1000, 50, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF);
    expect(late.leakBackMeV).toBe(1000);
    expect(late.visibleMeV).toBe(0);
    expect(() => showerSummary(rng, g, -1, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF)).toThrow(RangeError);
    expect(() => showerSummary(rng, g, Number.NaN, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF)).toThrow(RangeError);
    expect(() => showerSummary(rng, g, 1000, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, 0)).toThrow(RangeError);
  });

  it('photons (conversion depth ~ Exp(9/7 X0)) leak more at the back than electrons', () => {
    const n = 4000;
    const rng = new Rng(31, 0);
    let eBack = 0;
    let gBack = 0;
    let depthSum = 0;
    for (let i = 0; i < n; i++) {
      eBack += showerSummary(rng, g, E100, 0, 15, PRE_DEPTH, 0, 0, HALF, out).leakBackMeV;
      const t0 = samplePhotonStartX0(rng);
      depthSum += t0;
      gBack += showerSummary(rng, g, E100, t0, 15, PRE_DEPTH, 0, 0, HALF, out).leakBackMeV;
    }
    expect(gBack).toBeGreaterThan(eBack);
    // mean conversion depth 9/7 X0, sd of the mean (9/7)/√n
    expect(Math.abs(depthSum / n - PAIR_MEAN_FREE_PATH_X0)).toBeLessThan(
      (4 * PAIR_MEAN_FREE_PATH_X0) / Math.sqrt(n),
    );
  });
});
