/**
 * Downstream stage of NA64μ: ECAL (active target), VETO, VHCAL with its hole, MS2, ST11 and the
 * HCAL modules, for the charged particle arriving at the ECAL face (muon or beam hadron) and for
 * neutral decay products. Energies are accumulated in `MuSums` on their measured scale before
 * smearing (the event driver smears):
 *  - muons: propagateMuonStack (continuous a(E) + b_restricted(E)·E below v = 0.01, sampled discrete
 *    brems / e⁺e⁻ pair / photonuclear losses above), with the forced hard interactions of the
 *    branch (context.ts); the continuous deposit is read on the electron scale in the ECAL
 *    (deposit / ê, as na64e/calo.ts) and as deposited energy in the VHCAL and HCAL
 *    (ASSUME-HCAL-SCALE); brems/pair losses shower electromagnetically where they happen
 *    (mean longitudinal profile, PDG §34.5: leakage out of the ECAL back goes forward through the
 *    VHCAL hole into HCAL1); photonuclear losses start a hadron shower (hadronShower.ts) over the
 *    λ-segments ECAL, VHCAL, HCAL1..n;
 *  - the VHCAL hole (ASSUME-NA64MU-VHCAL-HOLE): of the shower energy of an ECAL-started hadron
 *    shower that reaches the VHCAL, a fraction VHCAL_LARGE_ANGLE is outside the hole and is
 *    absorbed there; the rest continues forward to HCAL1. Charged secondaries leaving the ECAL
 *    (1 + Poisson(E_beyond/5 GeV), ASSUME-VETO-HADRON) cross the VETO; each goes through the hole with
 *    probability 1 − VHCAL_LARGE_ANGLE and then makes extra hits in MM5–7/ST1;
 *  - MS2 measures the momentum of the charged particle reaching it (resolution applied by the
 *    event driver) if it crosses MM5–7, ST1 and ST11 inside their areas (the acceptance);
 *  - Z′ signal events (force 'Z', signal.ts): the muon emits a Z′ at a sampled point of the ECAL
 *    (its normal losses before and after), keeps (1 − x)E and is kinked by ψ_μ; the Z′ escapes.
 */
import type { ParticleKind } from '../detail';
import type { DetailRecorder } from '../eventOut';
import { depositHadronShower, type CaloSegment } from '../hadronShower';
import { gammaP } from '../math';
import type { Material } from '../materials';
import { discreteRatePerMm, propagateMuon, propagateMuonStack, sampleTransfer, type DiscreteLoss, type MuonLossProcess } from '../muonLoss';
import type { Rng } from '../rng';
import type { DetectorElement, SamplingStack } from '../setups/types';
import { drift, type TrackState } from '../tracking';
import { GeV, MUON_MASS_MEV } from '../units';
import { landau } from '../na64e/calo';
import { detailRngOf } from '../na64e/beamline';
import { MUON_V_CUT, hardRates, newHardRates, type Na64muContext } from './context';
import { moveTo } from './beamline';
import { sampleZprimePoint, type Na64muSignalModel, type ZprimePoint, type ZprimeRecord } from './signal';
import { sampleZprimeEmission, type ZprimeEmission } from '../darkSector/zprime';

/** ASSUME-NA64MU-VHCAL-HOLE: fraction of the energy leaving the ECAL in a hadron shower that is outside the VHCAL hole. */
export const VHCAL_LARGE_ANGLE = 0.6;
/** ASSUME-VETO-HADRON (as NA64e): charged secondaries leaving the ECAL, 1 + Poisson(E/5 GeV) if E > 0.3 GeV. */
const CHARGED_PER_MEV = 1 / 5000;
const CHARGED_MIN_MEV = 300;
/** A muon below this total energy is considered stopped. */
const STOPPED_MEV = MUON_MASS_MEV * 1.001;

/** A neutral (or straight-flying) decay product. */
export interface Neutral {
  kind: ParticleKind;
  e: number;
  x: number;
  y: number;
  z: number;
  tx: number;
  ty: number;
  trackIdx: number;
}

