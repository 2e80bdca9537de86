/**
 * Setups are plain data: a list of detector elements with position, size, material and role,
 * the beam, the selection and the signal box. The simulation, the 3D view and the legend all read
 * the same objects, so a detector moved here moves everywhere.
 *
 * Coordinates (lab frame, mm): z along the incoming beam, x horizontal (bending plane, magnets
 * deflect negative particles towards +x), y vertical. Boxes are axis-aligned.
 */
import type { Material } from '../materials';

export type SetupId = 'na64e' | 'na64mu';

export type DetectorRole =
  | 'tracker'
  | 'magnet'
  | 'srd'
  | 'ecal'
  | 'veto'
  | 'hcal'
  | 'hcal0'
  | 'vhcal'
  | 'counter';

/** A sampling calorimeter stack: `layers` × (absorber + active). */
export interface SamplingStack {
  absorber: Material;
  active: Material;
  absorberMm: number;
  activeMm: number;
  layers: number;
}

export interface DetectorElement {
  /** Short id used in data and code, e.g. 'MM1', 'MBPL1', 'ECAL', 'HCAL2'. */
  id: string;
  /** Display label. */
  label: string;
  role: DetectorRole;
  /** Centre in x and y, upstream face in z [mm]. */
  xMm: number;
  yMm: number;
  zMm: number;
  /** Full sizes [mm]. */
  widthMm: number;
  heightMm: number;
  lengthMm: number;
  /** Readout cells (calorimeters): nx × ny. */
  cells?: { nx: number; ny: number };
  /** Sampling structure (calorimeters). */
  stack?: SamplingStack;
  /** Preshower layers at the front of an ECAL, read out separately. */
  preshowerLayers?: number;
  /** Central hole (VHCAL) [mm]. */
  hole?: { widthMm: number; heightMm: number };
  /** Vertical field of a magnet [T] (positive bends negative particles to +x). */
  fieldT?: number;
  /** Material budget of a thin tracker plane in units of X0 (named assumption, see doc/model.md). */
  x0Fraction?: number;
  /** Spatial resolution of a tracker plane [mm]. */
  resolutionMm?: number;
  /** One or two sentences for the hover label / explanation panel. */
  description: string;
  /** Where the numbers come from (seed file, paper) or the name of the assumption. */
  source: string;
}

export interface BeamSpec {
  particle: 'e-' | 'mu-';
  /** Nominal beam energy [GeV]. */
  energyGeV: number;
  /** Relative energy spread (Gaussian sigma). */
  sigmaEOverE: number;
  /** Beam spot Gaussian sigma in x and y [mm]. */
  spotSigmaMm: number;
  /** Angular divergence Gaussian sigma [mrad]. */
  divergenceMrad: number;
  /** Fraction of beam particles that are hadrons (pi-, K-, pbar) rather than the nominal particle. */
  hadronFraction: number;
  /** Composition of the hadron admixture (fractions summing to 1). */
  hadronMix: { pion: number; kaon: number; antiproton: number };
  /** Beam particle rate [Hz], for pile-up. */
  rateHz: number;
  source: string;
}

/** One selection cut of the cut-flow (all but the signal box). */
export interface CutSpec {
  id: string;
  label: string;
  description: string;
  source: string;
}

/** Signal box in plot coordinates [GeV]; NA64e: x = E_ECAL, y = E_HCAL. */
export interface SignalBox {
  xMinGeV: number;
  xMaxGeV: number;
  yMinGeV: number;
  yMaxGeV: number;
}

export interface PlotAxes {
  xLabel: string;
  yLabel: string;
  xMaxGeV: number;
  yMaxGeV: number;
}

export interface Setup {
  id: SetupId;
  name: string;
  beam: BeamSpec;
  elements: DetectorElement[];
  cuts: CutSpec[];
  defaultBox: SignalBox;
  axes: PlotAxes;
  /** Default number of particles on target to scale to (EOT or MOT). */
  defaultNOnTarget: number;
  /** "EOT" or "MOT". */
  onTargetLabel: 'EOT' | 'MOT';
  /** The published expected background in the signal box for defaultNOnTarget. */
  publishedBackground: { value: number; error: number; source: string };
}

/** Find an element by id; throws if the setup has none (a programming error). */
export function element(setup: Setup, id: string): DetectorElement {
  const e = setup.elements.find((d) => d.id === id);
  if (!e) throw new Error(`setup ${setup.id} has no element ${id}`);
  return e;
}
