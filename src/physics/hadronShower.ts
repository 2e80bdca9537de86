/**
 * Hadronic showers for the fast MC (showers.md §4): where the hadron first interacts
 * (exponential in the interaction length, §4.4), the EM fraction of the cascade (Groom, NIM A572
 * (2007) 633; PDG Calorimetry: f_h = (E/E0)^(m−1)), the longitudinal development of the rest as a
 * Gamma distribution in λ_I whose maximum and 95 % containment follow the PDG rules of §4.1, and
 * the response of a non-compensating calorimeter (e/h, §4.3).
 * Named assumptions (doc/model.md): ASSUME-EH (e/h = 1.3 for Pb/Sc and Fe/Sc), ASSUME-FEM-SIGMA
 * (event-by-event σ(f_em) = 0.12), ASSUME-GROOM (E0 = 1 GeV, m = 0.85; sheet: 0.82–0.85).
 */
import { gammaP } from './math';
import type { Rng } from './rng';

/** e/h of the Pb/Sc ECAL and Fe/Sc HCAL (ASSUME-EH; showers.md §4.3 "commonly about 1.3–1.4"). */
export const E_OVER_H = 1.3;
/** Groom EM-fraction parameters (ASSUME-GROOM). */
export const GROOM_E0_GEV = 1;
export const GROOM_M = 0.85;
/** Event-by-event spread of f_em (ASSUME-FEM-SIGMA). */
export const FEM_SIGMA = 0.12;
/** HCAL stochastic term for hadrons: 60 %/√E (seed 001). */
export const HCAL_STOCHASTIC = 0.6;

/** Mean EM fraction of a hadron shower of energy E [GeV]: 1 − (E/E0)^(m−1) (0 below E0). */
export function meanEmFraction(eGeV: number): number {
  if (eGeV <= GROOM_E0_GEV) return 0;
  return 1 - Math.pow(eGeV / GROOM_E0_GEV, GROOM_M - 1);
}

/** Sampled EM fraction in [0, 1]. */
export function sampleEmFraction(rng: Rng, eGeV: number): number {
  const f = meanEmFraction(eGeV) + FEM_SIGMA * rng.normal();
  return f < 0 ? 0 : f > 1 ? 1 : f;
}

/** Depth of the shower maximum [λ_I] from the shower start: 0.2 ln(E/GeV) + 0.7 (showers.md §4.1). */
export const hadronTmaxLambda = (eGeV: number): number => 0.2 * Math.log(Math.max(eGeV, 1)) + 0.7;
/** 95 % longitudinal containment [λ_I]: t_max + 2.5 (E/GeV)^0.13 (showers.md §4.1). */
export const hadronL95Lambda = (eGeV: number): number => hadronTmaxLambda(eGeV) + 2.5 * Math.pow(Math.max(eGeV, 1), 0.13);

/** Gamma profile (shape a, rate b per λ) with mode t_max and P(a, b·L95) = 0.95, solved by bisection. */
export function hadronProfile(eGeV: number): { a: number; b: number } {
  const tmax = hadronTmaxLambda(eGeV);
  const l95 = hadronL95Lambda(eGeV);
  let lo = 0.05;
  let hi = 20;
  for (let i = 0; i < 60; i++) {
    const b = 0.5 * (lo + hi);
    const a = 1 + b * tmax;
    if (gammaP(a, b * l95) > 0.95) hi = b;
    else lo = b;
  }
  const b = 0.5 * (lo + hi);
  return { a: 1 + b * tmax, b };
}

// cache profiles on a log-energy grid (0.1 GeV .. 1 TeV)
const GRID_N = 64;
const gridA = new Float64Array(GRID_N);
const gridB = new Float64Array(GRID_N);
let gridReady = false;
function gridIndex(eGeV: number): number {
  const l = (Math.log10(Math.max(eGeV, 0.1)) + 1) / 4; // 0.1..1000 → 0..1
  return Math.min(GRID_N - 1, Math.max(0, Math.round(l * (GRID_N - 1))));
}
function cachedProfile(eGeV: number): { a: number; b: number } {
  if (!gridReady) {
    for (let i = 0; i < GRID_N; i++) {
      const e = Math.pow(10, (i / (GRID_N - 1)) * 4 - 1);
      const p = hadronProfile(e);
      gridA[i] = p.a;
      gridB[i] = p.b;
    }
    gridReady = true;
  }
  const k = gridIndex(eGeV);
  return { a: gridA[k], b: gridB[k] };
}

/**
 * Fraction of a hadron shower's (non-EM) energy deposited between depths t1 and t2 [λ_I] from its
 * start. The shower is Gamma-distributed in depth with sampled shape fluctuation.
 */
export function hadronDepositFraction(eGeV: number, t1: number, t2: number): number {
  const { a, b } = cachedProfile(eGeV);
  return gammaP(a, b * Math.max(0, t2)) - gammaP(a, b * Math.max(0, t1));
}

/**
 * A longitudinal segment of the calorimeter system seen by a hadron: thickness in λ (nuclear) and
 * which measured quantity it feeds. `scale` converts deposited energy to the measured energy.
 */
export interface CaloSegment {
  id: string;
  lambda: number;
  /** Radiation lengths per λ (for the EM part of the cascade). */
  x0PerLambda: number;
  /** Response to the hadronic (non-EM) part relative to EM (h/e on an electron-calibrated device). */
  hadronResponse: number;
}

/**
 * Distribute a hadron shower starting at depth `startLambda` (in the λ coordinate of `segments`)
 * over the segments: EM part deposited close to the start (in X0 of the start segment: the part
 * beyond its end is passed on), hadronic part by the Gamma profile. Adds measured-scale energies
 * [MeV] into `out[k]`, returns the energy leaving the back of the last segment [MeV].
 */
export function depositHadronShower(
  rng: Rng,
  energyMeV: number,
  startLambda: number,
  segments: CaloSegment[],
  out: Float64Array,
): number {
  const eGeV = energyMeV / 1000;
  const fem = sampleEmFraction(rng, eGeV);
  const emMeV = fem * energyMeV;
  const hadMeV = energyMeV - emMeV;
  // locate the start segment
  let z = 0;
  let k0 = segments.length - 1;
  for (let k = 0; k < segments.length; k++) {
    if (startLambda < z + segments[k].lambda) {
      k0 = k;
      break;
    }
    z += segments[k].lambda;
  }
  // EM part (π0 → γγ, short range ~ 20 X0): mostly in the start segment; leakage into the next
  const seg0 = segments[k0];
  const remX0 = (z + seg0.lambda - startLambda) * seg0.x0PerLambda;
  const emInside = remX0 > 25 ? 1 : gammaP(4, 0.5 * remX0); // mean EM profile a≈4, b≈0.5 (PDG §34.5 at ~GeV)
  out[k0] += emMeV * emInside;
  if (k0 + 1 < segments.length) out[k0 + 1] += emMeV * (1 - emInside);
  let escaped = k0 + 1 < segments.length ? 0 : emMeV * (1 - emInside);
  // hadronic part
  let zs = 0;
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    const t1 = zs - startLambda;
    const t2 = zs + s.lambda - startLambda;
    zs += s.lambda;
    if (t2 <= 0) continue;
    out[k] += hadMeV * hadronDepositFraction(eGeV, t1, t2) * s.hadronResponse;
  }
  escaped += hadMeV * (1 - hadronDepositFraction(eGeV, 0, zs - startLambda));
  return escaped;
}