/** Which hard interaction a forced branch imposes (context.ts); 'Z': the Z′ emission of a signal event. */
export type Force = 'B' | 'D' | 'AC' | 'Z' | null;

/** What reached MS2 and the HCAL. */
export interface Downstream {
  /** A charged particle reached MS2. */
  alive: boolean;
  /** Its true momentum at MS2 [MeV]. */
  pMs2MeV: number;
  /** It crossed MM5–7, ST1 and ST11 inside their areas. */
  inAcceptance: boolean;
  /** Its line hits the HCAL1 face (the "expected cell" exists). */
  hitsHcal: boolean;
}

/** Per-event accumulators [MeV] (measured scale, before smearing) and the hard-interaction record. */
export class MuSums {
  ecalMip = 0;
  ecalEm = 0;
  ecalHad = 0;
  ps = 0;
  veto = 0;
  vhcalMip = 0;
  vhcalShower = 0;
  hcalMip = new Float64Array(8);
  hcalShower = new Float64Array(8);
  escapedMeV = 0;
  extraHits = 0;
  seg = new Float64Array(12);
  /** Hard interactions (ε > ε_H) found in this event and the per-event natural probabilities. */
  hard = { ecalEm: false, ecalNucl: false, hcalNucl: false, otherEm: false, otherNucl: false, pB: 0, pD: 0, pAC: 0 };
  /** Detail only: readable notes of the hard interactions. */
  hardNotes: string[] = [];
  /** The Z′ emission of a signal event (null otherwise, or when the muon missed the ECAL). */
  zprime: ZprimeRecord | null = null;
  reset(nModules: number): void {
    this.zprime = null;
    this.ecalMip = this.ecalEm = this.ecalHad = this.ps = 0;
    this.veto = this.vhcalMip = this.vhcalShower = 0;
    if (nModules > this.hcalMip.length) {
      this.hcalMip = new Float64Array(nModules);
      this.hcalShower = new Float64Array(nModules);
    }
    this.hcalMip.fill(0);
    this.hcalShower.fill(0);
    this.escapedMeV = 0;
    this.extraHits = 0;
    const h = this.hard;
    h.ecalEm = h.ecalNucl = h.hcalNucl = h.otherEm = h.otherNucl = false;
    h.pB = h.pD = h.pAC = 0;
    this.hardNotes.length = 0;
  }
}

const lossBuf: DiscreteLoss[] = [];
const rates = newHardRates();

const insideEl = (x: number, y: number, el: DetectorElement) => Math.abs(x - el.xMm) < el.widthMm / 2 && Math.abs(y - el.yMm) < el.heightMm / 2;
/** Does the straight line of `s` hit element `el` at its front face? */
const lineHits = (s: { x: number; y: number; z: number; tx: number; ty: number }, el: DetectorElement) =>
  insideEl(s.x + s.tx * (el.zMm - s.z), s.y + s.ty * (el.zMm - s.z), el);

// ---------------------------------------------------------------------------------------------
// Muon propagation through a stack with an optional forced hard interaction
// ---------------------------------------------------------------------------------------------

interface ForcedPoint {
  layer: number;
  active: boolean;
  kind: 'em' | 'nucl';
}

/** Scratch result of a stack traversal. */
const trav = { e: 0, cont: 0, th2: 0 };

/**
 * Speed: a traversal regroups GROUPS_PER_STACK blocks of F consecutive layers into one thick
 * absorber + one thick active slab (same material amounts, so the same continuous loss, discrete
 * rates and Highland sums; the interaction clock is memoryless), and maps every discrete loss back to
 * its exact depth in the real layer sequence. Only the order in which the small continuous losses of
 * absorber and active layers are applied inside a block changes (≲ 0.1 GeV out of 160 GeV in the
 * ECAL), which is negligible for the rates and spectra; it saves ~5× in calls per event.
 */
