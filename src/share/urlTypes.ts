/**
 * Types and constants of the shareable URL state (urlState.ts reads and writes it): what a link
 * holds, the sensitivity choices, the structured problems of a tampered field, the camera presets
 * and side tabs a link may name. Pure data: no DOM, no store.
 */
import type { LimitMethod } from '../physics/darkSector';
import type { ParamIssue, RunParams, SignalParams } from '../physics/params';
import type { SetupId, SignalBox } from '../physics/setups/types';

export const CAMERA_PRESETS = ['side', 'top', 'beam', 'overview', 'ecal'] as const;
export type SharedCameraPreset = (typeof CAMERA_PRESETS)[number];

/** Per-setup settings as the store keeps them (structurally the store's SetupSettings). */
export interface SharedSettings {
  params: RunParams;
  box: SignalBox;
  appliedCuts: number;
  nOnTarget: number;
}

/** Model point of the sensitivity tab (structurally the sensitivity store's StoredPoint). */
export interface SharedPoint {
  massMeV: number;
  /** ε (A′) or g_Z′ (Z′). */
  coupling: number;
  alphaD: number;
  /** Share of signal events when the signal is mixed into a run. */
  fraction: number;
}

export const SIDE_TABS = ['event', 'sensitivity'] as const;
export type SharedSideTab = (typeof SIDE_TABS)[number];
export type SharedCouplingMode = 'epsilon' | 'y';
export type SharedLimitMethod = LimitMethod;
/** Observed-event choices of the sensitivity tab (null = the expected, background-only limit). */
export const OBSERVED_CHOICES = [null, 0, 1, 2, 3, 5] as const;

/** The choices of the sensitivity tab (the point is the one of the shared setup). */
export interface SharedSensitivity {
  point: SharedPoint;
  couplingInput: SharedCouplingMode;
  curveMode: SharedCouplingMode;
  method: SharedLimitMethod;
  observed: number | null;
  tab: SharedSideTab;
}

/** The sensitivity state before a URL is applied (points of every setup). */
export interface CurrentSensitivity extends Omit<SharedSensitivity, 'point'> {
  points: Record<SetupId, SharedPoint>;
}

/** Defaults of the sensitivity choices (for fields a link gets wrong). */
export const DEFAULT_SENSITIVITY: Omit<SharedSensitivity, 'point'> = {
  couplingInput: 'epsilon',
  curveMode: 'epsilon',
  method: 'cls',
  observed: null,
  tab: 'event',
};

/** The complete shared state. */
export interface ShareState {
  setup: SetupId;
  /** Settings of the shared setup; `params` are those of the displayed run. */
  settings: SharedSettings;
  sensitivity: SharedSensitivity;
  /** Selected event index, or null. */
  event: number | null;
  camera: SharedCameraPreset;
  language: string;
  tourStep: number;
  showRegions: boolean;
  presentation: boolean;
}

/** One rejected URL field. */
export interface UrlFieldError {
  /** URL parameter name, e.g. 'seed'. */
  field: string;
  /** The raw value found in the URL. */
  value: string;
  /** What was expected (the validation message). */
  expected: string;
  /** The value used instead, as text ('' when the field was dropped). */
  used: string;
  /** For run parameters: the problem as data (the notice words it in the reader's language). */
  issues?: ParamIssue[];
  /** For the other fields (box, camera, cuts, …): the problem as data (i18n/urlText.ts words it). */
  issue?: UrlIssue;
}

/**
 * What was wrong with a URL field that is not a run parameter, as data: the notice words it in the
 * reader's language; `expected` keeps the English text.
 *   number     not a number                      int       not a whole number
 *   min / max  beyond `limit` (`inclusive`: the limit itself is allowed)
 *   oneOf      not one of `options`              language  not a two-letter language code
 *   boxShape   not four numbers xmin,xmax,ymin,ymax [GeV]
 *   boxNegative  an edge below 0 GeV            boxOrder  min above max on `axis`
 *   eventBeyondRun  an event index ≥ `limit` (the events of the run)
 *   signalShape  not 'none' or `model`,mass,coupling,fraction[,α_D] (also: a part is not a number)
 *   signalModel  `setup` produces `model`, the link names the other one
 *   other      anything else
 */
export interface UrlIssue {
  kind: 'number' | 'int' | 'min' | 'max' | 'oneOf' | 'language' | 'boxShape' | 'boxNegative' | 'boxOrder' | 'eventBeyondRun' | 'signalShape' | 'signalModel' | 'other';
  limit?: number;
  inclusive?: boolean;
  options?: readonly string[];
  axis?: 'x' | 'y';
  model?: SignalParams['model'];
  setup?: SetupId;
}

export interface UrlReadResult {
  /** True if the URL held any state parameter (then `state` should be applied). */
  found: boolean;
  state: ShareState;
  errors: UrlFieldError[];
}
