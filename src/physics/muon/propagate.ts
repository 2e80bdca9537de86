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

/** Cached lookups are reused while T stays within this relative distance below the T they were made at. */
const CACHE_REL_TOLERANCE = 1e-4;

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

function traverseSlab(
  rng: Rng,
  mt: MaterialTables,
  ct: CutTable,
  thicknessMm: number,
  depth0Mm: number,
  out: DiscreteLoss[],
): void {
  const rho10 = mt.rho10;
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
    const w = step / mt.x0Mm;
    st.hs1 += w * ct.cH1;
    st.hs2 += w * ct.cH2;
    // continuous loss
    const sG = step * rho10;
    const dT = ct.cS * sG;
    let tNew: number;
    if (dT < SMALL_STEP_FRACTION * t) tNew = t - dT;
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
    const n1 = N_E + 1;
    const r0 = (1 - wk) * ct.rate[k] + wk * ct.rate[k + 1];
    const r1 = (1 - wk) * ct.rate[n1 + k] + wk * ct.rate[n1 + k + 1];
    const r2 = (1 - wk) * ct.rate[2 * n1 + k] + wk * ct.rate[2 * n1 + k + 1];
    const u = rng.uniform() * ct.cSig;
    if (u >= r0 + r1 + r2) continue;
    const p = u < r0 ? 0 : u < r0 + r1 ? 1 : 2;
    const proc = MUON_LOSS_PROCESSES[p];
    const vHi = vRange(mt.material, proc, e2)[1];
    const x = sampleLnV(rng, mt.procs[p], kf2, ct.lnvCut, Math.log(vHi));
    if (Number.isNaN(x)) continue;
    const eps = Math.min(Math.exp(x) * e2, tNew);
    st.t = tNew - eps;
    st.lossSum += eps;
    out.push({ process: proc, energyMeV: eps, depthMm: depth0Mm + pos });
  }
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
  traverseSlab(rng, mt, ct, thicknessMm, 0, losses);
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
 * Propagate through a sampling stack: layers × (absorber, active), each layer with its own continuous
 * loss; the discrete-interaction clock runs across layers. Depths are measured from the stack front;
 * theta0Rad combines all layers as in propagateMuon.
 */
export function propagateMuonStack(
  rng: Rng,
  stack: SamplingStack,
  energyMeV: number,
  vCut = DEFAULT_V_CUT,
  out?: DiscreteLoss[],
): MuonTraversal {
  const ma = tablesFor(stack.absorber);
  const ms = tablesFor(stack.active);
  const ca = cutTableFor(ma, vCut);
  const cs = cutTableFor(ms, vCut);
  const losses = out ?? [];
  begin(energyMeV);
  ca.cT = -1;
  cs.cT = -1;
  const period = stack.absorberMm + stack.activeMm;
  for (let l = 0; l < stack.layers && st.t > 0; l++) {
    traverseSlab(rng, ma, ca, stack.absorberMm, l * period, losses);
    traverseSlab(rng, ms, cs, stack.activeMm, l * period + stack.absorberMm, losses);
  }
  return finish(losses);
}
