/**
 * Radiative muon energy-loss processes and the atomic composition of the materials they act on: the
 * process names, and the elements of compounds (PDG "Atomic and Nuclear Properties": polystyrene
 * C8H8 ≙ CH, dry air by mass, PbWO4 stoichiometric); any other material is a single element.
 */
import type { Material } from '../materials';
import { AVOGADRO } from '../units';

export type MuonLossProcess = 'brems' | 'pair' | 'nucl';
export const MUON_LOSS_PROCESSES: readonly MuonLossProcess[] = ['brems', 'pair', 'nucl'];

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
