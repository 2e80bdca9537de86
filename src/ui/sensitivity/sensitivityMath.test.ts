import { describe, expect, it } from 'vitest';
import { analyse, summariseBox } from '../../analysis/analysis';
import { allocateColumns } from '../../physics/columns';
import { efficiencyInBox, epsilonAtLimit, expectedUpperLimit, limitCurve, NA64E_2019_EPSILON, NA64E_2022_Y, yOfEpsilon } from '../../physics/darkSector';
import { DEFAULT_PARAMS } from '../../physics/params';
import { PROCESS_CODE } from '../../physics/processes';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import type { SignalBox } from '../../physics/setups/types';
import { logTicks, plotDomain } from './plotDomain';
import {
  curveSeries,
  DEFAULT_ALPHA_D,
  EPS0,
  liveCurve,
  MASS_GRID_MEV,
  nUpOf,
  optimiseForPoint,
  partInBox,
  pointOfSignal,
  pointSensitivity,
  pointXY,
  publishedSeries,
  runSignalPart,
  sampleForMask,
  sampleKey,
  sampleMasses,
  sampleSeed,
  signalOf,
  smBackground,
  validPoint,
  yOfPoint,
  type MaskedSample,
  type ModelPoint,
} from './sensitivityMath';
import { splitSubs } from './SubLabel';

const BOX: SignalBox = { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 };

/** A sample of n signal events at x = 0, 1, 2, … (GeV), y = 0.1, weight 1, all cuts passed except every 4th (bit 1 missing). */
function rawSample(n: number) {
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const w = new Float64Array(n);
  const cutBits = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = i;
    y[i] = 0.1;
    w[i] = 1;
    cutBits[i] = i % 4 === 0 ? 0b01 : 0b11;
  }
  return { x, y, w, cutBits, totalWeight: n };
}

const masked = (massMeV: number, yieldAtEps0: number, n = 100): MaskedSample => ({
  massMeV,
  yieldPerOnTargetAtEps0: yieldAtEps0,
  eps0: EPS0,
  sample: sampleForMask(rawSample(n), 0b11),
});

describe('samples', () => {
  it('sampleForMask keeps the events that pass every cut of the mask, with the full normalisation', () => {
    const s = sampleForMask(rawSample(8), 0b11);
    expect(Array.from(s.x)).toEqual([1, 2, 3, 5, 6, 7]);
    expect(s.totalWeight).toBe(8);
    expect(sampleForMask(rawSample(8), 0b01).x.length).toBe(8);
    expect(sampleForMask(rawSample(8), 0).x.length).toBe(8);
  });

  it('seeds follow the limit CLI on the grid (seed + 1000 + k) and are distinct off the grid', () => {
    expect(sampleSeed(1, 20)).toBe(1 + 1000 + MASS_GRID_MEV.indexOf(20));
    expect(sampleSeed(1, 1)).toBe(1001);
    const off = sampleSeed(1, 30);
    expect(MASS_GRID_MEV.map((m) => sampleSeed(1, m))).not.toContain(off);
    expect(sampleSeed(1, 30.5)).not.toBe(off);
  });

  it('sampleMasses = grid ∪ the model mass, sorted and unique', () => {
    expect(sampleMasses(20)).toEqual([...MASS_GRID_MEV]);
    const m = sampleMasses(30);
    expect(m).toContain(30);
    expect(m.length).toBe(MASS_GRID_MEV.length + 1);
    expect([...m].sort((a, b) => a - b)).toEqual(m);
  });

  it('sample keys ignore the number of events and the run signal, but not α_D (A′) or the detector', () => {
    const base = DEFAULT_PARAMS.na64e;
    const k = sampleKey(base, 'aprime', 0.5, 20);
    expect(sampleKey({ ...base, events: 5, signal: { model: 'aprime', massMeV: 3, coupling: 1e-3, fraction: 0.1 } }, 'aprime', 0.5, 20)).toBe(k);
    expect(sampleKey(base, 'aprime', 0.1, 20)).not.toBe(k);
    expect(sampleKey({ ...base, ecalLayers: 100 }, 'aprime', 0.5, 20)).not.toBe(k);
    expect(sampleKey(base, 'aprime', 0.5, 50)).not.toBe(k);
    // the Z′ does not depend on α_D
    expect(sampleKey(DEFAULT_PARAMS.na64mu, 'zprime', 0.1, 20)).toBe(sampleKey(DEFAULT_PARAMS.na64mu, 'zprime', 0.5, 20));
  });
});

