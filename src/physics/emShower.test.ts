/**
 * Tests of the EM shower model against the validation targets V1–V14 of the reference sheet
 * showers.md §6, plus statistical and consistency tests. Tolerances: a target quoted to n digits is
 * met within half a unit of its last digit (the sheet's rounding); statistical tests use 4 standard
 * errors of the sample (false-failure probability < 1e-4 per check; seeds are fixed anyway).
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_SPOTS,
  NA64_ECAL_RESOLUTION,
  PAIR_MEAN_FREE_PATH_X0,
  bremPhotonsPerX0,
  containmentDepthX0,
  depositedFraction,
  ecGFlashMeV,
  fractionBeyond,
  gflashSampling,
  gflashSpotCount,
  homogeneousMeans,
  lateralContainedFraction,
  lateralContainedFractionExact,
  lnGammaFast,
  meanSamplingProfile,
  profileFromDeviates,
  radialContainment,
  sampleBremFraction,
  samplePhotonStartX0,
  sampleSamplingProfile,
  sampleShowerProfiles,
  samplingStochasticRule,
  showerCells,
  showerSummary,
  smearResolution,
  type LongitudinalProfile,
  type ShowerSummary,
} from './emShower';
import { lnGamma } from './math';
import { LEAD, SCINTILLATOR, x0Mm } from './materials';
import { Rng } from './rng';
import { ECAL_CELL_MM, ECAL_PB_MM, ECAL_PRESHOWER_LAYERS, ECAL_SC_MM } from './setups/na64e';
import type { SamplingStack } from './setups/types';

const ECAL_STACK: SamplingStack = {
  absorber: LEAD,
  active: SCINTILLATOR,
  absorberMm: ECAL_PB_MM,
  activeMm: ECAL_SC_MM,
  layers: 150,
};
const g = gflashSampling(ECAL_STACK);
const ECAL_DEPTH = 150 * g.x0PerLayer;
const PRE_DEPTH = ECAL_PRESHOWER_LAYERS * g.x0PerLayer;
const HALF = 3 * ECAL_CELL_MM; // 6 cells of 38 mm
const E100 = 100_000; // MeV

/** |x − target| <= half a unit of the last quoted digit. */
function expectRounded(x: number, target: number, halfUnit: number): void {
  expect(Math.abs(x - target)).toBeLessThanOrEqual(halfUnit * (1 + 1e-9));
}

function meanSe(xs: ArrayLike<number>): { mean: number; se: number; sd: number } {
  const n = xs.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += xs[i];
  const mean = s / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i] - mean) ** 2;
  const sd = Math.sqrt(v / (n - 1));
  return { mean, se: sd / Math.sqrt(n), sd };
}

function median(xs: number[]): number {
  const a = [...xs].sort((p, q) => p - q);
  return a[(a.length - 1) >> 1];
}

const ecPb = ecGFlashMeV(LEAD.x0Gcm2, LEAD.z, LEAD.a);
const hPb = homogeneousMeans(E100, LEAD.z, ecPb);
const pbMean: LongitudinalProfile = (() => {
  const alpha = Math.exp(hPb.aveLogAlpha);
  const tmaxX0 = Math.exp(hPb.aveLogT);
  return { tmaxX0, alpha, beta: (alpha - 1) / tmaxX0 };
})();

