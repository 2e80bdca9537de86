/**
 * One-click example events: real events of a run with a fixed seed and parameters, found by
 * scanning that run with the physics core (see presets.test.ts, which re-checks each index and
 * names the new first candidate when a physics change moves one). Clicking a preset selects that
 * event; if the current run was made with other parameters, the preset's run is simulated first.
 */
import { DEFAULT_PARAMS, type RunParams } from '../../physics/params';
import type { ProcessLabel } from '../../physics/processes';
import type { SetupId } from '../../physics/setups/types';

export interface EventPreset {
  id: string;
  /** i18n key of the button text (presets.<id>.label) and its explanation (presets.<id>.hint). */
  setup: SetupId;
  params: RunParams;
  eventIndex: number;
  /** The process the event must have (checked by the unit test). */
  process: ProcessLabel;
  /** Extra property the event must have, in words for the test message, and as a predicate. */
  expect: string;
  check(m: { eEcalGeV: number; eHcalGeV: number; cutBits: number; nCuts: number }): boolean;
}

/**
 * The run the NA64e presets come from: the default NA64e parameters with seed 1 and 1e5 events
 * (spelled out, so that a change of the defaults does not silently move the presets).
 */
export const NA64E_PRESET_PARAMS: RunParams = {
  ...DEFAULT_PARAMS.na64e,
  setup: 'na64e',
  events: 100000,
  seed: 1,
  beamEnergyGeV: 100,
  hadronFraction: 0.005,
  ecalLayers: 150,
  hcalModules: 4,
  vetoThresholdMeV: 4,
  hcal0ThresholdGeV: 1,
  pileup: true,
};

const allPass = (m: { cutBits: number; nCuts: number }) => (m.cutBits & ((1 << m.nCuts) - 1)) === (1 << m.nCuts) - 1;

export const PRESETS: EventPreset[] = [
  {
    id: 'cleanElectron',
    setup: 'na64e',
    params: NA64E_PRESET_PARAMS,
    eventIndex: 0,
    process: 'em',
    expect: 'all cuts passed, |E_ECAL − 100| < 2 GeV, E_HCAL < 0.05 GeV',
    check: (m) => allPass(m) && Math.abs(m.eEcalGeV - 100) < 2 && m.eHcalGeV < 0.05,
  },
  {
    id: 'dimuon',
    setup: 'na64e',
    params: NA64E_PRESET_PARAMS,
    eventIndex: 191,
    process: 'dimuon',
    expect: 'in region I: 7 < E_HCAL < 13 GeV',
    check: (m) => m.eHcalGeV > 7 && m.eHcalGeV < 13,
  },
  {
    id: 'punchThrough',
    setup: 'na64e',
    params: NA64E_PRESET_PARAMS,
    eventIndex: 1917,
    process: 'punch-through',
    expect: 'large missing energy: E_ECAL < 50 GeV',
    check: (m) => m.eEcalGeV < 50,
  },
  {
    id: 'upstream',
    setup: 'na64e',
    params: NA64E_PRESET_PARAMS,
    eventIndex: 317,
    process: 'upstream-interaction',
    expect: 'inside the signal box before cuts (E_ECAL < 50, E_HCAL < 1 GeV)',
    check: (m) => m.eEcalGeV < 50 && m.eHcalGeV < 1,
  },
];

/**
 * Kinetic mixing ε and signal fraction of the teaching dark-photon runs: the fraction of simulated
 * events that are A′ events (1 %: enough to be seen as dots; their weights keep the rates per
 * electron on target right) and an ε of 10⁻⁴, the order of the couplings NA64 probes.
 */
export const TEACHING_SIGNAL = { coupling: 1e-4, fraction: 0.01 } as const;

/**
 * The parameter patch that mixes dark photons (A′, `massMeV`) into an NA64e run (the dark-sector
 * signal option of physics/params.ts), or null where the setup has none for teaching (NA64μ).
 * Used by the tour's dark-photon step and by the "dark photon at 20 MeV" preset.
 */
export function darkPhotonPatch(base: RunParams, massMeV: number): Partial<RunParams> | null {
  if (base.setup !== 'na64e') return null;
  return { signal: { model: 'aprime', massMeV, ...TEACHING_SIGNAL } };
}

/** The "dark photon at 20 MeV" preset: an A′ event deep in the signal box that passes every cut. */
export const DARK_PHOTON_PRESET: EventPreset | null = {
  id: 'darkPhoton',
  setup: 'na64e',
  params: { ...NA64E_PRESET_PARAMS, ...darkPhotonPatch(NA64E_PRESET_PARAMS, 20) },
  eventIndex: 1196,
  process: 'signal',
  expect: 'in the signal box after all cuts: E_ECAL < 50 GeV, E_HCAL < 1 GeV, all cuts passed',
  check: (m) => allPass(m) && m.eEcalGeV < 50 && m.eHcalGeV < 1,
};

/**
 * Whether `run` (the parameters of the current run) contains event `p.eventIndex` of the preset's
 * run: every parameter equal except the number of events, which must be larger than the index.
 */
export function runHasPreset(run: RunParams | null, p: EventPreset): boolean {
  if (!run || run.setup !== p.setup || run.events <= p.eventIndex) return false;
  const a = run as unknown as Record<string, unknown>;
  const b = p.params as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (k === 'events') continue;
    // an absent option and an explicit null (e.g. no signal) are the same run
    if (JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)) return false;
  }
  return true;
}