describe('model point', () => {
  it('signalOf writes α_D only for an A′ with a non-default α_D; pointOfSignal reads it back', () => {
    const p = { massMeV: 20, coupling: 1e-4, alphaD: DEFAULT_ALPHA_D, fraction: 0.01 };
    expect(signalOf('aprime', p)).toEqual({ model: 'aprime', massMeV: 20, coupling: 1e-4, fraction: 0.01 });
    expect(signalOf('aprime', { ...p, alphaD: 0.1 }).alphaD).toBe(0.1);
    expect(signalOf('zprime', { ...p, alphaD: 0.1 }).alphaD).toBeUndefined();
    expect(pointOfSignal(signalOf('aprime', { ...p, alphaD: 0.1 }))).toEqual({ ...p, alphaD: 0.1 });
    expect(pointOfSignal(signalOf('aprime', p))).toEqual(p);
  });

  it('validPoint accepts good points and refuses bad ones', () => {
    expect(validPoint('na64e', { massMeV: 20, coupling: 1e-4, alphaD: 0.5, fraction: 0.01 })).not.toBeNull();
    expect(validPoint('na64e', { massMeV: 5000, coupling: 1e-4, alphaD: 0.5, fraction: 0.01 })).toBeNull();
    expect(validPoint('na64mu', { massMeV: 50, coupling: -1, alphaD: 0.5, fraction: 0.01 })).toBeNull();
    expect(validPoint('na64e', 'junk')).toBeNull();
  });

  it('y of a point and the plot position in each mode', () => {
    const p: ModelPoint = { model: 'aprime', massMeV: 30, coupling: 1e-4, alphaD: 0.5 };
    expect(yOfPoint(p)).toBeCloseTo(yOfEpsilon(1e-4, 0.5), 20);
    expect(pointXY(p, 'epsilon')).toEqual({ x: 30, y: 1e-4 });
    expect(pointXY(p, 'y').x).toBeCloseTo(10, 12);
  });
});

