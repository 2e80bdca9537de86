/**
 * The NA64e beam-line transport for the common case: summary mode, no forced interaction. Same
 * arithmetic and the same random draws in the same order as the general loop of beamline.ts.
 */
import type { ParticleKind } from '../detail';
import type { Rng } from '../rng';
import { srCriticalEnergyMeV, srPhotonCount } from '../synchrotron';
import { BEND_CONSTANT_GEV_PER_T_M, ELECTRON_MASS_MEV } from '../units';
import { flatStationsOf, isCharged, mainInc, result, type BeamlineResult } from './beamlineCommon';
import type { Na64eContext } from './context';

/**
 * transportBeamline for the common case (summary mode, no forced interaction): the same arithmetic
 * and the same random draws in the same order as the general loop of beamline.ts (so the same numbers, which
 * the hash tests of the columns check), on flat per-context station arrays with the track state in
 * locals: no closures, no property lookups of union-typed station objects, no per-station calls
 * except the random draws.
 */
export function transportPlain(ctx: Na64eContext, rng: Rng, kind: ParticleKind, massMeV: number, e0MeV: number): BeamlineResult {
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
