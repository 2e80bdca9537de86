/**
 * Tests of the EM shower model (../emShower): longitudinal profile, validation targets V2–V6 and V9 of the reference
 * sheet showers.md §6, sampled fluctuations and correlation (4 standard errors), clamps at low
 * energy, and the fast ln Γ.
 */
import { describe, expect, it } from 'vitest';
import {
  containmentDepthX0,
  depositedFraction,
  fractionBeyond,
  homogeneousMeans,
  lnGammaFast,
  meanSamplingProfile,
  profileFromDeviates,
  sampleSamplingProfile,
  sampleShowerProfiles,
  type LongitudinalProfile,
} from '../emShower';
import { lnGamma } from '../math';
import { LEAD } from '../materials';
import { Rng } from '../rng';
import { E100, ecPb, expectRounded, g, meanSe, median } from './testFixtures';

const hPb = homogeneousMeans(E100, LEAD.z, ecPb);
const pbMean: LongitudinalProfile = (() => {
  const alpha = Math.exp(hPb.aveLogAlpha);
  const tmaxX0 = Math.exp(hPb.aveLogT);
  return { tmaxX0, alpha, beta: (alpha - 1) / tmaxX0 };
})();

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
