/**
 * Transport of the NA64e beam particle from the first tracker to the ECAL face: multiple scattering
 * and measured hits in every plane, bending in the MBPL magnets, synchrotron radiation (mean and
 * variance of the energy reaching the SRD), and at most one forced interaction on the way: a hard
 * bremsstrahlung in the beam-line material ("upstream interaction") or a decay in flight of a beam
 * hadron. Neutral products fly straight on and are returned for the calorimeter stage.
 */
import { decayHadron } from '../decays';
import type { ParticleKind } from '../detail';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import { highlandTheta0Rad, transportInField, drift, type TrackState } from '../tracking';
import { BEND_CONSTANT_GEV_PER_T_M, ELECTRON_MASS_MEV } from '../units';
import { sampleSrFraction } from '../synchrotron';
import { srParameters, type Na64eContext } from './context';

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
  /** Truth notes for the detail. */
  interactionNote: string;
}

const isCharged = (k: ParticleKind) => k === 'e-' || k === 'mu-' || k === 'pi-' || k === 'K-' || k === 'pbar' || k === 'e+' || k === 'mu+' || k === 'pi+';

/**
 * Transport `kind` with energy e0 from the start of the beam line (z = ctx.decayZ0) to the ECAL
 * face. Fills ctx.spec.hitX/hitY with the measured hits. `rng` is the event stream.
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
  const spec = ctx.spec;
  const beam = ctx.setup.beam;
  const s: TrackState = {
    x: rng.gauss(0, beam.spotSigmaMm),
    y: rng.gauss(0, beam.spotSigmaMm),
    z: ctx.decayZ0,
    tx: rng.gauss(0, beam.divergenceMrad * 1e-3),
    ty: rng.gauss(0, beam.divergenceMrad * 1e-3),
    p: Math.sqrt(Math.max(0, e0MeV * e0MeV - massMeV * massMeV)),
    q: -1,
  };
  let curKind = kind;
  let curMass = massMeV;
  const pts: number[] | undefined = d ? [s.x, s.y, s.z] : undefined;
  let trackIdx = d ? d.tracks.length : -1;
  if (d) d.track(kind, e0MeV, pts!);
  const neutrals: Incident[] = [];
  let srMean = 0;
  let srVar = 0;
  let trackOk = true;
  let pending = interaction.type === 'none' ? null : interaction;
  let note = '';
  const srX = ctxMoments(ctx);

  const applyInteraction = () => {
    if (!pending) return;
    const it = pending;
    pending = null;
    const e = Math.sqrt(s.p * s.p + curMass * curMass);
    if (it.type === 'brem') {
      const k = it.y * e;
      neutrals.push({ kind: 'gamma', e: k, x: s.x, y: s.y, z: s.z, tx: s.tx, ty: s.ty, trackIdx: -1 });
      s.p = Math.sqrt(Math.max(0, (e - k) ** 2 - curMass * curMass));
      note = `hard bremsstrahlung at z = ${(s.z / 1000).toFixed(2)} m: photon of ${(k / 1000).toFixed(1)} GeV`;
      if (d) {
        d.track('gamma', k, [s.x, s.y, s.z], { note: 'bremsstrahlung photon from the beam line' });
        neutrals[neutrals.length - 1].trackIdx = d.tracks.length - 1;
      }
    } else {
      const parent = curKind === 'K-' ? 'K-' : 'pi-';
      const daughters = decayHadron(rng, parent, s.p);
      note = `${parent} decays in flight at z = ${(s.z / 1000).toFixed(2)} m → ${daughters.map((x) => x.kind).join(' ')}`;
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
          curKind = dt.kind;
          curMass = dt.mass;
          s.p = Math.sqrt(Math.max(0, dt.p4.e ** 2 - dt.mass ** 2));
          s.tx = inc.tx;
          s.ty = inc.ty;
          if (d) trackIdx = startTrack(d, curKind, dt.p4.e, s);
        } else {
          if (d) {
            d.track(dt.kind, dt.p4.e, [s.x, s.y, s.z], { invisible: dt.kind === 'nu', note: dt.kind === 'nu' ? 'neutrino: escapes' : undefined });
            inc.trackIdx = d.tracks.length - 1;
          }
          neutrals.push(inc);
        }
      }
      if (!charged) {
        curKind = 'nu';
        s.p = 0;
      }
    }
  };
  const charged = () => curKind !== 'nu' && s.p > 0 && isCharged(curKind);

  let planeIdx = 0;
  for (const st of stationsOf(ctx)) {
    if (st.kind === 'plane') {
      if (pending && pending.z < st.z) {
        drift(s, pending.z);
        pts?.push(s.x, s.y, s.z);
        applyInteraction();
      }
      drift(s, st.z);
      pts?.push(s.x, s.y, s.z);
      if (charged()) {
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
      if (pending && pending.z < st.z0) {
        drift(s, pending.z);
        pts?.push(s.x, s.y, s.z);
        applyInteraction();
      }
      drift(s, st.z0);
      pts?.push(s.x, s.y, s.z);
      // magnet, possibly split by the interaction
      const pieces: [number, number][] =
        pending && pending.z < st.z1 ? [[st.z0, pending.z], [pending.z, st.z1]] : [[st.z0, st.z1]];
      for (const [za, zb] of pieces) {
        if (za !== st.z0) applyInteraction();
        if (!charged()) {
          drift(s, zb);
          continue;
        }
        const len = zb - za;
        const e = Math.sqrt(s.p * s.p + curMass * curMass);
        if (curKind === 'e-' || curKind === 'e+') {
          const theta = (BEND_CONSTANT_GEV_PER_T_M * st.fieldT * (len / 1000)) / (s.p / 1000);
          const sr = srParameters(e, st.fieldT, theta);
          const nAcc = sr.n * ctx.srAcceptance;
          srMean += nAcc * srX.mean * sr.ecMeV;
          srVar += nAcc * srX.meanSq * sr.ecMeV * sr.ecMeV;
          const lossMeV = sr.n * srX.mean * sr.ecMeV; // mean SR energy loss of the electron
          if (d) emitSrPhotons(ctx, d, s, sr.n, sr.ecMeV, za, zb, st.fieldT);
          s.p = Math.max(0, s.p - lossMeV);
        }
        transportInField(s, zb, st.fieldT, d ? 20 : 1, pts);
      }
    }
  }
  if (pending) {
    drift(s, Math.min(pending.z, ctx.decayZ1));
    pts?.push(s.x, s.y, s.z);
    applyInteraction();
  }
  drift(s, ctx.decayZ1);
  if (d && trackIdx >= 0) d.tracks[trackIdx].points.push(s.x, s.y, s.z);
  if (d) {
    // bring neutral tracks to the ECAL plane as well
    for (const n of neutrals) {
      if (n.trackIdx >= 0) {
        const dz = ctx.decayZ1 - n.z;
        d.tracks[n.trackIdx].points.push(n.x + n.tx * dz, n.y + n.ty * dz, ctx.decayZ1);
      }
    }
  }
  void ELECTRON_MASS_MEV;
  const main: Incident | null = charged()
    ? { kind: curKind, e: Math.sqrt(s.p * s.p + curMass * curMass), x: s.x, y: s.y, z: s.z, tx: s.tx, ty: s.ty, trackIdx }
    : null;
  return { main, neutrals, srMeanMeV: srMean, srVarMeV2: srVar, trackOk, interactionNote: note };
}

function startTrack(d: DetailRecorder, kind: ParticleKind, e: number, s: TrackState): number {
  d.track(kind, e, [s.x, s.y, s.z]);
  return d.tracks.length - 1;
}

function ctxMoments(ctx: Na64eContext) {
  return ctx.srMoments;
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
