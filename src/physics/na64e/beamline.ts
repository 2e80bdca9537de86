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
import { highlandTheta0Rad, transportInField, drift, type TrackState } from '../tracking';
import { BEND_CONSTANT_GEV_PER_T_M, ELECTRON_MASS_MEV } from '../units';
import { sampleSrFraction, srCriticalEnergyMeV, srPhotonCount } from '../synchrotron';
import type { Na64eContext } from './context';

/** A particle arriving at the calorimeters. */
export interface Incident {
  kind: ParticleKind;
  /** Energy [MeV]. */
  e: number;
  x: number;
  y: number;
  z: number;
  tx: number;
  ty: number;
  /** Index of its track in the detail recorder (to extend it), or −1. */
  trackIdx: number;
}

export type BeamlineInteraction = { type: 'none' } | { type: 'brem'; z: number; y: number } | { type: 'decay'; z: number };

export interface BeamlineResult {
  /** The charged particle (or null if the beam particle decayed into neutrals only). */
  main: Incident | null;
  neutrals: Incident[];
  srMeanMeV: number;
  srVarMeV2: number;
  /** False if a plane saw no charged particle (track reconstruction fails). */
  trackOk: boolean;
  /** Story line of the beam-line interaction (detail only; null without detail or interaction). */
  interactionNote: TextLine | null;
}

const isCharged = (k: ParticleKind) => k === 'e-' || k === 'mu-' || k === 'pi-' || k === 'K-' || k === 'pbar' || k === 'e+' || k === 'mu+' || k === 'pi+';

/**
 * Per-event scratch of the transport (module-level: no allocation per event in summary mode). The
 * returned BeamlineResult, its `main` Incident and its `neutrals` array are reused by the next call:
 * use them before transporting the next event.
 */
