/**
 * Transport of the NA64e beam particle from the first tracker to the ECAL face: multiple scattering
 * and measured hits in every plane, bending in the MBPL magnets, synchrotron radiation (mean and
 * variance of the energy reaching the SRD), and at most one forced interaction on the way: a hard
 * bremsstrahlung in the beam-line material ("upstream interaction") or a decay in flight of a beam
 * hadron. Neutral products fly straight on and are returned for the calorimeter stage.
 */
import { decayHadron } from '../decays';
import type { ParticleKind, TextLine } from '../detail';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import { transportInField, drift, type TrackState } from '../tracking';
import { BEND_CONSTANT_GEV_PER_T_M } from '../units';
import { sampleSrFraction } from '../synchrotron';
import type { Na64eContext } from './context';
import { isCharged, mainInc, result, srInMagnet, srLast, stationsOf, type BeamlineInteraction, type BeamlineResult, type Incident } from './beamlineCommon';
import { transportPlain } from './beamlinePlain';

export type { BeamlineInteraction, BeamlineResult, Incident } from './beamlineCommon';

/**
 * Per-event scratch of the transport (module-level: no allocation per event in summary mode). The
 * returned BeamlineResult, its `main` Incident and its `neutrals` array are reused by the next call:
 * use them before transporting the next event.
 */
const s: TrackState = { x: 0, y: 0, z: 0, tx: 0, ty: 0, p: 0, q: -1 };
const tr = {
  kind: 'e-' as ParticleKind,
  mass: 0,
  pending: null as BeamlineInteraction | null,
  trackIdx: -1,
  note: null as TextLine | null,
  pts: undefined as number[] | undefined,
};

/**
 * Transport `kind` with energy e0 from the start of the beam line (z = ctx.decayZ0) to the ECAL
 * face. Fills ctx.spec.hitX/hitY with the measured hits. `rng` is the event stream. The result is
 * reused by the next call (see above).
 */
