/**
 * Z′ (L_μ − L_τ) signal events in the NA64μ generator: the 'signal' class (p = Z′ → νν̄ yield per
 * MOT, q = fraction, the other classes scaled by 1 − q), the event kinematics p_out ≈ (1 − x) p_in
 * with MIP-like calorimeters, the box efficiency growing with m_Z′, weights ∝ g², detail = summary,
 * and no change at all without a signal.
 */
import { describe, expect, it } from 'vitest';
import { zprimeYieldPerMot } from '../darkSector/yield';
import { DEFAULT_PARAMS, type RunParams } from '../params';
import { PROCESS_CODE } from '../processes';
import { Simulator } from '../run';
import { englishStory } from '../../i18n/eventText';
import { makeNa64muContext } from './context';

const base: RunParams = { ...DEFAULT_PARAMS.na64mu, events: 4000, seed: 31 };
const withSignal = (coupling: number, fraction = 0.3, massMeV = 100): RunParams => ({
  ...base,
  signal: { model: 'zprime', massMeV, coupling, fraction },
});
const SIG = PROCESS_CODE.signal;

describe('NA64μ without a signal', () => {
  it('process table, branches and columns are unchanged by signal: null', () => {
    const a = new Simulator(base);
    const b = new Simulator({ ...base, signal: null });
    expect(b.processTable()).toEqual(a.processTable());
    expect(a.processTable().some((c) => c.label === 'signal')).toBe(false);
    expect(makeNa64muContext(base).branches.some((x) => x.kind === 'signal')).toBe(false);
    const c0 = a.simulateChunk(0, 1500);
    const c1 = b.simulateChunk(0, 1500);
    for (const k of [
      'process',
      'weight',
      'pInGeV',
      'pOutGeV',
      'eEcalGeV',
      'eVhcalGeV',
      'eHcalGeV',
      'eVetoGeV',
      'cutBits',
    ] as const)
      expect(Array.from(c1[k])).toEqual(Array.from(c0[k]));
  });
  it('refuses an A′ signal (it is radiated by electrons)', () => {
    expect(
      () =>
        new Simulator({ ...base, signal: { model: 'aprime', massMeV: 50, coupling: 1e-4, fraction: 0.1 } }),
    ).toThrow(/NA64e/);
  });
});

