/**
 * The NA64e beam-line transport for the common cases in summary mode: no forced interaction, or an
 * upstream bremsstrahlung. Same arithmetic and the same random draws in the same order as the
 * general loop of beamline.ts (decays in flight and the detail mode take that one).
 */
import type { ParticleKind } from '../detail';
import type { Rng } from '../rng';
import { BEND_CONSTANT_GEV_PER_T_M } from '../units';
import { flatStationsOf, isCharged, mainInc, result, srInMagnet, type BeamlineResult } from './beamlineCommon';
import type { Na64eContext } from './context';

/**
 * transportBeamline for the common cases in summary mode, no interaction or a forced hard
 * bremsstrahlung at z = bremZ with photon fraction bremY (upstream interaction; NaN: none; the
 * photon goes to result.neutrals, the electron goes on with E − k): the same arithmetic
 * and the same random draws in the same order as the general loop of beamline.ts (so the same numbers, which
 * the hash tests of the columns check), on flat per-context station arrays with the track state in
 * locals: no closures, no property lookups of union-typed station objects, no per-station calls
 * except the random draws.
 */
export function transportPlain(
  ctx: Na64eContext,
  rng: Rng,
  kind: ParticleKind,
  massMeV: number,
  e0MeV: number,
  bremZ = NaN,
  bremY = 0,
): BeamlineResult {
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
  const hitX = spec.hitX;
  const hitY = spec.hitY;
  const nUp = spec.upstream.length;
  result.srMeanMeV = 0;
  result.srVarMeV2 = 0;
  let trackOk = true;
  let pi = 0;
  if (result.neutrals.length > 0) result.neutrals.length = 0;
  let pending = bremZ === bremZ; // not NaN
  for (let i = 0; i < fs.n; i++) {
    const za = fs.z0[i];
    let dz: number;
    if (pending && bremZ < za) {
      dz = bremZ - z;
      x += tx * dz;
      y += ty * dz;
      z = bremZ;
      p = bremsstrahlung(p, massMeV, bremY, x, y, z, tx, ty);
      pending = false;
    }
    dz = za - z;
    x += tx * dz;
    y += ty * dz;
    z = za;
    if (fs.isPlane[i] === 1) {
      if (charged && p > 0) {
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
    // magnet [za, z1], split in two pieces where the bremsstrahlung happens inside it
    const z1 = fs.z1[i];
    const fieldT = fs.fieldT[i];
    const split = pending && bremZ < z1;
    const zSplit = split ? bremZ : z1;
    for (let piece = 0; piece < (split ? 2 : 1); piece++) {
      const pa = piece === 0 ? za : zSplit;
      const pb = piece === 0 ? zSplit : z1;
      if (piece === 1) {
        p = bremsstrahlung(p, massMeV, bremY, x, y, z, tx, ty);
        pending = false;
      }
      if (!(charged && p > 0)) {
        dz = pb - z;
        x += tx * dz;
        y += ty * dz;
        z = pb;
        continue;
      }
      if (electron) p = srInMagnet(ctx, p, massMeV, fieldT, pb - pa);
      // transportInField with one step, charge −1
      const kB = (BEND_CONSTANT_GEV_PER_T_M * fieldT) / (p / 1000) / 1000;
      dz = pb - z;
      x += tx * dz + 0.5 * kB * dz * dz;
      tx += kB * dz;
      y += ty * dz;
      z += dz;
    }
  }
  if (pending) {
    const zEnd = Math.min(bremZ, ctx.decayZ1);
    const dzB = zEnd - z;
    x += tx * dzB;
    y += ty * dzB;
    z = zEnd;
    p = bremsstrahlung(p, massMeV, bremY, x, y, z, tx, ty);
  }
  const dzEnd = ctx.decayZ1 - z;
  x += tx * dzEnd;
  y += ty * dzEnd;
  z = ctx.decayZ1;
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
  result.trackOk = trackOk;
  result.interactionNote = null;
  return result;
}

/**
 * The forced bremsstrahlung at the track position (as applyInteraction of beamline.ts): the photon,
 * `fraction` of the energy, joins the result's neutrals; returns the electron's new momentum [MeV].
 * A module function of the track variables (a closure over them would slow down every event).
 */
function bremsstrahlung(p: number, massMeV: number, fraction: number, x: number, y: number, z: number, tx: number, ty: number): number {
  const e = Math.sqrt(p * p + massMeV * massMeV);
  const kMeV = fraction * e;
  result.neutrals.push({ kind: 'gamma', e: kMeV, x, y, z, tx, ty, trackIdx: -1 });
  return Math.sqrt(Math.max(0, (e - kMeV) ** 2 - massMeV * massMeV));
}