describe('materials → GFlash quantities (showers.md §1.2, §3.1)', () => {
  it('V1: E_c(Pb) from the GFlash formula with X0 in g/cm² is 7.36 MeV (PDG 7.43)', () => {
    expectRounded(ecPb, 7.36, 0.005);
    expect(Math.abs(ecPb - LEAD.ecMeV) / LEAD.ecMeV).toBeLessThan(0.015);
  });

  it('V8: NA64 ECAL effective quantities', () => {
    expectRounded(g.zEff, 75.5, 0.05);
    expectRounded(g.x0EffMm, 11.07, 0.005);
    expectRounded(g.rmEffMm, 17.45, 0.005);
    expectRounded(g.ecEffMeV, 13.46, 0.005);
    expectRounded(g.fs, 3.69, 0.005);
    expectRounded(g.ehat, 0.652, 0.0005);
    expectRounded(g.aEff, 190.5, 0.05);
    expectRounded(g.rhoEff, 6.205, 0.0005);
  });

  it('V10: 0.2709 X0 per layer, 150 layers = 40.6 X0 (= layer thickness / X0eff)', () => {
    expectRounded(g.x0PerLayer, 0.2709, 0.00005);
    expectRounded(ECAL_DEPTH, 40.6, 0.05);
    expect(g.x0PerLayer).toBeCloseTo((ECAL_PB_MM + ECAL_SC_MM) / g.x0EffMm, 12);
  });

  it('V11: MIP sampling fraction 0.146; V12: sampling rule ≈ 8.7 %/sqrt(E)', () => {
    expectRounded(g.fMip, 0.146, 0.0005);
    expectRounded(samplingStochasticRule(ECAL_STACK, g), 0.087, 0.0005);
  });

  it('throws for non-physical input', () => {
    expect(() => ecGFlashMeV(0, 82, 207.2)).toThrow(RangeError);
    expect(() => gflashSampling({ ...ECAL_STACK, absorberMm: -1 })).toThrow(RangeError);
    expect(() => gflashSampling({ ...ECAL_STACK, absorberMm: 0, activeMm: 0 })).toThrow(RangeError);
  });
});

