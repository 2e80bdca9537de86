/**
 * Yields per particle on target vs the muons sheet: A′ per EOT (order of magnitude 1–3e-10 at
 * m = 10 MeV, ε = 1e-4 for the primary; §2.2) and NA64μ Eq. (6) for the Z′ (§3.3), plus scalings.
 */
import { describe, expect, it } from 'vitest';
import { LEAD, SCINTILLATOR } from '../materials';
import { PB_TO_CM2, atomsPerCm3 } from './common';
import { aprimeYieldPerEot, stackComponents, zprimeYieldPerMot } from './yield';
import { eps2OfG, zprimeXsecPerEps2Pb } from './zprime';

const ECAL = { absorber: LEAD, active: SCINTILLATOR, absorberMm: 1.5, activeMm: 1.5, layers: 150 };

describe('A′ yield per EOT in the NA64e ECAL', () => {
  it('the stack has ≈ 1 X0 of Pb per X0 of track (Pb dominates the radiation length)', () => {
    const c = stackComponents(ECAL);
    const pbX0Cm = LEAD.x0Gcm2 / LEAD.densityGcm3;
    expect(c[0].cmPerX0 / pbX0Cm).toBeGreaterThan(0.97);
    expect(c[0].cmPerX0 / pbX0Cm).toBeLessThan(1.0);
  });
  it('m = 10 MeV, ε = 1e-4: primary 1–3e-10 per EOT (sheet §2.2), shower e± add to it', () => {
    const y = aprimeYieldPerEot({ massMeV: 10, epsilon: 1e-4 }, 100, ECAL);
    expect(y.primary).toBeGreaterThan(1e-10);
    expect(y.primary).toBeLessThan(3e-10);
    expect(y.secondary).toBeGreaterThan(0.3 * y.primary);
    expect(y.annihilation).toBe(0); // E_R = 97 MeV < the 10 GeV cut
    expect(y.total / (y.primary + y.secondary)).toBeCloseTo(1, 8); // × Br(χχ̄) = 1 − O(ε²α/α_D)
    // the primary's yield ≈ (n σ X0 per X0 = 1.6e-10) × its track length above the cut (≈ 1.7 X0)
    expect(y.primary / 1.6e-10).toBeGreaterThan(1.2);
    expect(y.primary / 1.6e-10).toBeLessThan(2.2);
  });
  it('scales as ε² (annihilation included) and falls with the mass', () => {
    for (const m of [5, 225]) {
      const a = aprimeYieldPerEot({ massMeV: m, epsilon: 1e-4 }, 100, ECAL);
      const b = aprimeYieldPerEot({ massMeV: m, epsilon: 3e-4 }, 100, ECAL);
      expect(b.total / a.total).toBeCloseTo(9, 4);
    }
    const ys = [1, 10, 100, 1000].map((m) => aprimeYieldPerEot({ massMeV: m, epsilon: 1e-4 }, 100, ECAL).total);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1]);
  });
  it('resonant annihilation dominates near m = 225 MeV (E_R ≈ 50 GeV) and vanishes for E_R > E_beam', () => {
    const y = aprimeYieldPerEot({ massMeV: 225, epsilon: 1e-4, alphaD: 0.1 }, 100, ECAL);
    expect(y.annihilation).toBeGreaterThan(y.primary + y.secondary);
    expect(y.annihilationE!.quantile(0.5)).toBeGreaterThan(35);
    expect(y.annihilationE!.quantile(0.5)).toBeLessThan(60);
    expect(aprimeYieldPerEot({ massMeV: 400, epsilon: 1e-4 }, 100, ECAL).annihilation).toBe(0);
    expect(aprimeYieldPerEot({ massMeV: 225, epsilon: 1e-4 }, 100, ECAL, { includeAnnihilation: false }).annihilation).toBe(0);
  });
  it('the emitter distributions sample the primary near the beam energy', () => {
    const y = aprimeYieldPerEot({ massMeV: 20, epsilon: 1e-4 }, 100, ECAL);
    expect(y.primaryS!.quantile(0.5)).toBeLessThan(Math.log(2.5)); // median emitter energy above 40 GeV
    expect(y.secondaryS!.quantile(0.5)).toBeGreaterThan(y.primaryS!.quantile(0.5));
    expect(y.secondaryS!.quantile(1)).toBeLessThanOrEqual(Math.log(10) + 0.011); // E > the 10 GeV cut
  });
});

describe('Z′ yield per MOT (NA64μ Eq. (6))', () => {
  it('equals n σ L for the Pb of the ECAL within 3 % (energy loss ≈ 1 GeV, Sc ≈ 1 %)', () => {
    const g = 1e-4;
    const y = zprimeYieldPerMot({ massMeV: 50, gZprime: g }, 160, ECAL);
    const hand = atomsPerCm3(LEAD.densityGcm3, LEAD.a) * zprimeXsecPerEps2Pb(160, 0.05, LEAD.z, LEAD.a) * eps2OfG(g) * PB_TO_CM2 * 150 * 0.15;
    expect(Math.abs(y.perMot / hand - 1)).toBeLessThan(0.03);
    expect(y.eMuOutGeV).toBeGreaterThan(155);
    expect(y.eMuOutGeV).toBeLessThan(160);
    expect(y.invisibleBr).toBe(1);
  });
  it('scales as g², carries Br(νν̄) above 2m_μ, and the cut on E_Z′ lowers it', () => {
    const a = zprimeYieldPerMot({ massMeV: 100, gZprime: 1e-4 }, 160, ECAL);
    const b = zprimeYieldPerMot({ massMeV: 100, gZprime: 2e-4 }, 160, ECAL);
    expect(b.perMot / a.perMot).toBeCloseTo(4, 8);
    const heavy = zprimeYieldPerMot({ massMeV: 400, gZprime: 1e-4 }, 160, ECAL);
    expect(heavy.perMot / heavy.produced).toBeCloseTo(heavy.invisibleBr, 12);
    expect(heavy.invisibleBr).toBeLessThan(0.7);
    const cut = zprimeYieldPerMot({ massMeV: 100, gZprime: 1e-4 }, 160, ECAL, { eCutGeV: 80 });
    expect(cut.perMot / a.perMot).toBeGreaterThan(0.4);
    expect(cut.perMot / a.perMot).toBeLessThan(0.8);
    expect(a.depthCdf!.quantile(0.5)).toBeGreaterThan(70);
    expect(a.depthCdf!.quantile(0.5)).toBeLessThan(80);
  });
});
