/**
 * Calorimeter stage of NA64e: what the ECAL (preshower + main), VETO, HCAL modules and HCAL0 see
 * from the particles arriving at the ECAL face. Energies are accumulated in a reusable `CaloSums`
 * on their measured scale before resolution smearing (the event driver smears):
 *  - EM showers (e±, γ): GFlash summary (emShower.ts), leakage out of the back goes to HCAL1;
 *  - muons: ionization + stochastic radiative losses (muonLoss.ts) in every stack;
 *  - hadrons: first interaction exponential in λ, then hadronShower.ts over the λ-segments.
 * Calibration (doc/model.md): ECAL on the electron scale (MIP reads its deposit / ê,
 * showers.md §1.2); HCAL and HCAL0 read deposited energy (ASSUME-HCAL-SCALE: a muon reads its
 * ionization loss; doc/model.md §7 compares with the ≈10 GeV dimuon band of seed 004).
 */
import { showerSummary, showerCells, type ShowerSummary } from '../emShower';
import { depositHadronShower, E_OVER_H } from '../hadronShower';
import { propagateMuonStack, type DiscreteLoss } from '../muonLoss';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import type { DetectorElement } from '../setups/types';
import { MUON_MASS_MEV } from '../units';
import type { Na64eContext } from './context';
import type { Incident } from './beamline';
import { detailRngOf } from './beamline';

/** Per-event accumulators [MeV] (measured scale, before smearing). */
export class CaloSums {
  ecalEm = 0;
  ecalHad = 0;
  ecalMip = 0;
  ps = 0;
  veto = 0;
  vetoCrossings = 0;
  hcalEm = 0;
  hcalHad = 0;
  hcalMip = 0;
  hcal0 = 0;
  escapedMeV = 0;
  /** Per-segment buffer for hadron showers: ECAL, VETO, HCAL1..n. */
  seg = new Float64Array(8);
  reset(): void {
    this.ecalEm = this.ecalHad = this.ecalMip = this.ps = 0;
    this.veto = this.vetoCrossings = 0;
    this.hcalEm = this.hcalHad = this.hcalMip = this.hcal0 = 0;
    this.escapedMeV = 0;
  }
}

const lossBuf: DiscreteLoss[] = [];
const showerBuf: ShowerSummary = { visibleMeV: 0, preshowerMeV: 0, leakBackMeV: 0, leakLateralMeV: 0 };

/** Where does a straight line from `inc` cross z, and is it inside element `el`? */
function hitsElement(inc: Incident, el: DetectorElement, z = el.zMm): boolean {
  const dz = z - inc.z;
  const x = inc.x + inc.tx * dz;
  const y = inc.y + inc.ty * dz;
  return Math.abs(x - el.xMm) < el.widthMm / 2 && Math.abs(y - el.yMm) < el.heightMm / 2;
}

/** Position relative to an element centre at its front face. */
function localXY(inc: Incident, el: DetectorElement): [number, number] {
  const dz = el.zMm - inc.z;
  return [inc.x + inc.tx * dz - el.xMm, inc.y + inc.ty * dz - el.yMm];
}

/**
 * EM shower of energy eMeV starting at depth startX0 in the ECAL at the incident position; detail:
 * cells from the detail stream. Returns the leakage out of the back (already added to HCAL1).
 */
export function emShowerInEcal(ctx: Na64eContext, rng: Rng, sums: CaloSums, inc: Incident, eMeV: number, startX0: number, d: DetailRecorder | null): void {
  const [lx, ly] = localXY(inc, ctx.ecal);
  const r = showerSummary(rng, ctx.ecalG, eMeV, startX0, ctx.ecalDepthX0, ctx.psDepthX0, lx, ly, ctx.ecal.widthMm / 2, showerBuf);
  sums.ecalEm += r.visibleMeV;
  sums.ps += r.preshowerMeV;
  sums.escapedMeV += r.leakLateralMeV;
  if (r.leakBackMeV > 0) {
    if (ctx.hcals.length > 0) sums.hcalEm += r.leakBackMeV;
    else sums.escapedMeV += r.leakBackMeV;
  }
  if (d) {
    const nx = ctx.ecal.cells!.nx;
    const ny = ctx.ecal.cells!.ny;
    const pre = new Float64Array(nx * ny);
    const main = new Float64Array(nx * ny);
    showerCells(detailRngOf(d), ctx.ecalG, eMeV, startX0, ctx.ecalDepthX0, ctx.psDepthX0, lx, ly, inc.tx, inc.ty, nx, ny, 38, pre, main);
    for (let iy = 0; iy < ny; iy++)
      for (let ix = 0; ix < nx; ix++) {
        d.cell('ECAL', ix, iy, 0, pre[ix + nx * iy]);
        d.cell('ECAL', ix, iy, 1, main[ix + nx * iy]);
      }
    if (r.leakBackMeV > 0 && ctx.hcals[0]) depositHcalCells(ctx, d, inc, ctx.hcals[0], r.leakBackMeV);
  }
}

