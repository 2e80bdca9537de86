/** The approximation-A track-length solver against Rossi's classic asymptotic results. */
import { describe, expect, it } from 'vitest';
import { bremAbove, solveTrackLengths, trackLengthPerGeV, trackLengthSpectra } from './trackLength';

describe('approximation-A track lengths', () => {
  const t = trackLengthSpectra();
  const at = (arr: Float64Array, s: number) => arr[Math.floor(s / t.h)];
  it('e± and photons approach 0.437 E0/E² and 0.572 E0/E² (Rossi) within 2 %', () => {
    for (const s of [5, 7, 9]) {
      const k = Math.floor(s / t.h);
      const e = Math.exp(t.s[k]);
      expect((t.electrons[k] + t.positrons[k]) / e / 0.437).toBeGreaterThan(0.98);
      expect((t.electrons[k] + t.positrons[k]) / e / 0.437).toBeLessThan(1.02);
      expect(t.photons[k] / e / 0.572).toBeGreaterThan(0.98);
      expect(t.photons[k] / e / 0.572).toBeLessThan(1.02);
    }
  });
  it('the primary tends to 1/⟨ln 1/(1−v)⟩ = 1/1.610 per unit ln E; charge symmetry deep in the shower', () => {
    expect(at(t.primary, 8)).toBeCloseTo(1 / 1.61, 2);
    expect(at(t.positrons, 8) / at(t.electrons, 8)).toBeGreaterThan(0.98);
    // every density is positive; total electrons ≥ primary
    for (let k = 0; k < t.s.length; k++) {
      expect(t.electrons[k]).toBeGreaterThanOrEqual(t.primary[k] - 1e-9);
      expect(t.positrons[k]).toBeGreaterThanOrEqual(0);
    }
  });
  it('is converged in the cell width and consistent per unit energy', () => {
    const coarse = solveTrackLengths(3, 0.02);
    const kf = Math.floor(2 / 0.02);
    const k = Math.floor(2 / t.h);
    expect(Math.abs(coarse.positrons[kf] * Math.exp(-coarse.s[kf]) - t.positrons[k] * Math.exp(-t.s[k]))).toBeLessThan(0.005);
    expect(trackLengthPerGeV('positrons', 50, 100) * 50).toBeCloseTo(at(t.positrons, Math.log(2)), 2);
    expect(trackLengthPerGeV('electrons', 150, 100)).toBe(0);
    expect(bremAbove(1)).toBe(0);
  });
});
