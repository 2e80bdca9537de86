/** Poisson limits (known table values), ε/y limits and the box optimiser. */
import { describe, expect, it } from 'vitest';
import {
  efficiencyInBox,
  epsilonAtLimit,
  expectedUpperLimit,
  limitCurve,
  optimiseBox,
  poissonCdf,
  poissonUpperLimit,
  yAtLimit,
  type SignalSample,
} from './limits';

describe('Poisson upper limits (90 % CL)', () => {
  it('n = 0, b = 0: 2.303 events (classical and CLs)', () => {
    expect(poissonUpperLimit(0, 0, 'classical')).toBeCloseTo(Math.log(10), 6);
    expect(poissonUpperLimit(0, 0, 'cls')).toBeCloseTo(2.3026, 4);
  });
  it('n = 0, b = 1: classical 1.30, CLs 2.30', () => {
    expect(poissonUpperLimit(0, 1, 'classical')).toBeCloseTo(1.3026, 4);
    expect(poissonUpperLimit(0, 1, 'cls')).toBeCloseTo(2.3026, 4);
  });
  it('n = 1, 2, 3 with b = 0: 3.890, 5.322, 6.681 (PDG Poisson table)', () => {
    expect(poissonUpperLimit(1, 0, 'classical')).toBeCloseTo(3.8897, 3);
    expect(poissonUpperLimit(2, 0, 'classical')).toBeCloseTo(5.3223, 3);
    expect(poissonUpperLimit(3, 0, 'classical')).toBeCloseTo(6.6808, 3);
    expect(poissonUpperLimit(1, 1, 'classical')).toBeCloseTo(2.8897, 3);
    // CLs is more conservative than classical when b > 0
    expect(poissonUpperLimit(1, 1, 'cls')).toBeGreaterThan(poissonUpperLimit(1, 1, 'classical'));
  });
  it('classical limit clips at 0 for a large background; CDF sanity; bad input throws', () => {
    expect(poissonUpperLimit(0, 5, 'classical')).toBe(0);
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2), 12);
    expect(poissonCdf(3, 0)).toBe(1);
    expect(() => poissonUpperLimit(-1, 0)).toThrow(RangeError);
    expect(() => poissonUpperLimit(0, 0, 'cls', 1.2)).toThrow(RangeError);
  });
  it('expected limit: 2.30 at b = 0, rising with b, ≈ 1.28 √b for large b', () => {
    expect(expectedUpperLimit(0)).toBeCloseTo(2.3026, 4);
    const e = [0.1, 1, 5, 20, 100].map((b) => expectedUpperLimit(b));
    for (let i = 1; i < e.length; i++) expect(e[i]).toBeGreaterThan(e[i - 1]);
    expect(expectedUpperLimit(1000) / (1.2816 * Math.sqrt(1000))).toBeCloseTo(1, 3);
    expect(expectedUpperLimit(199, 'classical') / (1.2816 * Math.sqrt(199))).toBeGreaterThan(0.85);
    expect(expectedUpperLimit(199, 'classical') / (1.2816 * Math.sqrt(199))).toBeLessThan(1.2);
  });
});

describe('ε and y limits', () => {
  it('ε₉₀ = ε₀ sqrt(N_up/N_sig) and y₉₀ = ε² α_D/81', () => {
    expect(epsilonAtLimit(2.3, 230, 1e-4)).toBeCloseTo(1e-5, 15);
    expect(epsilonAtLimit(2.3, 0, 1e-4)).toBe(Infinity);
    expect(yAtLimit(1e-5, 0.5)).toBeCloseTo((1e-10 * 0.5) / 81, 22);
  });
  it('limitCurve combines yields, efficiencies, exposure and background', () => {
    const pts = limitCurve(
      [
        { massMeV: 10, yieldPerOnTargetAtEps0: 1e-10, efficiency: 0.5 },
        { massMeV: 100, yieldPerOnTargetAtEps0: 1e-12, efficiency: 0.5 },
      ],
      { eps0: 1e-4, nOnTarget: 1e12, background: 0, alphaD: 0.1 },
    );
    expect(pts[0].signalAtEps0).toBeCloseTo(50, 8);
    expect(pts[0].epsilon90).toBeCloseTo(1e-4 * Math.sqrt(2.302585 / 50), 9);
    expect(pts[1].epsilon90 / pts[0].epsilon90).toBeCloseTo(10, 8);
    expect(pts[0].mChiMeV).toBeCloseTo(10 / 3, 12);
    expect(pts[0].y90).toBeCloseTo((pts[0].epsilon90 ** 2 * 0.1) / 81, 25);
    // more background → weaker expected limit
    const withB = limitCurve([{ massMeV: 10, yieldPerOnTargetAtEps0: 1e-10, efficiency: 0.5 }], { eps0: 1e-4, nOnTarget: 1e12, background: 3 });
    expect(withB[0].epsilon90).toBeGreaterThan(pts[0].epsilon90);
  });
});

describe('signal efficiency in a box and box optimisation', () => {
  // signal: uniform in E_ECAL 0..100 GeV at E_HCAL = 0.1; background: a peak at 85 GeV
  const n = 1000;
  const sample: SignalSample = {
    x: Float64Array.from({ length: n }, (_, i) => (100 * (i + 0.5)) / n),
    y: new Float64Array(n).fill(0.1),
    w: new Float64Array(n).fill(2),
    totalWeight: 2 * n * 1.25, // 80 % of the generated signal passed the cuts
  };
  it('efficiencyInBox counts weights with half-open edges', () => {
    expect(efficiencyInBox(sample, { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 })).toBeCloseTo(0.4, 10);
    expect(efficiencyInBox(sample, { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 0.1 })).toBe(0);
  });
  it('optimiseBox stops below the background peak', () => {
    const bg = (box: { xMaxGeV: number }) => (box.xMaxGeV > 80 ? 1e4 : box.xMaxGeV > 70 ? 2 : 0);
    const o = optimiseBox({ signals: [{ massMeV: 10, sample, yieldPerOnTargetAtEps0: 1e-10 }], backgroundInBox: bg, nOnTarget: 1e12, eps0: 1e-4 });
    expect(o.best.box.xMaxGeV).toBe(70);
    expect(o.best.box.yMaxGeV).toBeGreaterThan(0.1);
    expect(o.candidates.length).toBeGreaterThan(50);
  });
});