/** Spread an energy over the 3×3 cells of an HCAL-like module around the incident line (detail only). */
export function depositHcalCells(ctx: Na64eContext, d: DetailRecorder, inc: Incident, el: DetectorElement, eMeV: number): void {
  if (!el.cells) {
    d.cell(el.id, 0, 0, 0, eMeV);
    return;
  }
  const rng = detailRngOf(d);
  const [lx, ly] = localXY(inc, el);
  const n = 24;
  const pitchX = el.widthMm / el.cells.nx;
  const pitchY = el.heightMm / el.cells.ny;
  for (let i = 0; i < n; i++) {
    const x = lx + rng.gauss(0, 60) + el.widthMm / 2;
    const y = ly + rng.gauss(0, 60) + el.heightMm / 2;
    const ix = Math.min(el.cells.nx - 1, Math.max(0, Math.floor(x / pitchX)));
    const iy = Math.min(el.cells.ny - 1, Math.max(0, Math.floor(y / pitchY)));
    d.cell(el.id, ix, iy, 0, eMeV / n);
  }
  void ctx;
}

/**
 * A muon (or a non-interacting charged hadron: ionization only) from depth `startLayer` of the
 * ECAL through the VETO and all HCAL modules. Discrete losses shower where they happen.
 * Returns the energy with which it leaves the setup [MeV].
 */
export function muonThroughCalos(
  ctx: Na64eContext,
  rng: Rng,
  sums: CaloSums,
  inc: Incident,
  eMeV: number,
  startLayer: number,
  d: DetailRecorder | null,
  ionizationOnly = false,
): number {
  let e = eMeV;
  const layers = Math.max(0, ctx.ecalStack.layers - startLayer);
  const mass = MUON_MASS_MEV;
  if (layers > 0) {
    if (lossBuf.length > 0) lossBuf.length = 0;
    const t = ionizationOnly
      ? ionization(ctx.ecalMipMeV * (layers / ctx.ecalStack.layers), e, rng)
      : propagateMuonStack(rng, ctx.ecalStack, e, 0.01, lossBuf, layers);
    sums.ecalMip += t.continuousMeV / ctx.ecalG.ehat;
    if (startLayer < (ctx.ecal.preshowerLayers ?? 0)) {
      sums.ps += (t.continuousMeV / ctx.ecalG.ehat) * (((ctx.ecal.preshowerLayers ?? 0) - startLayer) / layers);
    }
    for (const l of lossBuf) {
      if (l.process === 'nucl') sums.ecalHad += l.energyMeV / E_OVER_H;
      else sums.ecalEm += l.energyMeV;
    }
    if (d) {
      const [lx, ly] = localXY(inc, ctx.ecal);
      const ix = Math.min(5, Math.max(0, Math.floor((lx + ctx.ecal.widthMm / 2) / 38)));
      const iy = Math.min(5, Math.max(0, Math.floor((ly + ctx.ecal.heightMm / 2) / 38)));
      d.cell('ECAL', ix, iy, 1, t.continuousMeV / ctx.ecalG.ehat + lossBuf.reduce((s, l) => s + l.energyMeV, 0));
    }
    e = t.energyOutMeV;
  }
  if (e <= mass * 1.01) return 0;
  // VETO: three counters; one crossing each
  if (hitsElement(inc, ctx.veto)) {
    sums.veto += landau(rng, ctx.vetoMipMeV);
    sums.vetoCrossings++;
    e -= ctx.vetoMipMeV;
  }
  for (const h of ctx.hcals) {
    if (e <= mass * 1.01 || !ctx.hcalStack) break;
    if (!hitsElement(inc, h)) {
      continue;
    }
    if (lossBuf.length > 0) lossBuf.length = 0;
    const t = ionizationOnly ? ionization(ctx.hcalMipMeV, e, rng) : propagateMuonStack(rng, ctx.hcalStack, e, 0.01, lossBuf);
    let dep = t.continuousMeV;
    for (const l of lossBuf) dep += l.energyMeV;
    sums.hcalMip += dep;
    if (d) depositHcalCells(ctx, d, inc, h, dep);
    e = t.energyOutMeV;
  }
  return e > mass ? e : 0;
}

function ionization(meanMeV: number, e: number, rng: Rng): { continuousMeV: number; energyOutMeV: number } {
  const dep = Math.min(e, landau(rng, meanMeV));
  return { continuousMeV: dep, energyOutMeV: e - dep };
}

/**
 * Fluctuated MIP deposit with mean ≈ `meanMeV`: a Moyal-distribution approximation of the Landau
 * (J. E. Moyal, Phil. Mag. 46 (1955) 263), width ξ = 0.1·mean (ASSUME-LANDAU-WIDTH), truncated at 5× mean.
 */
export function landau(rng: Rng, meanMeV: number): number {
  // Moyal: x = −ln(z²) with z ~ N(0,1) has mean γ_E + ln 2 = 1.2704
  const z = rng.normal();
  const x = -Math.log(z * z + 1e-300);
  const xi = 0.1 * meanMeV;
  const v = meanMeV + xi * (x - 1.2704);
  return Math.min(5 * meanMeV, Math.max(0.2 * meanMeV, v));
}