describe('background and sensitivity', () => {
  /** 40 SM events (weight 2) and 10 signal events (weight 1e-6) in the default box, 50 SM events outside. */
  function run() {
    const setup = buildNa64eSetup();
    const n = 100;
    const c = allocateColumns(n, 0);
    const all = (1 << setup.cuts.length) - 1;
    for (let i = 0; i < n; i++) {
      c.cutBits[i] = all;
      if (i < 40) {
        c.process[i] = PROCESS_CODE.em;
        c.weight[i] = 2;
        c.eEcalGeV[i] = 10 + i / 2;
        c.eHcalGeV[i] = 0.2;
      } else if (i < 50) {
        c.process[i] = PROCESS_CODE.signal;
        c.weight[i] = 1e-6;
        c.eEcalGeV[i] = 20 + i / 10;
        c.eHcalGeV[i] = 0.05;
      } else {
        c.process[i] = PROCESS_CODE.em;
        c.weight[i] = 1;
        c.eEcalGeV[i] = 99;
        c.eHcalGeV[i] = 0.5;
      }
    }
    return { c, a: analyse(setup, c, all) };
  }

  it('the run signal part holds the signal events; the SM background leaves them out', () => {
    const { c, a } = run();
    const part = runSignalPart(a, c);
    expect(part?.x.length).toBe(10);
    expect(partInBox(part, BOX).raw).toBe(10);
    const N = 1e12;
    const bg = smBackground(a, BOX, N, part);
    const total = summariseBox(a, BOX, N);
    expect(total.inBox.raw).toBe(50);
    expect(bg.raw).toBe(40);
    expect(bg.scaled).toBeCloseTo((80 / a.totalWeight) * N, 0);
    expect(bg.error).toBeCloseTo(bg.scaled / Math.sqrt(40), 0);
    // a box without any SM event: exactly 0
    const empty = smBackground(a, { xMinGeV: 0, xMaxGeV: 5, yMinGeV: 0, yMaxGeV: 1 }, N, part);
    expect(empty).toEqual({ scaled: 0, raw: 0, error: 0 });
  });

  it('point sensitivity: yield ∝ coupling², N_sig = N · yield · eff, exclusion exactly at the limit coupling', () => {
    const s = masked(20, 1e-10);
    const settings = { nOnTarget: 1e12, background: 0, method: 'cls' as const, observed: null };
    const p: ModelPoint = { model: 'aprime', massMeV: 20, coupling: 2e-4, alphaD: 0.5 };
    const r = pointSensitivity(p, s, BOX, settings);
    expect(r.efficiency).toBeCloseTo(37 / 100, 12); // x = 1…49 without every 4th: 37 events of 100
    expect(r.yieldPerOnTarget).toBeCloseTo(4e-10, 20);
    expect(r.expectedSignal).toBeCloseTo(1e12 * 4e-10 * 0.37, 6);
    expect(r.nUp).toBeCloseTo(2.3026, 3);
    expect(r.coupling90).toBeCloseTo(epsilonAtLimit(r.nUp, 1e12 * 1e-10 * 0.37, EPS0), 15);
    const atLimit = pointSensitivity({ ...p, coupling: r.coupling90 }, s, BOX, settings);
    expect(atLimit.expectedSignal).toBeCloseTo(r.nUp, 9);
    expect(pointSensitivity({ ...p, coupling: r.coupling90 * 1.01 }, s, BOX, settings).excluded).toBe(true);
    expect(pointSensitivity({ ...p, coupling: r.coupling90 * 0.99 }, s, BOX, settings).excluded).toBe(false);
  });

  it('N_up: expected CLs / classical, or observed', () => {
    expect(nUpOf({ nOnTarget: 1, background: 0, method: 'cls', observed: null })).toBeCloseTo(2.3026, 3);
    expect(nUpOf({ nOnTarget: 1, background: 3, method: 'cls', observed: null })).toBeCloseTo(expectedUpperLimit(3, 'cls'), 9);
    expect(nUpOf({ nOnTarget: 1, background: 3, method: 'cls', observed: 0 })).toBeCloseTo(2.3026, 3);
    expect(nUpOf({ nOnTarget: 1, background: 1, method: 'classical', observed: 0 })).toBeCloseTo(1.3026, 3);
  });

  it('the live curve is the CLI formula ε90 = ε0 sqrt(N_up/(N · yield · eff)) and moves with the box', () => {
    const samples = [masked(1, 1e-8), masked(100, 1e-12)];
    const settings = { nOnTarget: 1e12, background: 0.5, method: 'cls' as const, observed: null };
    const pts = liveCurve(samples, BOX, settings, 0.5);
    const nUp = expectedUpperLimit(0.5, 'cls');
    expect(pts[0].epsilon90).toBeCloseTo(EPS0 * Math.sqrt(nUp / (1e12 * 1e-8 * 0.37)), 12);
    expect(pts[1].y90).toBeCloseTo(yOfEpsilon(pts[1].epsilon90, 0.5), 20);
    const narrower = liveCurve(samples, { ...BOX, xMaxGeV: 25 }, settings, 0.5);
    expect(narrower[0].epsilon90).toBeGreaterThan(pts[0].epsilon90);
    expect(curveSeries(pts, 'y')[1].x).toBeCloseTo(100 / 3, 12);
    expect(curveSeries(pts, 'epsilon')[1]).toEqual({ x: 100, y: pts[1].epsilon90 });
    expect(liveCurve([], BOX, settings, 0.5)).toEqual([]);
    // the physics library's limitCurve gives the same numbers
    const lib = limitCurve(
      samples.map((g) => ({ massMeV: g.massMeV, yieldPerOnTargetAtEps0: g.yieldPerOnTargetAtEps0, efficiency: efficiencyInBox(g.sample, BOX) })),
      { eps0: EPS0, nOnTarget: 1e12, background: 0.5, method: 'cls', alphaD: 0.5 },
    );
    expect(pts).toEqual(lib);
  });

  it('a sample without passing events gives an infinite limit and no exclusion', () => {
    const s: MaskedSample = { massMeV: 1000, yieldPerOnTargetAtEps0: 1e-15, eps0: EPS0, sample: sampleForMask(rawSample(4), 0b100) };
    const r = pointSensitivity({ model: 'aprime', massMeV: 1000, coupling: 1, alphaD: 0.5 }, s, BOX, { nOnTarget: 1e12, background: 0, method: 'cls', observed: null });
    expect(r.coupling90).toBe(Infinity);
    expect(r.excluded).toBe(false);
  });
});

