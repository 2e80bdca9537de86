/**
 * Tests of the EM shower model (../emShower): materials → effective GFlash quantities, validation targets V1, V8,
 * V10–V12 of the reference sheet showers.md §6.
 */
import { describe, expect, it } from 'vitest';
import { ecGFlashMeV, gflashSampling, samplingStochasticRule } from '../emShower';
import { LEAD } from '../materials';
import { ECAL_PB_MM, ECAL_SC_MM } from '../setups/na64e';
import { ECAL_DEPTH, ECAL_STACK, ecPb, expectRounded, g } from './testFixtures';

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