const GROUPS_PER_STACK = 6;
const derived = new WeakMap<SamplingStack, Map<string, SamplingStack>>();
function stackWith(stack: SamplingStack, f: number, layers: number): SamplingStack {
  if (f === 1 && layers === stack.layers) return stack;
  let m = derived.get(stack);
  if (!m) derived.set(stack, (m = new Map()));
  const key = `${f}/${layers}`;
  let s = m.get(key);
  if (!s) m.set(key, (s = { ...stack, absorberMm: f * stack.absorberMm, activeMm: f * stack.activeMm, layers }));
  return s;
}
const groupSize = (stack: SamplingStack) => Math.max(1, Math.ceil(stack.layers / GROUPS_PER_STACK));

/** Propagate through `layers` real layers (grouped by f) starting at real depth offsetMm; losses get real depths. */
function pieceStack(rng: Rng, stack: SamplingStack, f: number, layers: number, offsetMm: number, out: DiscreteLoss[]): void {
  if (layers <= 0 || trav.e <= STOPPED_MEV) return;
  const n0 = out.length;
  const t = propagateMuonStack(rng, stackWith(stack, f, layers), trav.e, MUON_V_CUT, out);
  const a = stack.absorberMm;
  const c = stack.activeMm;
  const p = a + c;
  for (let i = n0; i < out.length; i++) {
    let depth = out[i].depthMm;
    if (f > 1) {
      const k = Math.floor(depth / (f * p));
      const u = depth - k * f * p;
      if (u < f * a) {
        const j = Math.min(f - 1, Math.floor(u / a));
        depth = (k * f + j) * p + (u - j * a);
      } else {
        const u2 = u - f * a;
        const j = Math.min(f - 1, Math.floor(u2 / c));
        depth = (k * f + j) * p + a + (u2 - j * c);
      }
    }
    out[i].depthMm = depth + offsetMm;
  }
  trav.e = t.energyOutMeV;
  trav.cont += t.continuousMeV;
  trav.th2 += t.theta0Rad * t.theta0Rad;
}

/** Real layers [l0, l1) of a stack: fine layers up to a block boundary, whole blocks, fine tail. */
function propagateLayers(rng: Rng, stack: SamplingStack, l0: number, l1: number, out: DiscreteLoss[]): void {
  const f = groupSize(stack);
  const p = stack.absorberMm + stack.activeMm;
  let l = l0;
  const aligned = Math.min(l1, Math.ceil(l / f) * f);
  if (aligned > l) {
    pieceStack(rng, stack, 1, aligned - l, l * p, out);
    l = aligned;
  }
  const blocks = Math.floor((l1 - l) / f);
  if (blocks > 0) {
    pieceStack(rng, stack, f, blocks, l * p, out);
    l += blocks * f;
  }
  if (l1 > l) pieceStack(rng, stack, 1, l1 - l, l * p, out);
}

function pieceSlab(rng: Rng, m: Material, mm: number, offsetMm: number, out: DiscreteLoss[]): void {
  if (mm <= 0 || trav.e <= STOPPED_MEV) return;
  const n0 = out.length;
  const t = propagateMuon(rng, m, mm, trav.e, MUON_V_CUT, out);
  for (let i = n0; i < out.length; i++) out[i].depthMm += offsetMm;
  trav.e = t.energyOutMeV;
  trav.cont += t.continuousMeV;
  trav.th2 += t.theta0Rad * t.theta0Rad;
}

/** Insert the forced hard interaction at the current energy (transfer ε > hardMeV from the spectrum). */
function applyForced(rng: Rng, m: Material, kind: 'em' | 'nucl', hardMeV: number, depthMm: number, out: DiscreteLoss[]): void {
  const e = trav.e;
  const vMin = hardMeV / e;
  if (!(vMin < 0.999)) return;
  const r = discreteRatePerMm(m, e, vMin);
  let proc: MuonLossProcess = 'nucl';
  if (kind === 'em') {
    if (!(r.brems + r.pair > 0)) return;
    proc = rng.uniform() * (r.brems + r.pair) < r.brems ? 'brems' : 'pair';
  } else if (!(r.nucl > 0)) return;
  const v = sampleTransfer(rng, m, proc, e, vMin);
  const eps = Math.min(v * e, e - MUON_MASS_MEV);
  out.push({ process: proc, energyMeV: eps, depthMm });
  trav.e = e - eps;
}

