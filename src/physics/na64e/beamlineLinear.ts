/**
 * The NA64e beam line without a forced interaction, drawn from its exact joint distribution.
 *
 * Given the beam energy e0, the beam-line transport of beamlinePlain.ts is linear in its Gaussian
 * inputs: the momentum along the line is deterministic (the synchrotron-radiation loss is its mean,
 * doc/model.md §3), the bend in each magnet adds a fixed offset, and the random parts (beam spot,
 * divergence, Highland kicks θ0 ∝ 1/p in every plane, PDG §34.3, and hit smearing) are transported by
 * straight-line drifts. The quantities the rest of the event needs — the fitted upstream and
 * downstream slopes (so the reconstructed momentum), the upstream y slope and the position and
 * direction at the ECAL face — are therefore jointly Gaussian with mean μ(e0) and covariance
 * Σ(e0) = A(e0)·A(e0)ᵀ, where A is the linear response to the 25 unit normals of the step-by-step
 * transport. The bending plane (x: s_in, s_out, x, t_x) and the other plane (y: s_in,y, y, t_y) are
 * independent, so one event needs 4 + 3 normal deviates instead of 25 (Cholesky factor of Σ(e0)).
 * This is not an approximation: it is the same distribution (tests check μ + A·z against the
 * step-by-step transport for the same normals, and L·Lᵀ against A·Aᵀ).
 *
 * Detail mode draws the 25 step-by-step normals from their distribution conditioned on the 7 that
 * were used (z = z′ + Aᵀ Σ⁻¹ (w − A z′), z′ from the display stream), and replays them through the
 * general transport (beamline.ts) for the tracks and hits on screen; the numbers measured (and so
 * the cuts) are the summary's, exactly.
 */
import type { ParticleKind } from '../detail';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import { BEND_CONSTANT_GEV_PER_T_M } from '../units';
import { flatStationsOf, mainInc, result, srInMagnet, type BeamlineResult } from './beamlineCommon';
import type { Na64eContext } from './context';

/** Reconstructed quantities of the spectrometer (as Spectrometer.reconstruct returns them). */
export interface LinearReco {
  pGeV: number;
  slopeInX: number;
  slopeInY: number;
  slopeOutX: number;
}

/** Outputs of the bending plane (x) and of the other plane (y). */
const NX = 4; // s_in, s_out, x_E, t_x,E
const NY = 3; // s_in,y, y_E, t_y,E

/**
 * The linear model of one context's beam line: for each input (in the order the step-by-step
 * transport draws its normals) the unit response of the outputs, the kind of its width, and the
 * per-group covariance pieces.
 */
export interface LinearBeamline {
  /** Number of step-by-step normals (4 + 4·n_up + 2·n_down). */
  nInputs: number;
  /** Per input: 0 = x block, 1 = y block. */
  block: Uint8Array;
  /** Per input: its unit response (NX or NY values) in its block. */
  response: Float64Array[];
  /** Per input: width kind: 0 fixed (σ in `sigma`), 1 upstream kick (θ0·p in `sigma`, / p0), 2 downstream kick (/ p after the magnets). */
  widthKind: Uint8Array;
  sigma: Float64Array;
  /** Covariance pieces, row-major: fixed, upstream kicks × p0², downstream kicks × p_d². */
  sxFixed: Float64Array;
  sxUp: Float64Array;
  sxDown: Float64Array;
  syFixed: Float64Array;
  syUp: Float64Array;
  syDown: Float64Array;
  /** Mean response of a unit bend kB [1/mm] in magnet m: (s_out, x_E, t_x,E) (s_in is upstream: 0). */
  magnetSOut: Float64Array;
  magnetX: Float64Array;
  magnetTx: Float64Array;
  /** Magnets: [z0, z1] and field. */
  magZ0: Float64Array;
  magZ1: Float64Array;
  magField: Float64Array;
  /** Per-event scratch: covariances and (detail mode and tests) their Cholesky factors. */
  cx: Float64Array;
  cy: Float64Array;
  lx: Float64Array;
  ly: Float64Array;
}

const cache = new WeakMap<Na64eContext, LinearBeamline>();
let lastCtx: Na64eContext | null = null;
let lastModel: LinearBeamline | null = null;

