/**
 * Tests of the EM shower model (../emShower): resolution smearing (showers.md §3), mean and width within
 * 4 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { NA64_ECAL_RESOLUTION, smearResolution } from '../emShower';
import { Rng } from '../rng';
import { E100, meanSe } from './testFixtures';

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
