/**
 * Integration tests of the NA64e generator: determinism, detail = summary, chunk independence,
 * energy conservation and the populations of the hermeticity plot regions (seed 004 Fig. 2).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../run';
import { DEFAULT_PARAMS } from '../params';
import { PROCESS_CODE } from '../processes';

const params = { ...DEFAULT_PARAMS.na64e, events: 20000, seed: 11 };
const sim = new Simulator(params);
const cols = sim.simulateChunk(0, 20000);

function meanOf(code: number, f: (i: number) => number): { mean: number; n: number } {
  let s = 0;
  let n = 0;
  for (let i = 0; i < cols.n; i++)
    if (cols.process[i] === code) {
      s += f(i);
      n++;
    }
  return { mean: s / n, n };
}

describe('NA64e generator', () => {
  it('is deterministic and independent of chunking', () => {
    const a = new Simulator(params).simulateChunk(5000, 300);
    for (let k = 0; k < 300; k++) {
      expect(a.eEcalGeV[k]).toBe(cols.eEcalGeV[5000 + k]);
      expect(a.eHcalGeV[k]).toBe(cols.eHcalGeV[5000 + k]);
      expect(a.cutBits[k]).toBe(cols.cutBits[5000 + k]);
      expect(a.weight[k]).toBe(cols.weight[5000 + k]);
    }
  });

  it('re-simulates any event in detail with exactly its summary numbers', () => {
    for (const i of [0, 1, 17, 123, 4567, 19999]) {
      const d = sim.simulateDetail(i);
      expect(d.process).toBe(cols.process[i]);
      expect(Math.fround(d.measured.eEcalGeV)).toBe(cols.eEcalGeV[i]);
      expect(Math.fround(d.measured.eHcalGeV)).toBe(cols.eHcalGeV[i]);
      expect(d.weight).toBe(cols.weight[i]);
      expect(d.tracks.length).toBeGreaterThan(0);
    }
  });

  it('weights are normalised: Σw/N ≈ 1 within statistics', () => {
    let s = 0;
    for (let i = 0; i < cols.n; i++) s += cols.weight[i];
    expect(Math.abs(s / cols.n - 1)).toBeLessThan(0.05);
  });

  it('electrons: E_ECAL ≈ E_beam, E_HCAL ≈ 0 (the spot at (100, 0)); resolution ≈ 9 %/√E ⊕ 1 %', () => {
    const m = meanOf(PROCESS_CODE.em, (i) => cols.eEcalGeV[i]);
    expect(m.mean).toBeGreaterThan(97);
    expect(m.mean).toBeLessThan(101);
    const h = meanOf(PROCESS_CODE.em, (i) => cols.eHcalGeV[i]);
    expect(h.mean).toBeLessThan(0.3);
    // spread: beam 1 % ⊕ 0.9 % ⊕ 1 % ≈ 1.7 GeV (leakage adds a little)
    const v = meanOf(PROCESS_CODE.em, (i) => (cols.eEcalGeV[i] - m.mean) ** 2);
    expect(Math.sqrt(v.mean)).toBeGreaterThan(1.2);
    expect(Math.sqrt(v.mean)).toBeLessThan(3.5);
  });

  it('region I: dimuon events leave a few GeV of MIPs in the HCAL and fire the VETO', () => {
    const h = meanOf(PROCESS_CODE.dimuon, (i) => cols.eHcalGeV[i]);
    expect(h.n).toBeGreaterThan(100);
    expect(h.mean).toBeGreaterThan(2.5);
    expect(h.mean).toBeLessThan(12);
    const v = meanOf(PROCESS_CODE.dimuon, (i) => (cols.eVetoGeV[i] * 1000 > params.vetoThresholdMeV ? 1 : 0));
    expect(v.mean).toBeGreaterThan(0.9);
  });

  it('region II: hadron electroproduction lies near E_ECAL + E_HCAL ≈ 100 GeV', () => {
    const s = meanOf(PROCESS_CODE['hadron-electroproduction'], (i) => cols.eEcalGeV[i] + cols.eHcalGeV[i]);
    expect(s.mean).toBeGreaterThan(85);
    expect(s.mean).toBeLessThan(105);
    const h = meanOf(PROCESS_CODE['hadron-electroproduction'], (i) => cols.eHcalGeV[i]);
    expect(h.mean).toBeGreaterThan(1);
  });

  it('beam hadrons fail the SRD tag except for the forced accidental tags (weight 2e-5)', () => {
    for (let i = 0; i < cols.n; i++) {
      if (cols.process[i] !== PROCESS_CODE['beam-hadron']) continue;
      if (cols.cutBits[i] & 4) expect(cols.weight[i]).toBeLessThan(1e-4);
    }
  });

  it('energy is never created: E_ECAL + E_HCAL below E_beam + 6σ except pile-up', () => {
    for (let i = 0; i < cols.n; i++) {
      if (cols.process[i] === PROCESS_CODE['pile-up']) continue;
      const e = cols.eEcalGeV[i];
      const h = cols.eHcalGeV[i];
      // σ²: beam 1 % and constant terms (2 GeV)², ECAL stochastic ≤ 0.5²·E (hadronic part), HCAL 0.6²·E
      const sigma = Math.sqrt(4 + 0.25 * e + 0.36 * h);
      expect(e + h).toBeLessThan(100 + 6 * sigma);
    }
  });
});
