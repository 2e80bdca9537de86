/**
 * Muon energy-loss formulas: differential cross sections of the three radiative processes per atom and
 * their direct numerical integrals (b-coefficients), the Bethe ionization loss a(E) with the Sternheimer
 * density effect, the muon critical energy and the Highland multiple-scattering width. Tables and
 * propagation are in ./muonLoss. Energies in MeV, cross sections in cm², v = ε/E (ε = energy transferred,
 * E = muon total energy). Formulas as summarised in the muon reference sheet §1.3, checked against the
 * Geant4 model sources G4MuBremsstrahlungModel, G4MuPairProductionModel and G4KokoulinMuonNuclearXS
 * (implemented here from the formulas, no code taken). Original papers (citations as commonly given,
 * not re-read):
 *
 * - Bremsstrahlung: S.R. Kelner, R.P. Kokoulin, A.A. Petrukhin, Preprint MEPhI 024-95 (1995);
 *   Phys. Atom. Nucl. 60 (1997) 576 ("KKP"), with nuclear size D_n = 1.54 A^0.27 and the atomic-electron
 *   term Φ_e.
 * - e⁺e⁻ pair production: R.P. Kokoulin, A.A. Petrukhin, Proc. 12th ICRC (Hobart 1971) 6, 2436, and
 *   Acta Phys. Acad. Sci. Hung. 29 Suppl. 4 (1970) 277; atomic-electron term ζ(E) as in Geant4. The
 *   asymmetry integral is done, as in the original, by 8-point Gauss–Legendre in ln(1−ρ).
 * - Photonuclear: Borog & Petrukhin, Proc. 14th ICRC (1975) 6, 1949, in R.P. Kokoulin's approximation
 *   (σ_γN(ε) = 49.2 + 11.1 ln ε + 151.8/√ε μb, shadowing A_eff = 0.22A + 0.78A^0.89, Λ² = 0.4 GeV²).
 */
import type { Material } from './materials';
import {
  ALPHA,
  AVOGADRO,
  ELECTRON_MASS_MEV,
  ELECTRON_RADIUS_CM,
  MUON_MASS_MEV,
  PROTON_MASS_MEV,
} from './units';

export type MuonLossProcess = 'brems' | 'pair' | 'nucl';
export const MUON_LOSS_PROCESSES: readonly MuonLossProcess[] = ['brems', 'pair', 'nucl'];

const M = MUON_MASS_MEV;
const ME = ELECTRON_MASS_MEV;
const SQRT_E = Math.sqrt(Math.E);
const MASS_RATIO = M / ME;
const MASS_RATIO2 = MASS_RATIO * MASS_RATIO;

/** KKP prefactor (16/3) α (r_e m_e/m_μ)² [cm²]. */
const BREMS_COEFF = (16 / 3) * ALPHA * ((ELECTRON_RADIUS_CM * ME) / M) ** 2;
/** Kokoulin–Petrukhin prefactor (4/3π) (α r_e)² [cm²]. */
const PAIR_COEFF = (4 / (3 * Math.PI)) * (ALPHA * ELECTRON_RADIUS_CM) ** 2;
/** 1 μb in cm². */
const MICROBARN_CM2 = 1e-30;
/** Photonuclear: Λ² = 0.4 GeV² (Borog–Petrukhin/Kokoulin), in MeV². */
const LAMBDA2_MEV2 = 0.4e6;
const LAMBDA_MEV = Math.sqrt(LAMBDA2_MEV2);
/** Photonuclear: lowest transfer ε = 0.2 GeV (validity limit of the Kokoulin approximation). */
export const NUCL_EPS_MIN_MEV = 200;
/**
 * Bremsstrahlung: the number of photons diverges like ln(1/v_min); below this v the process counts as
 * continuous only (assumption; its contribution to b is ~1e-6 relative).
 */
export const BREMS_V_FLOOR = 1e-6;

