/**
 * Full detail of one event, re-simulated on demand from (seed, event index): what the 3D view and
 * the info panel show. Positions in mm (lab frame, see setups/types.ts), energies in MeV.
 */
export type ParticleKind =
  | 'e-'
  | 'e+'
  | 'gamma'
  | 'mu-'
  | 'mu+'
  | 'pi-'
  | 'pi+'
  | 'K-'
  | 'pbar'
  | 'n'
  | 'K0L'
  | 'nu'
  | 'chi'
  | 'hadrons';

/** A particle path as a polyline (straight segments; magnets give many short segments). */
export interface TrackDetail {
  particle: ParticleKind;
  /** Energy at the start [MeV]. */
  energyMeV: number;
  /** Flat [x0,y0,z0, x1,y1,z1, ...] in mm. */
  points: number[];
  /** Invisible particles (ν, χ, escaping neutrals) are drawn dashed. */
  invisible?: boolean;
  /** Free-text note ("SR photon", "leading neutron escapes"). */
  note?: string;
}

/** Energy in one readout cell of a calorimeter. */
export interface CellHit {
  /** Detector element id ('ECAL', 'HCAL1', ...). */
  detector: string;
  ix: number;
  iy: number;
  /** Longitudinal segment: 0 = preshower / front, 1 = main (ECAL only). */
  layer: number;
  energyMeV: number;
}

/** A measured point on a tracking plane. */
export interface TrackerHit {
  detector: string;
  xMm: number;
  yMm: number;
  zMm: number;
}

export interface EventDetail {
  setupId: string;
  seed: number;
  eventIndex: number;
  process: number;
  weight: number;
  /** Beam particle and true quantities. */
  beamParticle: ParticleKind;
  trueBeamEnergyGeV: number;
  /** Named true quantities for the info panel, e.g. { 'E_γ (brems)': 63.1, 'depth of conversion [X0]': 2.1 }. */
  truth: Record<string, number | string>;
  /** Measured quantities (GeV): the same numbers as the summary columns for this event. */
  measured: {
    pInGeV: number;
    pOutGeV: number;
    eEcalGeV: number;
    eHcalGeV: number;
    eVetoGeV: number;
    eSrdGeV: number;
    eVhcalGeV: number;
    ePreshowerGeV: number;
    eHcal0GeV: number;
  };
  /** Which cuts passed (same order as setup.cuts). */
  cutsPassed: boolean[];
  tracks: TrackDetail[];
  cells: CellHit[];
  trackerHits: TrackerHit[];
  /** One-paragraph explanation of what happened, for the info panel. */
  story: string;
}
