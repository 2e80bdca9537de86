/**
 * Per-material muon energy-loss tables (PDG RPP 2024 §34.6; mixed "class II" scheme of the muon
 * reference sheet): for each radiative process, interaction rates and inverse-CDF tables in ln v
 * (v = ε/E) on a grid in ln E, built once per material from the cross sections of ../muonXsec
 * (./xsecMaterial); per transfer cut vCut, the discrete rates above vCut, their majorant, and the
 * continuous stopping power a(E) + b_restricted(E)·E (Bethe a(E), ./bethe) with its CSDA range.
 * Lookups interpolate in ln E (rates) and ln T (stopping power, range). Units: MeV, g/cm² for areal
 * densities, rates per g/cm² (per mm in the public functions).
 */
import type { Material } from '../materials';
import { x0Mm } from '../materials';
import type { Rng } from '../rng';
import { MUON_MASS_MEV } from '../units';
import { betheDedx } from './bethe';
import { MUON_LOSS_PROCESSES, type MuonLossProcess } from './composition';
import { gaussLegendre01 } from './gaussLegendre';
import { integrateVBoth, vRange } from './xsecMaterial';

const M = MUON_MASS_MEV;

/** Radiative processes are switched off below this muon kinetic energy (Geant4's models start at ~1 GeV). */
export const RADIATIVE_MIN_KINETIC_MEV = 1000;
const E_RAD_MIN = M + RADIATIVE_MIN_KINETIC_MEV;
/**
 * Upper end of all tables: 1 TeV total energy (assumption: nothing in NA64 exceeds it; the largest
 * beam energy the app accepts is 400 GeV). Above it the tables are clamped to their last node.
 */
export const TABLE_MAX_ENERGY_MEV = 1e6;
export const N_E = 60; // radiative grid: 60 intervals in ln E (≈20 per decade)
const N_V = 100; // bins in ln v per energy
/** Below this kinetic energy [MeV] the range is extrapolated linearly to 0 (assumption; the residual range is ≲ 0.1 mm of metal). */
const T_ION_MIN = 1;
const N_T = 240; // ionization/range grid: 240 intervals in ln T (40 per decade)
/** A continuous step losing less than this fraction of T uses dT = S·Δx instead of the range table. */
export const SMALL_STEP_FRACTION = 1e-3;

export interface ProcTable {
  /** ln v at the first node and bin width, per energy. */
  lnvLo: Float64Array;
  dlnv: Float64Array;
  /** tail[k(N_V+1)+j]: interactions per g/cm² with ln v > node j. */
  tail: Float64Array;
  /** bcum[k(N_V+1)+j]: ∫ from the lowest v to node j of v dσ/dv dv per g/cm² (b contribution). */
  bcum: Float64Array;
}

export interface CutTable {
  vCut: number;
  lnvCut: number;
  /** Rate per g/cm² with v > vCut at each energy node, per process [p·(N_E+1)+k]. */
  rate: Float64Array;
  /** Running maximum over nodes ≤ k of the total rate (majorant). */
  major: Float64Array;
  /** Restricted radiative b(E) below vCut on the ln E grid, summed over processes [cm²/g]. */
  bRestr: Float64Array;
  /** Continuous stopping power S(T) = a + b_restricted E [MeV cm²/g] and ln of the range [g/cm²] on the T grid. */
  dedx: Float64Array;
  lnRange: Float64Array;
  /** Range at T_ION_MIN [g/cm²]. */
  range0: number;
  /** Lookup cache of the propagation: T it was made at, S(T), majorant per g/cm², e²/p⁴ and e²/p². */
  cT: number;
  cS: number;
  cSig: number;
  cH1: number;
  cH2: number;
}

export interface MaterialTables {
  material: Material;
  /** g/cm² per mm. */
  rho10: number;
  x0Mm: number;
  procs: ProcTable[];
  cuts: Map<number, CutTable>;
}

const LN_E0 = Math.log(E_RAD_MIN);
const DLN_E = (Math.log(TABLE_MAX_ENERGY_MEV) - LN_E0) / N_E;
const LN_T0 = Math.log(T_ION_MIN);
const DLN_T = (Math.log(TABLE_MAX_ENERGY_MEV) - LN_T0) / N_T;

const tableCache = new WeakMap<Material, MaterialTables>();

