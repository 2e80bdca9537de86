/**
 * The incoming side of NA64μ: the beam state, transport through the MS1 spectrometer (BMS1–3,
 * three bending magnets, BMS4–6, ST5, MM1–4, ST4) to the ECAL face, with at most one forced decay in
 * flight of a beam π⁻/K⁻, and the momentum MS1 infers from the bend.
 *
 * Beam (ASSUME-NA64MU-BEAM): the M2 optics is taken as dispersion-free at the MS1 exit: the position
 * and slope there are Gaussian around the nominal line whatever the momentum, and the track is
 * followed back to BMS1 through the field (exact parabolas), then forward with the decay.
 *
 * Momentum measurement: MS1 fits straight lines before (BMS1–3) and after (BMS4 … MM4) the
 * magnets; p_bend = 0.2998 ∫B dl / Δθ_x with Δθ_x the change of slope between the two groups (muons
 * sheet §5.1/5.3). For a muon this is its true momentum; the published resolution (3.8 %, seed 000)
 * is applied by the event driver. A decay changes Δθ_x by the kink when it happens between the
 * groups (inside the magnet region), giving a wrong p_in. Track quality (ASSUME-NA64MU-KINK): a kink
 * larger than KINK_CUT_RAD inside one group, or a y-slope mismatch between the groups larger than
 * it, spoils the single-track fit; decays after MM4 are invisible to MS1.
 */
import { decayHadron } from '../decays';
import type { ParticleKind, TextLine } from '../detail';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import { drift, type TrackState } from '../tracking';
import { BEND_CONSTANT_GEV_PER_T_M, GeV } from '../units';
import type { FieldRegion, Na64muContext, Plane } from './context';
import type { Neutral } from './calo';

/** ASSUME-NA64MU-KINK: a kink (or y-slope mismatch) above 0.5 mrad is seen by the MS1 track fit. */
export const KINK_CUT_RAD = 0.5e-3;
/** Interpolation points per magnet in the detail tracks (display only). */
const DRAW_STEPS = 16;

export interface Ms1Result {
  /** The charged particle arriving at the ECAL face (null if none). */
  charged: { kind: ParticleKind; mass: number; state: TrackState; trackIdx: number } | null;
  neutrals: Neutral[];
  /** Momentum inferred from the bend [MeV] (NaN when the bend is not positive). */
  pEffMeV: number;
  /** A single kink-free track inside the acceptance of every MS1 plane. */
  trackOk: boolean;
  /** Story line of a decay in flight (detail only; null otherwise). */
  note: TextLine | null;
}

/**
 * One exact step through a uniform vertical field from s.z to z1 (either direction): parabola in x,
 * straight in y. The state update does not depend on `pts`; with `pts` (detail) intermediate points
 * are appended for display.
 */
export function fieldStep(s: TrackState, z1: number, fieldT: number, pts: number[] | null): void {
  const k = (-s.q * BEND_CONSTANT_GEV_PER_T_M * fieldT) / (s.p / 1000) / 1000; // 1/mm
  const x0 = s.x;
  const y0 = s.y;
  const z0 = s.z;
  const tx0 = s.tx;
  const dz = z1 - z0;
  if (pts) {
    for (let i = 1; i < DRAW_STEPS; i++) {
      const u = (dz * i) / DRAW_STEPS;
      pts.push(x0 + tx0 * u + 0.5 * k * u * u, y0 + s.ty * u, z0 + u);
    }
  }
  s.x = x0 + tx0 * dz + 0.5 * k * dz * dz;
  s.tx = tx0 + k * dz;
  s.y = y0 + s.ty * dz;
  s.z = z1;
  pts?.push(s.x, s.y, s.z);
}

/** Move a charged state forward to zTo through the given field regions (sorted in z). */
export function moveTo(s: TrackState, zTo: number, mags: readonly FieldRegion[], pts: number[] | null): void {
  for (const m of mags) {
    if (m.z1 <= s.z || m.z0 >= zTo) continue;
    const a = Math.max(m.z0, s.z);
    const b = Math.min(m.z1, zTo);
    if (a > s.z) {
      drift(s, a);
      pts?.push(s.x, s.y, s.z);
    }
    fieldStep(s, b, m.fieldT, pts);
  }
  if (zTo > s.z) {
    drift(s, zTo);
    pts?.push(s.x, s.y, s.z);
  }
}

/** Beam state at BMS1 for momentum p [MeV]: Gaussian at the MS1 exit around the nominal line, tracked back. */
export function beamState(ctx: Na64muContext, rng: Rng, pMeV: number): TrackState {
  const b = ctx.setup.beam;
  const s: TrackState = {
    x: ctx.ms1ExitX + b.spotSigmaMm * rng.normal(),
    y: b.spotSigmaMm * rng.normal(),
    z: ctx.ms1ExitZ,
    tx: ctx.ms1ExitTx + b.divergenceMrad * 1e-3 * rng.normal(),
    ty: b.divergenceMrad * 1e-3 * rng.normal(),
    p: pMeV,
    q: -1,
  };
  for (let i = ctx.ms1Magnets.length - 1; i >= 0; i--) {
    const m = ctx.ms1Magnets[i];
    drift(s, m.z1);
    fieldStep(s, m.z0, m.fieldT, null);
  }
  drift(s, ctx.decayZ0);
  return s;
}

