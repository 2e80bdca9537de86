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

/**
 * A translatable piece of text of the event detail (a story sentence, a text value of the truth
 * table): a translation key of the locale files (src/i18n/locales) and its parameters. Numbers are
 * raw (the UI formats them in the reader's language, the translation says how many digits);
 * strings are particle kinds, detector ids or material symbols. Plain data: it crosses the worker
 * boundary (structured clone) and goes into exported files as is. The physics core never renders it
 * (src/i18n/eventText.ts does).
 */
export interface TextLine {
  key: string;
  params?: Record<string, number | string>;
}

/** A value of the truth table: a number, a plain symbol (formula, material), or translatable text. */
export type TruthValue = number | string | TextLine | TextLine[];

export interface EventDetail {
  setupId: string;
  seed: number;
  eventIndex: number;
  process: number;
  weight: number;
  /** Beam particle and true quantities. */
  beamParticle: ParticleKind;
  trueBeamEnergyGeV: number;
  /**
   * True quantities for the info panel by stable key, e.g. { beamEnergyGeV: 100.2, conversionDepthX0: 2.1 };
   * the label of key k is the translation `truth.k` (units in the label).
   */
  truth: Record<string, TruthValue>;
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
  /** Explanation of what happened, sentence by sentence (rendered as one paragraph). */
  story: TextLine[];
}
