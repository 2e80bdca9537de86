/**
 * Tests of the small physics pieces against the reference sheets
 * (shared/physics/showers.md, muons-dark-sector-tracking.md) and the seeds.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { gammaP, gammaQ } from './math';
import { bendAngleRad, highlandTheta0Rad } from './tracking';
import { srCriticalEnergyMeV, srPhotonCount, srSpectrumMoments, srTableMoments, SR_MEAN_OVER_EC, sampleSrFraction } from './synchrotron';
import { muMuConversionRatio } from './dimuon';
import { photonuclearRatio } from './na64e/rates';
import { hadronL95Lambda, hadronTmaxLambda, hadronProfile, meanEmFraction } from './hadronShower';
import { decayHadron } from './decays';
import { LEAD, lambdaPiMm } from './materials';
import { parseRunParams, DEFAULT_PARAMS, ParamsError } from './params';
import { buildNa64eSetup } from './setups/na64e';
import { stackProperties } from './na64e/context';
import { ELECTRON_MASS_MEV, KAON_MASS_MEV, MUON_MASS_MEV } from './units';

describe('random streams', () => {
  it('are reproducible per (seed, event) and independent of order', () => {
    const a = new Rng(5, 123);
    const seqA = [a.uniform(), a.normal(), a.uniform()];
    new Rng(5, 999).uniform();
    const b = new Rng(5, 123);
    expect([b.uniform(), b.normal(), b.uniform()]).toEqual(seqA);
    expect(new Rng(5, 124).uniform()).not.toBe(seqA[0]);
    expect(new Rng(6, 123).uniform()).not.toBe(seqA[0]);
  });
  it('have the right moments (uniform, normal, gamma)', () => {
    const r = new Rng(1, 1);
    const n = 200000;
    let su = 0, sn = 0, sn2 = 0, sg = 0;
    for (let i = 0; i < n; i++) {
      su += r.uniform();
      const z = r.normal();
      sn += z;
      sn2 += z * z;
      sg += r.gamma(3.5);
    }
    // tolerances: 5 standard errors
    expect(Math.abs(su / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sn / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(sg / n - 3.5)).toBeLessThan(5 * Math.sqrt(3.5 / n));
  });
});

describe('ziggurat normal deviates', () => {
  // Φ(x) by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for a KS test at n = 4e5
  const erf = (x: number) => {
    const t = 1 / (1 + 0.3275911 * Math.abs(x));
    const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return x >= 0 ? y : -y;
  };
  const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
  const n = 400000;
  const r = new Rng(11, 7);
  const z = Float64Array.from({ length: n }, () => r.normal());

  it('follow N(0,1): Kolmogorov–Smirnov distance below the 0.1 % critical value', () => {
    const s = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(s[i]);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('have the right tails (wedges and tail beyond r = 3.44) and no serial correlation', () => {
    for (const [cut, p] of [
      [2, 0.0455003],
      [3, 0.0026998],
      [3.5, 0.00046527],
      [4, 0.0000633721],
    ] as const) {
      let k = 0;
      for (let i = 0; i < n; i++) if (Math.abs(z[i]) > cut) k++;
      expect(Math.abs(k - n * p)).toBeLessThan(5 * Math.sqrt(n * p) + 2);
    }
    let c = 0;
    for (let i = 1; i < n; i++) c += z[i] * z[i - 1];
    expect(Math.abs(c / n)).toBeLessThan(5 / Math.sqrt(n));
    let c2 = 0;
    for (let i = 1; i < n; i++) c2 += (z[i] * z[i] - 1) * (z[i - 1] * z[i - 1] - 1);
    expect(Math.abs(c2 / n)).toBeLessThan(5 * Math.sqrt(2 * 2) / Math.sqrt(n));
  });
});

describe('incomplete gamma', () => {
  it('matches known values', () => {
    expect(gammaP(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(gammaP(2, 3)).toBeCloseTo(1 - 4 * Math.exp(-3), 12);
    // showers.md V5: Q(5.43, 0.509*40) = 2.4e-5
    expect(gammaQ(5.43, 0.509 * 40)).toBeGreaterThan(2.2e-5);
    expect(gammaQ(5.43, 0.509 * 40)).toBeLessThan(2.6e-5);
  });
});

describe('tracking (muons sheet §5)', () => {
  it('bends a 100 GeV electron by 21 mrad in 7 T·m', () => {
    expect(bendAngleRad(100, 7) * 1000).toBeCloseTo(20.99, 1);
  });
  it('Highland: 160 GeV μ through 40 X0 gives 0.61 mrad', () => {
    expect(highlandTheta0Rad(160000, 1, 40) * 1000).toBeCloseTo(0.61, 1);
  });
});

describe('synchrotron radiation (muons sheet §5.4)', () => {
  it('critical energy and photon number for 100 GeV e⁻, B = 1.75 T, θ = 21 mrad', () => {
    expect(srCriticalEnergyMeV(100000, ELECTRON_MASS_MEV, 1.75)).toBeCloseTo(11.6, 1);
    expect(srPhotonCount(100000 / ELECTRON_MASS_MEV, 0.021)).toBeCloseTo(43, 0);
  });
  it('muons radiate 207⁴ times less power at the same energy (E_c ∝ 1/m³ at fixed E)', () => {
    const r = srCriticalEnergyMeV(100000, ELECTRON_MASS_MEV, 1.75) / srCriticalEnergyMeV(100000, MUON_MASS_MEV, 1.75);
    expect(r).toBeCloseTo((MUON_MASS_MEV / ELECTRON_MASS_MEV) ** 3, -3);
  });
  it('spectrum mean ⟨E⟩/E_c = 8/(15√3) and sampling reproduces it', () => {
    expect(srSpectrumMoments().mean).toBeCloseTo(SR_MEAN_OVER_EC, 12);
    // the sampled table has the analytic moments ⟨x⟩ = 8/(15√3), ⟨x²⟩ = 11/27 (Sands 1970) to 0.2 %
    expect(srTableMoments().mean / SR_MEAN_OVER_EC).toBeCloseTo(1, 2);
    expect(srTableMoments().meanSq / (11 / 27)).toBeCloseTo(1, 2);
    const r = new Rng(2, 2);
    let s = 0;
    const n = 100000;
    for (let i = 0; i < n; i++) s += sampleSrFraction(r);
    const sigma = Math.sqrt(srSpectrumMoments().meanSq - SR_MEAN_OVER_EC ** 2) / Math.sqrt(n);
    expect(Math.abs(s / n - SR_MEAN_OVER_EC)).toBeLessThan(5 * sigma + 0.003);
  });
});

describe('rare-process rates (muons sheet §4.1)', () => {
  it('γ → μμ / γ → ee in Pb: 0.8e-5, 1.7e-5, 2.1e-5 at 10, 50, 100 GeV', () => {
    expect(muMuConversionRatio(10, LEAD)).toBeCloseTo(0.8e-5, 6);
    expect(muMuConversionRatio(50, LEAD)).toBeCloseTo(1.7e-5, 6);
    expect(muMuConversionRatio(100, LEAD)).toBeCloseTo(2.1e-5, 6);
  });
  it('photonuclear / pair in Pb at 50 GeV ≈ 3.7e-4', () => {
    expect(photonuclearRatio(50000, LEAD)).toBeCloseTo(3.7e-4, 5);
  });
});

describe('hadron showers (showers.md §4)', () => {
  it('V16: 100 GeV t_max = 1.62 λ, L95 = 6.2 λ; the Gamma profile reproduces both', () => {
    expect(hadronTmaxLambda(100)).toBeCloseTo(1.62, 2);
    expect(hadronL95Lambda(100)).toBeCloseTo(6.2, 1);
    const { a, b } = hadronProfile(100);
    expect((a - 1) / b).toBeCloseTo(1.62, 2);
    expect(gammaP(a, b * 6.2)).toBeCloseTo(0.95, 2);
  });
  it('§4.3: f_em(100 GeV) ≈ 0.50 with E0 = 1 GeV, m = 0.85', () => {
    expect(meanEmFraction(100)).toBeCloseTo(1 - Math.pow(100, -0.15), 6);
  });
  it('V15: a 100 GeV π passes 225 mm Pb without interaction with P = 0.323', () => {
    expect(Math.exp(-225 / lambdaPiMm(LEAD))).toBeCloseTo(0.323, 2);
  });
  it('HCAL module ≈ 7.4 λ_I and the full ECAL ≈ 40.6 X0 (showers.md §1.2, §3.2)', () => {
    const s = buildNa64eSetup();
    const hcal = stackProperties(s.elements.find((e) => e.id === 'HCAL1')!.stack!);
    expect(hcal.lambdaI).toBeCloseTo(7.4, 1);
    const ecal = stackProperties(s.elements.find((e) => e.id === 'ECAL')!.stack!);
    expect(ecal.x0).toBeCloseTo(40.6, 1);
  });
  it('seed 004: 100 GeV π punch-through of one HCAL module ~1e-3', () => {
    const s = buildNa64eSetup();
    const hcal = stackProperties(s.elements.find((e) => e.id === 'HCAL1')!.stack!);
    const p = Math.exp(-hcal.lambdaPi);
    expect(p).toBeGreaterThan(3e-4);
    expect(p).toBeLessThan(3e-3);
  });
});

describe('decays in flight', () => {
  it('K⁻ → μ⁻ν̄: muon lab momentum within the two-body limits [0.046, 1]·p', () => {
    const r = new Rng(3, 3);
    for (let i = 0; i < 2000; i++) {
      const ds = decayHadron(r, 'K-', 100000);
      const e = ds.reduce((s, d) => s + d.p4.e, 0);
      expect(e).toBeCloseTo(Math.sqrt(1e10 + KAON_MASS_MEV ** 2), 0);
      const mu = ds.find((d) => d.kind === 'mu-');
      if (mu && ds.length === 2) {
        expect(mu.p4.e / 100000).toBeGreaterThan(0.04);
        expect(mu.p4.e / 100000).toBeLessThan(1.0001);
      }
    }
  });
});

describe('run parameters', () => {
  it('accepts the defaults and rejects absurd values with a readable message', () => {
    expect(parseRunParams(DEFAULT_PARAMS.na64e).events).toBe(100000);
    expect(() => parseRunParams({ ...DEFAULT_PARAMS.na64e, events: -3 })).toThrow(/events.*at least 1/);
    expect(() => parseRunParams({ ...DEFAULT_PARAMS.na64e, events: 1e12 })).toThrow(ParamsError);
    expect(() => parseRunParams({ ...DEFAULT_PARAMS.na64e, events: 'ten' })).toThrow(/events/);
    expect(() => parseRunParams({ ...DEFAULT_PARAMS.na64e, seed: 1.5 })).toThrow(/seed/);
  });
});
