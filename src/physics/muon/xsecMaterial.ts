/**
 * Muon radiative cross sections per material (per mean atom of a compound) and their integrals over
 * v = ε/E: kinematic ranges, spectrum breakpoints, and ∫ v^k dσ/dv dv per g/cm² (interaction rates,
 * k = 0, and contributions to b, k = 1) by Gauss–Legendre panels in ln v (muon reference sheet §1.3).
 * The per-element formulas are in ./xsecBrems, ./xsecPair and ./xsecNuclear. Energies in MeV, cross
 * sections in cm², E = muon total energy.
 */
import type { Material } from '../materials';
import { ELECTRON_MASS_MEV, MUON_MASS_MEV, PROTON_MASS_MEV } from '../units';
import { compositionOf, type MuonLossProcess } from './composition';
import { gaussLegendre01 } from './gaussLegendre';
import { BREMS_V_FLOOR, dsdeBremsElement } from './xsecBrems';
import { NUCL_EPS_MIN_MEV, dsdeNuclearElement } from './xsecNuclear';
import { dsdePairElement, pairEpsMaxMeV } from './xsecPair';

const M = MUON_MASS_MEV;
const ME = ELECTRON_MASS_MEV;

// ---------------------------------------------------------------------------------------------
// Per material
// ---------------------------------------------------------------------------------------------

/**
 * dσ/dε per atom [cm²/MeV] of a material (for a compound: per mean atom, Σ n_i dσ_i / Σ n_i), so that
 * the rate per g/cm² is `compositionOf(m).atomsPerGram · dσ/dε`.
 */
export function dsdeProcess(
  material: Material,
  process: MuonLossProcess,
  energyMeV: number,
  epsMeV: number,
): number {
  const comp = compositionOf(material);
  let s = 0;
  let n = 0;
  for (const el of comp.elements) {
    const d =
      process === 'brems'
        ? dsdeBremsElement(el.z, el.a, energyMeV, epsMeV)
        : process === 'pair'
          ? dsdePairElement(el.z, energyMeV, epsMeV)
          : dsdeNuclearElement(el.a, energyMeV, epsMeV);
    s += el.molesPerGram * d;
    n += el.molesPerGram;
  }
  return s / n;
}

/** KKP bremsstrahlung dσ/dε [cm²/MeV per atom]; E = muon total energy, ε = photon energy (MeV). */
export function dsdeBrems(material: Material, energyMeV: number, epsMeV: number): number {
  return dsdeProcess(material, 'brems', energyMeV, epsMeV);
}
/** Kokoulin–Petrukhin e⁺e⁻ pair production dσ/dε [cm²/MeV per atom]; ε = pair energy. */
export function dsdePair(material: Material, energyMeV: number, epsMeV: number): number {
  return dsdeProcess(material, 'pair', energyMeV, epsMeV);
}
/** Borog–Petrukhin photonuclear dσ/dε [cm²/MeV per atom]; ε = energy given to the hadronic system. */
export function dsdeNuclear(material: Material, energyMeV: number, epsMeV: number): number {
  return dsdeProcess(material, 'nucl', energyMeV, epsMeV);
}

/** Kinematic range [vLo, vHi] of v = ε/E for a process in a material (0,0 if closed). */
export function vRange(material: Material, process: MuonLossProcess, energyMeV: number): [number, number] {
  const e = energyMeV;
  if (process === 'brems') return [BREMS_V_FLOOR, Math.max(0, 1 - M / e)];
  if (process === 'nucl') return [NUCL_EPS_MIN_MEV / e, Math.max(0, 1 - (0.5 * PROTON_MASS_MEV) / e)];
  let hi = 0;
  for (const el of compositionOf(material).elements) hi = Math.max(hi, pairEpsMaxMeV(el.z, e) / e);
  return [(4 * ME) / e, hi];
}

/** Places in v where a spectrum has a kink or step (integration panels are split there). */
export function vBreakpoints(material: Material, process: MuonLossProcess, energyMeV: number): number[] {
  if (process === 'brems') return [1 / (1 + (M * M) / (2 * ME * energyMeV))];
  if (process === 'pair')
    return compositionOf(material).elements.map((el) => pairEpsMaxMeV(el.z, energyMeV) / energyMeV);
  return [];
}

const GL6 = gaussLegendre01(6);
const GL3 = gaussLegendre01(3);

/**
 * ∫ (dσ/dv) dv and ∫ v (dσ/dv) dv per g/cm² over v ∈ [v1, v2], written into out[0] (interactions per
 * g/cm²) and out[1] (contribution to b, g⁻¹cm²). Integration in ln v with `panels` Gauss–Legendre
 * panels of `points` (6 or 3) nodes (at least one panel per piece), split at the spectrum's breakpoints.
 * The tables (./tables) integrate the interior bins (1/100 of the ln v range wide) with 3 nodes and the
 * two edge bins with 6: against 6 nodes everywhere, interior bins change by < 1e-2 and the rates above
 * any cut by < 1e-5 relative (compared for Pb and scintillator, 2 GeV–1 TeV).
 */
export function integrateVBoth(
  material: Material,
  process: MuonLossProcess,
  energyMeV: number,
  v1: number,
  v2: number,
  panels: number,
  out: Float64Array,
  points: 3 | 6 = 6,
): Float64Array {
  const gl = points === 3 ? GL3 : GL6;
  out[0] = 0;
  out[1] = 0;
  if (!(v2 > v1) || v1 <= 0) return out;
  const x1 = Math.log(v1);
  const x2 = Math.log(v2);
  const cuts = [x1];
  for (const b of vBreakpoints(material, process, energyMeV)) if (b > v1 && b < v2) cuts.push(Math.log(b));
  cuts.push(x2);
  cuts.sort((p, q) => p - q);
  let n0 = 0;
  let n1 = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    const a = cuts[c];
    const b = cuts[c + 1];
    const n = Math.max(1, Math.ceil((panels * (b - a)) / (x2 - x1)));
    const h = (b - a) / n;
    for (let p = 0; p < n; p++) {
      for (let i = 0; i < points; i++) {
        const v = Math.exp(a + (p + gl.x[i]) * h);
        // (dσ/dv) dv = (E dσ/dε) v dx
        const f = gl.w[i] * h * dsdeProcess(material, process, energyMeV, v * energyMeV) * energyMeV * v;
        n0 += f;
        n1 += f * v;
      }
    }
  }
  const apg = compositionOf(material).atomsPerGram;
  out[0] = n0 * apg;
  out[1] = n1 * apg;
  return out;
}

/** ∫ v^k (dσ/dv) dv per g/cm² over [v1, v2]: k = 0 interactions per g/cm², k = 1 contribution to b. */
export function integrateV(
  material: Material,
  process: MuonLossProcess,
  energyMeV: number,
  v1: number,
  v2: number,
  k: 0 | 1,
  panels = 96,
): number {
  return integrateVBoth(material, process, energyMeV, v1, v2, panels, new Float64Array(2))[k];
}