const inside = (s: TrackState, p: Plane) => Math.abs(s.x - p.x) < p.hw && Math.abs(s.y - p.y) < p.hh;

/**
 * Transport from BMS1 to the ECAL face with an optional decay at decayZ (π⁻/K⁻ only). Records MS1
 * hits and tracks in detail mode. `rng` (event stream) is used only for the decay.
 */
export function transportMs1(
  ctx: Na64muContext,
  rng: Rng,
  kind: ParticleKind,
  mass: number,
  s: TrackState,
  decayZ: number | null,
  d: DetailRecorder | null,
): Ms1Result {
  const up = ctx.ms1Up;
  const down = ctx.ms1Down;
  const mags = ctx.ms1Magnets;
  let pts: number[] | null = d ? [s.x, s.y, s.z] : null;
  let trackIdx = -1;
  if (d) {
    d.track(kind, Math.sqrt(s.p * s.p + mass * mass), pts!);
    trackIdx = d.tracks.length - 1;
  }
  let curKind = kind;
  let curMass = mass;
  let charged = true;
  let inAcc = true;
  let kinkSeen = false;
  let txUp = 0;
  let tyUp = 0;
  let txDown = 0;
  let tyDown = 0;
  let pending = decayZ;
  let note: TextLine | null = null;
  const neutrals: Neutral[] = [];
  const zFirstUp = up[0].z;
  const zLastUp = up[up.length - 1].z;
  const zFirstDown = down[0].z;
  const zLastDown = down[down.length - 1].z;

  const decayNow = () => {
    const z = pending!;
    pending = null;
    moveTo(s, z, mags, pts);
    const parent = curKind === 'K-' ? 'K-' : 'pi-';
    const daughters = decayHadron(rng, parent, s.p);
    let main = false;
    for (const dt of daughters) {
      const pz = Math.max(dt.p4.pz, 1e-6);
      const kx = dt.p4.px / pz;
      const ky = dt.p4.py / pz;
      const isCharged = dt.kind === 'mu-' || dt.kind === 'pi-' || dt.kind === 'e-';
      if (isCharged && !main) {
        main = true;
        const kink = Math.hypot(kx, ky);
        if (((z > zFirstUp && z < zLastUp) || (z > zFirstDown && z < zLastDown)) && kink > KINK_CUT_RAD) kinkSeen = true;
        curKind = dt.kind;
        curMass = dt.mass;
        s.tx += kx;
        s.ty += ky;
        s.p = Math.sqrt(Math.max(0, dt.p4.e * dt.p4.e - dt.mass * dt.mass));
        if (d) {
          pts = [s.x, s.y, s.z];
          d.track(curKind, dt.p4.e, pts);
          trackIdx = d.tracks.length - 1;
          d.truth.decayZm = Math.round(z) / 1000;
          d.truth.kinkMrad = Math.round(kink * 1e5) / 100;
          d.truth.decayProduct = { key: 'truthValue.particle', params: { kind: dt.kind } };
          d.truth.decayProductGeV = Math.round(s.p / 10) / 100;
        }
      } else {
        const n: Neutral = { kind: dt.kind, e: dt.p4.e, x: s.x, y: s.y, z: s.z, tx: s.tx + kx, ty: s.ty + ky, trackIdx: -1 };
        if (d) {
          d.track(dt.kind, dt.p4.e, [s.x, s.y, s.z], { invisible: dt.kind === 'nu', note: dt.kind === 'nu' ? 'neutrino: escapes' : undefined });
          n.trackIdx = d.tracks.length - 1;
        }
        neutrals.push(n);
      }
    }
    if (!main) charged = false;
    if (d) note = { key: 'story.mu.decayInFlight', params: { kind: parent, zM: z / 1000, daughters: daughters.map((x) => x.kind).join(' ') } };
  };

  for (let i = 0; i < up.length + down.length; i++) {
    const pl = i < up.length ? up[i] : down[i - up.length];
    if (pending !== null && pending < pl.z) decayNow();
    moveTo(s, pl.z, mags, pts);
    if (charged) {
      if (!inside(s, pl)) inAcc = false;
      d?.trackerHits.push({ detector: pl.id, xMm: s.x, yMm: s.y, zMm: pl.z });
    } else inAcc = false;
    if (i === up.length - 1) {
      txUp = s.tx;
      tyUp = s.ty;
    }
    if (i === up.length) {
      txDown = s.tx;
      tyDown = s.ty;
    }
  }
  if (pending !== null) decayNow();
  moveTo(s, ctx.ecal.zMm, mags, pts);
  if (d) {
    for (const n of neutrals) {
      if (n.trackIdx >= 0) {
        const dz = ctx.ecal.zMm - n.z;
        d.tracks[n.trackIdx].points.push(n.x + n.tx * dz, n.y + n.ty * dz, ctx.ecal.zMm);
      }
    }
  }
  if (Math.abs(tyDown - tyUp) > KINK_CUT_RAD) kinkSeen = true;
  const dTheta = txDown - txUp;
  const pEffMeV = dTheta > 0 ? ((BEND_CONSTANT_GEV_PER_T_M * ctx.ms1FieldIntegralTm) / dTheta) * GeV : NaN;
  return {
    charged: charged ? { kind: curKind, mass: curMass, state: s, trackIdx } : null,
    neutrals,
    pEffMeV,
    trackOk: charged && inAcc && !kinkSeen,
    note,
  };
}
