/**
 * Bethe–Heitler muon-pair production by photons, γ Z → μ⁺μ⁻ Z, as parametrised by H. Burkhardt in
 * Geant4 G4GammaConversionToMuons (muons sheet §4.1, formula copied there):
 *   σ = (7/9)·4α Z² r_μ² · ln(1 + W_M C(Eγ) E_g),   r_μ = r_e m_e/m_μ,
 *   W_∞ = B Z^{-1/3} m_μ/(D_n m_e), W_M = 1/(4 D_n √e m_μ), W_sat = W_∞/W_M, D_n = 1.54 A^0.27, B = 183,
 *   C = 1 + 0.04 ln(1 + E_cor/Eγ), E_cor = −18 + 4347/(B Z^{-1/3}) [GeV],
 *   E_g = (1 − 4 m_μ/Eγ)^{1.479+0.00799 D_n} · (W_sat^{-0.88} + Eγ^{-0.88})^{-1/0.88}.
 * Energies in GeV inside this file (as the parametrisation); cross sections in cm².
 */
import { ALPHA, AVOGADRO, ELECTRON_MASS_MEV, ELECTRON_RADIUS_CM, MUON_MASS_MEV } from './units';
import type { Material } from './materials';
import type { Rng } from './rng';

const MMU = MUON_MASS_MEV / 1000;
const ME = ELECTRON_MASS_MEV / 1000;
const SQRT_E = Math.sqrt(Math.E);

/** σ(γ → μ⁺μ⁻) per atom [cm²] for photon energy eGammaGeV on a nucleus (Z, A). 0 below 2 m_μ. */
export function sigmaGammaToMuMu(eGammaGeV: number, z: number, a: number): number {
  if (eGammaGeV <= 4 * MMU) return 0;
  const rmu = ELECTRON_RADIUS_CM * (ME / MMU);
  const dn = 1.54 * Math.pow(a, 0.27);
  const bz = 183 * Math.pow(z, -1 / 3);
  const wInf = (bz * MMU) / (dn * ME);
  const wM = 1 / (4 * dn * SQRT_E * MMU);
  const wSat = wInf / wM;
  const eCor = -18 + 4347 / bz;
  const c = 1 + 0.04 * Math.log(1 + eCor / eGammaGeV);
  const eg =
    Math.pow(1 - (4 * MMU) / eGammaGeV, 1.479 + 0.00799 * dn) *
    Math.pow(Math.pow(wSat, -0.88) + Math.pow(eGammaGeV, -0.88), -1 / 0.88);
  return (7 / 9) * 4 * ALPHA * z * z * rmu * rmu * Math.log(1 + wM * c * eg);
}

/** High-energy e⁺e⁻ pair cross section per atom [cm²]: (7/9) A/(X0 N_A) (showers.md §5). */
export function sigmaPairHighEnergy(m: Material): number {
  return ((7 / 9) * m.a) / (m.x0Gcm2 * AVOGADRO);
}

/**
 * Probability that a shower photon conversion yields μ⁺μ⁻ instead of e⁺e⁻: σ_μμ/σ_ee (muons sheet
 * §4.1: Pb 0.8e-5 / 1.7e-5 / 2.1e-5 at 10 / 50 / 100 GeV).
 */
export function muMuConversionRatio(eGammaGeV: number, m: Material): number {
  return sigmaGammaToMuMu(eGammaGeV, m.z, m.a) / sigmaPairHighEnergy(m);
}

/**
 * Sample the energy fraction x₊ of the μ⁺ (x₋ = 1 − x₊): uniform in the kinematic range
 * [½ − √(¼ − m_μ/Eγ), ½ + …] accepted with (1 − (4/3) x₊x₋) (G4GammaConversionToMuons, muons sheet
 * §4.1; the logarithmic factor ln W/ln W_max is close to 1 at high energy and is neglected here).
 */
export function sampleMuonSharing(rng: Rng, eGammaGeV: number): number {
  const d = Math.sqrt(Math.max(0, 0.25 - MMU / eGammaGeV));
  for (;;) {
    const x = 0.5 - d + 2 * d * rng.uniform();
    if (rng.uniform() < 1 - (4 / 3) * x * (1 - x)) return x;
  }
}