export function transportBeamline(
  ctx: Na64eContext,
  rng: Rng,
  kind: ParticleKind,
  massMeV: number,
  e0MeV: number,
  interaction: BeamlineInteraction,
  d: DetailRecorder | null,
): BeamlineResult {
  if (d === null && interaction.type === 'none') return transportPlain(ctx, rng, kind, massMeV, e0MeV);
  if (d === null && interaction.type === 'brem') return transportPlain(ctx, rng, kind, massMeV, e0MeV, interaction.z, interaction.y);
  const spec = ctx.spec;
  const beam = ctx.setup.beam;
  s.x = 0 + beam.spotSigmaMm * nrm(rng);
  s.y = 0 + beam.spotSigmaMm * nrm(rng);
  s.z = ctx.decayZ0;
  s.tx = 0 + beam.divergenceMrad * 1e-3 * nrm(rng);
  s.ty = 0 + beam.divergenceMrad * 1e-3 * nrm(rng);
  s.p = Math.sqrt(Math.max(0, e0MeV * e0MeV - massMeV * massMeV));
  s.q = -1;
  tr.kind = kind;
  tr.mass = massMeV;
  tr.pending = interaction.type === 'none' ? null : interaction;
  tr.note = null;
  const pts: number[] | undefined = d ? [s.x, s.y, s.z] : undefined;
  tr.pts = pts;
  tr.trackIdx = d ? d.tracks.length : -1;
  if (d) d.track(kind, e0MeV, pts!);
  const neutrals = result.neutrals;
  if (neutrals.length > 0) neutrals.length = 0;
  result.srMeanMeV = 0;
  result.srVarMeV2 = 0;
  let trackOk = true;

  let planeIdx = 0;
  for (const st of stationsOf(ctx)) {
    if (st.kind === 'plane') {
      if (tr.pending && tr.pending.z < st.z) {
        drift(s, tr.pending.z);
        pts?.push(s.x, s.y, s.z);
        applyInteraction(rng, d);
      }
      drift(s, st.z);
      pts?.push(s.x, s.y, s.z);
      if (chargedNow()) {
        const th = st.theta0TimesP / s.p; // Highland at β = 1: θ0 ∝ 1/p (PDG §34.3)
        s.tx += th * nrm(rng);
        spec.hitX[planeIdx] = s.x + st.res * nrm(rng);
        // y matters only upstream (angle cut): downstream y is left unsmeared (same stream in summary and detail)
        if (planeIdx < spec.upstream.length) {
          s.ty += th * nrm(rng);
          spec.hitY[planeIdx] = s.y + st.res * nrm(rng);
        } else spec.hitY[planeIdx] = s.y;
        d?.trackerHits.push({ detector: st.id, xMm: spec.hitX[planeIdx], yMm: spec.hitY[planeIdx], zMm: st.z });
      } else {
        spec.hitX[planeIdx] = NaN;
        spec.hitY[planeIdx] = NaN;
        trackOk = false;
      }
      planeIdx++;
    } else {
      if (tr.pending && tr.pending.z < st.z0) {
        drift(s, tr.pending.z);
        pts?.push(s.x, s.y, s.z);
        applyInteraction(rng, d);
      }
      drift(s, st.z0);
      pts?.push(s.x, s.y, s.z);
      // magnet, possibly split in two pieces by the interaction
      const split = tr.pending !== null && tr.pending.z < st.z1;
      const zSplit = split ? tr.pending!.z : st.z1;
      for (let piece = 0; piece < (split ? 2 : 1); piece++) {
        const za = piece === 0 ? st.z0 : zSplit;
        const zb = piece === 0 ? zSplit : st.z1;
        if (piece === 1) applyInteraction(rng, d);
        if (!chargedNow()) {
          drift(s, zb);
          continue;
        }
        if (tr.kind === 'e-' || tr.kind === 'e+') {
          const pAfter = srInMagnet(ctx, s.p, tr.mass, st.fieldT, zb - za);
          if (d) emitSrPhotons(ctx, d, s, srLast.nPhotons, srLast.ecMeV, za, zb, st.fieldT);
          s.p = pAfter;
        }
        transportInField(s, zb, st.fieldT, d ? 20 : 1, pts);
      }
    }
  }
  if (tr.pending) {
    drift(s, Math.min(tr.pending.z, ctx.decayZ1));
    pts?.push(s.x, s.y, s.z);
    applyInteraction(rng, d);
  }
  drift(s, ctx.decayZ1);
  if (d && tr.trackIdx >= 0) d.tracks[tr.trackIdx].points.push(s.x, s.y, s.z);
  if (d) {
    // bring neutral tracks to the ECAL plane as well
    for (const n of neutrals) {
      if (n.trackIdx >= 0) {
        const dz = ctx.decayZ1 - n.z;
        d.tracks[n.trackIdx].points.push(n.x + n.tx * dz, n.y + n.ty * dz, ctx.decayZ1);
      }
    }
  }
  if (chargedNow()) {
    mainInc.kind = tr.kind;
    mainInc.e = Math.sqrt(s.p * s.p + tr.mass * tr.mass);
    mainInc.x = s.x;
    mainInc.y = s.y;
    mainInc.z = s.z;
    mainInc.tx = s.tx;
    mainInc.ty = s.ty;
    mainInc.trackIdx = tr.trackIdx;
    result.main = mainInc;
  } else result.main = null;
  result.trackOk = trackOk;
  result.interactionNote = tr.note;
  return result;
}

/** Normals replayed in the order of the draws below (transportBeamlineReplay), or null: the stream's. */
let replayZ: Float64Array | null = null;
let replayK = 0;
function nrm(rng: Rng): number {
  return replayZ === null ? rng.normal() : replayZ[replayK++];
}

/**
 * Detail only: the general transport without a forced interaction, its 4 + 4·n_up + 2·n_down normal
 * deviates taken from `normals` (in the order it draws them) instead of a stream: the tracks and hits
 * on screen of an event whose numbers come from beamlineLinear.ts. Throws if `normals` is too short.
 */
export function transportBeamlineReplay(
  ctx: Na64eContext,
  kind: ParticleKind,
  massMeV: number,
  e0MeV: number,
  normals: Float64Array,
  d: DetailRecorder,
): BeamlineResult {
  replayZ = normals;
  replayK = 0;
  try {
    // the stream is never read while replaying (no interaction: the normals are all it draws)
    const r = transportBeamline(ctx, null as unknown as Rng, kind, massMeV, e0MeV, { type: 'none' }, d);
    if (replayK > normals.length) throw new Error(`transportBeamlineReplay: ${replayK} normals needed, ${normals.length} given`);
    return r;
  } finally {
    replayZ = null;
  }
}