/** The linear model of `ctx`'s beam line (built once per context, a few µs). */
export function linearBeamlineOf(ctx: Na64eContext): LinearBeamline {
  if (ctx === lastCtx) return lastModel!;
  let m = cache.get(ctx);
  if (!m) {
    m = buildLinear(ctx);
    cache.set(ctx, m);
  }
  lastCtx = ctx;
  lastModel = m;
  return m;
}

function buildLinear(ctx: Na64eContext): LinearBeamline {
  const spec = ctx.spec;
  const fs = flatStationsOf(ctx);
  const beam = ctx.setup.beam;
  const z0 = ctx.decayZ0;
  const zE = ctx.decayZ1;
  const nUp = spec.upstream.length;
  const planeZ: number[] = [];
  const planeRes: number[] = [];
  const planeTh: number[] = [];
  const magZ0: number[] = [];
  const magZ1: number[] = [];
  const magField: number[] = [];
  for (let i = 0; i < fs.n; i++) {
    if (fs.isPlane[i] === 1) {
      planeZ.push(fs.z0[i]);
      planeRes.push(fs.res[i]);
      planeTh.push(fs.theta0TimesP[i]);
    } else {
      magZ0.push(fs.z0[i]);
      magZ1.push(fs.z1[i]);
      magField.push(fs.fieldT[i]);
    }
  }
  const nPl = planeZ.length;
  // least-squares slope weights of the two groups (as Spectrometer.fitSlope): w_i = (z_i − z̄)/Σ(z − z̄)²
  const slopeWeights = (from: number, to: number) => {
    const w = new Float64Array(nPl);
    const n = to - from;
    let zm = 0;
    for (let i = from; i < to; i++) zm += planeZ[i] / n;
    let szz = 0;
    for (let i = from; i < to; i++) szz += (planeZ[i] - zm) ** 2;
    for (let i = from; i < to; i++) w[i] = (planeZ[i] - zm) / szz;
    return w;
  };
  const wUp = slopeWeights(0, nUp);
  const wDown = slopeWeights(nPl - spec.downstream.length, nPl);
  // x response of a deviation (δx, δt) set at z = zs, with the hit of plane `own` (if ≥ 0) moved by `hit`
  const xResponse = (dx: number, dt: number, zs: number, hitOnly: number) => {
    const r = new Float64Array(NX);
    for (let i = 0; i < nPl; i++) {
      const h = hitOnly >= 0 ? (i === hitOnly ? 1 : 0) : planeZ[i] > zs ? dx + dt * (planeZ[i] - zs) : planeZ[i] === zs ? dx : 0;
      r[0] += wUp[i] * h;
      r[1] += wDown[i] * h;
    }
    if (hitOnly < 0) {
      r[2] = dx + dt * (zE - zs);
      r[3] = dt;
    }
    return r;
  };
  const yResponse = (dx: number, dt: number, zs: number, hitOnly: number) => {
    const r = new Float64Array(NY);
    for (let i = 0; i < nUp; i++) {
      const h = hitOnly >= 0 ? (i === hitOnly ? 1 : 0) : planeZ[i] > zs ? dx + dt * (planeZ[i] - zs) : planeZ[i] === zs ? dx : 0;
      r[0] += wUp[i] * h;
    }
    if (hitOnly < 0) {
      r[1] = dx + dt * (zE - zs);
      r[2] = dt;
    }
    return r;
  };
  const block: number[] = [];
  const response: Float64Array[] = [];
  const widthKind: number[] = [];
  const sigma: number[] = [];
  const add = (b: number, r: Float64Array, kind: number, s: number) => {
    block.push(b);
    response.push(r);
    widthKind.push(kind);
    sigma.push(s);
  };
  // the order of the step-by-step transport: x, y, t_x, t_y at the start, then per plane
  // (kick x, hit x[, kick y, hit y])
  const spot = beam.spotSigmaMm;
  const div = beam.divergenceMrad * 1e-3;
  add(0, xResponse(1, 0, z0, -1), 0, spot);
  add(1, yResponse(1, 0, z0, -1), 0, spot);
  add(0, xResponse(0, 1, z0, -1), 0, div);
  add(1, yResponse(0, 1, z0, -1), 0, div);
  for (let i = 0; i < nPl; i++) {
    // a kick at plane i changes the slope after it: the hit of plane i itself is not moved
    const up = i < nUp;
    add(0, xResponse(0, 1, planeZ[i], -1), up ? 1 : 2, planeTh[i]);
    add(0, xResponse(0, 0, planeZ[i], i), 0, planeRes[i]);
    if (up) {
      add(1, yResponse(0, 1, planeZ[i], -1), 1, planeTh[i]);
      add(1, yResponse(0, 0, planeZ[i], i), 0, planeRes[i]);
    }
  }
  const sym = (n: number, b: number, kinds: number[]) => {
    const s = new Float64Array(n * n);
    for (let k = 0; k < response.length; k++) {
      if (block[k] !== b || !kinds.includes(widthKind[k])) continue;
      const r = response[k];
      const v = sigma[k] * sigma[k];
      for (let a = 0; a < n; a++) for (let c = 0; c < n; c++) s[a * n + c] += v * r[a] * r[c];
    }
    return s;
  };
  // mean response of a unit bend kB in magnet m: x += 0.5·kB·L², t += kB·L, then drifts
  const nMag = magZ0.length;
  const magnetSOut = new Float64Array(nMag);
  const magnetX = new Float64Array(nMag);
  const magnetTx = new Float64Array(nMag);
  for (let j = 0; j < nMag; j++) {
    const L = magZ1[j] - magZ0[j];
    const r = xResponse(0.5 * L * L, L, magZ1[j], -1);
    magnetSOut[j] = r[1]; // the upstream planes lie before the first magnet (Spectrometer): r[0] = 0
    magnetX[j] = r[2];
    magnetTx[j] = r[3];
  }
  return {
    nInputs: response.length,
    block: Uint8Array.from(block),
    response,
    widthKind: Uint8Array.from(widthKind),
    sigma: Float64Array.from(sigma),
    sxFixed: sym(NX, 0, [0]),
    sxUp: sym(NX, 0, [1]),
    sxDown: sym(NX, 0, [2]),
    syFixed: sym(NY, 1, [0]),
    syUp: sym(NY, 1, [1]),
    syDown: sym(NY, 1, [2]),
    magnetSOut,
    magnetX,
    magnetTx,
    magZ0: Float64Array.from(magZ0),
    magZ1: Float64Array.from(magZ1),
    magField: Float64Array.from(magField),
    cx: new Float64Array(NX * NX),
    cy: new Float64Array(NY * NY),
    lx: new Float64Array(NX * NX),
    ly: new Float64Array(NY * NY),
  };
}

