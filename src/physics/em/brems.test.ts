/**
 * Tests of the EM shower model (../emShower): bremsstrahlung spectrum and pair production, validation targets V13,
 * V14 of showers.md §6, sampled photon fractions (4 standard errors).
 */
import { describe, expect, it } from 'vitest';
import { PAIR_MEAN_FREE_PATH_X0, bremPhotonsPerX0, sampleBremFraction } from '../emShower';
import { LEAD, x0Mm } from '../materials';
import { Rng } from '../rng';
import { expectRounded, meanSe } from './testFixtures';

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