/** One element of a material: Z, A [g/mol] and moles of this atom per gram of material. */
export interface Element {
  readonly z: number;
  readonly a: number;
  readonly molesPerGram: number;
}

/** Atomic composition used for the radiative cross sections. */
export interface Composition {
  readonly elements: readonly Element[];
  /** Atoms per gram (all elements). */
  readonly atomsPerGram: number;
}

function byFormula(parts: [z: number, a: number, count: number][]): Element[] {
  const molar = parts.reduce((s, [, a, n]) => s + a * n, 0);
  return parts.map(([z, a, n]) => ({ z, a, molesPerGram: n / molar }));
}
function byMass(parts: [z: number, a: number, w: number][]): Element[] {
  return parts.map(([z, a, w]) => ({ z, a, molesPerGram: w / a }));
}

/**
 * Compounds, keyed by Material.name (PDG "Atomic and Nuclear Properties": polystyrene C8H8 ≙ CH,
 * dry air by mass N 0.755267, O 0.231781, Ar 0.012827, C 0.000124; PbWO4 stoichiometric).
 * Any other material is treated as a single element (z, a).
 */
const COMPOUNDS: Record<string, Element[]> = {
  Sc: byFormula([
    [6, 12.011, 1],
    [1, 1.008, 1],
  ]),
  Air: byMass([
    [7, 14.007, 0.755267],
    [8, 15.999, 0.231781],
    [18, 39.948, 0.012827],
    [6, 12.011, 0.000124],
  ]),
  PbWO4: byFormula([
    [82, 207.2, 1],
    [74, 183.84, 1],
    [8, 15.999, 4],
  ]),
};

const compositionCache = new WeakMap<Material, Composition>();