function buildProcTable(material: Material, process: MuonLossProcess): ProcTable {
  const nn = N_V + 1;
  const t: ProcTable = {
    lnvLo: new Float64Array(N_E + 1),
    dlnv: new Float64Array(N_E + 1),
    tail: new Float64Array((N_E + 1) * nn),
    bcum: new Float64Array((N_E + 1) * nn),
  };
  const buf = new Float64Array(2);
  const bin0 = new Float64Array(N_V);
  for (let k = 0; k <= N_E; k++) {
    const e = Math.exp(LN_E0 + k * DLN_E);
    const [lo, hi] = vRange(material, process, e);
    if (!(hi > lo)) continue;
    const xlo = Math.log(lo);
    const d = (Math.log(hi) - xlo) / N_V;
    t.lnvLo[k] = xlo;
    t.dlnv[k] = d;
    const base = k * nn;
    for (let j = 0; j < N_V; j++) {
      // edge bins (threshold, kinematic end point) with 6 Gauss nodes, the smooth interior with 3
      integrateVBoth(material, process, e, Math.exp(xlo + j * d), Math.exp(xlo + (j + 1) * d), 1, buf, j === 0 || j === N_V - 1 ? 6 : 3);
      bin0[j] = buf[0];
      t.bcum[base + j + 1] = t.bcum[base + j] + buf[1];
    }
    for (let j = N_V - 1; j >= 0; j--) t.tail[base + j] = t.tail[base + j + 1] + bin0[j];
  }
  return t;
}

/** The process tables of a material (built at the first call, then cached per Material object). */
export function tablesFor(material: Material): MaterialTables {
  let mt = tableCache.get(material);
  if (!mt) {
    mt = {
      material,
      rho10: material.densityGcm3 / 10,
      x0Mm: x0Mm(material),
      procs: MUON_LOSS_PROCESSES.map((p) => buildProcTable(material, p)),
      cuts: new Map(),
    };
    tableCache.set(material, mt);
  }
  return mt;
}

/** Interactions per g/cm² with ln v > x at energy node k (linear in x inside a bin). */
function tailAt(pt: ProcTable, k: number, x: number): number {
  const d = pt.dlnv[k];
  if (d <= 0) return 0;
  const u = (x - pt.lnvLo[k]) / d;
  const base = k * (N_V + 1);
  if (u <= 0) return pt.tail[base];
  if (u >= N_V) return 0;
  const j = u | 0;
  const a = pt.tail[base + j];
  return a + (u - j) * (pt.tail[base + j + 1] - a);
}

function bcumAt(pt: ProcTable, k: number, x: number): number {
  const d = pt.dlnv[k];
  if (d <= 0) return 0;
  const u = (x - pt.lnvLo[k]) / d;
  const base = k * (N_V + 1);
  if (u <= 0) return 0;
  if (u >= N_V) return pt.bcum[base + N_V];
  const j = u | 0;
  const a = pt.bcum[base + j];
  return a + (u - j) * (pt.bcum[base + j + 1] - a);
}

/** Fractional energy-node position of ln E (clamped to the table; negative below E_RAD_MIN). */
export function energyNode(lnE: number): number {
  const kf = (lnE - LN_E0) / DLN_E;
  return kf > N_E ? N_E : kf;
}

/** The tables of `mt` for the transfer cut vCut (rates above the cut, majorant, stopping power, range; cached). */
export function cutTableFor(mt: MaterialTables, vCut: number): CutTable {
  let ct = mt.cuts.get(vCut);
  if (ct) return ct;
  if (!(vCut > 0 && vCut < 1)) throw new RangeError(`vCut must be in (0, 1), got ${vCut}`);
  const lnvCut = Math.log(vCut);
  const rate = new Float64Array(3 * (N_E + 1));
  const bRestr = new Float64Array(N_E + 1);
  for (let k = 0; k <= N_E; k++) {
    for (let p = 0; p < 3; p++) {
      rate[p * (N_E + 1) + k] = tailAt(mt.procs[p], k, lnvCut);
      bRestr[k] += bcumAt(mt.procs[p], k, lnvCut);
    }
  }
  const sAt = (t: number): number => stoppingPower(mt.material, bRestr, t);
  ct = assembleCutTable(vCut, rate, bRestr, sAt);
  mt.cuts.set(vCut, ct);
  return ct;
}