describe('NA64μ Z′ signal class', () => {
  const sim = new Simulator(withSignal(1e-4));
  const cols = sim.simulateChunk(0, base.events);
  const table = sim.processTable();
  const plain = new Simulator(base).processTable();

  it('p = Z′ → νν̄ yield per MOT in the ECAL, q = fraction, w = p/q; other q × (1 − f); Σp = 1, branch Σq = 1', () => {
    const sig = table.find((c) => c.label === 'signal')!;
    const ctx = makeNa64muContext(withSignal(1e-4));
    const y = zprimeYieldPerMot({ massMeV: 100, gZprime: 1e-4 }, 160, ctx.ecalStack);
    expect(sig.p).toBe(y.perMot);
    expect(sig.p).toBeGreaterThan(1e-11);
    expect(sig.p).toBeLessThan(1e-9);
    expect(sig.q).toBe(0.3);
    expect(sig.w).toBeCloseTo(sig.p / 0.3, 20);
    for (const c of plain) {
      const s = table.find((t) => t.label === c.label)!;
      expect(s.q).toBeCloseTo(c.q * 0.7, 12);
      // the muon class gives up p_signal; the other classes keep their p exactly
      if (c.label.startsWith('muon')) expect(s.p / c.p).toBeCloseTo(1, 8);
      else expect(s.p).toBe(c.p);
    }
    const muonP = (t: typeof table) =>
      t.filter((c) => c.label.startsWith('muon')).reduce((a, c) => a + c.p, 0);
    expect((muonP(plain) - muonP(table)) / sig.p).toBeCloseTo(1, 3);
    expect(table.reduce((a, c) => a + c.p, 0)).toBeCloseTo(1, 12);
    // (the display table's q of the hard classes is nominal, so the plain Σq is 1 only to ~1e-4)
    const sumQ = (t: typeof table) => t.reduce((a, c) => a + c.q, 0);
    expect(sumQ(table)).toBeCloseTo(0.7 * sumQ(plain) + 0.3, 12);
    const ctxQ = ctx.branches.reduce((a, b) => a + b.q, 0);
    expect(ctxQ).toBeCloseTo(1, 12);
    // the muon class keeps its internal balance-heuristic ratios
    const c0 = makeNa64muContext(base);
    expect(ctx.qIn.B).toBeCloseTo(c0.qIn.B, 12);
    expect(ctx.qIn.nat).toBeCloseTo(c0.qIn.nat, 12);
    let n = 0;
    let sw = 0;
    for (let i = 0; i < cols.n; i++) {
      sw += cols.weight[i];
      if (cols.process[i] === SIG) {
        n++;
        expect(cols.weight[i]).toBe(sig.w);
      }
    }
    expect(n / cols.n).toBeGreaterThan(0.27);
    expect(n / cols.n).toBeLessThan(0.33);
    expect(Math.abs(sw / cols.n - 1)).toBeLessThan(0.08);
  });

  it('signal events: p_out ≈ (1 − x) p_in, MIP-like calorimeters, an invisible Z′ line; detail = summary', () => {
    let n = 0;
    let close = 0;
    let mip = 0;
    for (let i = 0; i < cols.n && n < 60; i++) {
      if (cols.process[i] !== SIG) continue;
      const d = sim.simulateDetail(i);
      expect(Math.fround(d.measured.pOutGeV)).toBe(cols.pOutGeV[i]);
      expect(Math.fround(d.measured.eEcalGeV)).toBe(cols.eEcalGeV[i]);
      expect(d.weight).toBe(cols.weight[i]);
      const x = d.truth.zprimeFraction as number;
      if (x === undefined) continue; // the muon missed the ECAL (not expected with the default beam)
      n++;
      expect(d.truth.zprimeMassMeV).toBe(100);
      expect(d.truth.zprimeCoupling).toBe(1e-4);
      expect(d.truth.zprimeEnergyGeV as number).toBeCloseTo(
        x * (d.truth.muonEnergyAtEmissionGeV as number),
        2,
      );
      const depth = d.truth.emissionDepthMm as number;
      expect(depth).toBeGreaterThanOrEqual(0);
      expect(depth).toBeLessThanOrEqual(450);
      const t = d.tracks.find((k) => k.particle === 'chi')!;
      expect(t.invisible).toBe(true);
      expect(t.note).toMatch(/Z′ → νν̄ \(invisible\)/);
      expect(englishStory(d.story)).toMatch(/Z′/);
      if (d.measured.pOutGeV > 0) {
        const expected = (1 - x) * (d.truth.pInTrueGeV as number);
        // MS2 resolution 4.4 % plus the muon's energy loss in the ECAL and VETO (~0.5 GeV; rare hard losses)
        if (Math.abs(d.measured.pOutGeV - expected) < 3 * 0.044 * expected + 2) close++;
      }
      const sum = d.measured.eEcalGeV + d.measured.eVhcalGeV + d.measured.eHcalGeV;
      if (sum > 2 && sum < 12 && d.measured.eVhcalGeV < 0.5) mip++;
    }
    expect(n).toBeGreaterThan(40);
    expect(close / n).toBeGreaterThan(0.85);
    expect(mip / n).toBeGreaterThan(0.85);
  });

  it('weights scale with g² at fixed events (the same random streams)', () => {
    const c2 = new Simulator(withSignal(2e-4)).simulateChunk(0, 500);
    for (let i = 0; i < 500; i++) {
      expect(c2.pOutGeV[i]).toBe(cols.pOutGeV[i]);
      expect(c2.eEcalGeV[i]).toBe(cols.eEcalGeV[i]);
      if (c2.process[i] === SIG) expect(c2.weight[i] / cols.weight[i]).toBeCloseTo(4, 6);
      else expect(c2.weight[i] / cols.weight[i]).toBeCloseTo(1, 8); // the muon class's p shrinks by p_signal
    }
  });
});

describe('NA64μ Z′ signal efficiency', () => {
  /** Pure-signal run: fraction with p_out < 80 GeV and fraction in the default box after all cuts. */
  const measure = (massMeV: number, events = 3000) => {
    const sim = new Simulator({ ...withSignal(1e-4, 1, massMeV), events, seed: 5 });
    const c = sim.simulateChunk(0, events);
    const all = (1 << sim.setup.cuts.length) - 1;
    const box = sim.setup.defaultBox;
    let below = 0;
    let inBox = 0;
    let n = 0;
    for (let i = 0; i < c.n; i++) {
      expect(c.process[i]).toBe(SIG);
      expect(Number.isFinite(c.weight[i])).toBe(true);
      n++;
      const p = c.pOutGeV[i];
      const y = c.eEcalGeV[i] + c.eVhcalGeV[i] + c.eHcalGeV[i];
      if (p > 0 && p < 80) below++;
      if (
        (c.cutBits[i] & all) === all &&
        p >= box.xMinGeV &&
        p < box.xMaxGeV &&
        y >= box.yMinGeV &&
        y < box.yMaxGeV
      )
        inBox++;
    }
    return { below: below / n, eff: inBox / n };
  };
  const m10 = measure(10);
  const m50 = measure(50);
  const m200 = measure(200);

  it('P(p_out < 80 GeV) follows P(x > 0.5) of the WW spectrum (sheet §3.2: 0.19 at 10 MeV, 0.78 at 200 MeV in Pb)', () => {
    expect(m10.below).toBeGreaterThan(0.12);
    expect(m10.below).toBeLessThan(0.23);
    expect(m200.below).toBeGreaterThan(0.72);
    expect(m200.below).toBeLessThan(0.84);
  });

  it('the efficiency in the default box after all cuts grows with m_Z′ (same order as the published 15–35 %)', () => {
    expect(m50.eff).toBeGreaterThan(m10.eff);
    expect(m200.eff).toBeGreaterThan(m50.eff);
    expect(m10.eff).toBeGreaterThan(0.07);
    expect(m10.eff).toBeLessThan(0.2);
    expect(m200.eff).toBeGreaterThan(0.35);
    expect(m200.eff).toBeLessThan(0.65);
  });
});