describe('published curves in the plot units', () => {
  it('ε mode: the 2019 ε points and the 2022 y curve as ε', () => {
    const s = publishedSeries('epsilon', 0.5);
    expect(s.map((c) => c.id)).toEqual(['na64e-2019', 'na64e-2022-y']);
    expect(s[0].points[0]).toEqual({ x: NA64E_2019_EPSILON.points[0].massMeV, y: NA64E_2019_EPSILON.points[0].epsilon });
    expect(s[1].points.every((p) => p.y > 1e-7 && p.y < 1e-1)).toBe(true);
  });

  it('y mode: at α_D = 0.1 the 2022 curve is unchanged; y scales with α_D; 2019 ε converts with yOfEpsilon', () => {
    const s01 = publishedSeries('y', 0.1);
    expect(s01[1].points[3]).toEqual({ x: NA64E_2022_Y.points[3].mChiMeV, y: NA64E_2022_Y.points[3].y });
    expect(s01[1].conversion).toBeNull();
    expect(publishedSeries('y', 0.5)[1].conversion).toEqual({ kind: 'yRescaled', a: 0.1, b: 0.5 });
    const s05 = publishedSeries('y', 0.5);
    expect(s05[1].points[3].y).toBeCloseTo(5 * NA64E_2022_Y.points[3].y, 25);
    const e = NA64E_2019_EPSILON.points[5];
    expect(s05[0].points[5].y).toBeCloseTo(yOfEpsilon(e.epsilon, 0.5), 25);
    expect(s05[0].points[5].x).toBeCloseTo(e.massMeV / 3, 12);
  });

  it('g mode: the NA64μ curve has no points (none were available)', () => {
    const s = publishedSeries('g', 0.5);
    expect(s).toHaveLength(1);
    expect(s[0].points).toEqual([]);
  });
});

describe('box optimisation for the model point', () => {
  const sample = (): MaskedSample => {
    const n = 90;
    const raw = { x: new Float32Array(n), y: new Float32Array(n), w: new Float64Array(n).fill(1), cutBits: new Uint16Array(n), totalWeight: n };
    for (let i = 0; i < n; i++) {
      raw.x[i] = i + 0.5;
      raw.y[i] = 0.1;
    }
    return { massMeV: 20, yieldPerOnTargetAtEps0: 1e-10, eps0: EPS0, sample: sampleForMask(raw, 0) };
  };

  it('stops where the background starts', () => {
    const r = optimiseForPoint('na64e', sample(), BOX, 1e12, 'cls', (b) => (b.xMaxGeV > 60 ? 50 : 0));
    expect(r.best.box.xMaxGeV).toBe(60);
    expect(r.atEdge.x).toBe(false);
    expect(r.best.box.xMinGeV).toBe(0);
  });

  it('without background it runs to the edge of the grid (and says so)', () => {
    const r = optimiseForPoint('na64e', sample(), BOX, 1e12, 'cls', () => 0);
    expect(r.best.box.xMaxGeV).toBe(90);
    expect(r.atEdge.x).toBe(true);
    expect(r.candidates).toBeGreaterThan(50);
  });

  it('keeps the lower edges of the current box', () => {
    const r = optimiseForPoint('na64mu', sample(), { xMinGeV: 0, xMaxGeV: 80, yMinGeV: 0.05, yMaxGeV: 12 }, 1e10, 'cls', () => 0);
    expect(r.best.box.yMinGeV).toBe(0.05);
  });
});

describe('plot helpers', () => {
  it('plotDomain covers the data in whole decades, capped at couplings ≤ 10', () => {
    const d = plotDomain('epsilon', [{ x: 1, y: 3e-6 }, { x: 1000, y: Infinity }, { x: 100, y: 2e-3 }], [], null, { x: 20, y: 1e-4 });
    expect(d.x).toEqual([0.8, 1300]);
    expect(d.y[0]).toBeLessThanOrEqual(3e-6);
    expect(d.y[1]).toBeGreaterThanOrEqual(2e-3);
    expect(d.y[1]).toBeLessThanOrEqual(10);
    expect(Math.log10(d.y[0]) % 1).toBeCloseTo(0, 9);
    const big = plotDomain('g', [{ x: 1, y: 50 }], [], null, null);
    expect(big.y[1]).toBeLessThanOrEqual(10);
    expect(plotDomain('y', [], [], null, null).y).toEqual([1e-14, 1e-6]);
  });

  it('logTicks: decades as major ticks, every 2nd for long ranges', () => {
    expect(logTicks([1e-6, 1e-2]).major).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 1e-2]);
    expect(logTicks([1e-6, 1e-2]).minor.length).toBeGreaterThan(20);
    const long = logTicks([1e-16, 1e-4]);
    expect(long.major.length).toBe(7);
    expect(long.minor.length).toBeGreaterThan(0);
  });

  it('splitSubs subscripts symbols; strict mode only physics symbols', () => {
    expect(splitSubs('m_A′ [MeV]')).toEqual([
      { text: 'm', sub: false },
      { text: 'A', sub: true },
      { text: '′ [MeV]', sub: false },
    ]);
    expect(splitSubs('y(m_χ)').map((p) => p.sub)).toEqual([false, true, false]);
    expect(splitSubs('file NA64_NA642019imj.lmt, α_D = 0.1', true)).toEqual([
      { text: 'file NA64_NA642019imj.lmt, α', sub: false },
      { text: 'D', sub: true },
      { text: ' = 0.1', sub: false },
    ]);
  });
});
