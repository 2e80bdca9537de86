/**
 * Rates of hard muon interactions for the NA64μ context (context.ts): expected numbers and
 * probabilities of interactions with transfer ε > ε_H in a sampling stack (muon tables of
 * muonLoss.ts), the mean continuous muon deposit, and the decay probability of a beam hadron in flight.
 */
import type { Material } from '../../materials';
import { continuousDedx, discreteRatePerMm } from '../../muonLoss';
import type { SamplingStack } from '../../setups/types';

/** v-cut of the muon propagation (muons sheet §1.4: continuous below v = 0.01). */
export const MUON_V_CUT = 0.01;

/** Thicknesses [mm] of absorber and active material in a stack, and the materials. */
export interface StackThickness {
  stack: SamplingStack;
  absMm: number;
  actMm: number;
}

/** Absorber and active thicknesses of a stack [mm]. */
export function stackThickness(stack: SamplingStack): StackThickness {
  return { stack, absMm: stack.layers * stack.absorberMm, actMm: stack.layers * stack.activeMm };
}

/**
 * Probability that a muon of energy eMeV makes at least one interaction with transfer ε > hardMeV
 * of the given kind ('em' = brems + pair, 'nucl' = photonuclear) in `modules` copies of a stack.
 * Rates from the muon tables (muonLoss.ts), evaluated at eMeV.
 */
export function hardProbability(stack: SamplingStack, eMeV: number, hardMeV: number, kind: 'em' | 'nucl', modules = 1): number {
  const r = hardRatePerStack(stack, eMeV, hardMeV, kind);
  return r.total > 0 ? 1 - Math.exp(-r.total * modules) : 0;
}

/** Expected numbers of hard interactions in one copy of a stack (absorber / active part, EM = brems + pair, nuclear). */
export interface HardRates {
  em: { abs: number; act: number; total: number };
  nucl: { abs: number; act: number; total: number };
}

/** Hard-interaction expectations of a muon of energy eMeV in a stack (fills and returns `out`). */
export function hardRates(stack: SamplingStack, eMeV: number, hardMeV: number, out: HardRates = newHardRates()): HardRates {
  const vMin = hardMeV / eMeV;
  out.em.abs = out.em.act = out.nucl.abs = out.nucl.act = 0;
  if (vMin < 0.999) {
    if (stack.absorberMm > 0) {
      const r = discreteRatePerMm(stack.absorber, eMeV, vMin);
      const l = stack.absorberMm * stack.layers;
      out.em.abs = (r.brems + r.pair) * l;
      out.nucl.abs = r.nucl * l;
    }
    if (stack.activeMm > 0) {
      const r = discreteRatePerMm(stack.active, eMeV, vMin);
      const l = stack.activeMm * stack.layers;
      out.em.act = (r.brems + r.pair) * l;
      out.nucl.act = r.nucl * l;
    }
  }
  out.em.total = out.em.abs + out.em.act;
  out.nucl.total = out.nucl.abs + out.nucl.act;
  return out;
}

export function newHardRates(): HardRates {
  return { em: { abs: 0, act: 0, total: 0 }, nucl: { abs: 0, act: 0, total: 0 } };
}

/** Expected number of hard interactions of one kind per stack, split into absorber and active parts. */
export function hardRatePerStack(stack: SamplingStack, eMeV: number, hardMeV: number, kind: 'em' | 'nucl'): { abs: number; act: number; total: number } {
  return hardRates(stack, eMeV, hardMeV)[kind];
}

/** Mean continuous muon deposit [MeV] in a stack at energy eMeV (a(E) + b_restricted(E)·E, v < MUON_V_CUT). */
export function muonContinuousMeV(stack: SamplingStack, eMeV: number): number {
  const s = (m: Material, mm: number) => (mm > 0 ? (continuousDedx(m, eMeV, MUON_V_CUT) * m.densityGcm3 * mm) / 10 : 0);
  return stack.layers * (s(stack.absorber, stack.absorberMm) + s(stack.active, stack.activeMm));
}

/** P(decay within L [mm]) of a particle of mass m [MeV], cτ [mm] and momentum p [MeV]. */
export function decayProbability(massMeV: number, ctauMm: number, pMeV: number, lMm: number): number {
  return 1 - Math.exp(-(lMm * massMeV) / (pMeV * ctauMm));
}