/** S(T) = a(E) + b_restricted(E)·E [MeV cm²/g] of a material, b_restricted on the ln E grid. */
function stoppingPower(material: Material, bRestr: Float64Array, t: number): number {
  const e = t + M;
  let s = betheDedx(material, e, M);
  const kf = energyNode(Math.log(e));
  if (kf >= 0) {
    const k = Math.min(N_E - 1, Math.floor(kf));
    const w = kf - k;
    s += ((1 - w) * bRestr[k] + w * bRestr[k + 1]) * e;
  }
  return s;
}

/** Majorant, stopping-power and CSDA-range tables for given rates and stopping power sAt(T). */
function assembleCutTable(vCut: number, rate: Float64Array, bRestr: Float64Array, sAt: (t: number) => number): CutTable {
  const major = new Float64Array(N_E + 1);
  let run = 0;
  for (let k = 0; k <= N_E; k++) {
    run = Math.max(run, rate[k] + rate[N_E + 1 + k] + rate[2 * (N_E + 1) + k]);
    major[k] = run;
  }
  const dedx = new Float64Array(N_T + 1);
  const lnRange = new Float64Array(N_T + 1);
  for (let i = 0; i <= N_T; i++) dedx[i] = sAt(Math.exp(LN_T0 + i * DLN_T));
  const range0 = T_ION_MIN / dedx[0];
  let range = range0;
  lnRange[0] = Math.log(range);
  const gl = gaussLegendre01(4);
  for (let i = 0; i < N_T; i++) {
    let s = 0;
    for (let q = 0; q < 4; q++) {
      const t = Math.exp(LN_T0 + (i + gl.x[q]) * DLN_T);
      s += (gl.w[q] * t) / sAt(t);
    }
    range += s * DLN_T;
    lnRange[i + 1] = Math.log(range);
  }
  return { vCut, lnvCut: Math.log(vCut), rate, major, bRestr, dedx, lnRange, range0, cT: -1, cS: 0, cSig: 0, cH1: 0, cH2: 0 };
}

/**
 * Tables of a homogenised sampling stack (absorber + active per period) for the transfer cut vCut,
 * per mm of stack: rates and stopping power are the thickness-weighted sums of the two materials'
 * (ρ·d/period), so a muon crossing the stack loses on average exactly what it loses layer by layer;
 * the range is integrated from the mixed stopping power. Used by the stack propagation
 * (./propagate), which then places each discrete interaction in the absorber or the active layer
 * by the ratio of their rates. `wAbsorber`, `wActive`: g/cm² of each material per mm of stack.
 */
export function mixedCutTable(a: MaterialTables, s: MaterialTables, wAbsorber: number, wActive: number, vCut: number): CutTable {
  const ca = cutTableFor(a, vCut);
  const cs = cutTableFor(s, vCut);
  const rate = new Float64Array(3 * (N_E + 1));
  for (let i = 0; i < rate.length; i++) rate[i] = wAbsorber * ca.rate[i] + wActive * cs.rate[i];
  const bRestr = new Float64Array(N_E + 1);
  for (let k = 0; k <= N_E; k++) bRestr[k] = wAbsorber * ca.bRestr[k] + wActive * cs.bRestr[k];
  const sAt = (t: number) => wAbsorber * stoppingPower(a.material, ca.bRestr, t) + wActive * stoppingPower(s.material, cs.bRestr, t);
  return assembleCutTable(vCut, rate, bRestr, sAt);
}

/** Continuous stopping power S(T) [MeV cm²/g] at ln T (linear in ln T, clamped to the grid). */
export function dedxAt(ct: CutTable, lnT: number): number {
  const u = (lnT - LN_T0) / DLN_T;
  if (u <= 0) return ct.dedx[0];
  if (u >= N_T) return ct.dedx[N_T];
  const i = u | 0;
  return ct.dedx[i] + (u - i) * (ct.dedx[i + 1] - ct.dedx[i]);
}

/** CSDA range [g/cm²] of kinetic energy T (linear below T_ION_MIN). */
export function rangeAt(ct: CutTable, t: number, lnT: number): number {
  const u = (lnT - LN_T0) / DLN_T;
  if (u <= 0) return (ct.range0 * t) / T_ION_MIN;
  const i = u >= N_T ? N_T - 1 : u | 0;
  return Math.exp(ct.lnRange[i] + (u - i) * (ct.lnRange[i + 1] - ct.lnRange[i]));
}

