/** Published curves and the (g−2)_μ band: consistency checks, no invented points. */
import { describe, expect, it } from 'vitest';
import { MUON_MASS_MEV } from '../units';
import { DELTA_A_MU, deltaAVector, gMinus2Band } from './gminus2';
import { NA64E_2019_EPSILON, NA64E_2022_Y, NA64MU_2024_ZPRIME, epsilonPointsOfY } from './published';

const interpLog = (pts: { massMeV: number; epsilon: number }[], m: number) => {
  for (let i = 1; i < pts.length; i++)
    if (pts[i].massMeV >= m) {
      const t = Math.log(m / pts[i - 1].massMeV) / Math.log(pts[i].massMeV / pts[i - 1].massMeV);
      return Math.exp((1 - t) * Math.log(pts[i - 1].epsilon) + t * Math.log(pts[i].epsilon));
    }
  return NaN;
};

describe('published NA64 curves', () => {
  it('are ordered in mass, positive, with their provenance', () => {
    for (const c of [NA64E_2019_EPSILON.points.map((p) => p.massMeV), NA64E_2022_Y.points.map((p) => p.mChiMeV)])
      for (let i = 1; i < c.length; i++) expect(c[i]).toBeGreaterThan(c[i - 1]);
    expect(NA64E_2019_EPSILON.reference).toMatch(/PRL 123 \(2019\) 121801/);
    expect(NA64E_2019_EPSILON.digitization).toMatch(/DARKCAST/);
    expect(NA64MU_2024_ZPRIME.points.length).toBe(0);
  });
  it('the 2022 y curve (α_D = 0.1) is the 2019 ε curve scaled by sqrt(2.84/9.37) within 35 % off resonance', () => {
    const eps22 = epsilonPointsOfY(NA64E_2022_Y);
    for (const m of [4, 10, 30, 100, 500, 1000]) {
      const e19 = interpLog(NA64E_2019_EPSILON.points as { massMeV: number; epsilon: number }[], m) * Math.sqrt(2.84 / 9.37);
      const e22 = interpLog(eps22, m);
      expect(e22 / e19).toBeGreaterThan(0.65);
      expect(e22 / e19).toBeLessThan(1.35);
    }
  });
});

describe('(g−2)_μ of a vector boson', () => {
  it('heavy limit (g²/4π²)(m_μ/M)²/3 (seed 001) and light limit g²/8π²', () => {
    const M = 1e5;
    expect(deltaAVector(1e-3, M) / ((1e-6 / (4 * Math.PI ** 2)) * (MUON_MASS_MEV / M) ** 2 / 3)).toBeCloseTo(1, 2);
    expect(deltaAVector(1e-3, 1e-3) / (1e-6 / (8 * Math.PI ** 2))).toBeCloseTo(1, 3);
  });
  it('the ±2σ band is ordered and reproduces Δa_μ', () => {
    const b = gMinus2Band(10);
    expect(b.gLow).toBeLessThan(b.gCentral);
    expect(b.gCentral).toBeLessThan(b.gHigh);
    expect(deltaAVector(b.gCentral, 10) / DELTA_A_MU.value).toBeCloseTo(1, 8);
    expect(b.gCentral).toBeGreaterThan(2e-4);
    expect(b.gCentral).toBeLessThan(1e-3);
    expect(gMinus2Band(100).gCentral).toBeGreaterThan(b.gCentral);
  });
});
