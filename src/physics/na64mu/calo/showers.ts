/**
 * Showers of the NA64μ downstream stage (calo.ts): electromagnetic showers in the ECAL (mean
 * longitudinal profile, leakage forward through the VHCAL hole into HCAL1) and hadron showers over
 * the λ-segments ECAL, VHCAL, HCAL1..n (hadronShower.ts) with the VHCAL hole and the charged
 * secondaries crossing the VETO.
 */
import type { DetailRecorder } from '../../eventOut';
import { depositHadronShower, type CaloSegment } from '../../hadronShower';
import { gammaP } from '../../math';
import type { Rng } from '../../rng';
import type { TrackState } from '../../tracking';
import { landau } from '../../na64e/calo';
import type { Na64muContext } from '../context';
import { localAt, spreadCells } from './helpers';
import type { MuSums } from './sums';

/** ASSUME-NA64MU-VHCAL-HOLE: fraction of the energy leaving the ECAL in a hadron shower that is outside the VHCAL hole. */
export const VHCAL_LARGE_ANGLE = 0.6;
/** ASSUME-VETO-HADRON (as NA64e): charged secondaries leaving the ECAL, 1 + Poisson(E/5 GeV) if E > 0.3 GeV. */
const CHARGED_PER_MEV = 1 / 5000;
const CHARGED_MIN_MEV = 300;

// ---------------------------------------------------------------------------------------------
// Showers
// ---------------------------------------------------------------------------------------------

/**
 * EM shower of energy eMeV starting at depth startX0 in the ECAL (mean longitudinal Gamma profile,
 * PDG §34.5: b = 0.5, t_max = ln(E/E_c) + 0.5): contained part, preshower part, leakage out of the
 * back (forward through the VHCAL hole into HCAL1, or lost without HCAL).
 */
export function emInEcal(ctx: Na64muContext, sums: MuSums, s: TrackState, eMeV: number, startX0: number, d: DetailRecorder | null, note: string): void {
  if (!(eMeV > 0)) return;
  const tmax = Math.max(0.2, Math.log(eMeV / ctx.ecalG.ecEffMeV) + 0.5);
  const b = 0.5;
  const a = 1 + b * tmax;
  const psX0 = ctx.psLayers * ctx.ecalG.x0PerLayer;
  const contained = gammaP(a, b * Math.max(0, ctx.ecalDepthX0 - startX0));
  const psFrac = startX0 < psX0 ? gammaP(a, b * (psX0 - startX0)) : 0;
  sums.ecalEm += eMeV * contained;
  sums.ps += eMeV * psFrac;
  const leak = eMeV * (1 - contained);
  if (ctx.hcals.length > 0) sums.hcalShower[0] += leak;
  else sums.escapedMeV += leak;
  if (d) {
    const [lx, ly] = localAt(s, ctx.ecal);
    spreadCells(d, ctx.ecal, lx, ly, eMeV * psFrac, 12, 0);
    spreadCells(d, ctx.ecal, lx, ly, eMeV * (contained - psFrac), 15, 1);
    if (leak > 1 && ctx.hcals.length > 0) spreadCells(d, ctx.hcals[0], ...localAt(s, ctx.hcals[0]), leak, 40, 0);
    const z0 = ctx.ecal.zMm + (startX0 / ctx.ecalDepthX0) * ctx.ecal.lengthMm;
    const x0 = s.x + s.tx * (z0 - s.z);
    const y0 = s.y + s.ty * (z0 - s.z);
    const z1 = Math.min(ctx.ecal.zMm + ctx.ecal.lengthMm, z0 + 6 * ctx.ecalG.x0EffMm * (1 + tmax));
    d.track('gamma', eMeV, [x0, y0, z0, x0 + s.tx * (z1 - z0), y0 + s.ty * (z1 - z0), z1], { note });
  }
}

/**
 * Hadron shower of energy eMeV starting at startLambda (λ coordinate of `segs`: ECAL, VHCAL,
 * HCAL1..n). `fromEcal`: started in the ECAL (VHCAL hole and VETO/MS2 secondaries apply).
 */
export function hadronShower(
  ctx: Na64muContext,
  rng: Rng,
  sums: MuSums,
  eMeV: number,
  startLambda: number,
  segs: CaloSegment[],
  fromEcal: boolean,
  s: TrackState,
  d: DetailRecorder | null,
): void {
  const buf = sums.seg;
  buf.fill(0);
  let escaped = depositHadronShower(rng, eMeV, startLambda, segs, buf);
  const nMod = ctx.hcals.length;
  if (fromEcal) {
    let beyond = escaped;
    for (let k = 1; k < segs.length; k++) beyond += buf[k];
    const vh = buf[1];
    buf[1] = VHCAL_LARGE_ANGLE * vh;
    if (nMod > 0) buf[2] += vh - buf[1];
    else escaped += vh - buf[1];
    if (beyond > CHARGED_MIN_MEV) {
      const nCh = 1 + rng.poisson(beyond * CHARGED_PER_MEV);
      for (let i = 0; i < nCh; i++) {
        sums.veto += landau(rng, ctx.vetoMipMeV);
        if (rng.uniform() >= VHCAL_LARGE_ANGLE) sums.extraHits++;
      }
    }
  }
  sums.ecalHad += buf[0];
  sums.vhcalShower += buf[1];
  for (let m = 0; m < nMod; m++) sums.hcalShower[m] += buf[2 + m];
  sums.escapedMeV += escaped;
  if (d) {
    const [lx, ly] = localAt(s, ctx.ecal);
    spreadCells(d, ctx.ecal, lx, ly, buf[0], 40, startLambda < segs[0].lambda * 0.1 ? 0 : 1);
    if (buf[1] > 0) spreadCells(d, ctx.vhcal, ...localAt(s, ctx.vhcal), buf[1], 140, 0);
    for (let m = 0; m < nMod; m++) if (buf[2 + m] > 0) spreadCells(d, ctx.hcals[m], ...localAt(s, ctx.hcals[m]), buf[2 + m], 80, 0);
  }
}