/** Inverse of rangeAt. */
export function kineticAtRange(ct: CutTable, r: number): number {
  if (r <= ct.range0) return (T_ION_MIN * r) / ct.range0;
  const lr = Math.log(r);
  const lnR = ct.lnRange;
  let lo = 0;
  let hi = N_T;
  if (lr >= lnR[N_T]) lo = N_T - 1;
  else {
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (lnR[mid] <= lr) lo = mid;
      else hi = mid;
    }
  }
  const f = (lr - lnR[lo]) / (lnR[lo + 1] - lnR[lo]);
  return Math.exp(LN_T0 + (lo + f) * DLN_T);
}

/** Continuous stopping power a(E) + b_restricted(E)·E [MeV cm²/g] used by the propagation for a given vCut. */
export function continuousDedx(material: Material, energyMeV: number, vCut = DEFAULT_V_CUT): number {
  return dedxAt(cutTableFor(tablesFor(material), vCut), Math.log(energyMeV - M));
}

/** Rate of discrete interactions per mm with v > vMin, per process (tables, interpolated in ln E). */
export function discreteRatePerMm(
  material: Material,
  energyMeV: number,
  vMin: number,
): { brems: number; pair: number; nucl: number } {
  const mt = tablesFor(material);
  const kf = energyNode(Math.log(energyMeV));
  const r = [0, 0, 0];
  if (kf >= 0) {
    const k = Math.min(N_E - 1, Math.floor(kf));
    const w = kf - k;
    const x = Math.log(vMin);
    for (let p = 0; p < 3; p++)
      r[p] = ((1 - w) * tailAt(mt.procs[p], k, x) + w * tailAt(mt.procs[p], k + 1, x)) * mt.rho10;
  }
  return { brems: r[0], pair: r[1], nucl: r[2] };
}

/** Sample ln v in [xa, xb] from process table pt at fractional energy node kf (node picked by weight). */
export function sampleLnV(rng: Rng, pt: ProcTable, kf: number, xa: number, xb: number): number {
  const k0 = Math.min(N_E - 1, Math.floor(kf));
  const w = kf - k0;
  const r0 = (1 - w) * (tailAt(pt, k0, xa) - tailAt(pt, k0, xb));
  const r1 = w * (tailAt(pt, k0 + 1, xa) - tailAt(pt, k0 + 1, xb));
  if (!(r0 + r1 > 0)) return NaN;
  const k = rng.uniform() * (r0 + r1) < r0 ? k0 : k0 + 1;
  const ta = tailAt(pt, k, xa);
  const tb = tailAt(pt, k, xb);
  const target = tb + rng.uniform() * (ta - tb);
  const base = k * (N_V + 1);
  const tail = pt.tail;
  // tail is non-increasing in j: find j with tail[j] >= target > tail[j+1]
  let lo = 0;
  let hi = N_V;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (tail[base + mid] >= target) lo = mid;
    else hi = mid;
  }
  const a = tail[base + lo];
  const b = tail[base + lo + 1];
  const f = a > b ? (a - target) / (a - b) : 0.5;
  const x = pt.lnvLo[k] + (lo + f) * pt.dlnv[k];
  return x < xa ? xa : x > xb ? xb : x;
}

/** Sample v (= ε/E) of one interaction of the given process with v in [vMin, vMax] (vMax defaults to the kinematic limit). */
export function sampleTransfer(
  rng: Rng,
  material: Material,
  process: MuonLossProcess,
  energyMeV: number,
  vMin: number,
  vMax?: number,
): number {
  const mt = tablesFor(material);
  const kf = energyNode(Math.log(energyMeV));
  const hi = Math.min(vMax ?? 1, vRange(material, process, energyMeV)[1]);
  const x =
    kf >= 0 && hi > vMin
      ? sampleLnV(rng, mt.procs[MUON_LOSS_PROCESSES.indexOf(process)], kf, Math.log(vMin), Math.log(hi))
      : NaN;
  if (Number.isNaN(x))
    throw new RangeError(`no ${process} cross section for E = ${energyMeV} MeV, v in [${vMin}, ${hi}]`);
  return Math.exp(x);
}

/** Reference-sheet recommendation (§1.4): transfers v < 0.01 are continuous. */
export const DEFAULT_V_CUT = 0.01;
