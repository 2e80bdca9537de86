/**
 * The A′ signal of the NA64e generator, prepared once per run: the yield per EOT of the model point
 * (the 'signal' category's true probability p) and the distributions an event samples from —
 * production mechanism, emitter energy, energy fraction x, emission depth.
 *
 * Emission depth (only shapes the visible shower; named assumptions in doc/model-dark.md):
 *  ASSUME-APRIME-DEPTH-PRIMARY: the primary at energy fraction u = e^{−s} is found at depth t with
 *    the Bethe–Heitler/Tsai density ∝ s^{bt−1}/Γ(bt), b = 4/3 (Y.-S. Tsai, RMP 46 (1974) 815, the
 *    I_e(E₀, E, t) used by BEST09 [recall]), tabulated on a t grid per event.
 *  ASSUME-APRIME-DEPTH-SHOWER: a shower e± (or annihilating e⁺) at s is found at depth
 *    t ~ Gamma(shape s + 1, scale 1 X0) (mean s + 1: energy halves about every X0·ln 2).
 */
import { lnGamma } from '../math';
import type { SignalParams } from '../params';
import type { Rng } from '../rng';
import type { SamplingStack } from '../setups/types';
import type { AprimeSpectrum } from './aprime';
import { ME_GEV } from './common';
import { aprimeYieldPerEot, DEFAULT_ECUT_FRACTION, type AprimeYield } from './yield';

export type SignalMechanism = 'primary' | 'secondary' | 'annihilation';

/** English names of the mechanisms (the truth panel shows the translations `truthValue.mechanism.*`, which follow these). */
export const MECHANISM_TEXT: Record<SignalMechanism, string> = {
  primary: 'dark bremsstrahlung of the beam electron',
  secondary: 'dark bremsstrahlung of a shower e±',
  annihilation: 'resonant annihilation of a shower e⁺ on an atomic electron',
};

export interface Na64eSignalModel {
  signal: SignalParams;
  massGeV: number;
  alphaD: number;
  beamEnergyGeV: number;
  eCutGeV: number;
  yield: AprimeYield;
  /** True probability per EOT (A′ → χχ̄ with E_A′ > eCut). */
  pPerEot: number;
  /** Cumulative mechanism probabilities [primary, primary + secondary, 1]. */
  cumMechanism: [number, number, number];
  spectrum: AprimeSpectrum | null;
}

/** Default α_D when the signal parameters do not give one (NA64 benchmark, muons sheet §2.1). */
export const DEFAULT_ALPHA_D = 0.5;

/** Build the A′ signal model for an NA64e run (throws for a Z′ model: it does not couple to electrons at tree level). */
export function buildNa64eSignalModel(signal: SignalParams, beamEnergyGeV: number, stack: SamplingStack): Na64eSignalModel {
  if (signal.model !== 'aprime') throw new RangeError(`the NA64e generator produces A′ signal only (got '${signal.model}'): Z′ (L_μ − L_τ) couples to muons; use the NA64μ setup`);
  const alphaD = signal.alphaD ?? DEFAULT_ALPHA_D;
  const eCut = DEFAULT_ECUT_FRACTION * beamEnergyGeV;
  const y = aprimeYieldPerEot({ massMeV: signal.massMeV, epsilon: signal.coupling, alphaD }, beamEnergyGeV, stack, { eCutGeV: eCut });
  const raw = y.primary + y.secondary + y.annihilation;
  const cum: [number, number, number] = raw > 0 ? [y.primary / raw, (y.primary + y.secondary) / raw, 1] : [1, 1, 1];
  const mGeV = signal.massMeV / 1000;
  return { signal, massGeV: mGeV, alphaD, beamEnergyGeV, eCutGeV: eCut, yield: y, pPerEot: y.total, cumMechanism: cum, spectrum: y.spectrum };
}

/** One sampled A′ production in the ECAL. */
export interface AprimeEmission {
  mechanism: SignalMechanism;
  /** Energy of the emitting e± (the annihilating e⁺) [GeV]. */
  emitterGeV: number;
  /** x = E_A′/E_emitter (1 for annihilation). */
  x: number;
  /** A′ energy [GeV]. */
  eAprimeGeV: number;
  /** Depth of the emission in the ECAL [X0 of the stack]. */
  depthX0: number;
}

const T_POINTS = 48;
const tGrid = new Float64Array(T_POINTS);
const tW = new Float64Array(T_POINTS);

/** Depth of the primary at s (ASSUME-APRIME-DEPTH-PRIMARY): density ∝ s^{bt−1}/Γ(bt) on a t grid. */
function samplePrimaryDepth(rng: Rng, s: number, maxX0: number): number {
  const b = 4 / 3;
  const ls = Math.log(Math.max(s, 1e-12));
  const tHi = Math.min(maxX0, Math.max(1.5, 3 * (s / b) + 3));
  const dt = tHi / T_POINTS;
  let tot = 0;
  for (let k = 0; k < T_POINTS; k++) {
    const t = (k + 0.5) * dt;
    tGrid[k] = t;
    const a = b * t;
    const w = Math.exp((a - 1) * ls - lnGamma(a));
    tW[k] = w;
    tot += w;
  }
  let u = rng.uniform() * tot;
  const v = rng.uniform();
  for (let k = 0; k < T_POINTS; k++) {
    u -= tW[k];
    if (u <= 0) return tGrid[k] + (v - 0.5) * dt;
  }
  return tGrid[T_POINTS - 1];
}

/**
 * Sample the A′ production of one signal event for a beam electron of energy eElectronGeV arriving
 * at the ECAL (all draws from `rng`, the measured stream): mechanism, emitter energy, x (conditioned
 * on E_A′ > eCut), depth ≤ maxDepthX0 − 1.
 */
export function sampleAprimeEmission(model: Na64eSignalModel, rng: Rng, eElectronGeV: number, maxDepthX0: number): AprimeEmission {
  const u = rng.uniform();
  const mech: SignalMechanism = u < model.cumMechanism[0] ? 'primary' : u < model.cumMechanism[1] ? 'secondary' : 'annihilation';
  const tMax = Math.max(0.5, maxDepthX0 - 1);
  if (mech === 'annihilation') {
    const cdf = model.yield.annihilationE;
    if (!cdf) return { mechanism: mech, emitterGeV: eElectronGeV, x: 0, eAprimeGeV: 0, depthX0: 0 };
    const ePlus = Math.min(cdf.quantile(rng.uniform()), eElectronGeV * 0.999);
    const s = Math.log(model.beamEnergyGeV / ePlus);
    const depth = Math.min(tMax, rng.gamma(Math.max(s, 0) + 1));
    return { mechanism: mech, emitterGeV: ePlus, x: 1, eAprimeGeV: ePlus + ME_GEV, depthX0: depth };
  }
  const cdf = mech === 'primary' ? model.yield.primaryS : model.yield.secondaryS;
  if (!cdf || !model.spectrum) return { mechanism: mech, emitterGeV: eElectronGeV, x: 0, eAprimeGeV: 0, depthX0: 0 }; // no phase space (p = 0)
  const s = cdf.quantile(rng.uniform());
  const emitter = eElectronGeV * Math.exp(-s);
  const x = model.spectrum.sampleX(rng.uniform(), rng.uniform(), emitter, model.eCutGeV);
  const depth = mech === 'primary' ? Math.min(tMax, samplePrimaryDepth(rng, s, tMax)) : Math.min(tMax, rng.gamma(s + 1));
  return { mechanism: mech, emitterGeV: emitter, x, eAprimeGeV: x * emitter, depthX0: Math.max(0, depth) };
}
