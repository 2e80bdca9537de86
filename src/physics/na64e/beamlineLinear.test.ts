/**
 * The linear-Gaussian beam line (beamlineLinear.ts) against the step-by-step transport
 * (beamlinePlain.ts): the same map from the 25 normals to the outputs, the same covariance, and in
 * detail mode tracker hits that reconstruct to the summary's numbers.
 */
import { describe, expect, it } from 'vitest';
import { Simulator } from '../run';
import { DEFAULT_PARAMS } from '../params';
import { Rng } from '../rng';
import { GeV, ELECTRON_MASS_MEV, PION_MASS_MEV } from '../units';
import { transportPlain } from './beamlinePlain';
import { lastDownstreamMomentumMeV, linearReco, transportLinear } from './beamlineLinear';
import { cholesky, inputWidths, linearBeamlineOf } from './beamlineLinearModel';
import type { Na64eContext } from './context';

const sim = new Simulator({ ...DEFAULT_PARAMS.na64e, events: 1000, seed: 5 });
const ctx = (sim as unknown as { ctx: Na64eContext }).ctx;
const m = linearBeamlineOf(ctx);
/** A stream that draws zeros: the linear transport then returns its mean. */
const zeros = { normal: () => 0 } as unknown as Rng;

describe('linear-Gaussian NA64e beam line', () => {
  it('is the same linear map as the step-by-step transport (mean + A(e0)·z for its 25 normals)', () => {
    expect(m.nInputs).toBe(4 + 4 * ctx.spec.upstream.length + 2 * ctx.spec.downstream.length);
    const rng = new Rng(3, 0);
    for (const [kind, mass, eGeV] of [
      ['e-', ELECTRON_MASS_MEV, 100],
      ['e-', ELECTRON_MASS_MEV, 93.7],
      ['pi-', PION_MASS_MEV, 100],
      ['e-', ELECTRON_MASS_MEV, 20],
    ] as const) {
      for (let ev = 0; ev < 20; ev++) {
        const e0 = eGeV * GeV;
        rng.reset(3, ev);
        const plain = transportPlain(ctx, rng, kind, mass, e0);
        const want = {
          e: plain.main!.e,
          x: plain.main!.x,
          y: plain.main!.y,
          tx: plain.main!.tx,
          ty: plain.main!.ty,
          srMean: plain.srMeanMeV,
          srVar: plain.srVarMeV2,
        };
        const reco = { ...ctx.spec.reconstruct() };
        rng.reset(3, ev);
        const z = Float64Array.from({ length: m.nInputs }, () => rng.normal());
        const mean = transportLinear(ctx, zeros, kind, mass, e0);
        const got = { e: mean.main!.e, x: mean.main!.x, y: mean.main!.y, tx: mean.main!.tx, ty: mean.main!.ty, srMean: mean.srMeanMeV, srVar: mean.srVarMeV2 };
        const sOutMean = linearReco.slopeOutX;
        const w = inputWidths(m, Math.sqrt(e0 * e0 - mass * mass), lastDownstreamMomentumMeV());
        const out = [0, sOutMean, got.x, got.tx, 0, got.y, got.ty]; // sIn, sOut, x, tx | sInY, y, ty
        for (let k = 0; k < m.nInputs; k++) {
          const r = m.response[k];
          if (m.block[k] === 0) for (let a = 0; a < 4; a++) out[a] += r[a] * w[k] * z[k];
          else for (let a = 0; a < 3; a++) out[4 + a] += r[a] * w[k] * z[k];
        }
        expect(got.e).toBeCloseTo(want.e, 6);
        expect(got.srMean).toBeCloseTo(want.srMean, 9);
        expect(got.srVar).toBeCloseTo(want.srVar, 9);
        expect(out[0]).toBeCloseTo(reco.slopeInX, 12);
        expect(out[1]).toBeCloseTo(reco.slopeOutX, 12);
        expect(out[4]).toBeCloseTo(reco.slopeInY, 12);
        expect(out[2]).toBeCloseTo(want.x, 8);
        expect(out[3]).toBeCloseTo(want.tx, 12);
        expect(out[5]).toBeCloseTo(want.y, 8);
        expect(out[6]).toBeCloseTo(want.ty, 12);
      }
    }
  });

  it('draws with the covariance A·Aᵀ (Cholesky factor) and the step-by-step moments', () => {
    const e0 = 100 * GeV;
    // the unrolled factor of the event loop (outputs for normals all 1: the row sums of L) against the general one
    const ones = { normal: () => 1 } as unknown as Rng;
    const mean = { ...transportLinear(ctx, zeros, 'e-', ELECTRON_MASS_MEV, e0).main! };
    const one = { ...transportLinear(ctx, ones, 'e-', ELECTRON_MASS_MEV, e0).main! };
    cholesky(m.cx, m.lx, 4);
    cholesky(m.cy, m.ly, 3);
    const rowSum = (L: Float64Array, n: number, r: number) => L.slice(r * n, r * n + n).reduce((a, b) => a + b, 0);
    expect(one.x - mean.x).toBeCloseTo(rowSum(m.lx, 4, 2), 9);
    expect(one.tx - mean.tx).toBeCloseTo(rowSum(m.lx, 4, 3), 12);
    expect(one.y - mean.y).toBeCloseTo(rowSum(m.ly, 3, 1), 9);
    expect(one.ty - mean.ty).toBeCloseTo(rowSum(m.ly, 3, 2), 12);
    const w = inputWidths(m, Math.sqrt(e0 * e0 - ELECTRON_MASS_MEV ** 2), lastDownstreamMomentumMeV());
    for (const [b, n, L] of [
      [0, 4, m.lx],
      [1, 3, m.ly],
    ] as const) {
      for (let a = 0; a < n; a++)
        for (let c = 0; c < n; c++) {
          let aat = 0;
          for (let k = 0; k < m.nInputs; k++) if (m.block[k] === b) aat += m.response[k][a] * m.response[k][c] * w[k] * w[k];
          let llt = 0;
          for (let j = 0; j < n; j++) llt += L[a * n + j] * L[c * n + j];
          expect(Math.abs(llt - aat)).toBeLessThanOrEqual(1e-9 * Math.sqrt(Math.abs(aat * aat)) + 1e-18);
        }
    }
    // sampled moments: reconstructed p and the ECAL-face x against the step-by-step transport
    const n = 20000;
    const rng = new Rng(9, 0);
    const stats = (f: (i: number) => [number, number]) => {
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const [p] = f(i);
        s1 += p;
        s2 += p * p;
      }
      return { mean: s1 / n, sd: Math.sqrt(s2 / n - (s1 / n) ** 2) };
    };
    const lin = stats((i) => {
      rng.reset(9, i);
      transportLinear(ctx, rng, 'e-', ELECTRON_MASS_MEV, e0);
      return [linearReco.pGeV, 0];
    });
    const stp = stats((i) => {
      rng.reset(9, n + i);
      transportPlain(ctx, rng, 'e-', ELECTRON_MASS_MEV, e0);
      return [ctx.spec.reconstruct().pGeV, 0];
    });
    expect(Math.abs(lin.mean - stp.mean)).toBeLessThan(5 * Math.hypot(lin.sd, stp.sd) / Math.sqrt(n));
    expect(lin.sd / stp.sd).toBeGreaterThan(0.95);
    expect(lin.sd / stp.sd).toBeLessThan(1.05);
  });

  it('in detail the replayed tracker hits reconstruct to the summary numbers, and the track ends at the ECAL-face state', () => {
    const cols = sim.simulateChunk(0, 200);
    let checked = 0;
    for (let i = 0; i < 200 && checked < 8; i++) {
      if (cols.process[i] !== 0) continue; // clean electrons (no forced interaction)
      const d = sim.simulateDetail(i);
      expect(Math.fround(d.measured.pInGeV)).toBe(cols.pInGeV[i]);
      expect(Math.fround(d.measured.eEcalGeV)).toBe(cols.eEcalGeV[i]);
      // refit the hits shown: slope change → p
      const hits = d.trackerHits;
      expect(hits.length).toBe(ctx.spec.planes.length);
      const fit = (hs: typeof hits) => {
        const zm = hs.reduce((s, h) => s + h.zMm, 0) / hs.length;
        const xm = hs.reduce((s, h) => s + h.xMm, 0) / hs.length;
        let szz = 0;
        let szx = 0;
        for (const h of hs) {
          szz += (h.zMm - zm) ** 2;
          szx += (h.zMm - zm) * (h.xMm - xm);
        }
        return szx / szz;
      };
      const nUp = ctx.spec.upstream.length;
      const dTheta = fit(hits.slice(nUp)) - fit(hits.slice(0, nUp));
      const p = (0.299792458 * ctx.spec.fieldIntegralTm) / dTheta;
      expect(p).toBeCloseTo(d.measured.pInGeV, 6);
      const pts = d.tracks[0].points;
      const n = pts.length;
      expect(pts[n - 1]).toBeCloseTo(ctx.decayZ1, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(4);
  });
});