/**
 * Cholesky factor (lower, row-major) of the symmetric positive semi-definite n×n `a` into `l`;
 * a non-positive pivot (a direction without spread) gives a zero column.
 */
export function cholesky(a: Float64Array, l: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) l[i * n + i] = s > 0 ? Math.sqrt(s) : 0;
      else l[i * n + j] = l[j * n + j] > 0 ? s / l[j * n + j] : 0;
    }
    for (let j = i + 1; j < n; j++) l[i * n + j] = 0;
  }
}

/** The reconstruction of the last linear transport (reused by the next call). */
export const linearReco: LinearReco = { pGeV: 0, slopeInX: 0, slopeInY: 0, slopeOutX: 0 };

/** Momentum [MeV] at the upstream planes and after each magnet of the last call, and the kB [1/mm] used. */
const pAfter = new Float64Array(8);
const kBOf = new Float64Array(8);

/** Mean outputs of the last call: (s_in, s_out, x_E, t_x,E), (s_in,y, y_E, t_y,E). */
const meanX = new Float64Array(NX);

/**
 * Deterministic part of the transport for energy e0: momentum, synchrotron-radiation mean and
 * variance at the SRD and bend of every magnet (as beamlinePlain.ts: SR loss at its mean before the
 * one-step bend), the mean outputs (meanX) and the covariances (m.cx, m.cy) for this e0.
 */