/** Is the transported particle still a charged track? */
function chargedNow(): boolean {
  return tr.kind !== 'nu' && s.p > 0 && isCharged(tr.kind);
}

/** Apply the pending forced interaction at the current position (brem photon or decay in flight). */
function applyInteraction(rng: Rng, d: DetailRecorder | null): void {
  const it = tr.pending;
  if (!it) return;
  tr.pending = null;
  const neutrals = result.neutrals;
  const e = Math.sqrt(s.p * s.p + tr.mass * tr.mass);
  if (it.type === 'brem') {
    const k = it.y * e;
    neutrals.push({ kind: 'gamma', e: k, x: s.x, y: s.y, z: s.z, tx: s.tx, ty: s.ty, trackIdx: -1 });
    s.p = Math.sqrt(Math.max(0, (e - k) ** 2 - tr.mass * tr.mass));
    if (d) tr.note = { key: 'story.e.upstreamBrem', params: { zM: s.z / 1000, photonGeV: k / 1000 } };
    if (d) {
      d.track('gamma', k, [s.x, s.y, s.z], { note: 'bremsstrahlung photon from the beam line' });
      neutrals[neutrals.length - 1].trackIdx = d.tracks.length - 1;
    }
    return;
  }
  const parent = tr.kind === 'K-' ? 'K-' : 'pi-';
  const daughters = decayHadron(rng, parent, s.p);
  if (d) tr.note = { key: 'story.e.beamDecay', params: { kind: parent, zM: s.z / 1000, daughters: daughters.map((x) => x.kind).join(' ') } };
  let charged: (typeof daughters)[number] | null = null;
  for (const dt of daughters) {
    const pz = Math.max(dt.p4.pz, 1e-6);
    const inc: Incident = {
      kind: dt.kind,
      e: dt.p4.e,
      x: s.x,
      y: s.y,
      z: s.z,
      tx: s.tx + dt.p4.px / pz,
      ty: s.ty + dt.p4.py / pz,
      trackIdx: -1,
    };
    if (isCharged(dt.kind) && !charged) {
      charged = dt;
      tr.kind = dt.kind;
      tr.mass = dt.mass;
      s.p = Math.sqrt(Math.max(0, dt.p4.e ** 2 - dt.mass ** 2));
      s.tx = inc.tx;
      s.ty = inc.ty;
      if (d) tr.trackIdx = startTrack(d, tr.kind, dt.p4.e, s);
    } else {
      if (d) {
        d.track(dt.kind, dt.p4.e, [s.x, s.y, s.z], { invisible: dt.kind === 'nu', note: dt.kind === 'nu' ? 'neutrino: escapes' : undefined });
        inc.trackIdx = d.tracks.length - 1;
      }
      neutrals.push(inc);
    }
  }
  if (!charged) {
    tr.kind = 'nu';
    s.p = 0;
  }
}

function startTrack(d: DetailRecorder, kind: ParticleKind, e: number, s: TrackState): number {
  d.track(kind, e, [s.x, s.y, s.z]);
  return d.tracks.length - 1;
}

/** Detail only: draw a sample of SR photons (at most 40) from emission points along the bend. */
function emitSrPhotons(ctx: Na64eContext, d: DetailRecorder, s: TrackState, nMean: number, ecMeV: number, za: number, zb: number, fieldT: number) {
  const rng = detailRngOf(d);
  const n = Math.min(40, rng.poisson(nMean));
  const k = (BEND_CONSTANT_GEV_PER_T_M * fieldT) / (s.p / 1000) / 1000;
  const zEnd = ctx.srd.zMm;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform() * (zb - za);
    const x = s.x + s.tx * u + 0.5 * k * u * u;
    const tx = s.tx + k * u;
    const z = za + u;
    const e = sampleSrFraction(rng) * ecMeV;
    d.track('gamma', e, [x, s.y, z, x + tx * (zEnd - z), s.y + s.ty * (zEnd - z), zEnd], { note: 'synchrotron-radiation photon' });
  }
}

/** The detail substream travels with the recorder (set by the event driver). */
const detailRngs = new WeakMap<DetailRecorder, Rng>();
export function attachDetailRng(d: DetailRecorder, rng: Rng): void {
  detailRngs.set(d, rng);
}
export function detailRngOf(d: DetailRecorder): Rng {
  const r = detailRngs.get(d);
  if (!r) throw new Error('detail recorder has no random stream attached');
  return r;
}
