/**
 * The charged particle from the ECAL face to the end of the NA64μ setup (calo.ts): ECAL (ecal.ts),
 * VETO, VHCAL through its hole or its body, MS2 and its acceptance, HCAL modules (hcal.ts); beam
 * hadrons at the ECAL face; neutral decay products into the calorimeters.
 */
import type { ParticleKind } from '../../detail';
import type { DetailRecorder } from '../../eventOut';
import type { Rng } from '../../rng';
import { drift, type TrackState } from '../../tracking';
import { GeV, MUON_MASS_MEV } from '../../units';
import { landau } from '../../na64e/calo';
import { moveTo } from '../beamline';
import type { Na64muContext } from '../context';
import { ecalOut, ecalPass } from './ecal';
import { hcalPass } from './hcal';
import { extendNeutral, hadronStub, insideEl, lineHits, localAt, massOf, spreadCells } from './helpers';
import { emInEcal, hadronShower } from './showers';
import type { Downstream, Force, MuSums, Neutral } from './sums';
import { STOPPED_MEV, lossBuf, trav, traverse } from './traverse';

// ---------------------------------------------------------------------------------------------
// The charged particle from the ECAL face to the end of the setup
// ---------------------------------------------------------------------------------------------

/**
 * A muon ('mu-') — or a beam hadron that crosses the ECAL without interacting (`hadronLambda` = its
 * remaining distance to the first interaction in λ_π beyond the ECAL) — from the ECAL face to the
 * end. `s` is at the ECAL face; `inTrack` is the detail index of the incoming track.
 */
export function chargedDownstream(
  ctx: Na64muContext,
  rng: Rng,
  sums: MuSums,
  s: TrackState,
  kind: ParticleKind,
  force: Force,
  d: DetailRecorder | null,
  inTrack = -1,
  hadronLambda: number | null = null,
): Downstream {
  const M = kind === 'mu-' ? MUON_MASS_MEV : Math.max(MUON_MASS_MEV, massOf(kind));
  let e = Math.sqrt(s.p * s.p + M * M);
  const res: Downstream = { alive: false, pMs2MeV: 0, inAcceptance: false, hitsHcal: false };
  const ecal = ctx.ecal;
  const hard = ctx.hardMeV;
  ecalPass(ctx, rng, sums, s, e, force, d, hadronLambda);
  e = ecalOut.e;
  const kinkZ = ecalOut.kinkZ;
  // detail: incoming track to the (main) interaction point, outgoing track from there
  let pts: number[] | null = null;
  if (d) {
    const xk = s.x + s.tx * (kinkZ - s.z);
    const yk = s.y + s.ty * (kinkZ - s.z);
    if (inTrack >= 0) d.tracks[inTrack].points.push(xk, yk, kinkZ);
    if (e > STOPPED_MEV) {
      pts = [xk, yk, kinkZ];
      d.track(kind, e, pts, { note: kind === 'mu-' ? `outgoing muon, p = ${(Math.sqrt(e * e - M * M) / GeV).toFixed(1)} GeV` : undefined });
    }
  }
  drift(s, ecal.zMm + ecal.lengthMm);
  if (e <= STOPPED_MEV) {
    if (d) d.say('story.mu.stoppedInEcal', { kind });
    return res;
  }
  // --- VETO ---
  drift(s, ctx.veto.zMm);
  pts?.push(s.x, s.y, s.z);
  if (insideEl(s.x, s.y, ctx.veto)) {
    sums.veto += landau(rng, ctx.vetoMipMeV);
    e = Math.max(M, e - ctx.vetoMipMeV);
    if (d) d.cell('VETO', 0, 0, 0, ctx.vetoMipMeV);
  }
  // --- VHCAL: through the hole, or through the body ---
  const vh = ctx.vhcal;
  drift(s, vh.zMm);
  pts?.push(s.x, s.y, s.z);
  const lx = s.x - vh.xMm;
  const ly = s.y - vh.yMm;
  const inHole = vh.hole !== undefined && Math.abs(lx) < vh.hole.widthMm / 2 && Math.abs(ly) < vh.hole.heightMm / 2;
  if (insideEl(s.x, s.y, vh) && !inHole) {
    if (hadronLambda === null) {
      if (lossBuf.length > 0) lossBuf.length = 0;
      traverse(rng, ctx.vhcalStack, e, null, hard, lossBuf);
      let dep = trav.cont;
      for (const l of lossBuf) {
        dep += l.energyMeV;
        if (l.energyMeV > hard) {
          if (l.process === 'nucl') sums.hard.otherNucl = true;
          else sums.hard.otherEm = true;
        }
      }
      sums.vhcalMip += trav.cont;
      sums.vhcalShower += dep - trav.cont;
      e = trav.e;
      if (d) spreadCells(d, vh, lx, ly, dep, 0, 0);
    } else {
      sums.vhcalMip += ctx.vhcalIonMeV;
      e = Math.max(M, e - ctx.vhcalIonMeV);
    }
    if (d) d.say('story.mu.vhcalBody', { kind });
  }
  drift(s, vh.zMm + vh.lengthMm);
  if (e <= STOPPED_MEV) return res;
  // --- MS2 ---
  const p = Math.sqrt(e * e - M * M);
  s.p = p;
  res.alive = true;
  res.pMs2MeV = p;
  let inAcc = true;
  for (const pl of ctx.ms2Planes) {
    moveTo(s, pl.z, ctx.ms2Fields, pts);
    if (Math.abs(s.x - pl.x) < pl.hw && Math.abs(s.y - pl.y) < pl.hh) d?.trackerHits.push({ detector: pl.id, xMm: s.x, yMm: s.y, zMm: pl.z });
    else inAcc = false;
  }
  res.inAcceptance = inAcc;
  // --- HCAL modules ---
  res.hitsHcal = ctx.hcals.length > 0 && lineHits(s, ctx.hcals[0]);
  e = hcalPass(ctx, rng, sums, s, e, M, kind, force, d, hadronLambda, pts);
  if (e > STOPPED_MEV) {
    sums.escapedMeV += e;
    if (pts) {
      drift(s, s.z + 1500);
      pts.push(s.x, s.y, s.z);
    }
  }
  return res;
}