function deterministicPart(ctx: Na64eContext, m: LinearBeamline, kind: ParticleKind, massMeV: number, e0MeV: number): number {
  const electron = kind === 'e-' || kind === 'e+';
  let p = Math.sqrt(Math.max(0, e0MeV * e0MeV - massMeV * massMeV));
  const pUp = p;
  result.srMeanMeV = 0;
  result.srVarMeV2 = 0;
  meanX[0] = meanX[1] = meanX[2] = meanX[3] = 0;
  for (let j = 0; j < m.magZ0.length; j++) {
    const fieldT = m.magField[j];
    if (electron) p = srInMagnet(ctx, p, massMeV, fieldT, m.magZ1[j] - m.magZ0[j]);
    const kB = (BEND_CONSTANT_GEV_PER_T_M * fieldT) / (p / 1000) / 1000;
    kBOf[j] = kB;
    pAfter[j] = p;
    meanX[1] += kB * m.magnetSOut[j];
    meanX[2] += kB * m.magnetX[j];
    meanX[3] += kB * m.magnetTx[j];
  }
  const iu = 1 / (pUp * pUp);
  const id = 1 / (p * p);
  const cx = m.cx;
  for (let k = 0; k < NX * NX; k++) cx[k] = m.sxFixed[k] + m.sxUp[k] * iu + m.sxDown[k] * id;
  const cy = m.cy;
  for (let k = 0; k < NY * NY; k++) cy[k] = m.syFixed[k] + m.syUp[k] * iu + m.syDown[k] * id;
  return p;
}

/**
 * transportBeamline for a charged beam particle without a forced interaction: fills and returns the
 * shared BeamlineResult (as the other transports) and `linearReco` (instead of ctx.spec.reconstruct),
 * from e0 [MeV] and 7 normal deviates of `rng`. With a detail recorder `d`, `replay` is called with
 * the 25 step-by-step normals (conditioned on the 7) to draw the tracks and hits on screen; the
 * returned numbers stay this function's.
 */
export function transportLinear(
  ctx: Na64eContext,
  rng: Rng,
  kind: ParticleKind,
  massMeV: number,
  e0MeV: number,
  d: DetailRecorder | null = null,
  replay: ((normals: Float64Array) => void) | null = null,
  displayRng: Rng | null = null,
): BeamlineResult {
  const m = linearBeamlineOf(ctx);
  const p = deterministicPart(ctx, m, kind, massMeV, e0MeV);
  // Cholesky factors of the 4×4 (x) and 3×3 (y) covariances, unrolled (zero pivot: zero column)
  const cx = m.cx;
  const l00 = Math.sqrt(cx[0]);
  const i0 = l00 > 0 ? 1 / l00 : 0;
  const l10 = cx[4] * i0;
  const l20 = cx[8] * i0;
  const l30 = cx[12] * i0;
  const l11 = Math.sqrt(Math.max(0, cx[5] - l10 * l10));
  const i1 = l11 > 0 ? 1 / l11 : 0;
  const l21 = (cx[9] - l20 * l10) * i1;
  const l31 = (cx[13] - l30 * l10) * i1;
  const l22 = Math.sqrt(Math.max(0, cx[10] - l20 * l20 - l21 * l21));
  const i2 = l22 > 0 ? 1 / l22 : 0;
  const l32 = (cx[14] - l30 * l20 - l31 * l21) * i2;
  const l33 = Math.sqrt(Math.max(0, cx[15] - l30 * l30 - l31 * l31 - l32 * l32));
  const cy = m.cy;
  const k00 = Math.sqrt(cy[0]);
  const j0 = k00 > 0 ? 1 / k00 : 0;
  const k10 = cy[3] * j0;
  const k20 = cy[6] * j0;
  const k11 = Math.sqrt(Math.max(0, cy[4] - k10 * k10));
  const j1 = k11 > 0 ? 1 / k11 : 0;
  const k21 = (cy[7] - k20 * k10) * j1;
  const k22 = Math.sqrt(Math.max(0, cy[8] - k20 * k20 - k21 * k21));
  const z0 = rng.normal();
  const z1 = rng.normal();
  const z2 = rng.normal();
  const z3 = rng.normal();
  const y0 = rng.normal();
  const y1 = rng.normal();
  const y2 = rng.normal();
  const sIn = l00 * z0;
  const sOut = meanX[1] + l10 * z0 + l11 * z1;
  const x = meanX[2] + l20 * z0 + l21 * z1 + l22 * z2;
  const tx = meanX[3] + l30 * z0 + l31 * z1 + l32 * z2 + l33 * z3;
  const sInY = k00 * y0;
  const y = k10 * y0 + k11 * y1;
  const ty = k20 * y0 + k21 * y1 + k22 * y2;
  const dTheta = sOut - sIn;
  linearReco.pGeV = dTheta > 0 ? (BEND_CONSTANT_GEV_PER_T_M * ctx.spec.fieldIntegralTm) / dTheta : Infinity;
  linearReco.slopeInX = sIn;
  linearReco.slopeInY = sInY;
  linearReco.slopeOutX = sOut;
  let trackIdx = -1;
  if (d && replay && displayRng) {
    cholesky(m.cx, m.lx, NX);
    cholesky(m.cy, m.ly, NY);
    replay(conditionalInputs(m, p, e0MeV, massMeV, [sIn, sOut - meanX[1], x - meanX[2], tx - meanX[3]], [sInY, y, ty], displayRng));
    trackIdx = result.main ? result.main.trackIdx : -1;
    // the replayed transport refilled the shared result: the deterministic part again
    deterministicPart(ctx, m, kind, massMeV, e0MeV);
  }
  if (result.neutrals.length > 0) result.neutrals.length = 0;
  mainInc.kind = kind;
  mainInc.e = Math.sqrt(p * p + massMeV * massMeV);
  mainInc.x = x;
  mainInc.y = y;
  mainInc.z = ctx.decayZ1;
  mainInc.tx = tx;
  mainInc.ty = ty;
  mainInc.trackIdx = trackIdx;
  result.main = mainInc;
  result.trackOk = true;
  result.interactionNote = null;
  return result;
}