/** Pick the forced interaction point: absorber or active by expected count, layer uniform. */
function pickPoint(rng: Rng, stack: SamplingStack, r: { abs: number; total: number }, kind: 'em' | 'nucl'): ForcedPoint {
  const active = rng.uniform() * r.total >= r.abs;
  const layer = Math.min(stack.layers - 1, Math.floor(rng.uniform() * stack.layers));
  return { layer, active, kind };
}

/** Traverse a stack from its front with energy eMeV (result in `trav`), forcing one interaction if given. */
function traverse(rng: Rng, stack: SamplingStack, eMeV: number, forced: ForcedPoint | null, hardMeV: number, out: DiscreteLoss[]): void {
  trav.e = eMeV;
  trav.cont = 0;
  trav.th2 = 0;
  if (!forced) {
    propagateLayers(rng, stack, 0, stack.layers, out);
    return;
  }
  const period = stack.absorberMm + stack.activeMm;
  const l = forced.layer;
  propagateLayers(rng, stack, 0, l, out);
  if (forced.active) {
    pieceSlab(rng, stack.absorber, stack.absorberMm, l * period, out);
    if (trav.e > STOPPED_MEV) applyForced(rng, stack.active, forced.kind, hardMeV, l * period + stack.absorberMm, out);
    pieceSlab(rng, stack.active, stack.activeMm, l * period + stack.absorberMm, out);
    propagateLayers(rng, stack, l + 1, stack.layers, out);
  } else {
    if (trav.e > STOPPED_MEV) applyForced(rng, stack.absorber, forced.kind, hardMeV, l * period, out);
    propagateLayers(rng, stack, l, stack.layers, out);
  }
}

/** Scratch result of a Z′ traversal: emission, muon energy before it, depth [mm] and material. */
const zTrav: { em: ZprimeEmission | null; eMu: number; depthMm: number; material: Material | null } = { em: null, eMu: 0, depthMm: 0, material: null };

/**
 * Traverse a stack from its front with energy eMeV (result in `trav`) emitting a Z′ at `pt`: normal
 * losses up to the point, then x from the WW spectrum at the muon's energy there (4 uniforms), the
 * muon keeps (1 − x)E, normal losses after it. The emission goes to `zTrav`.
 */