/**
 * A beam hadron (π⁻, K⁻, or a 'hadrons' bundle) at the ECAL face: first interaction exponential in
 * λ_π; interacting in the ECAL it showers there (no outgoing track); otherwise it crosses the ECAL
 * as a MIP and continues (chargedDownstream) to interact in an HCAL module or punch through.
 */
export function hadronFromEcalFace(ctx: Na64muContext, rng: Rng, sums: MuSums, s: TrackState, kind: ParticleKind, d: DetailRecorder | null, inTrack = -1): Downstream | null {
  const t = rng.exponential(1);
  const lamE = ctx.segPi[0].lambda;
  const e = Math.sqrt(s.p * s.p + massOf(kind) ** 2);
  if (!lineHits(s, ctx.ecal)) {
    sums.escapedMeV += e;
    return null;
  }
  if (t < lamE) {
    const f = t / lamE;
    const ion = (ctx.ecalIonMeV * f) / ctx.ecalG.ehat;
    sums.ecalMip += ion;
    sums.ps += (ctx.ecalIonMeV / ctx.ecalG.ehat) * Math.min(f, ctx.psLayers / ctx.ecalStack.layers);
    hadronShower(ctx, rng, sums, e - ctx.ecalIonMeV * f, t, ctx.segPi, true, s, d);
    if (d) {
      const z = ctx.ecal.zMm + f * ctx.ecal.lengthMm;
      if (inTrack >= 0) d.tracks[inTrack].points.push(s.x + s.tx * (z - s.z), s.y + s.ty * (z - s.z), z);
      d.track('hadrons', e, hadronStub(s, z, 300), { note: 'hadron shower in the ECAL' });
      d.say('story.mu.hadronInEcal', { kind, depthLambda: t });
    }
    return { alive: false, pMs2MeV: 0, inAcceptance: false, hitsHcal: false };
  }
  return chargedDownstream(ctx, rng, sums, s, kind, null, d, inTrack, t - lamE);
}

/** A neutral decay product (or a straight-flying 'hadrons' bundle) into the calorimeters. */
export function neutralToCalos(ctx: Na64muContext, rng: Rng, sums: MuSums, n: Neutral, d: DetailRecorder | null): void {
  if (n.kind === 'nu' || n.kind === 'chi') {
    sums.escapedMeV += n.e;
    extendNeutral(ctx, d, n, ctx.hcals.length > 0 ? ctx.hcals[ctx.hcals.length - 1].zMm + 3000 : ctx.ecal.zMm + 5000);
    return;
  }
  const s: TrackState = { x: n.x, y: n.y, z: n.z, tx: n.tx, ty: n.ty, p: n.e, q: 0 };
  if (lineHits(s, ctx.ecal)) {
    drift(s, ctx.ecal.zMm);
    if (n.kind === 'gamma' || n.kind === 'e-') emInEcal(ctx, sums, s, n.e, n.kind === 'gamma' ? 9 / 7 : 0, d, 'photons from the decay');
    else {
      const t = rng.exponential(1);
      let total = 0;
      for (const g of ctx.segPi) total += g.lambda;
      if (t < total) hadronShower(ctx, rng, sums, n.e, t, ctx.segPi, true, s, d);
      else sums.escapedMeV += n.e;
    }
    extendNeutral(ctx, d, n, ctx.ecal.zMm + ctx.ecal.lengthMm / 2);
    return;
  }
  for (let m = 0; m < ctx.hcals.length; m++) {
    if (lineHits(s, ctx.hcals[m])) {
      sums.hcalShower[m] += n.e;
      extendNeutral(ctx, d, n, ctx.hcals[m].zMm + ctx.hcals[m].lengthMm / 3);
      if (d) spreadCells(d, ctx.hcals[m], ...localAt(s, ctx.hcals[m]), n.e, 60, 0);
      return;
    }
  }
  sums.escapedMeV += n.e;
  extendNeutral(ctx, d, n, ctx.ecal.zMm + 3000);
}