/**
 * A hadron (π⁻, K⁻, p̄, or a 'hadrons' bundle) entering the ECAL: first interaction at an
 * exponential depth in λ (pion or nucleon interaction length), ionization before it, shower after.
 * `forcedStartLambda` places the shower start (electronuclear reactions). Returns the energy that
 * escaped the back of the setup [MeV].
 */
export function hadronThroughCalos(
  ctx: Na64eContext,
  rng: Rng,
  sums: CaloSums,
  inc: Incident,
  eMeV: number,
  nucleon: boolean,
  charged: boolean,
  forcedStartLambda: number | null,
  d: DetailRecorder | null,
): number {
  const segs = nucleon ? ctx.segmentsN : ctx.segmentsPi;
  let total = 0;
  for (const s of segs) total += s.lambda;
  const t = forcedStartLambda ?? rng.exponential(1);
  if (t >= total) {
    // punch-through without interaction: ionization only
    if (charged) return muonThroughCalos(ctx, rng, sums, inc, eMeV, 0, d, true);
    sums.escapedMeV += eMeV;
    return eMeV;
  }
  // ionization before the start (ECAL part only, approximate)
  const ecalL = segs[0].lambda;
  if (charged && forcedStartLambda === null) {
    const frac = Math.min(1, t / ecalL);
    const dep = landau(rng, ctx.ecalMipMeV * frac) / ctx.ecalG.ehat;
    sums.ecalMip += dep;
    sums.ps += dep * Math.min(1, ((ctx.ecal.preshowerLayers ?? 0) / ctx.ecalStack.layers) / Math.max(frac, 1e-9));
  }
  const seg = sums.seg;
  seg.fill(0);
  const escaped = depositHadronShower(rng, eMeV, t, segs, seg);
  sums.ecalHad += seg[0];
  const beyondEcal = seg.slice(1, segs.length).reduce((a, b) => a + b, 0) + escaped;
  // VETO: charged shower particles leaving the ECAL (ASSUME-VETO-HADRON: n_ch = 1 + Poisson(E_beyond/5 GeV))
  if ((charged && t >= ecalL) || beyondEcal > 300) {
    const nCh = (charged && t >= ecalL ? 1 : 0) + (beyondEcal > 300 ? 1 + rng.poisson(beyondEcal / 5000) : 0);
    for (let i = 0; i < nCh; i++) sums.veto += landau(rng, ctx.vetoMipMeV);
    sums.vetoCrossings += nCh;
  }
  sums.veto += seg[1] * 0.05; // sampling fraction of the VETO for shower energy deposited in it (ASSUME-VETO-HADRON)
  let hcal = 0;
  for (let k = 2; k < segs.length; k++) {
    hcal += seg[k];
    if (d && seg[k] > 0) depositHcalCells(ctx, d, inc, ctx.hcals[k - 2], seg[k]);
  }
  sums.hcalHad += hcal;
  sums.escapedMeV += escaped;
  if (d) {
    const [lx, ly] = localXY(inc, ctx.ecal);
    const ix = Math.min(5, Math.max(0, Math.floor((lx + ctx.ecal.widthMm / 2) / 38)));
    const iy = Math.min(5, Math.max(0, Math.floor((ly + ctx.ecal.heightMm / 2) / 38)));
    d.cell('ECAL', ix, iy, t < ecalL * 0.1 ? 0 : 1, seg[0]);
  }
  return escaped;
}

/** outsideEcal: the particle is invisible (ν, χ) and escapes. */
export const OUTSIDE_INVISIBLE = 'invisible';
/** outsideEcal: the particle misses all calorimeters. */
export const OUTSIDE_MISSED = 'missed';

/**
 * Neutral or charged particle that missed the ECAL: HCAL0 (zero degree), HCAL, or lost. Returns
 * the id of the calorimeter it hits, OUTSIDE_INVISIBLE or OUTSIDE_MISSED (for the story).
 */
export function outsideEcal(ctx: Na64eContext, rng: Rng, sums: CaloSums, inc: Incident, d: DetailRecorder | null): string {
  if (inc.kind === 'nu' || inc.kind === 'chi') return OUTSIDE_INVISIBLE;
  if (hitsElement(inc, ctx.hcal0)) {
    sums.hcal0 += inc.e * (1 + (0.6 / Math.sqrt(Math.max(inc.e, 1) / 1000)) * rng.normal() * 0.5);
    if (d) d.cell('HCAL0', 0, 0, 0, inc.e);
    return 'HCAL0';
  }
  for (const h of ctx.hcals) {
    if (hitsElement(inc, h)) {
      sums.hcalEm += inc.e;
      if (d) depositHcalCells(ctx, d, inc, h, inc.e);
      return h.id;
    }
  }
  sums.escapedMeV += inc.e;
  return OUTSIDE_MISSED;
}

export { hitsElement };
