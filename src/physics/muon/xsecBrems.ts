/**
 * Muon bremsstrahlung on an atom: the differential cross section dσ/dε of S.R. Kelner,
 * R.P. Kokoulin, A.A. Petrukhin, Preprint MEPhI 024-95 (1995); Phys. Atom. Nucl. 60 (1997) 576
 * ("KKP"), with nuclear size D_n = 1.54 A^0.27 and the atomic-electron term Φ_e. Formula as
 * summarised in the muon reference sheet §1.3, checked against the Geant4 model source
 * G4MuBremsstrahlungModel (implemented here from the formula, no code taken; the paper is cited as
 * commonly given, not re-read). Energies in MeV, cross sections in cm², v = ε/E.
 */
import { ALPHA, ELECTRON_MASS_MEV, ELECTRON_RADIUS_CM, MUON_MASS_MEV } from '../units';

const M = MUON_MASS_MEV;
const ME = ELECTRON_MASS_MEV;
const SQRT_E = Math.sqrt(Math.E);

/** KKP prefactor (16/3) α (r_e m_e/m_μ)² [cm²]. */
const BREMS_COEFF = (16 / 3) * ALPHA * ((ELECTRON_RADIUS_CM * ME) / M) ** 2;
/**
 * Bremsstrahlung: the number of photons diverges like ln(1/v_min); below this v the process counts as
 * continuous only (assumption; its contribution to b is ~1e-6 relative).
 */
export const BREMS_V_FLOOR = 1e-6;

/** KKP muon bremsstrahlung on an atom (Z, A). */
export function dsdeBremsElement(z: number, a: number, energyMeV: number, epsMeV: number): number {
  const e = energyMeV;
  if (epsMeV <= 0 || epsMeV >= e - M) return 0;
  const v = epsMeV / e;
  const delta = (M * M * v) / (2 * (e - epsMeV));
  const z13 = Math.cbrt(z);
  const dn = 1.54 * Math.pow(a, 0.27);
  const hydrogen = z < 1.5;
  const b = hydrogen ? 202.4 : 183;
  const b1 = hydrogen ? 446 : 1429;
  const dnStar = hydrogen ? dn : Math.pow(dn, 1 - 1 / z);
  const bz = b / z13;
  const phiN = Math.max(
    0,
    Math.log((bz * (M + delta * (dnStar * SQRT_E - 2))) / (dnStar * (ME + delta * SQRT_E * bz))),
  );
  let phiE = 0;
  if (epsMeV < e / (1 + (M * M) / (2 * ME * e))) {
    const b1z = b1 / (z13 * z13);
    phiE = Math.max(
      0,
      Math.log((b1z * M) / ((1 + (delta * M) / (ME * ME * SQRT_E)) * (ME + delta * SQRT_E * b1z))),
    );
  }
  return (BREMS_COEFF * z * (z * phiN + phiE) * (1 - v + 0.75 * v * v)) / epsMeV;
}