describe('longitudinal profile (showers.md §2.2)', () => {
  it('V3: homogeneous Pb 100 GeV medians T = 8.71 X0, α = 5.43, β = 0.509 (y = 13596)', () => {
    expectRounded(E100 / ecPb, 13596, 5); // the sheet's y, from E_c = 7.355 MeV
    expectRounded(pbMean.tmaxX0, 8.71, 0.005);
    expectRounded(pbMean.alpha, 5.43, 0.005);
    expectRounded(pbMean.beta, 0.509, 0.0005);
  });

  it('V4: σ(ln T) = 0.0944, σ(ln α) = 0.1315, ρ = 0.486', () => {
    expectRounded(hPb.sigmaLogT, 0.0944, 0.00005);
    expectRounded(hPb.sigmaLogAlpha, 0.1315, 0.00005);
    expectRounded(hPb.rho, 0.486, 0.0005);
  });

  it('V5: energy beyond t for the mean-parameter gamma', () => {
    expectRounded(fractionBeyond(pbMean, 20), 3.8e-2, 0.05e-2);
    expectRounded(fractionBeyond(pbMean, 25), 7.3e-3, 0.05e-3);
    expectRounded(fractionBeyond(pbMean, 30), 1.2e-3, 0.05e-3);
    expectRounded(fractionBeyond(pbMean, 40), 2.4e-5, 0.05e-5);
    // the PDG-parameter version (a = 5.50, b = 0.5) gives 3.6e-5 beyond 40 X0
    expectRounded(fractionBeyond({ tmaxX0: 9, alpha: 5.5, beta: 0.5 }, 40), 3.6e-5, 0.05e-5);
    // depositedFraction is the complement, and the pieces add up to 1
    expect(1 - depositedFraction(pbMean, 0, 40)).toBeCloseTo(fractionBeyond(pbMean, 40), 12);
    const sum =
      depositedFraction(pbMean, 0, 4) + depositedFraction(pbMean, 4, 25) + fractionBeyond(pbMean, 25);
    expect(sum).toBeCloseTo(1, 13);
    expect(depositedFraction(pbMean, 30, 40)).toBeCloseTo(
      fractionBeyond(pbMean, 30) - fractionBeyond(pbMean, 40),
      14,
    );
    expect(depositedFraction(pbMean, 5, 5)).toBe(0);
  });

  it('V6: 95 % containment 19.1 X0 (GFlash), 19.7 X0 (PDG a, b); PDG rule 25.2 X0 is an upper bound', () => {
    const t95 = containmentDepthX0(pbMean, 0.95);
    expectRounded(t95, 19.1, 0.05);
    expectRounded(containmentDepthX0({ tmaxX0: 9, alpha: 5.5, beta: 0.5 }, 0.95), 19.7, 0.05);
    const tmaxPdg = Math.log(E100 / LEAD.ecMeV) - 0.5; // V2: 9.01 X0
    expectRounded(tmaxPdg, 9.01, 0.005);
    const rule = tmaxPdg + 0.08 * LEAD.z + 9.6;
    expectRounded(rule, 25.2, 0.05);
    expect(t95).toBeLessThan(rule);
  });

  it('V9: NA64 ECAL sampling medians at 100 GeV: T 7.71 X0eff (85.4 mm), α 5.03, β 0.523', () => {
    expectRounded(E100 / g.ecEffMeV, 7431, 0.5);
    const p = meanSamplingProfile(E100, g);
    expectRounded(p.tmaxX0, 7.71, 0.005);
    expectRounded(p.tmaxX0 * g.x0EffMm, 85.4, 0.05);
    expectRounded(p.alpha, 5.03, 0.005);
    expectRounded(p.beta, 0.523, 0.0005);
    // the homogeneous part of the same formulas (sheet: T_hom 8.10, α_hom 5.16)
    const hom = homogeneousMeans(E100, g.zEff, g.ecEffMeV);
    expectRounded(Math.exp(hom.aveLogT), 8.1, 0.005);
    expectRounded(Math.exp(hom.aveLogAlpha), 5.16, 0.005);
    expect(profileFromDeviates(E100, g, 0, 0)).toEqual(p);
  });

  it('sampled (T, α) have the medians of meanSamplingProfile and the tuned correlation', () => {
    const n = 20001;
    const rng = new Rng(11, 0);
    const ts: number[] = [];
    const as: number[] = [];
    const lt = new Float64Array(n);
    const la = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = sampleSamplingProfile(rng, E100, g);
      ts.push(p.tmaxX0);
      as.push(p.alpha);
      lt[i] = Math.log(p.tmaxX0);
      la[i] = Math.log(p.alpha);
      expect(p.beta).toBeCloseTo((p.alpha - 1) / p.tmaxX0, 12);
    }
    const m = meanSamplingProfile(E100, g);
    const lny = Math.log(E100 / g.ecEffMeV);
    const sigT = 1 / (-2.5 + 1.25 * lny); // showers.md §2.2 ParsSigLogT
    const sigA = 1 / (-0.82 + 0.79 * lny); // ParsSigLogA
    const rho = 0.784 - 0.023 * lny; // ParsRho
    // standard error of a sample median of a normal: 1.2533 σ/√n (in ln space)
    expect(Math.abs(Math.log(median(ts) / m.tmaxX0))).toBeLessThan((4 * 1.2533 * sigT) / Math.sqrt(n));
    expect(Math.abs(Math.log(median(as) / m.alpha))).toBeLessThan((4 * 1.2533 * sigA) / Math.sqrt(n));
    const st = meanSe(lt);
    const sa = meanSe(la);
    expect(Math.abs(st.sd - sigT)).toBeLessThan((4 * sigT) / Math.sqrt(2 * n));
    expect(Math.abs(sa.sd - sigA)).toBeLessThan((4 * sigA) / Math.sqrt(2 * n));
    let cov = 0;
    for (let i = 0; i < n; i++) cov += (lt[i] - st.mean) * (la[i] - sa.mean);
    const r = cov / (n - 1) / (st.sd * sa.sd);
    expect(Math.abs(r - rho)).toBeLessThan((4 * (1 - rho * rho)) / Math.sqrt(n));
  });

  it('low energies stay finite (clamps), both parameter sets are returned', () => {
    for (const e of [1, 5, 20, 50, 200, 1e3, 1e6, 1e7]) {
      const rng = new Rng(3, e);
      const { sampling, homogeneous } = sampleShowerProfiles(rng, e, g);
      for (const p of [sampling, homogeneous, meanSamplingProfile(e, g)]) {
        expect(p.tmaxX0).toBeGreaterThanOrEqual(1);
        expect(p.alpha).toBeGreaterThanOrEqual(1.1);
        expect(Number.isFinite(p.beta) && p.beta > 0).toBe(true);
      }
    }
    expect(() => meanSamplingProfile(0, g)).toThrow(RangeError);
    expect(() => homogeneousMeans(-1, 82, 7)).toThrow(RangeError);
  });

  it('lnGammaFast agrees with the Lanczos lnGamma to 1e-10', () => {
    for (let a = 0.05; a < 300; a *= 1.07) {
      expect(Math.abs(lnGammaFast(a) - lnGamma(a))).toBeLessThan(1e-10 * Math.max(1, Math.abs(lnGamma(a))));
    }
  });
});

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

