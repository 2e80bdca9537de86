/**
 * The NA64e beam line without a forced interaction, drawn from its exact joint distribution.
 *
 * Given the beam energy e0, the beam-line transport of beamlinePlain.ts is linear in its Gaussian
 * inputs: the momentum along the line is deterministic (the synchrotron-radiation loss is its mean,
 * doc/model.md §4), the bend in each magnet adds a fixed offset, and the random parts (beam spot,
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
import { mainInc, result, srInMagnet, type BeamlineResult } from './beamlineCommon';
import { NX, NY, cholesky, conditionalInputs, linearBeamlineOf, type LinearBeamline } from './beamlineLinearModel';
import type { Na64eContext } from './context';

/** Reconstructed quantities of the spectrometer (as Spectrometer.reconstruct returns them). */
export interface LinearReco {
  pGeV: number;
  slopeInX: number;
  slopeInY: number;
  slopeOutX: number;
}

/** The reconstruction of the last linear transport (reused by the next call). */
export const linearReco: LinearReco = { pGeV: 0, slopeInX: 0, slopeInY: 0, slopeOutX: 0 };

/** Momentum after the magnets [MeV] of the last call (the downstream planes' p). */
let pDownstreamMeV = 0;

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
    meanX[1] += kB * m.magnetSOut[j];
    meanX[2] += kB * m.magnetX[j];
    meanX[3] += kB * m.magnetTx[j];
  }
  pDownstreamMeV = p;
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
    const srMean = result.srMeanMeV;
    const srVar = result.srVarMeV2;
    replay(conditionalInputs(m, p, e0MeV, massMeV, [sIn, sOut - meanX[1], x - meanX[2], tx - meanX[3]], [sInY, y, ty], displayRng));
    trackIdx = result.main ? result.main.trackIdx : -1;
    // the replayed transport refilled the shared result
    result.srMeanMeV = srMean;
    result.srVarMeV2 = srVar;
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

/** Test hook: the momentum after the magnets [MeV] of the last call. */
export function lastDownstreamMomentumMeV(): number {
  return pDownstreamMeV;
}
