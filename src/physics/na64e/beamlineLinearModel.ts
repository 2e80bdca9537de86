/**
 * The linear model of the NA64e beam line behind beamlineLinear.ts (doc/model.md §4): for the 25
 * normal deviates of the step-by-step transport (beam spot, divergence, Highland kick and hit
 * smearing per plane, in the order beamlinePlain.ts draws them) their unit responses in the fitted
 * slopes and the ECAL-face state, the covariance pieces Σ = Σ_fixed + Σ_up/p₀² + Σ_down/p_d², the
 * mean bend per magnet, and the linear algebra of the detail mode (Cholesky factor, inputs
 * conditioned on the drawn outputs).
 */
import type { Rng } from '../rng';
import { flatStationsOf } from './beamlineCommon';
import type { Na64eContext } from './context';

/** Outputs of the bending plane (x) and of the other plane (y). */
export const NX = 4; // s_in, s_out, x_E, t_x,E
export const NY = 3; // s_in,y, y_E, t_y,E

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