describe('showerCells (spot-by-spot)', () => {
  const nCells = 36;

  function runCells(n: number, x: number, y: number, seed: number) {
    const pre = new Float64Array(nCells);
    const main = new Float64Array(nCells);
    const tot = new Float64Array(n);
    const preTot = new Float64Array(n);
    const central = new Float64Array(n); // central 2×2 fraction of the ECAL total
    const cell21 = new Float64Array(n); // fraction in cell (3, 3) (centre x = y = 19 mm)
    const rng = new Rng(seed, 0);
    for (let i = 0; i < n; i++) {
      pre.fill(0);
      main.fill(0);
      rng.reset(seed, i);
      const r = showerCells(
        rng,
        g,
        E100,
        0,
        ECAL_DEPTH,
        PRE_DEPTH,
        x,
        y,
        0,
        0,
        6,
        6,
        ECAL_CELL_MM,
        pre,
        main,
      );
      let s = 0;
      let ps = 0;
      for (let k = 0; k < nCells; k++) {
        s += pre[k] + main[k];
        ps += pre[k];
      }
      expect(s + r.leakBackMeV + r.leakLateralMeV).toBeCloseTo(E100, 6);
      expect(r.spots).toBe(MAX_SPOTS);
      tot[i] = s;
      preTot[i] = ps;
      const c = [14, 15, 20, 21].reduce((acc, k) => acc + pre[k] + main[k], 0);
      central[i] = c / s;
      cell21[i] = (pre[21] + main[21]) / s;
    }
    return { tot, preTot, central, cell21 };
  }

  it('totals and preshower agree with showerSummary within fluctuations', () => {
    const n = 600;
    const cells = runCells(n, 0, 0, 41);
    const out: ShowerSummary = { visibleMeV: 0, preshowerMeV: 0, leakBackMeV: 0, leakLateralMeV: 0 };
    const vis = new Float64Array(n);
    const pre = new Float64Array(n);
    const rng = new Rng(42, 0);
    for (let i = 0; i < n; i++) {
      showerSummary(rng, g, E100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF, out);
      vis[i] = out.visibleMeV;
      pre[i] = out.preshowerMeV;
    }
    for (const [a, b] of [
      [cells.tot, vis],
      [cells.preTot, pre],
    ]) {
      const ma = meanSe(a);
      const mb = meanSe(b);
      expect(Math.abs(ma.mean - mb.mean)).toBeLessThan(4 * Math.hypot(ma.se, mb.se));
    }
  });

  it('6×6 pattern: shares of the central 2×2 cells and of one cell match the radial model', () => {
    // The model's face integrals (lateralContainedFractionExact) for the same geometry, normalised
    // to the 6×6 total as the cells are: shower at the ECAL centre → central 2×2 (±2.18 R_M)
    // holds 0.981; shower at a cell centre → that 38 mm cell (±1.09 R_M) holds 0.938 (the part
    // within ~1.2 R_M: 0.93). Tolerance: 4 SE of the per-event fractions + 1e-3 for the shower
    // ensemble (the model averages the radial profile over the median-based tau grid and
    // the alpha distribution, the cells use each shower's own profile).
    const n = 300;
    const atCentre = runCells(n, 0, 0, 43);
    const all = lateralContainedFractionExact(g, E100, 0, 0, HALF);
    const want2x2 = lateralContainedFractionExact(g, E100, 0, 0, ECAL_CELL_MM) / all;
    const m2 = meanSe(atCentre.central);
    expect(Math.abs(m2.mean - want2x2)).toBeLessThan(4 * m2.se + 1e-3);
    expect(m2.mean).toBeGreaterThan(0.97);

    const half = ECAL_CELL_MM / 2;
    const onCell = runCells(n, half, half, 44);
    const allOff = lateralContainedFractionExact(g, E100, half, half, HALF);
    const want1 = lateralContainedFractionExact(g, E100, 0, 0, half) / allOff;
    const m1 = meanSe(onCell.cell21);
    expect(Math.abs(m1.mean - want1)).toBeLessThan(4 * m1.se + 1e-3);
    expect(m1.mean).toBeGreaterThan(0.9);
  });

  it('slopes shift the deposits, the spot count follows Geant4 and the cap, determinism', () => {
    const pre = new Float64Array(nCells);
    const main = new Float64Array(nCells);
    const rng = new Rng(50, 0);
    // a 0.1 rad slope moves the shower by ~10 mm at the maximum: more energy in x > 0 cells
    showerCells(rng, g, E100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, 0.1, 0, 6, 6, ECAL_CELL_MM, pre, main);
    let right = 0;
    let left = 0;
    for (let iy = 0; iy < 6; iy++) {
      for (let ix = 0; ix < 6; ix++) {
        const e = pre[ix + 6 * iy] + main[ix + 6 * iy];
        if (ix >= 3) right += e;
        else left += e;
      }
    }
    expect(right).toBeGreaterThan(3 * left);
    expect(gflashSpotCount(100)).toBeCloseTo((93 / 0.11) * 0.1 ** 0.876, 9);
    const r = showerCells(rng, g, 100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, 0, 0, 6, 6, ECAL_CELL_MM, pre, main);
    expect(r.spots).toBe(Math.round(gflashSpotCount(100)));
    // determinism
    const a = new Float64Array(nCells);
    const b = new Float64Array(nCells);
    const ma = new Float64Array(nCells);
    const mb = new Float64Array(nCells);
    showerCells(
      new Rng(60, 3),
      g,
      20_000,
      0.5,
      ECAL_DEPTH,
      PRE_DEPTH,
      5,
      -7,
      0.01,
      0,
      6,
      6,
      ECAL_CELL_MM,
      a,
      ma,
    );
    showerCells(
      new Rng(60, 3),
      g,
      20_000,
      0.5,
      ECAL_DEPTH,
      PRE_DEPTH,
      5,
      -7,
      0.01,
      0,
      6,
      6,
      ECAL_CELL_MM,
      b,
      mb,
    );
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(ma)).toEqual(Array.from(mb));
    expect(() =>
      showerCells(
        rng,
        g,
        1000,
        0,
        ECAL_DEPTH,
        PRE_DEPTH,
        0,
        0,
        0,
        0,
        6,
        6,
        ECAL_CELL_MM,
        new Float64Array(10),
        main,
      ),
    ).toThrow(RangeError);
    // low energies and the Geant4 deposit switch conserve energy too
    for (const e of [2, 30, 300]) {
      for (const mode of ['sampling', 'geant4'] as const) {
        pre.fill(0);
        main.fill(0);
        const res = showerCells(
          rng,
          g,
          e,
          0,
          ECAL_DEPTH,
          PRE_DEPTH,
          100,
          0,
          0,
          0,
          6,
          6,
          ECAL_CELL_MM,
          pre,
          main,
          mode,
        );
        let s = res.leakBackMeV + res.leakLateralMeV;
        for (let k = 0; k < nCells; k++) s += pre[k] + main[k];
        expect(s).toBeCloseTo(e, 9);
      }
    }
  });
});