/**
 * Width of every step-by-step input for momentum p0 at the upstream planes and pd after the magnets
 * [MeV]: the columns of A(e0) are response[k]·width[k].
 */
export function inputWidths(m: LinearBeamline, p0: number, pd: number): Float64Array {
  const w = new Float64Array(m.nInputs);
  for (let k = 0; k < m.nInputs; k++) w[k] = m.widthKind[k] === 0 ? m.sigma[k] : m.sigma[k] / (m.widthKind[k] === 1 ? p0 : pd);
  return w;
}

/**
 * Detail only: the 25 step-by-step normals conditioned on the outputs' deviations from their mean
 * (wx: NX values, wy: NY values): z = z′ + Aᵀ Σ⁻¹ (w − A z′) per block, z′ standard normal from
 * `rng`. Exact for a Gaussian (A Aᵀ = Σ); A z = w up to rounding.
 */
export function conditionalInputs(m: LinearBeamline, pd: number, e0MeV: number, massMeV: number, wx: number[], wy: number[], rng: Rng): Float64Array {
  const p0 = Math.sqrt(Math.max(0, e0MeV * e0MeV - massMeV * massMeV));
  const width = inputWidths(m, p0, pd);
  const z = new Float64Array(m.nInputs);
  for (let k = 0; k < m.nInputs; k++) z[k] = rng.normal();
  for (const [b, n, w, L] of [
    [0, NX, wx, m.lx],
    [1, NY, wy, m.ly],
  ] as const) {
    // r = w − A z′
    const r = Float64Array.from(w);
    for (let k = 0; k < m.nInputs; k++) {
      if (m.block[k] !== b) continue;
      for (let a = 0; a < n; a++) r[a] -= m.response[k][a] * width[k] * z[k];
    }
    // v = Σ⁻¹ r with Σ = L Lᵀ (forward, then backward substitution; zero pivots: no constraint)
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = r[i];
      for (let j = 0; j < i; j++) s -= L[i * n + j] * t[j];
      t[i] = L[i * n + i] > 0 ? s / L[i * n + i] : 0;
    }
    const v = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      let s = t[i];
      for (let j = i + 1; j < n; j++) s -= L[j * n + i] * v[j];
      v[i] = L[i * n + i] > 0 ? s / L[i * n + i] : 0;
    }
    // z += Aᵀ v
    for (let k = 0; k < m.nInputs; k++) {
      if (m.block[k] !== b) continue;
      let s = 0;
      for (let a = 0; a < n; a++) s += m.response[k][a] * v[a];
      z[k] += width[k] * s;
    }
  }
  return z;
}

/** Test hook: momentum after the magnets and the bend kB of each magnet for the last call. */
export function lastMagnets(): { pAfter: Float64Array; kB: Float64Array } {
  return { pAfter, kB: kBOf };
}
