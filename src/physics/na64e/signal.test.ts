/**
 * Dark-photon signal events in the NA64e generator: category table, weights ∝ ε², the event
 * kinematics E_ECAL ≈ E_beam − E_A′ with E_HCAL ≈ 0, detail = summary, and no change at all for
 * runs without a signal.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parseRunParams, type RunParams } from '../params';
import { PROCESS_CODE } from '../processes';
import { Simulator } from '../run';
import { englishStory } from '../../i18n/eventText';

const base: RunParams = { ...DEFAULT_PARAMS.na64e, events: 3000, seed: 21 };
const withSignal = (coupling: number, fraction = 0.3, massMeV = 50): RunParams => ({
  ...base,
  signal: { model: 'aprime', massMeV, coupling, fraction },
});

describe('signal parameters', () => {
  it('validate with clear messages; absent or null signal is allowed', () => {
    expect(parseRunParams(base).signal).toBeUndefined();
    expect(parseRunParams({ ...base, signal: null }).signal).toBeNull();
    expect(() => parseRunParams({ ...base, signal: { model: 'axion', massMeV: 10, coupling: 1e-4, fraction: 0.1 } })).toThrow(/aprime/);
    expect(() => parseRunParams(withSignal(1e-4, 0))).toThrow(/fraction must be > 0/);
    expect(() => parseRunParams({ ...withSignal(1e-4), signal: { model: 'aprime', massMeV: 5000, coupling: 1e-4, fraction: 0.1 } })).toThrow(/≤ 1000 MeV/);
    expect(() => parseRunParams(withSignal(-1))).toThrow(/coupling/);
  });
  it('a Z′ model is refused by the NA64e generator', () => {
    expect(() => new Simulator({ ...base, signal: { model: 'zprime', massMeV: 50, coupling: 1e-4, fraction: 0.1 } })).toThrow(/NA64μ/);
  });
});

describe('NA64e signal category', () => {
  const sim = new Simulator(withSignal(1e-4));
  const cols = sim.simulateChunk(0, base.events);
  const table = sim.processTable();

  it('leaves the process table untouched without a signal', () => {
    const a = new Simulator(base).processTable();
    const b = new Simulator({ ...base, signal: null }).processTable();
    expect(b).toEqual(a);
    expect(a.some((c) => c.label === 'signal')).toBe(false);
    const c0 = new Simulator(base).simulateChunk(0, 300);
    const c1 = new Simulator({ ...base, signal: null }).simulateChunk(0, 300);
    expect(Array.from(c1.eEcalGeV)).toEqual(Array.from(c0.eEcalGeV));
  });

  it('has p = A′ yield per EOT, q = fraction, w = p/q; the other q shrink by (1 − fraction); Σw/N ≈ 1', () => {
    const sig = table.find((c) => c.label === 'signal')!;
    expect(sig.q).toBe(0.3);
    expect(sig.w).toBeCloseTo(sig.p / 0.3, 20);
    expect(sig.p).toBeGreaterThan(1e-12);
    expect(sig.p).toBeLessThan(1e-9);
    const plain = new Simulator(base).processTable();
    for (const c of plain) {
      const s = table.find((t) => t.label === c.label)!;
      expect(s.q).toBeCloseTo(c.q * 0.7, 12);
    }
    expect(table.reduce((a, c) => a + c.p, 0)).toBeCloseTo(1, 12);
    let sw = 0;
    for (let i = 0; i < cols.n; i++) sw += cols.weight[i];
    expect(Math.abs(sw / cols.n - 1)).toBeLessThan(0.06);
  });

  it('signal events: E_ECAL ≈ E_beam − E_A′, E_HCAL ≈ 0, the A′ drawn as an invisible track', () => {
    let n = 0;
    let hcal = 0;
    for (let i = 0; i < cols.n && n < 40; i++) {
      if (cols.process[i] !== PROCESS_CODE.signal) continue;
      n++;
      hcal += cols.eHcalGeV[i];
      const d = sim.simulateDetail(i);
      const eA = d.truth.aprimeEnergyGeV as number;
      const expected = d.trueBeamEnergyGeV - eA;
      // resolution 9 %/√E ⊕ 1 %, SR loss and leakage: a few GeV at most
      expect(Math.abs(d.measured.eEcalGeV - expected)).toBeLessThan(0.6 * Math.sqrt(expected) + 0.03 * expected + 1.5);
      expect(Math.fround(d.measured.eEcalGeV)).toBe(cols.eEcalGeV[i]);
      expect(d.weight).toBe(cols.weight[i]);
      const t = d.tracks.find((k) => k.particle === 'chi')!;
      expect(t.invisible).toBe(true);
      expect(t.note).toMatch(/A′/);
      expect(englishStory(d.story)).toMatch(/dark photon/);
    }
    expect(n).toBeGreaterThan(20);
    expect(hcal / n).toBeLessThan(0.3);
  });

  it('weights scale with ε² at fixed events (the same random streams)', () => {
    const c2 = new Simulator(withSignal(2e-4)).simulateChunk(0, 400);
    for (let i = 0; i < 400; i++) {
      expect(c2.eEcalGeV[i]).toBe(cols.eEcalGeV[i]);
      if (c2.process[i] === PROCESS_CODE.signal) expect(c2.weight[i] / cols.weight[i]).toBeCloseTo(4, 6);
    }
  });

  it('a heavier A′ takes a larger share of the energy (harder spectrum → lower E_ECAL)', () => {
    const mean = (m: number) => {
      const c = new Simulator(withSignal(1e-4, 1, m)).simulateChunk(0, 600);
      let s = 0;
      for (let i = 0; i < c.n; i++) s += c.eEcalGeV[i];
      return s / c.n;
    };
    expect(mean(1000)).toBeLessThan(mean(2));
  });
});