function traverseZprime(rng: Rng, stack: SamplingStack, eMeV: number, pt: ZprimePoint, model: Na64muSignalModel, out: DiscreteLoss[]): void {
  trav.e = eMeV;
  trav.cont = 0;
  trav.th2 = 0;
  zTrav.em = null;
  const period = stack.absorberMm + stack.activeMm;
  const l = pt.layer;
  propagateLayers(rng, stack, 0, l, out);
  const mat = pt.active ? stack.active : stack.absorber;
  const thick = pt.active ? stack.activeMm : stack.absorberMm;
  const off = l * period + (pt.active ? stack.absorberMm : 0);
  if (pt.active) pieceSlab(rng, stack.absorber, stack.absorberMm, l * period, out);
  const d1 = pt.frac * thick;
  pieceSlab(rng, mat, d1, off, out);
  if (trav.e > STOPPED_MEV * 1.01 + model.massMeV) {
    const em = sampleZprimeEmission(rng, trav.e, model.massMeV, mat);
    zTrav.em = em;
    zTrav.eMu = trav.e;
    zTrav.depthMm = off + d1;
    zTrav.material = mat;
    trav.e = Math.max(MUON_MASS_MEV * 1.0001, trav.e - em.eZprimeMeV);
  }
  pieceSlab(rng, mat, thick - d1, off + d1, out);
  if (!pt.active) pieceSlab(rng, stack.active, stack.activeMm, l * period + stack.absorberMm, out);
  propagateLayers(rng, stack, l + 1, stack.layers, out);
}

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
  let kinkZ = ecal.zMm + ecal.lengthMm;
  // --- ECAL ---
  if (lineHits(s, ecal)) {
    if (hadronLambda === null) {
      const stack = ctx.ecalStack;
      hardRates(stack, e, hard, rates);
      const rEm = rates.em;
      const rNu = rates.nucl;
      sums.hard.pB = rEm.total > 0 ? 1 - Math.exp(-rEm.total) : 0;
      sums.hard.pD = rNu.total > 0 ? 1 - Math.exp(-rNu.total) : 0;
      let forced: ForcedPoint | null = null;
      if (force === 'B' && rEm.total > 0) forced = pickPoint(rng, stack, rEm, 'em');
      else if (force === 'D' && rNu.total > 0) forced = pickPoint(rng, stack, rNu, 'nucl');
      lossBuf.length = 0;
      const zPoint = force === 'Z' && ctx.signal ? sampleZprimePoint(ctx.signal, rng, stack) : null;
      if (zPoint && ctx.signal) {
        traverseZprime(rng, stack, e, zPoint, ctx.signal, lossBuf);
        const em = zTrav.em;
        if (em && zTrav.material) {
          const z = ecal.zMm + zTrav.depthMm;
          sums.zprime = { ...em, eMuMeV: zTrav.eMu, depthMm: zTrav.depthMm, material: zTrav.material, xMm: s.x + s.tx * (z - s.z), yMm: s.y + s.ty * (z - s.z), zMm: z, txIn: s.tx, tyIn: s.ty };
          sums.escapedMeV += em.eZprimeMeV;
        }
      } else traverse(rng, stack, e, forced, hard, lossBuf);
      const cont = trav.cont / ctx.ecalG.ehat;
      sums.ecalMip += cont;
      sums.ps += (cont * ctx.psLayers) / stack.layers;
      let biggest = 0;
      for (const l of lossBuf) {
        const isHard = l.energyMeV > hard;
        if (l.process === 'nucl') {
          if (isHard) sums.hard.ecalNucl = true;
          const lam = (l.depthMm / ecal.lengthMm) * ctx.segN[0].lambda;
          hadronShower(ctx, rng, sums, l.energyMeV, lam, ctx.segN, true, s, d);
          if (d) d.track('hadrons', l.energyMeV, hadronStub(s, ecal.zMm + l.depthMm, 300), { note: 'hadrons from a muon-nuclear interaction' });
        } else {
          if (isHard) sums.hard.ecalEm = true;
          emInEcal(ctx, sums, s, l.energyMeV, (l.depthMm / ecal.lengthMm) * ctx.ecalDepthX0, d, l.process === 'brems' ? 'bremsstrahlung photon: EM shower in the ECAL' : 'e⁺e⁻ pair: EM shower in the ECAL');
        }
        if (d && l.energyMeV > biggest) {
          biggest = l.energyMeV;
          kinkZ = ecal.zMm + l.depthMm;
        }
        if (d && isHard) sums.hardNotes.push(`${processName(l.process)} in the ECAL: ε = ${(l.energyMeV / GeV).toFixed(1)} GeV at ${Math.round(l.depthMm)} mm`);
      }
      if (d) {
        const [lx, ly] = localAt(s, ecal);
        spreadCells(d, ecal, lx, ly, (cont * ctx.psLayers) / stack.layers, 0, 0);
        spreadCells(d, ecal, lx, ly, cont * (1 - ctx.psLayers / stack.layers), 0, 1);
      }
      const zr = sums.zprime;
      if (d && zr && zr.eZprimeMeV > biggest) kinkZ = zr.zMm;
      e = trav.e;
      if (e > STOPPED_MEV) {
        // the Z′ kink (ψ_μ opposite to the Z′ in azimuth), then multiple scattering
        if (zr) {
          s.tx -= zr.psiMuonRad * Math.cos(zr.phiRad);
          s.ty -= zr.psiMuonRad * Math.sin(zr.phiRad);
        }
        const th = Math.sqrt(trav.th2);
        s.tx += th * rng.normal();
        s.ty += th * rng.normal();
      }
    } else {
      const ion = ctx.ecalIonMeV / ctx.ecalG.ehat;
      sums.ecalMip += ion;
      sums.ps += (ion * ctx.psLayers) / ctx.ecalStack.layers;
      e -= ctx.ecalIonMeV;
      if (d) {
        const [lx, ly] = localAt(s, ecal);
        spreadCells(d, ecal, lx, ly, (ion * ctx.psLayers) / ctx.ecalStack.layers, 0, 0);
        spreadCells(d, ecal, lx, ly, ion * (1 - ctx.psLayers / ctx.ecalStack.layers), 0, 1);
      }
    }
  }
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
    if (d) d.story.push(`The ${kind} stopped in the ECAL.`);
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
      lossBuf.length = 0;
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
    if (d) d.story.push(`The ${kind} missed the VHCAL hole and crossed its body.`);
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
  const nMod = ctx.hcals.length;
  const hcalStack = ctx.hcalStack;
  res.hitsHcal = nMod > 0 && lineHits(s, ctx.hcals[0]);
  if (nMod > 0 && hcalStack) {
    let nHit = 0;
    for (const h of ctx.hcals) if (lineHits(s, h)) nHit++;
    let forcedModule = -1;
    let forced: ForcedPoint | null = null;
    if (hadronLambda === null) {
      const r = hardRates(hcalStack, e, hard, rates).nucl;
      sums.hard.pAC = r.total > 0 && nHit > 0 ? 1 - Math.exp(-r.total * nHit) : 0;
      if (force === 'AC' && sums.hard.pAC > 0) {
        const k = Math.min(nHit - 1, Math.floor(rng.uniform() * nHit));
        forced = pickPoint(rng, hcalStack, r, 'nucl');
        let c = -1;
        for (let m = 0; m < nMod; m++) if (lineHits(s, ctx.hcals[m]) && ++c === k) forcedModule = m;
      }
    }
    let lamBefore = ctx.segN[0].lambda + ctx.segN[1].lambda;
    let lamLeft = hadronLambda ?? 0;
    for (let m = 0; m < nMod && e > STOPPED_MEV; m++) {
      const h = ctx.hcals[m];
      drift(s, h.zMm);
      pts?.push(s.x, s.y, s.z);
      if (!insideEl(s.x, s.y, h)) {
        drift(s, h.zMm + h.lengthMm);
        lamBefore += ctx.segN[2 + m].lambda;
        continue;
      }
      if (hadronLambda === null) {
        lossBuf.length = 0;
        traverse(rng, hcalStack, e, m === forcedModule ? forced : null, hard, lossBuf);
        sums.hcalMip[m] += trav.cont;
        if (d) spreadCells(d, h, ...localAt(s, h), trav.cont, 0, 0);
        for (const l of lossBuf) {
          const isHard = l.energyMeV > hard;
          if (l.process === 'nucl') {
            if (isHard) sums.hard.hcalNucl = true;
            const lam = lamBefore + (l.depthMm / h.lengthMm) * ctx.segN[2 + m].lambda;
            hadronShower(ctx, rng, sums, l.energyMeV, lam, ctx.segN, false, s, d);
            if (d) d.track('hadrons', l.energyMeV, hadronStub(s, h.zMm + l.depthMm, 400), { note: 'hadrons from a muon-nuclear interaction' });
          } else {
            if (isHard) sums.hard.otherEm = true;
            sums.hcalShower[m] += l.energyMeV;
            if (d) spreadCells(d, h, ...localAt(s, h), l.energyMeV, 30, 0);
          }
          if (d && isHard) sums.hardNotes.push(`${processName(l.process)} in ${h.id}: ε = ${(l.energyMeV / GeV).toFixed(1)} GeV`);
        }
        e = trav.e;
      } else {
        // beam hadron: ionization until the first interaction
        const lamMod = ctx.segPi[2 + m].lambda;
        if (lamLeft < lamMod) {
          const f = lamLeft / lamMod;
          sums.hcalMip[m] += ctx.hcalIonMeV * f;
          const lamStart = ctx.segPi[0].lambda + ctx.segPi[1].lambda + pionLambdaBefore(ctx, m) + lamLeft;
          hadronShower(ctx, rng, sums, e - ctx.hcalIonMeV * f, lamStart, ctx.segPi, false, s, d);
          if (d) d.story.push(`The ${kind} interacted in ${h.id} and showered there.`);
          e = 0;
          break;
        }
        lamLeft -= lamMod;
        sums.hcalMip[m] += ctx.hcalIonMeV;
        e = Math.max(M, e - ctx.hcalIonMeV);
      }
      drift(s, h.zMm + h.lengthMm);
      pts?.push(s.x, s.y, s.z);
      lamBefore += ctx.segN[2 + m].lambda;
    }
  }
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
      d.story.push(`The ${kind} interacted in the ECAL at ${t.toFixed(2)} λ_π: no track reaches MS2.`);
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

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

