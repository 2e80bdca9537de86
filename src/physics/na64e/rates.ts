/**
 * Photonuclear rates used to force hadron electroproduction in the ECAL (muons sheet §4.1):
 *   σ_γA(Eγ) ≈ A_eff σ_γN(Eγ),  A_eff = 0.22 A + 0.78 A^0.89 (shadowing),
 *   σ_γN(Eγ) = 49.2 + 11.1 ln E + 151.8/√E  μb (E in GeV) (Borog–Petrukhin via G4KokoulinMuonNuclearXS),
 * and the ratio to the e⁺e⁻ pair cross section (7/9) A/(X0 N_A): Pb at 50 GeV ≈ 3.7e-4.
 */
import { sigmaPairHighEnergy } from '../dimuon';
import type { Material } from '../materials';

/** σ_γN [cm²] for photon energy eMeV. */
export function sigmaGammaNucleon(eMeV: number): number {
  const e = eMeV / 1000;
  return (49.2 + 11.1 * Math.log(e) + 151.8 / Math.sqrt(e)) * 1e-30;
}

/** σ_γA / σ_pair for a photon of energy eMeV in material m. */
export function photonuclearRatio(eMeV: number, m: Material): number {
  const aEff = 0.22 * m.a + 0.78 * Math.pow(m.a, 0.89);
  return (aEff * sigmaGammaNucleon(eMeV)) / sigmaPairHighEnergy(m);
}
