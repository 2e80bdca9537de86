/**
 * Muon propagation through material (PDG RPP 2024 §34.6; mixed "class II" scheme, the muon reference
 * sheet's recommendation §1.4): transfers v = ε/E below vCut are a continuous loss a(E) +
 * b_restricted(E)·E (range tables, ./tables), transfers above vCut are sampled discrete interactions.
 * The distance to the next interaction uses a majorant rate with rejection (exact for rates that
 * change along the step) and is carried across layers, so in a sampling stack the interaction lands
 * in a layer with probability proportional to that layer's rate × thickness. Multiple scattering is
 * accumulated as a Highland width (PDG §34.3). Units: MeV, mm.
 */
import type { Material } from '../materials';
import type { Rng } from '../rng';
import type { SamplingStack } from '../setups/types';
import { MUON_MASS_MEV } from '../units';
import { MUON_LOSS_PROCESSES, type MuonLossProcess } from './composition';
import {
  DEFAULT_V_CUT,
  N_E,
  SMALL_STEP_FRACTION,
  cutTableFor,
  dedxAt,
  energyNode,
  kineticAtRange,
  mixedCutTable,
  rangeAt,
  sampleLnV,
  tablesFor,
  type CutTable,
  type MaterialTables,
} from './tables';
import { vRange } from './xsecMaterial';

const M = MUON_MASS_MEV;

// ---------------------------------------------------------------------------------------------
// Propagation
// ---------------------------------------------------------------------------------------------

export interface DiscreteLoss {
  process: MuonLossProcess;
  energyMeV: number;
  depthMm: number;
}

export interface MuonTraversal {
  energyOutMeV: number;
  /** Energy deposited by continuous (ionization + sub-cut radiative) losses, MeV. */
  continuousMeV: number;
  losses: DiscreteLoss[];
  /** Highland plane rms angle accumulated [rad]. */
  theta0Rad: number;
}

/** Per-call propagation state (module scratch: no allocation per step). */
const st = { t: 0, nLeft: 0, cont: 0, lossSum: 0, hs1: 0, hs2: 0 };

/**
 * Steps losing less than this fraction of T use the midpoint rule dT = S(T − dT/2)·Δx (error
 * ~(dT/T)³); larger ones the range table (whose interpolation error matters only for small steps).
 */
const MIDPOINT_STEP_FRACTION = 0.05;

/** Cached lookups are reused while T stays within this relative distance below the T they were made at. */
const CACHE_REL_TOLERANCE = 1e-4;

/**
 * What a muon crosses: one material, or a sampling stack homogenised per mm (mixedCutTable). For a
 * stack, `parts` are the absorber and the active material with their g/cm² per mm of stack, and every
 * discrete interaction is put into the absorber or the active layer of its period by the ratio of
 * their rates at that energy (so interactions land in a layer with probability ∝ rate × thickness).
 */
interface Medium {
  /** g/cm² per mm (1 for a stack, whose tables are per mm already). */
  rho10: number;
  /** Radiation length [mm] (harmonic thickness-weighted mean for a stack). */
  x0Mm: number;
  ct: CutTable;
  parts: MaterialTables[];
  partCt: CutTable[];
  partW: Float64Array;
  /** Stack period: absorber and active thickness [mm] (0 for one material). */
  absorberMm: number;
  activeMm: number;
}

const slabMedia = new WeakMap<CutTable, Medium>();
function slabMedium(mt: MaterialTables, ct: CutTable): Medium {
  let md = slabMedia.get(ct);
  if (!md) {
    md = { rho10: mt.rho10, x0Mm: mt.x0Mm, ct, parts: [mt], partCt: [ct], partW: Float64Array.of(mt.rho10), absorberMm: 0, activeMm: 0 };
    slabMedia.set(ct, md);
  }
  return md;
}