function massOf(kind: ParticleKind): number {
  return kind === 'K-' ? 493.677 : kind === 'pi-' || kind === 'pi+' ? 139.57039 : kind === 'hadrons' ? 280.1 : kind === 'mu-' ? MUON_MASS_MEV : 0.511;
}

function pionLambdaBefore(ctx: Na64muContext, m: number): number {
  let s = 0;
  for (let k = 0; k < m; k++) s += ctx.segPi[2 + k].lambda;
  return s;
}

function processName(p: MuonLossProcess): string {
  return p === 'brems' ? 'bremsstrahlung' : p === 'pair' ? 'e⁺e⁻ pair production' : 'muon-nuclear interaction';
}

/** Position of the line of `s` at the front face of `el`, relative to its centre. */
function localAt(s: { x: number; y: number; z: number; tx: number; ty: number }, el: DetectorElement): [number, number] {
  const dz = el.zMm - s.z;
  return [s.x + s.tx * dz - el.xMm, s.y + s.ty * dz - el.yMm];
}

function hadronStub(s: TrackState, z: number, len: number): number[] {
  const x = s.x + s.tx * (z - s.z);
  const y = s.y + s.ty * (z - s.z);
  return [x, y, z, x + s.tx * len, y + s.ty * len, z + len];
}