/** The atomic composition of a material (cached). */
export function compositionOf(material: Material): Composition {
  let c = compositionCache.get(material);
  if (!c) {
    const elements = COMPOUNDS[material.name] ?? [
      { z: material.z, a: material.a, molesPerGram: 1 / material.a },
    ];
    const moles = elements.reduce((s, e) => s + e.molesPerGram, 0);
    c = { elements, atomsPerGram: AVOGADRO * moles };
    compositionCache.set(material, c);
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// Per-element differential cross sections dσ/dε [cm²/MeV]
// ---------------------------------------------------------------------------------------------

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

/** Largest pair energy: ε_max = E − (3/4)√e m_μ Z^{1/3}. */
export function pairEpsMaxMeV(z: number, energyMeV: number): number {
  return energyMeV - 0.75 * SQRT_E * M * Math.cbrt(z);
}

/** Gauss–Legendre nodes and weights on (0, 1), by Newton iteration on P_n (Numerical Recipes §4.6). */
export function gaussLegendre01(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < (n + 1) >> 1; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 1;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / pp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    const wi = 1 / ((1 - z * z) * pp * pp);
    x[i] = 0.5 * (1 - z);
    x[n - 1 - i] = 0.5 * (1 + z);
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  return { x, w };
}

const GL8 = gaussLegendre01(8);

/** Kokoulin–Petrukhin e⁺e⁻ pair production on a nucleus Z (screening included; ζ for atomic electrons). */
export function dsdePairElement(z: number, energyMeV: number, epsMeV: number): number {
  const e = energyMeV;
  if (epsMeV <= 4 * ME) return 0;
  const eRes = e - epsMeV;
  const z13 = Math.cbrt(z);
  const z23 = z13 * z13;
  if (eRes <= 0.75 * SQRT_E * z13 * M) return 0;
  // 1 − ρ_max with ρ_max = (1 − 6m_μ²/(E(E−ε))) √(1 − 4m_e/ε), written without cancellation.
  const alf = (4 * ME) / epsMeV;
  const rt = Math.sqrt(1 - alf);
  const del6 = (6 * M * M) / (e * eRes);
  const oneMinusRhoMax = alf / (1 + rt) + del6 * rt;
  if (oneMinusRhoMax >= 1) return 0;
  const tmn = Math.log(oneMinusRhoMax);

  const hydrogen = z < 1.5;
  const bb = hydrogen ? 202.4 : 183;
  const g1 = hydrogen ? 4.4e-5 : 1.95e-5;
  const g2 = hydrogen ? 4.8e-5 : 5.3e-5;
  let zeta = 0;
  const zeta1 = 0.073 * Math.log(e / (M + g1 * z23 * e)) - 0.26;
  if (zeta1 > 0) zeta = zeta1 / (0.058 * Math.log(e / (M + g2 * z13 * e)) - 0.14);

  const beta = (epsMeV * epsMeV) / (2 * e * eRes);
  const xi0 = 0.5 * MASS_RATIO2 * beta;
  const screen0 = (2 * ME * SQRT_E * bb) / (z13 * epsMeV);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const oneMinusRho = Math.exp(tmn * GL8.x[i]);
    const rho = 1 - oneMinusRho;
    const r2 = rho * rho;
    const xi = xi0 * (1 - r2);
    const xi1 = 1 + xi;
    const ye =
      (5 - r2 + 4 * beta * (1 + r2)) / (2 * (1 + 3 * beta) * Math.log(3 + 1 / xi) - r2 - 2 * beta * (2 - r2));
    const ym =
      (4 + r2 + 3 * beta * (1 + r2)) / ((1 + r2) * (1.5 + 2 * beta) * Math.log(3 + xi) + 1 - 1.5 * r2);
    const screen = (screen0 * xi1) / (1 - r2);
    const le =
      Math.log(((bb / z13) * Math.sqrt(xi1 * (1 + ye))) / (1 + screen * (1 + ye))) -
      0.5 * Math.log(1 + (2.25 * z23 * xi1 * (1 + ye)) / MASS_RATIO2);
    const lm = Math.log((bb * MASS_RATIO) / (1.5 * z23 * (1 + screen * (1 + ym))));
    const be =
      xi <= 1e3
        ? ((2 + r2) * (1 + beta) + xi * (3 + r2)) * Math.log(1 + 1 / xi) + (1 - r2 - beta) / xi1 - (3 + r2)
        : (0.5 * (3 - r2 + 2 * beta * (1 + r2))) / xi;
    const bm =
      xi >= 1e-3
        ? ((1 + r2) * (1 + 1.5 * beta) - ((1 + 2 * beta) * (1 - r2)) / xi) * Math.log(xi1) +
          (xi * (1 - r2 - beta)) / xi1 +
          (1 + 2 * beta) * (1 - r2)
        : 0.5 * xi * (5 - r2 + beta * (3 + r2));
    const phiE = Math.max(0, be * le);
    const phiM = Math.max(0, bm * lm) / MASS_RATIO2;
    sum += GL8.w[i] * oneMinusRho * (phiE + phiM);
  }
  // ∫_0^{ρmax} dρ = −tmn ∫_0^1 (1−ρ) dx  with ln(1−ρ) = tmn·x
  return (-tmn * sum * PAIR_COEFF * z * (z + zeta) * (eRes / e)) / epsMeV;
}

/** Borog–Petrukhin photonuclear cross section (Kokoulin approximation) on a nucleus of mass number A. */
export function dsdeNuclearElement(a: number, energyMeV: number, epsMeV: number): number {
  const e = energyMeV;
  if (epsMeV <= NUCL_EPS_MIN_MEV || epsMeV >= e - 0.5 * PROTON_MASS_MEV) return 0;
  const epsGeV = epsMeV / 1000;
  const aEff = 0.22 * a + 0.78 * Math.pow(a, 0.89);
  const sigGammaN = (49.2 + 11.1 * Math.log(epsGeV) + 151.8 / Math.sqrt(epsGeV)) * MICROBARN_CM2;
  const v = epsMeV / e;
  const v1 = 1 - v;
  const up = ((e * e * v1) / (M * M)) * (1 + (M * M * v * v) / (LAMBDA2_MEV2 * v1));
  const down = 1 + (epsMeV / LAMBDA_MEV) * (1 + LAMBDA_MEV / (2 * PROTON_MASS_MEV) + epsMeV / LAMBDA_MEV);
  const bracket = -v1 + (v1 + 0.5 * v * v * (1 + (2 * M * M) / LAMBDA2_MEV2)) * Math.log(up / down);
  return Math.max(0, ((ALPHA / Math.PI) * aEff * sigGammaN * bracket) / epsMeV);
}

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

/**
 * ∫ (dσ/dv) dv and ∫ v (dσ/dv) dv per g/cm² over v ∈ [v1, v2], written into out[0] (interactions per
 * g/cm²) and out[1] (contribution to b, g⁻¹cm²). Integration in ln v with `panels` 6-point Gauss–Legendre
 * panels (at least one per piece), split at the spectrum's breakpoints.
 */
export function integrateVBoth(
  material: Material,
  process: MuonLossProcess,
  energyMeV: number,
  v1: number,
  v2: number,
  panels: number,
  out: Float64Array,
): Float64Array {
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
      for (let i = 0; i < 6; i++) {
        const v = Math.exp(a + (p + GL6.x[i]) * h);
        // (dσ/dv) dv = (E dσ/dε) v dx
        const f = GL6.w[i] * h * dsdeProcess(material, process, energyMeV, v * energyMeV) * energyMeV * v;
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

// ---------------------------------------------------------------------------------------------
// Ionization: Bethe with density effect
// ---------------------------------------------------------------------------------------------

/** K = 4π N_A r_e² m_e c² [MeV cm²/mol] (PDG §34.2: 0.307075). */
const K_BETHE = 4 * Math.PI * AVOGADRO * ELECTRON_RADIUS_CM ** 2 * ME;

/** Sternheimer density-effect parameters (PDG §34.2.5, Eq. 34.7): I [eV], C̄, x0, x1, a, k, δ0. */
export interface SternheimerParams {
  readonly iEV: number;
  readonly cBar: number;
  readonly x0: number;
  readonly x1: number;
  readonly a: number;
  readonly k: number;
  readonly delta0: number;
}

/**
 * Sternheimer, Berger & Seltzer, ADNDT 30 (1984) 261, as tabulated by PDG "Atomic and Nuclear Properties"
 * and the Geant4 density-effect data (G4DensityEffectData). Fe: PDG muE_iron_Fe header (a = 0.1468).
 * Keyed by Material.name; 'Sc' is polystyrene.
 */
export const STERNHEIMER: Readonly<Record<string, SternheimerParams>> = {
  Pb: { iEV: 823, cBar: 6.2018, x0: 0.3776, x1: 3.8073, a: 0.09359, k: 3.1608, delta0: 0.14 },
  Fe: { iEV: 286, cBar: 4.2911, x0: -0.0012, x1: 3.1531, a: 0.1468, k: 2.9632, delta0: 0.12 },
  Cu: { iEV: 322, cBar: 4.419, x0: -0.0254, x1: 3.2792, a: 0.14339, k: 2.9044, delta0: 0.08 },
  W: { iEV: 727, cBar: 5.4059, x0: 0.2167, x1: 3.496, a: 0.15509, k: 2.8447, delta0: 0.14 },
  Sc: { iEV: 68.7, cBar: 3.2999, x0: 0.1647, x1: 2.5031, a: 0.16454, k: 3.2224, delta0: 0 },
  Air: { iEV: 85.7, cBar: 10.5961, x0: 1.7418, x1: 4.2759, a: 0.10914, k: 3.3994, delta0: 0 },
};

function sternheimerFor(material: Material): SternheimerParams {
  const p = STERNHEIMER[material.name];
  if (!p) throw new Error(`no Sternheimer density-effect parameters for material '${material.name}'`);
  return p;
}

/** Density-effect correction δ(βγ) (PDG Eq. 34.7), x = log10(βγ). */
export function densityEffect(p: SternheimerParams, x: number): number {
  const twoLn10 = 2 * Math.LN10;
  if (x >= p.x1) return twoLn10 * x - p.cBar;
  if (x >= p.x0) return twoLn10 * x - p.cBar + p.a * Math.pow(p.x1 - x, p.k);
  return p.delta0 > 0 ? p.delta0 * Math.pow(10, 2 * (x - p.x0)) : 0;
}

export interface BetheOptions {
  /** Spin-½ term +(1/8)(W_max/E)² in the bracket (GMS01 Eq. 2). Default true (muons). */
  spinHalf?: boolean;
  /**
   * Radiative correction to knock-on electron production (R.P. Kokoulin's form, as in Geant4's
   * G4MuBetheBlochModel; included in the GMS01 tables). Default true.
   */
  radiative?: boolean;
}

/** Lower edge of the knock-on radiative correction integral [MeV] (as in Geant4's G4MuBetheBlochModel). */
const RAD_CORR_EPS_MIN_MEV = 0.1;
const GL16 = gaussLegendre01(16);

/**
 * Bethe mean ionization loss with Sternheimer density effect (PDG §34.2, Eq. 34.5), for a particle of
 * mass massMeV and total energy energyMeV, in MeV cm²/g; no shell or Barkas corrections. Throws for a
 * material without Sternheimer parameters.
 */
export function betheDedx(
  material: Material,
  energyMeV: number,
  massMeV: number,
  opts: BetheOptions = {},
): number {
  const p = sternheimerFor(material);
  const gamma = energyMeV / massMeV;
  const bg2 = gamma * gamma - 1;
  if (!(bg2 > 0)) return 0;
  const beta2 = bg2 / (gamma * gamma);
  const r = ME / massMeV;
  const wMax = (2 * ME * bg2) / (1 + 2 * gamma * r + r * r);
  const iMeV = p.iEV * 1e-6;
  let bracket =
    0.5 * Math.log((2 * ME * bg2 * wMax) / (iMeV * iMeV)) -
    beta2 -
    0.5 * densityEffect(p, 0.5 * Math.log10(bg2));
  if (opts.spinHalf !== false) bracket += (wMax / energyMeV) ** 2 / 8;
  if (opts.radiative !== false && wMax > RAD_CORR_EPS_MIN_MEV) {
    // ½·(α/2π) ∫ (1/ε)(1 − β²ε/W + ε²/2E²) ln(1+2ε/m_e) [ln(4E(E−ε)/m²) − ln(1+2ε/m_e)] dε
    const l0 = Math.log(RAD_CORR_EPS_MIN_MEV);
    const h = Math.log(wMax) - l0;
    let s = 0;
    for (let i = 0; i < 16; i++) {
      const eps = Math.exp(l0 + GL16.x[i] * h);
      const a1 = Math.log(1 + (2 * eps) / ME);
      const a3 = Math.log((4 * energyMeV * (energyMeV - eps)) / (massMeV * massMeV));
      s +=
        GL16.w[i] * (1 - (beta2 * eps) / wMax + (eps * eps) / (2 * energyMeV * energyMeV)) * a1 * (a3 - a1);
    }
    bracket += 0.5 * (ALPHA / (2 * Math.PI)) * s * h;
  }
  return ((K_BETHE * material.zOverA) / beta2) * Math.max(0, bracket);
}

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

// ---------------------------------------------------------------------------------------------
// Highland
// ---------------------------------------------------------------------------------------------

/** Highland–Lynch–Dahl plane rms angle [rad] (PDG §34.3) for charge 1, momentum pMeV, velocity beta, thickness x/X0. */
export function highlandTheta0(pMeV: number, beta: number, xOverX0: number): number {
  if (!(xOverX0 > 0)) return 0;
  return Math.max(
    0,
    (13.6 / (beta * pMeV)) * Math.sqrt(xOverX0) * (1 + 0.038 * Math.log(xOverX0 / (beta * beta))),
  );
}
