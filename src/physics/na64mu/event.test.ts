/**
 * Integration tests of the NA64μ generator: determinism, detail = summary, chunk independence,
 * weight normalisation, the published spectrometer resolutions and the populations of the
 * hermeticity-plot regions of seed 000 (A: MIP muons, B: hard brems/pair with a soft muon,
 * A → C: muon-nuclear in the HCAL, D: muon-nuclear in the ECAL; K → μν soft muons).
 * Tolerances are derived from the sample statistics (standard errors of means / medians).
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../run';
import { DEFAULT_PARAMS } from '../params';
import { PROCESS_CODE } from '../processes';
import { EventOut } from '../eventOut';
import { Rng } from '../rng';
import { buildNa64muSetup } from '../setups/na64mu';
import { stackProperties } from '../na64e/context';
import { MS1_RESOLUTION, MS2_RESOLUTION, makeNa64muContext } from './context';
import { simulateNa64muEvent } from './event';
import { englishStory } from '../../i18n/eventText';

const N = 40000;
const params = { ...DEFAULT_PARAMS.na64mu, events: N, seed: 21 };
const sim = new Simulator(params);
const cols = sim.simulateChunk(0, N);
const ALL = (1 << sim.setup.cuts.length) - 1;

const y = (i: number) => cols.eEcalGeV[i] + cols.eVhcalGeV[i] + cols.eHcalGeV[i];
const select = (f: (i: number) => boolean) => [...Array(cols.n).keys()].filter(f);
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
const rms = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(mean(a.map((x) => (x - m) ** 2)));
};
const quantile = (a: number[], q: number) => {
  const s = [...a].sort((u, v) => u - v);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
/** Robust σ from the interquartile range, and the standard error of the median (1.2533 σ/√n). */
const iqrSigma = (a: number[]) => (quantile(a, 0.75) - quantile(a, 0.25)) / 1.349;
const medianSE = (a: number[]) => (1.2533 * iqrSigma(a)) / Math.sqrt(a.length);

describe('NA64μ setup', () => {
  it('has the sourced calorimeter depths and sizes', () => {
    const s = buildNa64muSetup();
    const el = (id: string) => s.elements.find((e) => e.id === id)!;
    expect(stackProperties(el('VHCAL').stack!).lambdaI).toBeCloseTo(5, 0);
    const hcal = s.elements.filter((e) => e.role === 'hcal');
    expect(hcal.length).toBe(2);
    const lam = hcal.reduce((t, h) => t + stackProperties(h.stack!).lambdaI, 0);
    expect(lam).toBeGreaterThan(14);
    expect(lam).toBeLessThan(16);
    expect([hcal[0].widthMm, hcal[0].heightMm]).toEqual([1200, 600]);
    expect([el('VETO').widthMm, el('VETO').heightMm]).toEqual([550, 550]);
    expect(el('VHCAL').hole).toBeDefined();
    const ms1 = s.elements.filter((e) => e.role === 'magnet' && e.id.startsWith('MS1'));
    expect(ms1.map((m) => (m.fieldT! * m.lengthMm) / 1000)).toEqual([5, 5, 5]);
    expect(s.cuts.map((c) => c.id)).toEqual(['pileup', 'pIn', 'ms2', 'veto', 'vhcal', 'hcalMip']);
    expect(s.defaultBox.xMaxGeV).toBe(80);
  });
});

