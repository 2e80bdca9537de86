/**
 * Shared by the NA64e beam-line transports (beamline.ts: general, with forced interactions and
 * detail; beamlinePlain.ts: the fast path without them): the particle handed to the calorimeters,
 * the result record, the per-event scratch objects (reused by the next call) and the stations of the
 * beam line (tracking planes and magnets, sorted in z), as objects and as flat arrays.
 */
import type { ParticleKind, TextLine } from '../detail';
import { srCriticalEnergyMeV, srPhotonCount } from '../synchrotron';
import { highlandTheta0Rad } from '../tracking';
import { BEND_CONSTANT_GEV_PER_T_M, ELECTRON_MASS_MEV } from '../units';
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

export const isCharged = (k: ParticleKind) => k === 'e-' || k === 'mu-' || k === 'pi-' || k === 'K-' || k === 'pbar' || k === 'e+' || k === 'mu+' || k === 'pi+';

/** Scratch result records of the transports (no allocation per event): valid until the next call. */
export const mainInc: Incident = { kind: 'e-', e: 0, x: 0, y: 0, z: 0, tx: 0, ty: 0, trackIdx: -1 };
export const result: BeamlineResult = { main: null, neutrals: [], srMeanMeV: 0, srVarMeV2: 0, trackOk: true, interactionNote: null };

/** Photon count and critical energy [MeV] of the last srInMagnet call (the 3D view draws photons from them). */
export const srLast = { nPhotons: 0, ecMeV: 0 };

/**
 * Synchrotron radiation of an e± of momentum `pMeV` bent through `lengthMm` of the field `fieldT`
 * (muons sheet §5.4; mean and ⟨E²⟩ per photon from ctx.srMoments, doc/model.md §4): adds the mean
 * and the variance of the energy accepted by the SRD to result.srMeanMeV and result.srVarMeV2 (a
 * transport sets both to 0 first) and returns the momentum after the mean loss [MeV].
 */
export function srInMagnet(ctx: Na64eContext, pMeV: number, massMeV: number, fieldT: number, lengthMm: number): number {
  const e = Math.sqrt(pMeV * pMeV + massMeV * massMeV);
  const theta = (BEND_CONSTANT_GEV_PER_T_M * fieldT * (lengthMm / 1000)) / (pMeV / 1000);
  const nSr = srPhotonCount(e / ELECTRON_MASS_MEV, theta);
  const ecMeV = srCriticalEnergyMeV(e, ELECTRON_MASS_MEV, fieldT);
  const nAcc = nSr * ctx.srAcceptance;
  const m = ctx.srMoments;
  result.srMeanMeV += nAcc * m.mean * ecMeV;
  result.srVarMeV2 += nAcc * m.meanSq * ecMeV * ecMeV;
  srLast.nPhotons = nSr;
  srLast.ecMeV = ecMeV;
  return Math.max(0, pMeV - nSr * m.mean * ecMeV);
}

export type Station =
  | { kind: 'plane'; id: string; z: number; x0: number; res: number; theta0TimesP: number }
  | { kind: 'magnet'; id: string; z0: number; z1: number; fieldT: number };

const stationCache = new WeakMap<Na64eContext, Station[]>();
export function stationsOf(ctx: Na64eContext): Station[] {
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


/** The stations as flat arrays (plane: z0 = z; magnet: [z0, z1] with its field). */
export interface FlatStations {
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
export function flatStationsOf(ctx: Na64eContext): FlatStations {
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
