/**
 * A′ physics against the muons sheet §2 (numbers derived there from the DMG4 formulas) and the
 * scaling laws of the issue: ε², Z², 1/m², harder spectrum for heavier A′, E_R = m²/2m_e.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { ALPHA } from '../units';
import {
  AprimeXTable,
  KFACTOR_MASS_GEV,
  annihilationIntegralPbGeV,
  annihilationXsecPerElectronPb,
  aprimeBremXsecPb,
  aprimeFluxOverZ2,
  aprimeInvisibleBr,
  aprimeWidthChiGeV,
  aprimeWidthLeptonsGeV,
  aprimeSpectrum,
  epsilonOfY,
  kFactor,
  resonanceEnergyApproxGeV,
  resonanceEnergyGeV,
  yOfEpsilon,
} from './aprime';
import { GEV2_TO_PB, ME_GEV, atomsPerCm3 } from './common';

const PB = { z: 82, a: 207.2 };
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('K-factor table (DMG4 KFactors.code, typo-fixed grid)', () => {
  it('reproduces the sheet values at 100 GeV and has a monotonic mass grid', () => {
    expect(kFactor(0.01, 100)).toBeCloseTo(1.08268, 5);
    expect(kFactor(0.001, 100)).toBeCloseTo(0.604626, 5);
    expect(kFactor(0.1, 100)).toBeCloseTo(1.65122, 5);
    expect(kFactor(0.5, 100)).toBeCloseTo(1.92204, 5);
    expect(kFactor(1.0, 100)).toBeCloseTo(2.14436, 5);
    for (let i = 1; i < KFACTOR_MASS_GEV.length; i++) expect(KFACTOR_MASS_GEV[i]).toBeGreaterThan(KFACTOR_MASS_GEV[i - 1]);
    // between the fixed 30 and 40 MeV rows the interpolation is smooth (the typo would jump)
    expect(kFactor(0.035, 100)).toBeCloseTo(0.5 * (1.29257 + 1.37324), 5);
  });
  it('interpolates linearly in E0 and clamps outside the table', () => {
    expect(kFactor(0.01, 90)).toBeCloseTo(0.5 * (1.0874 + 1.08268), 6);
    expect(kFactor(0.01, 10)).toBeCloseTo(kFactor(0.01, 20), 12);
    expect(kFactor(2, 100)).toBeCloseTo(kFactor(1, 100), 12);
  });
});

describe('dark bremsstrahlung cross section (IWW/K)', () => {
  // muons sheet §2.2 table: Pb, E0 = 100 GeV, ε = 1e-4
  const sheet = [
    { m: 0.001, sigma: 2.1e5, chi: 6.8, nsx: 3.8e-9 },
    { m: 0.01, sigma: 8.5e3, chi: 11.4, nsx: 1.6e-10 },
    { m: 0.1, sigma: 106, chi: 12.2, nsx: 2.0e-12 },
    { m: 0.5, sigma: 1.8, chi: 6.0, nsx: 3.3e-14 },
    { m: 1.0, sigma: 0.19, chi: 3.3, nsx: 3.6e-15 },
  ];
  it.each(sheet)('m = $m GeV: σ, χ/Z² and n_Pb·σ·X0 as in the sheet (±5 %)', ({ m, sigma, chi, nsx }) => {
    const s = aprimeBremXsecPb(100, m, 1e-4, PB.z, PB.a);
    expect(rel(s, sigma)).toBeLessThan(0.05);
    expect(rel(aprimeFluxOverZ2(100, m, PB.z, PB.a), chi)).toBeLessThan(0.05);
    const x0Cm = 6.37 / 11.35;
    expect(rel(atomsPerCm3(11.35, 207.2) * s * 1e-36 * x0Cm, nsx)).toBeLessThan(0.06);
  });
  it('scales exactly as ε²', () => {
    for (const m of [0.003, 0.05, 0.7]) {
      const a = aprimeBremXsecPb(100, m, 1e-4, PB.z, PB.a);
      expect(aprimeBremXsecPb(100, m, 3e-4, PB.z, PB.a) / a).toBeCloseTo(9, 10);
      expect(aprimeBremXsecPb(100, m, 1e-5, PB.z, PB.a) / a).toBeCloseTo(0.01, 12);
    }
  });
  it('scales as Z² (up to the slowly varying form-factor logarithm χ/Z²)', () => {
    const perZ2 = [
      [26, 55.845],
      [29, 63.546],
      [74, 183.84],
      [82, 207.2],
    ].map(([z, a]) => aprimeBremXsecPb(100, 0.01, 1e-4, z, a) / (z * z));
    const max = Math.max(...perZ2);
    const min = Math.min(...perZ2);
    expect(max / min).toBeLessThan(1.35);
    // σ/χ is Z-independent exactly
    const r1 = aprimeBremXsecPb(100, 0.01, 1e-4, 26, 55.845) / (aprimeFluxOverZ2(100, 0.01, 26, 55.845) * 26 * 26);
    const r2 = aprimeBremXsecPb(100, 0.01, 1e-4, 82, 207.2) / (aprimeFluxOverZ2(100, 0.01, 82, 207.2) * 82 * 82);
    expect(r1 / r2).toBeCloseTo(1, 10);
  });
  it('falls as 1/m² up to logarithms and the K-factor', () => {
    const m2s = (m: number) => aprimeBremXsecPb(100, m, 1e-4, PB.z, PB.a) * m * m;
    expect(m2s(0.01) / m2s(0.1)).toBeGreaterThan(0.5);
    expect(m2s(0.01) / m2s(0.1)).toBeLessThan(2);
    const ratio = aprimeBremXsecPb(100, 0.02, 1e-4, PB.z, PB.a) / aprimeBremXsecPb(100, 0.04, 1e-4, PB.z, PB.a);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5.5);
  });
  it('vanishes below threshold and rejects masses below 1 MeV', () => {
    expect(aprimeBremXsecPb(0.5, 1, 1e-4, PB.z, PB.a)).toBe(0);
    expect(() => aprimeBremXsecPb(100, 0.0005, 1e-4, PB.z, PB.a)).toThrow(RangeError);
  });
});

describe('energy-fraction spectrum dσ/dx', () => {
  // sheet §2.2: ⟨x⟩ 0.71, 0.88, 0.93, 0.95, 0.95 and P(x>0.5) 0.79, 0.93, 0.96, 0.97, 0.97. The sheet
  // integrates to x = 1; we stop at x = 1 − m_e/E0 (the electron keeps at least its mass), which
  // lowers ⟨x⟩ of the heaviest masses by ≈ 0.014.
  const rows = [
    [0.001, 0.71, 0.79],
    [0.01, 0.88, 0.93],
    [0.1, 0.93, 0.96],
    [0.5, 0.95, 0.97],
    [1.0, 0.95, 0.97],
  ];
  it('⟨x⟩ and P(x > 0.5) as in the sheet; the spectrum hardens with mass', () => {
    let last = 0;
    for (const [m, meanX, p5] of rows) {
      const mo = new AprimeXTable(100, m).moments(0.5);
      expect(Math.abs(mo.meanX - meanX)).toBeLessThan(0.02);
      expect(Math.abs(mo.fractionAbove - p5)).toBeLessThan(0.02);
      expect(mo.meanX).toBeGreaterThan(last);
      last = mo.meanX;
    }
  });
  it('the sampler reproduces the table moments and honours the lower cut', () => {
    const t = new AprimeXTable(100, 0.02);
    const rng = new Rng(3, 0);
    let s = 0;
    const n = 40000;
    for (let i = 0; i < n; i++) s += t.sample(rng.uniform());
    expect(Math.abs(s / n - t.moments().meanX)).toBeLessThan(0.005);
    for (let i = 0; i < 2000; i++) expect(t.sample(rng.uniform(), 0.6)).toBeGreaterThanOrEqual(0.6 - 1e-12);
    // fraction above a cut equals the conditional sampling acceptance
    let above = 0;
    for (let i = 0; i < n; i++) if (t.sample(rng.uniform()) > 0.8) above++;
    expect(Math.abs(above / n - t.fractionAbove(0.8))).toBeLessThan(0.01);
  });
  it('AprimeSpectrum interpolates between energies and keeps E_A′ above the cut', () => {
    const sp = aprimeSpectrum(0.05, 5, 110);
    const rng = new Rng(9, 1);
    for (let i = 0; i < 1000; i++) {
      const e = 20 + 80 * rng.uniform();
      const x = sp.sampleX(rng.uniform(), rng.uniform(), e, 10);
      expect(x * e).toBeGreaterThanOrEqual(10 * (1 - 1e-9));
      expect(x).toBeLessThan(1);
    }
    expect(sp.fractionAboveEnergy(100, 50)).toBeGreaterThan(sp.fractionAboveEnergy(60, 50));
  });
});

describe('widths, y and resonant annihilation', () => {
  it('Γ(A′ → e⁺e⁻) = α ε² m/3 for m ≫ m_e, Γ(χχ̄) ∝ α_D, Br(invisible) ≈ 1', () => {
    expect(aprimeWidthLeptonsGeV(0.1, 1e-3) / ((ALPHA * 1e-6 * 0.1) / 3)).toBeCloseTo(1, 3);
    expect(aprimeWidthLeptonsGeV(0.001, 1e-3)).toBe(0);
    expect(aprimeWidthChiGeV(0.3, 0.5) / aprimeWidthChiGeV(0.3, 0.1)).toBeCloseTo(5, 10);
    expect(aprimeInvisibleBr(0.1, 1e-4, 0.5)).toBeGreaterThan(0.999999);
  });
  it('y = ε² α_D (1/3)⁴ and its inverse', () => {
    expect(yOfEpsilon(1e-4, 0.5)).toBeCloseTo((1e-8 * 0.5) / 81, 20);
    expect(epsilonOfY(yOfEpsilon(3e-5, 0.1), 0.1)).toBeCloseTo(3e-5, 15);
  });
  it('E_R = m²/2m_e: 10 MeV → 97.8 MeV, 225 MeV → 49.5 GeV (exact: m²/2m_e − m_e)', () => {
    expect(resonanceEnergyApproxGeV(0.01) * 1000).toBeCloseTo(97.8, 1);
    expect(resonanceEnergyApproxGeV(0.225)).toBeCloseTo(49.5, 1);
    expect(resonanceEnergyGeV(0.01)).toBeCloseTo(resonanceEnergyApproxGeV(0.01) - ME_GEV, 12);
    expect(resonanceEnergyGeV(0.225)).toBeCloseTo(49.5, 1);
    // the cross section peaks at E_R
    const model = { mGeV: 0.1, eps: 1e-4, alphaD: 0.01 };
    const er = resonanceEnergyGeV(0.1);
    expect(annihilationXsecPerElectronPb(er, model)).toBeGreaterThan(annihilationXsecPerElectronPb(er * 1.01, model));
    expect(annihilationXsecPerElectronPb(er, model)).toBeGreaterThan(annihilationXsecPerElectronPb(er * 0.99, model));
  });
  it('narrow-width integral = numerical ∫σ dE₊ = 2π²αε² Br/m_e, independent of α_D', () => {
    const model = { mGeV: 0.1, eps: 1e-4, alphaD: 0.005 };
    const er = resonanceEnergyGeV(0.1);
    let num = 0;
    const n = 200000;
    const w = 0.5 * er;
    for (let i = 0; i < n; i++) num += annihilationXsecPerElectronPb(er - w + (2 * w * (i + 0.5)) / n, model) * ((2 * w) / n);
    const nw = annihilationIntegralPbGeV(model);
    expect(rel(num, nw)).toBeLessThan(0.02);
    const closed = ((2 * Math.PI ** 2 * ALPHA * 1e-8) / ME_GEV) * GEV2_TO_PB;
    expect(rel(nw, closed)).toBeLessThan(1e-4);
    expect(rel(annihilationIntegralPbGeV({ ...model, alphaD: 0.5 }), nw)).toBeLessThan(1e-4);
    expect(annihilationIntegralPbGeV({ ...model, eps: 2e-4 }) / nw).toBeCloseTo(4, 4);
  });
});
