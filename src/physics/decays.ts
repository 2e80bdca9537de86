/**
 * Decays in flight of beam hadrons (muons sheet §4.2: P(decay in L) = 1 − exp(−L m/(p cτ))).
 * Branching fractions: PDG 2024 (K⁻ → μ⁻ν̄ 63.56 %, π⁻π⁰ 20.67 %, π⁻π⁻π⁺ 5.583 %, π⁰e⁻ν̄ (K_e3)
 * 5.07 %, π⁰μ⁻ν̄ (K_μ3) 3.352 %, π⁻π⁰π⁰ 1.760 %; π⁻ → μ⁻ν̄ 99.988 %, e⁻ν̄ 1.230e-4).
 * Kinematics: two-body decays exact (isotropic in the rest frame); three-body decays by uniform
 * phase space (matrix element neglected: named approximation ASSUME-3BODY).
 */
import type { Rng } from './rng';
import { ELECTRON_MASS_MEV, KAON_MASS_MEV, MUON_MASS_MEV, PI0_MASS_MEV, PION_MASS_MEV } from './units';
import type { ParticleKind } from './detail';

export interface FourVector {
  e: number;
  px: number;
  py: number;
  pz: number;
}
export interface Daughter {
  kind: ParticleKind;
  mass: number;
  p4: FourVector;
}

interface Channel {
  br: number;
  daughters: [ParticleKind, number][];
}

const KAON_CHANNELS: Channel[] = [
  { br: 0.6356, daughters: [['mu-', MUON_MASS_MEV], ['nu', 0]] },
  { br: 0.2067, daughters: [['pi-', PION_MASS_MEV], ['gamma', PI0_MASS_MEV]] },
  { br: 0.05583, daughters: [['pi-', PION_MASS_MEV], ['hadrons', 2 * PION_MASS_MEV + 1]] },
  { br: 0.0507, daughters: [['e-', ELECTRON_MASS_MEV], ['gamma', PI0_MASS_MEV], ['nu', 0]] },
  { br: 0.03352, daughters: [['mu-', MUON_MASS_MEV], ['gamma', PI0_MASS_MEV], ['nu', 0]] },
  { br: 0.0176, daughters: [['pi-', PION_MASS_MEV], ['gamma', 2 * PI0_MASS_MEV + 1]] },
];
const PION_CHANNELS: Channel[] = [
  { br: 0.99988, daughters: [['mu-', MUON_MASS_MEV], ['nu', 0]] },
  { br: 1.23e-4, daughters: [['e-', ELECTRON_MASS_MEV], ['nu', 0]] },
];

/** Break-up momentum of M → m1 m2. */
function pStar(M: number, m1: number, m2: number): number {
  const t = (M * M - (m1 + m2) ** 2) * (M * M - (m1 - m2) ** 2);
  return t > 0 ? Math.sqrt(t) / (2 * M) : 0;
}

function isotropic(rng: Rng, p: number): [number, number, number] {
  const c = 2 * rng.uniform() - 1;
  const s = Math.sqrt(1 - c * c);
  const ph = rng.phi();
  return [p * s * Math.cos(ph), p * s * Math.sin(ph), p * c];
}

function boost(v: FourVector, bx: number, by: number, bz: number): FourVector {
  const b2 = bx * bx + by * by + bz * bz;
  if (b2 <= 0) return v;
  const g = 1 / Math.sqrt(1 - b2);
  const bp = bx * v.px + by * v.py + bz * v.pz;
  const g2 = (g - 1) / b2;
  return {
    e: g * (v.e + bp),
    px: v.px + g2 * bp * bx + g * bx * v.e,
    py: v.py + g2 * bp * by + g * by * v.e,
    pz: v.pz + g2 * bp * bz + g * bz * v.e,
  };
}

function twoBody(rng: Rng, M: number, m1: number, m2: number): [FourVector, FourVector] {
  const p = pStar(M, m1, m2);
  const [x, y, z] = isotropic(rng, p);
  return [
    { e: Math.sqrt(p * p + m1 * m1), px: x, py: y, pz: z },
    { e: Math.sqrt(p * p + m2 * m2), px: -x, py: -y, pz: -z },
  ];
}

/** Uniform three-body phase space (Raubold–Lynch with rejection). */
function threeBody(rng: Rng, M: number, m1: number, m2: number, m3: number): [FourVector, FourVector, FourVector] {
  const lo = m1 + m2;
  const hi = M - m3;
  const wMax = pStar(M, lo + 0.5 * (hi - lo), m3) * pStar(lo + 0.5 * (hi - lo), m1, m2) * 2 + 1e-9;
  for (;;) {
    const m12 = lo + (hi - lo) * rng.uniform();
    const w = pStar(M, m12, m3) * pStar(m12, m1, m2);
    if (rng.uniform() * wMax > w) continue;
    const [p12, p3] = twoBody(rng, M, m12, m3);
    const [a, b] = twoBody(rng, m12, m1, m2);
    const bx = p12.px / p12.e;
    const by = p12.py / p12.e;
    const bz = p12.pz / p12.e;
    return [boost(a, bx, by, bz), boost(b, bx, by, bz), p3];
  }
}

/**
 * Decay a π⁻ or K⁻ of lab momentum pMeV moving along +z (slopes applied by the caller).
 * Returns the daughters in the lab (π⁰ reported as one 'gamma' object of the π⁰ mass: its two
 * photons reach the ECAL together).
 */
export function decayHadron(rng: Rng, parent: 'pi-' | 'K-', pMeV: number): Daughter[] {
  const M = parent === 'K-' ? KAON_MASS_MEV : PION_MASS_MEV;
  const channels = parent === 'K-' ? KAON_CHANNELS : PION_CHANNELS;
  let u = rng.uniform() * channels.reduce((s, c) => s + c.br, 0);
  let ch = channels[channels.length - 1];
  for (const c of channels) {
    if (u < c.br) {
      ch = c;
      break;
    }
    u -= c.br;
  }
  const masses = ch.daughters.map((d) => d[1]);
  const rest = masses.length === 2 ? twoBody(rng, M, masses[0], masses[1]) : threeBody(rng, M, masses[0], masses[1], masses[2]);
  const e = Math.sqrt(pMeV * pMeV + M * M);
  const bz = pMeV / e;
  return ch.daughters.map(([kind, mass], i) => ({ kind, mass, p4: boost(rest[i], 0, 0, bz) }));
}

/** Probability that a particle of mass m, momentum p decays over a length L (cτ, L in the same unit). */
export function decayProbability(massMeV: number, pMeV: number, ctau: number, length: number): number {
  return 1 - Math.exp(-(length * massMeV) / (pMeV * ctau));
}

export const KAON_MASS = KAON_MASS_MEV;