function extendNeutral(ctx: Na64muContext, d: DetailRecorder | null, n: Neutral, z: number): void {
  if (!d || n.trackIdx < 0) return;
  void ctx;
  d.tracks[n.trackIdx].points.push(n.x + n.tx * (z - n.z), n.y + n.ty * (z - n.z), z);
}

/**
 * Detail only: spread eMeV over the cells of `el` around the local point (lx, ly) with Gaussian spots
 * of width sigmaMm (0: one cell), drawn from the detail stream. Spots falling into a hole are moved to
 * the neighbouring cell.
 */
function spreadCells(d: DetailRecorder, el: DetectorElement, lx: number, ly: number, eMeV: number, sigmaMm: number, layer: number): void {
  if (!(eMeV > 0)) return;
  const nx = el.cells?.nx ?? 1;
  const ny = el.cells?.ny ?? 1;
  const px = el.widthMm / nx;
  const py = el.heightMm / ny;
  const n = sigmaMm > 0 ? 24 : 1;
  const rng = sigmaMm > 0 ? detailRngOf(d) : null;
  for (let i = 0; i < n; i++) {
    const x = lx + (rng ? rng.gauss(0, sigmaMm) : 0);
    const y = ly + (rng ? rng.gauss(0, sigmaMm) : 0);
    let ix = Math.min(nx - 1, Math.max(0, Math.floor((x + el.widthMm / 2) / px)));
    const iy = Math.min(ny - 1, Math.max(0, Math.floor((y + el.heightMm / 2) / py)));
    if (el.hole && Math.abs(ix - (nx - 1) / 2) < 0.5 && Math.abs(iy - (ny - 1) / 2) < 0.5) ix += x >= 0 ? 1 : -1;
    d.cell(el.id, ix, iy, layer, eMeV / n);
  }
}