const stackMedia = new WeakMap<Material, WeakMap<Material, Map<string, Medium>>>();
/** Fast path by object identity (setup stacks are immutable); the keyed lookup below catches copies. */
const byStackObject = new WeakMap<SamplingStack, Medium>();
function stackMedium(stack: SamplingStack, vCut: number): Medium {
  let md = byStackObject.get(stack);
  if (md && md.ct.vCut === vCut && md.absorberMm === stack.absorberMm && md.activeMm === stack.activeMm) return md;
  md = stackMediumLookup(stack, vCut);
  byStackObject.set(stack, md);
  return md;
}
function stackMediumLookup(stack: SamplingStack, vCut: number): Medium {
  let byActive = stackMedia.get(stack.absorber);
  if (!byActive) stackMedia.set(stack.absorber, (byActive = new WeakMap()));
  let byKey = byActive.get(stack.active);
  if (!byKey) byActive.set(stack.active, (byKey = new Map()));
  const key = `${stack.absorberMm}/${stack.activeMm}/${vCut}`;
  let md = byKey.get(key);
  if (!md) {
    const ma = tablesFor(stack.absorber);
    const ms = tablesFor(stack.active);
    const period = stack.absorberMm + stack.activeMm;
    if (!(stack.absorberMm > 0 && stack.activeMm >= 0)) throw new RangeError(`invalid stack thicknesses ${stack.absorberMm}/${stack.activeMm} mm`);
    const wa = (ma.rho10 * stack.absorberMm) / period;
    const ws = (ms.rho10 * stack.activeMm) / period;
    md = {
      rho10: 1,
      x0Mm: period / (stack.absorberMm / ma.x0Mm + stack.activeMm / ms.x0Mm),
      ct: mixedCutTable(ma, ms, wa, ws, vCut),
      parts: [ma, ms],
      partCt: [cutTableFor(ma, vCut), cutTableFor(ms, vCut)],
      partW: Float64Array.of(wa, ws),
      absorberMm: stack.absorberMm,
      activeMm: stack.activeMm,
    };
    byKey.set(key, md);
  }
  return md;
}

function refreshCache(ct: CutTable, t: number): void {
  const e = t + M;
  const kf = energyNode(Math.log(e));
  ct.cT = t;
  ct.cS = dedxAt(ct, Math.log(t));
  ct.cSig = kf >= 0 ? ct.major[Math.min(N_E, Math.floor(kf) + 1)] : 0;
  const p2 = t * (t + 2 * M);
  ct.cH2 = (e * e) / p2;
  ct.cH1 = ct.cH2 / p2;
}

/** Rate of process p at energy node k + wk from a rate table [p·(N_E+1)+k]. */
function rateAt(rate: Float64Array, p: number, k: number, wk: number): number {
  const i = p * (N_E + 1) + k;
  return (1 - wk) * rate[i] + wk * rate[i + 1];
}

/** Propagate the muon in `st` through thicknessMm of medium md, appending discrete losses (depths from depth0Mm). */
function traverse(rng: Rng, md: Medium, thicknessMm: number, depth0Mm: number, out: DiscreteLoss[]): void {
  const ct = md.ct;
  const rho10 = md.rho10;
  let remaining = thicknessMm;
  let pos = 0;
  while (remaining > 0 && st.t > 0) {
    const t = st.t;
    // Lookups at a slightly higher T stay valid: the majorant is non-decreasing in E, and S, pβ change
    // by < CACHE_REL_TOLERANCE (reset at the start of every call, so results do not depend on history).
    if (!(t <= ct.cT && t >= ct.cT * (1 - CACHE_REL_TOLERANCE))) refreshCache(ct, t);
    const sigMax = ct.cSig * rho10; // candidates per mm
    if (st.nLeft <= 0) st.nLeft = -Math.log(rng.uniform());
    let step = remaining;
    let candidate = false;
    if (st.nLeft < sigMax * step) {
      step = st.nLeft / sigMax;
      candidate = true;
    }
    // multiple scattering bookkeeping (Highland): Σ w/(pβ)², Σ w/β² with w = x/X0
    const w = step / md.x0Mm;
    st.hs1 += w * ct.cH1;
    st.hs2 += w * ct.cH2;
    // continuous loss
    const sG = step * rho10;
    const dT = ct.cS * sG;
    let tNew: number;
    if (dT < SMALL_STEP_FRACTION * t) tNew = t - dT;
    else if (dT < MIDPOINT_STEP_FRACTION * t) tNew = t - dedxAt(ct, Math.log(t - 0.5 * dT)) * sG;
    else {
      const r = rangeAt(ct, t, Math.log(t));
      if (r <= sG) {
        st.cont += t;
        st.t = 0;
        return;
      }
      tNew = Math.min(t, kineticAtRange(ct, r - sG));
    }
    st.cont += t - tNew;
    st.t = tNew;
    remaining -= step;
    pos += step;
    st.nLeft = candidate ? 0 : st.nLeft - sigMax * step;
    if (!candidate) continue;
    // candidate interaction: accept with probability rate(E')/majorant
    const e2 = tNew + M;
    const kf2 = energyNode(Math.log(e2));
    if (kf2 < 0) continue;
    const k = Math.min(N_E - 1, Math.floor(kf2));
    const wk = kf2 - k;
    const r0 = rateAt(ct.rate, 0, k, wk);
    const r1 = rateAt(ct.rate, 1, k, wk);
    const r2 = rateAt(ct.rate, 2, k, wk);
    const u = rng.uniform() * ct.cSig;
    if (u >= r0 + r1 + r2) continue;
    const p = u < r0 ? 0 : u < r0 + r1 ? 1 : 2;
    // which material of a stack: the position of u inside its process's interval is uniform in [0, 1)
    let part = 0;
    if (md.parts.length > 1) {
      const lo = p === 0 ? 0 : p === 1 ? r0 : r0 + r1;
      const f = (u - lo) / (p === 0 ? r0 : p === 1 ? r1 : r2);
      const ra = md.partW[0] * rateAt(md.partCt[0].rate, p, k, wk);
      const rs = md.partW[1] * rateAt(md.partCt[1].rate, p, k, wk);
      if (f * (ra + rs) >= ra) part = 1;
    }
    const mt = md.parts[part];
    const proc = MUON_LOSS_PROCESSES[p];
    const vHi = vRange(mt.material, proc, e2)[1];
    const x = sampleLnV(rng, mt.procs[p], kf2, ct.lnvCut, Math.log(vHi));
    if (Number.isNaN(x)) continue;
    const eps = Math.min(Math.exp(x) * e2, tNew);
    st.t = tNew - eps;
    st.lossSum += eps;
    out.push({ process: proc, energyMeV: eps, depthMm: depth0Mm + (md.parts.length > 1 ? layerDepth(md, pos, part) : pos) });
  }
}