const s: TrackState = { x: 0, y: 0, z: 0, tx: 0, ty: 0, p: 0, q: -1 };
const mainInc: Incident = { kind: 'e-', e: 0, x: 0, y: 0, z: 0, tx: 0, ty: 0, trackIdx: -1 };
const result: BeamlineResult = { main: null, neutrals: [], srMeanMeV: 0, srVarMeV2: 0, trackOk: true, interactionNote: null };
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
  const spec = ctx.spec;
  const beam = ctx.setup.beam;
  s.x = rng.gauss(0, beam.spotSigmaMm);
  s.y = rng.gauss(0, beam.spotSigmaMm);
  s.z = ctx.decayZ0;
  s.tx = rng.gauss(0, beam.divergenceMrad * 1e-3);
  s.ty = rng.gauss(0, beam.divergenceMrad * 1e-3);
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
  let srMean = 0;
  let srVar = 0;
  let trackOk = true;
  const srX = ctx.srMoments;

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
        s.tx += th * rng.normal();
        spec.hitX[planeIdx] = s.x + st.res * rng.normal();
        // y matters only upstream (angle cut): downstream y is left unsmeared (same stream in summary and detail)
        if (planeIdx < spec.upstream.length) {
          s.ty += th * rng.normal();
          spec.hitY[planeIdx] = s.y + st.res * rng.normal();
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
          const e = Math.sqrt(s.p * s.p + tr.mass * tr.mass);
          const theta = (BEND_CONSTANT_GEV_PER_T_M * st.fieldT * ((zb - za) / 1000)) / (s.p / 1000);
          const nSr = srPhotonCount(e / ELECTRON_MASS_MEV, theta);
          const ecMeV = srCriticalEnergyMeV(e, ELECTRON_MASS_MEV, st.fieldT);
          const nAcc = nSr * ctx.srAcceptance;
          srMean += nAcc * srX.mean * ecMeV;
          srVar += nAcc * srX.meanSq * ecMeV * ecMeV;
          const lossMeV = nSr * srX.mean * ecMeV; // mean SR energy loss of the electron
          if (d) emitSrPhotons(ctx, d, s, nSr, ecMeV, za, zb, st.fieldT);
          s.p = Math.max(0, s.p - lossMeV);
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
  result.srMeanMeV = srMean;
  result.srVarMeV2 = srVar;
  result.trackOk = trackOk;
  result.interactionNote = tr.note;
  return result;
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

/**
 * transportBeamline for the common case (summary mode, no forced interaction): the same arithmetic
 * and the same random draws in the same order as the general loop above (so the same numbers, which
 * the hash tests of the columns check), on flat per-context station arrays with the track state in
 * locals: no closures, no property lookups of union-typed station objects, no per-station calls
 * except the random draws.
 */
function transportPlain(ctx: Na64eContext, rng: Rng, kind: ParticleKind, massMeV: number, e0MeV: number): BeamlineResult {
  const spec = ctx.spec;
  const beam = ctx.setup.beam;
  const fs = flatStationsOf(ctx);
  const charged = isCharged(kind);
  // all random numbers of this path are normal deviates, drawn in the order the general loop uses
  // (a charged beam particle stays charged with p > 0 through the line: SR takes < 2 % of E)
  const nz = fs.nNormals;
  const zn = fs.normals;
  if (charged) rng.fillNormal(zn, nz);
  else rng.fillNormal(zn, 4);
  let k = 0;
  let x = 0 + beam.spotSigmaMm * zn[k++];
  let y = 0 + beam.spotSigmaMm * zn[k++];
  let z = ctx.decayZ0;
  let tx = 0 + beam.divergenceMrad * 1e-3 * zn[k++];
  let ty = 0 + beam.divergenceMrad * 1e-3 * zn[k++];
  let p = Math.sqrt(Math.max(0, e0MeV * e0MeV - massMeV * massMeV));
  const electron = kind === 'e-' || kind === 'e+';
  const srMoments = ctx.srMoments;
  const hitX = spec.hitX;
  const hitY = spec.hitY;
  const nUp = spec.upstream.length;
  let srMean = 0;
  let srVar = 0;
  let trackOk = true;
  let pi = 0;
  for (let i = 0; i < fs.n; i++) {
    const za = fs.z0[i];
    let dz = za - z;
    x += tx * dz;
    y += ty * dz;
    z = za;
    const live = charged && p > 0;
    if (fs.isPlane[i] === 1) {
      if (live) {
        const th = fs.theta0TimesP[i] / p; // Highland at β = 1: θ0 ∝ 1/p (PDG §34.3)
        tx += th * zn[k++];
        hitX[pi] = x + fs.res[i] * zn[k++];
        if (pi < nUp) {
          ty += th * zn[k++];
          hitY[pi] = y + fs.res[i] * zn[k++];
        } else hitY[pi] = y;
      } else {
        hitX[pi] = NaN;
        hitY[pi] = NaN;
        trackOk = false;
      }
      pi++;
      continue;
    }
    const zb = fs.z1[i];
    const fieldT = fs.fieldT[i];
    if (!live) {
      dz = zb - z;
      x += tx * dz;
      y += ty * dz;
      z = zb;
      continue;
    }
    if (electron) {
      const e = Math.sqrt(p * p + massMeV * massMeV);
      const theta = (BEND_CONSTANT_GEV_PER_T_M * fieldT * ((zb - za) / 1000)) / (p / 1000);
      const nSr = srPhotonCount(e / ELECTRON_MASS_MEV, theta);
      const ecMeV = srCriticalEnergyMeV(e, ELECTRON_MASS_MEV, fieldT);
      const nAcc = nSr * ctx.srAcceptance;
      srMean += nAcc * srMoments.mean * ecMeV;
      srVar += nAcc * srMoments.meanSq * ecMeV * ecMeV;
      p = Math.max(0, p - nSr * srMoments.mean * ecMeV);
    }
    // transportInField with one step, charge −1
    const kB = (BEND_CONSTANT_GEV_PER_T_M * fieldT) / (p / 1000) / 1000;
    dz = zb - z;
    x += tx * dz + 0.5 * kB * dz * dz;
    tx += kB * dz;
    y += ty * dz;
    z += dz;
  }
  const dzEnd = ctx.decayZ1 - z;
  x += tx * dzEnd;
  y += ty * dzEnd;
  z = ctx.decayZ1;
  if (result.neutrals.length > 0) result.neutrals.length = 0;
  if (charged && p > 0) {
    mainInc.kind = kind;
    mainInc.e = Math.sqrt(p * p + massMeV * massMeV);
    mainInc.x = x;
    mainInc.y = y;
    mainInc.z = z;
    mainInc.tx = tx;
    mainInc.ty = ty;
    mainInc.trackIdx = -1;
    result.main = mainInc;
  } else result.main = null;
  result.srMeanMeV = srMean;
  result.srVarMeV2 = srVar;
  result.trackOk = trackOk;
  result.interactionNote = null;
  return result;
}

/** The stations as flat arrays (plane: z0 = z; magnet: [z0, z1] with its field). */
interface FlatStations {
  n: number;
  isPlane: Uint8Array;
  z0: Float64Array;
  z1: Float64Array;
  res: Float64Array;
  theta0TimesP: Float64Array;
  fieldT: Float64Array;
  /** Normal deviates of a charged particle crossing all planes: 4 (beam) + 4 per upstream plane + 2 per downstream plane. */
  nNormals: number;
  /** Scratch for them. */
  normals: Float64Array;
}
const flatCache = new WeakMap<Na64eContext, FlatStations>();
function flatStationsOf(ctx: Na64eContext): FlatStations {
  let f = flatCache.get(ctx);
  if (!f) {
    const st = stationsOf(ctx);
    const n = st.length;
    const nPlanes = st.filter((a) => a.kind === 'plane').length;
    const nUp = ctx.spec.upstream.length;
    const nNormals = 4 + 4 * nUp + 2 * (nPlanes - nUp);
    f = {
      n,
      isPlane: new Uint8Array(n),
      z0: new Float64Array(n),
      z1: new Float64Array(n),
      res: new Float64Array(n),
      theta0TimesP: new Float64Array(n),
      fieldT: new Float64Array(n),
      nNormals,
      normals: new Float64Array(nNormals),
    };
    st.forEach((a, i) => {
      if (a.kind === 'plane') {
        f!.isPlane[i] = 1;
        f!.z0[i] = f!.z1[i] = a.z;
        f!.res[i] = a.res;
        f!.theta0TimesP[i] = a.theta0TimesP;
      } else {
        f!.z0[i] = a.z0;
        f!.z1[i] = a.z1;
        f!.fieldT[i] = a.fieldT;
      }
    });
    flatCache.set(ctx, f);
  }
  return f;
}

type Station =
  | { kind: 'plane'; id: string; z: number; x0: number; res: number; theta0TimesP: number }
  | { kind: 'magnet'; id: string; z0: number; z1: number; fieldT: number };

const stationCache = new WeakMap<Na64eContext, Station[]>();
function stationsOf(ctx: Na64eContext): Station[] {
  let st = stationCache.get(ctx);
  if (!st) {
    st = [
      ...ctx.spec.planes.map((p) => ({
        kind: 'plane' as const,
        id: p.id,
        z: p.zMm,
        x0: p.x0Fraction,
        res: p.resolutionMm,
        theta0TimesP: highlandTheta0Rad(1, 1, p.x0Fraction),
      })),
      ...ctx.spec.magnets.map((m) => ({ kind: 'magnet' as const, id: m.id, z0: m.z0, z1: m.z1, fieldT: m.fieldT })),
    ].sort((a, b) => (a.kind === 'plane' ? a.z : a.z0) - (b.kind === 'plane' ? b.z : b.z0));
    stationCache.set(ctx, st);
  }
  return st;
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