describe('NA64μ generator', () => {
  it('is deterministic and independent of chunking', () => {
    const a = new Simulator(params).simulateChunk(5000, 300);
    for (let k = 0; k < 300; k++) {
      expect(a.pOutGeV[k]).toBe(cols.pOutGeV[5000 + k]);
      expect(a.eEcalGeV[k]).toBe(cols.eEcalGeV[5000 + k]);
      expect(a.eHcalGeV[k]).toBe(cols.eHcalGeV[5000 + k]);
      expect(a.cutBits[k]).toBe(cols.cutBits[5000 + k]);
      expect(a.weight[k]).toBe(cols.weight[5000 + k]);
    }
  });

  it('re-simulates events of every process in detail with exactly their summary numbers', () => {
    const picks = new Set([0, 1, 17, 123, 4567, N - 1]);
    for (const code of Object.values(PROCESS_CODE)) {
      const i = select((k) => cols.process[k] === code)[0];
      if (i !== undefined) picks.add(i);
    }
    for (const i of picks) {
      const d = sim.simulateDetail(i);
      expect(d.process).toBe(cols.process[i]);
      expect(d.weight).toBe(cols.weight[i]);
      expect(Math.fround(d.measured.pOutGeV)).toBe(cols.pOutGeV[i]);
      expect(Math.fround(d.measured.pInGeV)).toEqual(cols.pInGeV[i]);
      expect(Math.fround(d.measured.eEcalGeV)).toBe(cols.eEcalGeV[i]);
      expect(Math.fround(d.measured.eHcalGeV)).toBe(cols.eHcalGeV[i]);
      expect(Math.fround(d.measured.eVhcalGeV)).toBe(cols.eVhcalGeV[i]);
      expect(Math.fround(d.measured.eVetoGeV)).toBe(cols.eVetoGeV[i]);
      expect(d.cutsPassed.map((p, k) => (p ? 1 << k : 0)).reduce((s, b) => s | b, 0)).toBe(cols.cutBits[i]);
      expect(d.tracks.length).toBeGreaterThan(0);
      expect(englishStory(d.story).length).toBeGreaterThan(10);
    }
  });

  it('weights are normalised: Σw/N ≈ 1 within 4 standard errors', () => {
    const w = Array.from(cols.weight);
    const se = rms(w) / Math.sqrt(N);
    expect(Math.abs(mean(w) - 1)).toBeLessThan(4 * se);
  });

  it('region A: plain muons at p_out ≈ p_in − (ECAL + VETO loss), σ = 3.8 % ⊕ 4.4 %, E_calo at the MIP peak', () => {
    const a = select((i) => cols.process[i] === PROCESS_CODE.muon && cols.cutBits[i] === ALL);
    expect(a.length / N).toBeGreaterThan(0.6);
    const dp = a.map((i) => cols.pOutGeV[i] - cols.pInGeV[i]);
    const se = rms(dp) / Math.sqrt(dp.length);
    // mean loss before MS2: continuous ECAL deposit (MIP on the electron scale × ê) + VETO, plus soft radiative losses
    const ctx = makeNa64muContext(params);
    const loss = (ctx.ecalMuonMipMeV * ctx.ecalG.ehat + ctx.vetoMipMeV) / 1000;
    expect(mean(dp)).toBeLessThan(-loss + 4 * se);
    expect(mean(dp)).toBeGreaterThan(-loss - 1 - 4 * se);
    const expected = Math.hypot(MS1_RESOLUTION, MS2_RESOLUTION) * 160;
    expect(Math.abs(rms(dp) - expected)).toBeLessThan(0.05 * expected);
    // MIP peak: ECAL MIP + HCAL MIP of both modules
    const ys = a.map(y);
    const mip = (ctx.ecalMuonMipMeV + 2 * ctx.hcalMuonMipMeV) / 1000;
    expect(Math.abs(quantile(ys, 0.5) - mip)).toBeLessThan(0.1 * mip);
    // the default signal-box window holds ≥ 97 % of them
    const box = sim.setup.defaultBox;
    expect(ys.filter((v) => v >= box.yMinGeV && v <= box.yMaxGeV).length / ys.length).toBeGreaterThan(0.97);
  });

  it('MS1 and MS2 reproduce the published 3.8 % and 4.4 % (beam spread switched off)', () => {
    const ctx = { ...makeNa64muContext(params), beamSigma: 0 };
    const rng = new Rng();
    const out = new EventOut();
    const pin: number[] = [];
    const pout: number[] = [];
    for (let i = 0; i < 12000; i++) {
      rng.reset(99, i);
      simulateNa64muEvent(ctx, rng, out);
      if (out.process === PROCESS_CODE.muon && out.cutBits === ALL) {
        pin.push(out.pInMeV / 1000);
        pout.push(out.pOutMeV / 1000);
      }
    }
    const n = pin.length;
    // σ/p of p_in: the muon's true momentum is exactly 160 GeV; SE of an rms = rms/√(2n)
    expect(Math.abs(rms(pin) / 160 - MS1_RESOLUTION)).toBeLessThan((4 * MS1_RESOLUTION) / Math.sqrt(2 * n));
    // p_out: the energy-loss spread before MS2 adds a little to the core width
    const r = iqrSigma(pout) / quantile(pout, 0.5);
    expect(r).toBeGreaterThan(MS2_RESOLUTION - (4 * MS2_RESOLUTION) / Math.sqrt(n));
    expect(r).toBeLessThan(MS2_RESOLUTION * 1.05 + (4 * MS2_RESOLUTION) / Math.sqrt(n));
  });

  it('region B: muon-brems events with a soft muon lie on p_out + E_calo ≈ p_in (+ one MIP)', () => {
    const b = select((i) => cols.process[i] === PROCESS_CODE['muon-brems'] && cols.pOutGeV[i] > 0 && cols.pOutGeV[i] < 130 && (cols.cutBits[i] & 2) !== 0);
    expect(b.length).toBeGreaterThan(500);
    const v = b.map((i) => cols.pOutGeV[i] + y(i) - cols.pInGeV[i]);
    const med = quantile(v, 0.5);
    const se = medianSE(v);
    const mipMedian = quantile(select((i) => cols.process[i] === PROCESS_CODE.muon && cols.cutBits[i] === ALL).map(y), 0.5);
    expect(med).toBeGreaterThan(-4 * se);
    expect(med).toBeLessThan(mipMedian + 4 * se);
    // width: MS1 and MS2 resolutions (p_out ≲ 130 GeV) ⊕ ECAL resolution
    expect(iqrSigma(v)).toBeLessThan(1.25 * Math.hypot(MS1_RESOLUTION * 160, MS2_RESOLUTION * 130, 3));
  });

  it('region A → C: muon-nuclear interactions in the HCAL at p_out ≈ p_in with a large HCAL deposit', () => {
    const ac = select((i) => cols.process[i] === PROCESS_CODE['muon-nuclear'] && cols.eEcalGeV[i] < 3 && cols.eVhcalGeV[i] < 0.5);
    expect(ac.length).toBeGreaterThan(500);
    const dp = ac.map((i) => cols.pOutGeV[i] - cols.pInGeV[i]);
    const se = rms(dp) / Math.sqrt(dp.length);
    expect(Math.abs(mean(dp) + 0.9)).toBeLessThan(4 * se + 0.5);
    const hcalMip = (2 * makeNa64muContext(params).hcalMuonMipMeV) / 1000;
    expect(quantile(ac.map((i) => cols.eHcalGeV[i]), 0.5)).toBeGreaterThan(hcalMip + 16);
  });

  it('region D: muon-nuclear interactions in the ECAL fire the VHCAL / VETO and fail the selection', () => {
    const dd = select((i) => cols.process[i] === PROCESS_CODE['muon-nuclear'] && cols.eEcalGeV[i] >= 3 && cols.pOutGeV[i] > 0 && cols.pOutGeV[i] < 140);
    expect(dd.length).toBeGreaterThan(300);
    const pass = dd.filter((i) => cols.cutBits[i] === ALL).length;
    expect(pass / dd.length).toBeLessThan(0.05);
  });

  it('energy is never created: E_ECAL + E_VHCAL ≲ p_in − p_out, E_HCAL ≲ the momentum reaching it (6σ, no pile-up)', () => {
    const bad: number[] = [];
    for (let i = 0; i < cols.n; i++) {
      if (cols.process[i] === PROCESS_CODE['pile-up'] || !(cols.cutBits[i] & 2)) continue;
      const pin = cols.pInGeV[i];
      const pout = cols.pOutGeV[i];
      const up = cols.eEcalGeV[i] + cols.eVhcalGeV[i];
      // upstream of MS2 (an outgoing track measured): the energy lost there is at most p_in − p_out (+ the ECAL MIP)
      const sUp = Math.sqrt((MS1_RESOLUTION * pin) ** 2 + (MS2_RESOLUTION * pout) ** 2 + 0.25 * up + 1);
      if (pout > 0 && !(pout + up - pin < 6 * sUp + 3)) bad.push(i);
      // the HCAL (behind MS2) sees at most what reaches it (+ the HCAL MIP): region A → C lies above the diagonal
      const h = cols.eHcalGeV[i];
      const sH = Math.sqrt((MS1_RESOLUTION * pin) ** 2 + 0.36 * h + 4);
      if (!(h + up - pin < 6 * sH + 8)) bad.push(i);
    }
    expect(bad).toEqual([]);
  });

  it('K → μν decays give soft single muons with MIP-like calorimeter energy (the signal-box background)', () => {
    const box = sim.setup.defaultBox;
    const soft = select(
      (i) => cols.process[i] === PROCESS_CODE['beam-decay'] && (cols.cutBits[i] & 4) !== 0 && cols.pOutGeV[i] < box.xMaxGeV && y(i) >= box.yMinGeV && y(i) <= box.yMaxGeV,
    );
    expect(soft.length).toBeGreaterThan(20);
    for (const i of soft) expect(cols.weight[i]).toBeLessThan(1e-6);
    // no plain muon reaches the signal region
    expect(select((i) => cols.process[i] === PROCESS_CODE.muon && cols.cutBits[i] === ALL && cols.pOutGeV[i] < box.xMaxGeV).length).toBe(0);
  });

  it('pile-up never passes both the timing and the single-track cuts', () => {
    for (let i = 0; i < cols.n; i++) if (cols.process[i] === PROCESS_CODE['pile-up']) expect(cols.cutBits[i] & 3).not.toBe(3);
  });
});