/**
 * Depth in the real layer sequence of an interaction at homogenised depth pos, put into the
 * absorber (part 0) or active layer (part 1) of that period, at the same fraction of the layer.
 */
function layerDepth(md: Medium, pos: number, part: number): number {
  const period = md.absorberMm + md.activeMm;
  const l = Math.floor(pos / period);
  const frac = pos / period - l;
  return l * period + (part === 0 ? frac * md.absorberMm : md.absorberMm + frac * md.activeMm);
}

function begin(energyMeV: number): void {
  if (!(energyMeV >= M)) throw new RangeError(`muon total energy ${energyMeV} MeV is below the muon mass`);
  st.t = energyMeV - M;
  st.nLeft = 0;
  st.cont = 0;
  st.hs1 = 0;
  st.hs2 = 0;
  st.lossSum = 0;
}

function finish(losses: DiscreteLoss[]): MuonTraversal {
  const energyOutMeV = st.t + M;
  const continuousMeV = st.cont;
  const theta0Rad = st.hs1 > 0 ? Math.max(0, 13.6 * Math.sqrt(st.hs1) * (1 + 0.038 * Math.log(st.hs2))) : 0;
  return { energyOutMeV, continuousMeV, losses, theta0Rad };
}

/**
 * Propagate a muon of total energy energyMeV through thicknessMm of material: continuous
 * a(E) + b_restricted(v < vCut)·E plus sampled discrete interactions with v > vCut. Discrete losses are
 * appended to `out` if given (otherwise a new array is returned). A stopped muon returns
 * energyOutMeV = muon mass. theta0Rad is the Highland width over the traversed path, with
 * Σ(x_i/X0)/(pβ)_i² in the prefactor and Σ(x_i/X0)/β_i² in the logarithm.
 */
export function propagateMuon(
  rng: Rng,
  material: Material,
  thicknessMm: number,
  energyMeV: number,
  vCut = DEFAULT_V_CUT,
  out?: DiscreteLoss[],
): MuonTraversal {
  const mt = tablesFor(material);
  const ct = cutTableFor(mt, vCut);
  const losses = out ?? [];
  begin(energyMeV);
  ct.cT = -1;
  traverse(rng, slabMedium(mt, ct), thicknessMm, 0, losses);
  return finish(losses);
}

/**
 * Build the tables of these materials for this vCut now (≈0.1 s per material) instead of at the first
 * propagated muon, e.g. when a worker starts.
 */
export function prepareMuonTables(materials: readonly Material[], vCut = DEFAULT_V_CUT): void {
  for (const m of materials) cutTableFor(tablesFor(m), vCut);
}

/**
 * Propagate through a sampling stack of `layers` × (absorber, active). The stack is homogenised
 * (stackMedium: the same material per mm as layer by layer, so the same mean continuous loss,
 * discrete rates and Highland sums), which makes the cost independent of the number of layers;
 * each discrete interaction is then placed in an absorber or active layer by the ratio of their
 * rates (depths measured from the stack front). What this neglects is the order in which the small
 * continuous losses of the thin layers are applied (≲ 0.1 % of E in the NA64 calorimeters).
 * theta0Rad combines all layers as in propagateMuon. `layers` (default stack.layers) crosses only the
 * first layers of the stack. Throws RangeError for a muon below its mass.
 */
export function propagateMuonStack(
  rng: Rng,
  stack: SamplingStack,
  energyMeV: number,
  vCut = DEFAULT_V_CUT,
  out?: DiscreteLoss[],
  layers = stack.layers,
): MuonTraversal {
  const md = stackMedium(stack, vCut);
  const losses = out ?? [];
  begin(energyMeV);
  md.ct.cT = -1;
  if (layers > 0) traverse(rng, md, layers * (stack.absorberMm + stack.activeMm), 0, losses);
  return finish(losses);
}