describe('bremsstrahlung and pair production (showers.md §5)', () => {
  it('V13: ∫ y dN/dy dy = 1 per X0 (numerically) and N(y > 0.5) = 0.633', () => {
    expectRounded(bremPhotonsPerX0(0.5, 1), 0.633, 0.0005);
    // Σ over log bins of <y>_bin × N_bin, 4000 bins from 1e-12 to 1 (the part below 1e-12 is 1e-12)
    const nb = 4000;
    const lo = Math.log(1e-12);
    let sum = 0;
    for (let i = 0; i < nb; i++) {
      const y1 = Math.exp(lo * (1 - i / nb));
      const y2 = Math.exp(lo * (1 - (i + 1) / nb));
      sum += 0.5 * (y1 + y2) * bremPhotonsPerX0(y1, y2);
    }
    expect(Math.abs(sum - 1)).toBeLessThan(1e-4);
    expect(() => bremPhotonsPerX0(0, 1)).toThrow(RangeError);
  });

  it('sampled photon fractions follow the spectrum (mean and hard fraction)', () => {
    const yMin = 0.01;
    const n = 50000;
    const rng = new Rng(70, 0);
    const ys = new Float64Array(n);
    let hard = 0;
    let inRange = true;
    for (let i = 0; i < n; i++) {
      const y = sampleBremFraction(rng, yMin);
      inRange &&= y >= yMin && y < 1;
      ys[i] = y;
      if (y > 0.5) hard++;
    }
    expect(inRange).toBe(true);
    const nTot = bremPhotonsPerX0(yMin, 1);
    // ∫_{yMin}^1 (4/3 − 4/3 y + y²) dy
    const eInt = (4 / 3) * (1 - yMin) - (2 / 3) * (1 - yMin ** 2) + (1 - yMin ** 3) / 3;
    const { mean, se } = meanSe(ys);
    expect(Math.abs(mean - eInt / nTot)).toBeLessThan(4 * se);
    const pHard = bremPhotonsPerX0(0.5, 1) / nTot;
    expect(Math.abs(hard / n - pHard)).toBeLessThan(4 * Math.sqrt((pHard * (1 - pHard)) / n));
    expect(() => sampleBremFraction(rng, 0)).toThrow(RangeError);
  });

  it('V14: pair-production mean free path 9/7 X0 = 7.215 mm in Pb', () => {
    expect(PAIR_MEAN_FREE_PATH_X0).toBe(9 / 7);
    // the sheet rounds X0(Pb) to 5.612 mm; 6.37/11.35 g/cm² gives 5.6123 mm → 7.2159 mm
    expectRounded(PAIR_MEAN_FREE_PATH_X0 * x0Mm(LEAD), 7.215, 0.001);
  });
});

describe('resolution (showers.md §3)', () => {
  it('smearing has mean E and σ/E = a/√E ⊕ b; never negative', () => {
    const { stochastic, constant } = NA64_ECAL_RESOLUTION;
    expect(stochastic).toBe(0.09);
    expect(constant).toBe(0.01);
    const n = 40000;
    const rng = new Rng(80, 0);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = smearResolution(rng, E100, stochastic, constant);
    const { mean, se, sd } = meanSe(xs);
    const sigma = E100 * Math.hypot(stochastic / Math.sqrt(E100 / 1000), constant); // 1.35 GeV
    expect(Math.abs(mean - E100)).toBeLessThan(4 * se);
    expect(Math.abs(sd - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * n));
    for (let i = 0; i < 1000; i++) expect(smearResolution(rng, 1, 0.5, 0.5)).toBeGreaterThanOrEqual(0);
    expect(smearResolution(rng, 0, stochastic, constant)).toBe(0);
  });
});
