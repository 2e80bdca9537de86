/**
 * Muon propagation through a sampling stack for the NA64μ downstream stage (calo.ts):
 * propagateMuonStack / propagateMuon with the v-cut of the run (continuous below, sampled discrete
 * losses above), layers regrouped into thick blocks for speed, an optional forced hard interaction
 * (the forced branches, context.ts) and the Z′ emission of a signal event (signal.ts). Results go
 * to the module scratch objects `trav` and `zTrav`; `lossBuf` and `rates` are the shared scratch
 * buffers of the passes.
 */
import type { Material } from '../../materials';
import { discreteRatePerMm, propagateMuon, propagateMuonStack, sampleTransfer, type DiscreteLoss, type MuonLossProcess } from '../../muonLoss';
import type { Rng } from '../../rng';
import type { SamplingStack } from '../../setups/types';
import { MUON_MASS_MEV } from '../../units';
import { sampleZprimeEmission, type ZprimeEmission } from '../../darkSector/zprime';
import { MUON_V_CUT, newHardRates } from '../context';
import type { Na64muSignalModel, ZprimePoint } from '../signal';

/** A muon below this total energy is considered stopped. */
export const STOPPED_MEV = MUON_MASS_MEV * 1.001;

/** Scratch: the discrete losses of the current traversal (shared by the ECAL, VHCAL and HCAL passes). */
export const lossBuf: DiscreteLoss[] = [];
/** Scratch: hard-interaction expectations of the current stack. */
export const rates = newHardRates();

// ---------------------------------------------------------------------------------------------
// Muon propagation through a stack with an optional forced hard interaction
// ---------------------------------------------------------------------------------------------

export interface ForcedPoint {
  layer: number;
  active: boolean;
  kind: 'em' | 'nucl';
}

/** Scratch result of a stack traversal. */
export const trav = { e: 0, cont: 0, th2: 0 };

/**
 * Propagate through real layers [l0, l1) of a stack (one homogenised call of propagateMuonStack, whose
 * cost does not depend on the number of layers); losses get depths from the stack front.
 */
function propagateLayers(rng: Rng, stack: SamplingStack, l0: number, l1: number, out: DiscreteLoss[]): void {
  const layers = l1 - l0;
  if (layers <= 0 || trav.e <= STOPPED_MEV) return;
  const n0 = out.length;
  const t = propagateMuonStack(rng, stack, trav.e, MUON_V_CUT, out, layers);
  const offsetMm = l0 * (stack.absorberMm + stack.activeMm);
  for (let i = n0; i < out.length; i++) out[i].depthMm += offsetMm;
  trav.e = t.energyOutMeV;
  trav.cont += t.continuousMeV;
  trav.th2 += t.theta0Rad * t.theta0Rad;
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
export function pickPoint(rng: Rng, stack: SamplingStack, r: { abs: number; total: number }, kind: 'em' | 'nucl'): ForcedPoint {
  const active = rng.uniform() * r.total >= r.abs;
  const layer = Math.min(stack.layers - 1, Math.floor(rng.uniform() * stack.layers));
  return { layer, active, kind };
}

/** Traverse a stack from its front with energy eMeV (result in `trav`), forcing one interaction if given. */
export function traverse(rng: Rng, stack: SamplingStack, eMeV: number, forced: ForcedPoint | null, hardMeV: number, out: DiscreteLoss[]): void {
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
export const zTrav: { em: ZprimeEmission | null; eMu: number; depthMm: number; material: Material | null } = { em: null, eMu: 0, depthMm: 0, material: null };

/**
 * Traverse a stack from its front with energy eMeV (result in `trav`) emitting a Z′ at `pt`: normal
 * losses up to the point, then x from the WW spectrum at the muon's energy there (4 uniforms), the
 * muon keeps (1 − x)E, normal losses after it. The emission goes to `zTrav`.
 */
export function traverseZprime(rng: Rng, stack: SamplingStack, eMeV: number, pt: ZprimePoint, model: Na64muSignalModel, out: DiscreteLoss[]): void {
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
