/**
 * Quantities derived from the muon loss formulas: the b-coefficients b_i(E) of −⟨dE/dx⟩ = a(E) +
 * b(E)·E by direct integration of the cross sections (./xsecMaterial), and the muon critical energy,
 * computed (a(E) = b(E)·E with a from ./bethe) and from the PDG §34.6 fit. Energies in MeV.
 */
import type { Material } from '../materials';
import { MUON_MASS_MEV } from '../units';
import { betheDedx } from './bethe';
import { MUON_LOSS_PROCESSES } from './composition';
import { integrateV, vRange } from './xsecMaterial';

const M = MUON_MASS_MEV;

// ---------------------------------------------------------------------------------------------
// b-coefficients, critical energy
// ---------------------------------------------------------------------------------------------

/** b_i(E) = (N_A/A)/E ∫ ε dσ_i/dε dε over the full kinematic range [g⁻¹cm²], by direct integration. */
export function bCoefficients(
  material: Material,
  energyMeV: number,
): { brems: number; pair: number; nucl: number; total: number } {
  const b = MUON_LOSS_PROCESSES.map((p) => {
    const [lo, hi] = vRange(material, p, energyMeV);
    return integrateV(material, p, energyMeV, lo, hi, 1);
  });
  return { brems: b[0], pair: b[1], nucl: b[2], total: b[0] + b[1] + b[2] };
}

/** Muon critical energy fit 5700 GeV/(Z+1.47)^0.838 for solids and liquids (PDG §34.6), in MeV. */
export function muonCriticalEnergyFitMeV(z: number): number {
  return 5.7e6 / Math.pow(z + 1.47, 0.838);
}

/** Muon critical energy E_μc: the energy where a(E) = b(E)·E (bisection in ln E, 10 GeV – 10 TeV) [MeV]. */
export function muonCriticalEnergyMeV(material: Material): number {
  const f = (e: number): number => betheDedx(material, e, M) - bCoefficients(material, e).total * e;
  let lo = Math.log(1e4);
  let hi = Math.log(1e7);
  for (let i = 0; i < 40; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(Math.exp(mid)) > 0) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}
