/**
 * Run parameters: what the user sets (UI, URL, CLI), validated with zod. Invalid input throws a
 * `ParamsError` whose message names the field and what was expected (English, for the CLI) and
 * whose `issues` say the same as data (field, kind of problem, limit) for the UI to translate;
 * callers keep their last good state.
 */
import { z } from 'zod';

/** Hard upper limit on events per run (memory: ~45 bytes/event in columns). */
export const MAX_EVENTS = 2e7;

/**
 * Dark-sector signal mixed into a run (doc/model-dark.md): model 'aprime' (NA64e: dark photon,
 * coupling = kinetic mixing ε) or 'zprime' (NA64μ: L_μ − L_τ Z′, coupling = gauge coupling g_Z′);
 * mass in MeV; α_D (A′ only; default 0.5); `fraction` = share of the simulated events that are
 * signal (the weights keep every rate per particle on target right).
 */
export const signalParamsSchema = z.object({
  model: z.enum(['aprime', 'zprime'], { error: "signal model must be 'aprime' or 'zprime'" }),
  massMeV: z
    .number({ error: 'signal mass must be a number (MeV)' })
    .min(1, 'signal mass must be ≥ 1 MeV')
    .max(1000, 'signal mass must be ≤ 1000 MeV'),
  coupling: z
    .number({ error: 'signal coupling (ε or g_Z′) must be a number' })
    .gt(0, 'signal coupling (ε or g_Z′) must be > 0')
    .max(1, 'signal coupling (ε or g_Z′) must be ≤ 1'),
  alphaD: z.number({ error: 'α_D must be a number' }).gt(0, 'α_D must be > 0').max(1, 'α_D must be ≤ 1').optional(),
  fraction: z
    .number({ error: 'signal fraction must be a number' })
    .gt(0, 'signal fraction must be > 0')
    .max(1, 'signal fraction must be ≤ 1'),
});

export type SignalParams = z.infer<typeof signalParamsSchema>;

export const runParamsSchema = z.object({
  setup: z.enum(['na64e', 'na64mu']),
  events: z
    .number({ error: 'number of events must be a number' })
    .int('number of events must be a whole number')
    .min(1, 'number of events must be at least 1')
    .max(MAX_EVENTS, `number of events must be at most ${MAX_EVENTS.toExponential(0)}`),
  seed: z
    .number({ error: 'seed must be a number' })
    .int('seed must be a whole number')
    .min(0, 'seed must be ≥ 0')
    .max(4294967295, 'seed must be < 2^32'),
  beamEnergyGeV: z
    .number({ error: 'beam energy must be a number' })
    .min(10, 'beam energy must be ≥ 10 GeV')
    .max(400, 'beam energy must be ≤ 400 GeV (SPS)'),
  hadronFraction: z
    .number({ error: 'hadron fraction must be a number' })
    .min(0, 'hadron fraction must be ≥ 0')
    .max(0.5, 'hadron fraction must be ≤ 0.5'),
  ecalLayers: z.number().int().min(20, 'ECAL needs at least 20 layers (≈5 X0)').max(300, 'ECAL: at most 300 layers'),
  hcalModules: z.number().int().min(0, 'HCAL modules: at least 0').max(6, 'HCAL modules: at most 6'),
  /** VETO "no activity" threshold [MeV] (fraction of a MIP: 3 × 20 mm Sc ≈ 13 MeV). */
  vetoThresholdMeV: z.number().min(0.1).max(100),
  /** HCAL0 threshold [GeV]. */
  hcal0ThresholdGeV: z.number().min(0.1).max(50),
  /** Simulate pile-up (beam rate, seed 000). */
  pileup: z.boolean(),
  /** Dark-sector signal events mixed into the run; absent or null = none (the default). */
  signal: signalParamsSchema.nullable().optional(),
});

export type RunParams = z.infer<typeof runParamsSchema>;

export const DEFAULT_PARAMS: Record<'na64e' | 'na64mu', RunParams> = {
  na64e: {
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
  },
  na64mu: {
    setup: 'na64mu',
    events: 100000,
    seed: 1,
    beamEnergyGeV: 160,
    hadronFraction: 1e-6,
    ecalLayers: 150,
    hcalModules: 2,
    vetoThresholdMeV: 4,
    hcal0ThresholdGeV: 1,
    pileup: true,
  },
};

/** One validation problem as data: the UI words it in the reader's language (i18n/paramText.ts). */
export interface ParamIssue {
  /** Dotted path of the field: 'beamEnergyGeV', 'signal.massMeV' ('' = the parameters as a whole). */
  field: string;
  /** 'type': not a number (or of the wrong type); 'int': not whole; 'min'/'max': beyond `limit`; 'enum': not one of the options. */
  code: 'type' | 'int' | 'min' | 'max' | 'enum' | 'other';
  /** The limit of 'min' / 'max'. */
  limit?: number;
  /** Whether the limit itself is allowed (≥, ≤) or not (>, <). */
  inclusive?: boolean;
  /** The schema's English message. */
  message: string;
}

/** The issues of a failed parse as ParamIssue data. */
export function paramIssuesOf(error: z.ZodError): ParamIssue[] {
  return error.issues.map((i): ParamIssue => {
    const field = i.path.join('.');
    const message = i.message;
    switch (i.code) {
      case 'invalid_type':
        return { field, code: i.expected === 'int' ? 'int' : 'type', message };
      case 'invalid_format': // a number given as text that is not one (URL parameters)
        return { field, code: 'type', message };
      case 'too_small':
        return { field, code: 'min', limit: Number(i.minimum), inclusive: i.inclusive ?? true, message };
      case 'too_big':
        return { field, code: 'max', limit: Number(i.maximum), inclusive: i.inclusive ?? true, message };
      case 'invalid_value':
        return { field, code: 'enum', message };
      default:
        return { field, code: 'other', message };
    }
  });
}

export class ParamsError extends Error {
  /** The same problems as data (empty when the error was made from a message only). */
  readonly issues: ParamIssue[];
  constructor(message: string, issues: ParamIssue[] = []) {
    super(message);
    this.name = 'ParamsError';
    this.issues = issues;
  }
}

/** Validate unknown input into RunParams; throws ParamsError with a readable message. */
export function parseRunParams(input: unknown): RunParams {
  const r = runParamsSchema.safeParse(input);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || 'parameters'}: ${i.message}`).join('; ');
    throw new ParamsError(msg, paramIssuesOf(r.error));
  }
  return r.data;
}
