/**
 * The shareable state of the app as URL parameters (pure: no DOM, no store).
 *
 * Everything that decides what a viewer sees goes into the URL, so a link reproduces it: the setup,
 * all run parameters (seed, events, …), the number of applied cuts, the signal box, N on target,
 * the selected event, the camera preset, the language, the guided-tour step, the regions overlay
 * and presentation mode. The parameters live in the hash (`#setup=na64e&seed=1&…`), written with
 * URLSearchParams; the old `#setup=na64mu` form is a valid (partial) state. Parameters may also come
 * from the query string (`?seed=7`); the hash wins.
 *
 * Reading is strict and never throws: every field is validated with zod on its own; a field that is
 * present but invalid is replaced by its default and reported (field, what was expected, what was
 * found, which default was used). Absent fields keep the current (stored) value.
 */
import { z } from 'zod';
import { DEFAULT_PARAMS, runParamsSchema, type RunParams } from '../physics/params';
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

/** The complete shared state. */
export interface ShareState {
  setup: SetupId;
  settings: SharedSettings;
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
}

export interface UrlReadResult {
  /** True if the URL held any state parameter (then `state` should be applied). */
  found: boolean;
  state: ShareState;
  errors: UrlFieldError[];
}

/** The URL parameter of each run parameter (the schema's own names, so messages match the form). */
const PARAM_KEYS = [
  'events',
  'seed',
  'beamEnergyGeV',
  'hadronFraction',
  'ecalLayers',
  'hcalModules',
  'vetoThresholdMeV',
  'hcal0ThresholdGeV',
  'pileup',
] as const satisfies readonly (keyof RunParams)[];

/** All URL parameters this module reads and writes, in the order they are written. */
export const URL_KEYS = [
  'setup',
  ...PARAM_KEYS,
  'cuts',
  'box',
  'nOnTarget',
  'event',
  'camera',
  'lang',
  'tour',
  'regions',
  'present',
] as const;

/** Highest tour step accepted from a URL (the tour clamps further). */
export const MAX_TOUR_STEP = 99;
/** Cut bits are 16 wide. */
export const MAX_APPLIED_CUTS = 16;

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number written as text: strictly decimal / exponent notation (no '', 'Infinity', '0x10'). */
const numberText = z
  .string()
  .trim()
  .regex(NUMBER_RE, 'expected a number')
  .transform((s) => Number(s));

const boolText = z.enum(['0', '1', 'true', 'false'], { error: 'expected 0 or 1' }).transform((s) => s === '1' || s === 'true');

const setupSchema = z.enum(['na64e', 'na64mu'], { error: "expected 'na64e' or 'na64mu'" });

const boxSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(numberText).length(4, 'expected four numbers xmin,xmax,ymin,ymax [GeV]'))
  .pipe(
    z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .refine((v) => v.every((x) => Number.isFinite(x) && x >= 0), 'expected box edges ≥ 0 GeV')
      .refine((v) => v[0] <= v[1], 'expected xmin ≤ xmax')
      .refine((v) => v[2] <= v[3], 'expected ymin ≤ ymax'),
  )
  .transform(([xMinGeV, xMaxGeV, yMinGeV, yMaxGeV]): SignalBox => ({ xMinGeV, xMaxGeV, yMinGeV, yMaxGeV }));

const cutsSchema = numberText.pipe(
  z
    .number()
    .int('expected a whole number of cuts')
    .min(0, 'expected a number of cuts ≥ 0')
    .max(MAX_APPLIED_CUTS, `expected at most ${MAX_APPLIED_CUTS} cuts`),
);

const nOnTargetSchema = numberText.pipe(
  z
    .number()
    .positive('expected a positive number of particles on target')
    .max(1e20, 'expected at most 1e20 particles on target'),
);

const eventSchema = numberText.pipe(z.number().int('expected a whole event index').min(0, 'expected an event index ≥ 0'));

const cameraSchema = z.enum(CAMERA_PRESETS, { error: `expected one of ${CAMERA_PRESETS.join(', ')}` });

const langSchema = z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code such as en');

const tourSchema = numberText.pipe(
  z.number().int('expected a whole tour step').min(-1, 'expected a tour step ≥ -1 (-1 = closed)').max(MAX_TOUR_STEP, `expected a tour step ≤ ${MAX_TOUR_STEP}`),
);

/** Schema of one run parameter given as URL text. */
function paramSchema(key: (typeof PARAM_KEYS)[number]): z.ZodType<RunParams[typeof key]> {
  if (key === 'pileup') return boolText;
  return numberText.pipe(runParamsSchema.shape[key]) as z.ZodType<RunParams[typeof key]>;
}

/** The first issue of a failed parse as "expected …" text. */
function expectedText(err: z.ZodError): string {
  const msg = err.issues[0]?.message ?? 'invalid value';
  return msg;
}

/** Read all state parameters of a query (or hash) string: the hash's parameters override the query's. */
export function urlParamsOf(search: string, hash: string): URLSearchParams {
  const out = new URLSearchParams(search.replace(/^\?/, ''));
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [k, v] of h) out.set(k, v);
  return out;
}

/** A number as exact text, large round numbers short: 937000000000 → '9.37e11', 100000 → '1e5', 0.005 stays. */
export function numText(v: number): string {
  const plain = String(v);
  const exp = v.toExponential().replace('e+', 'e');
  return Math.abs(v) >= 1e4 && exp.length < plain.length && Number(exp) === v ? exp : plain;
}

const fmtBox = (b: SignalBox) => `${numText(b.xMinGeV)},${numText(b.xMaxGeV)},${numText(b.yMinGeV)},${numText(b.yMaxGeV)}`;

/**
 * Resolve URL parameters against the current state: present and valid fields replace it, present
 * but invalid fields become their defaults (reported), absent fields keep the current value.
 * @param current the state before the URL is applied (stored settings of every setup)
 * @param defaults the default settings of every setup
 */
export function readUrlState(
  params: URLSearchParams,
  current: { setup: SetupId; settings: Record<SetupId, SharedSettings>; camera: SharedCameraPreset; language: string; tourStep: number; showRegions: boolean; presentation: boolean },
  defaults: Record<SetupId, SharedSettings>,
): UrlReadResult {
  const errors: UrlFieldError[] = [];
  const found = URL_KEYS.some((k) => params.has(k));
  const raw = (k: string) => params.get(k);
  const bad = (field: string, value: string, expected: string, used: string) => errors.push({ field, value, expected, used });

  // setup first: it decides which settings the other fields change and which defaults apply
  let setup = current.setup;
  const setupRaw = raw('setup');
  if (setupRaw !== null) {
    const r = setupSchema.safeParse(setupRaw);
    if (r.success) setup = r.data;
    else {
      setup = 'na64e';
      bad('setup', setupRaw, expectedText(r.error), setup);
    }
  }
  const base = current.settings[setup] ?? defaults[setup];
  const def = defaults[setup];

  const params2: Record<string, unknown> = { ...base.params, setup };
  for (const key of PARAM_KEYS) {
    const v = raw(key);
    if (v === null) continue;
    const r = paramSchema(key).safeParse(v);
    if (r.success) params2[key] = r.data;
    else {
      params2[key] = DEFAULT_PARAMS[setup][key];
      bad(key, v, expectedText(r.error), String(DEFAULT_PARAMS[setup][key]));
    }
  }
  // the stored parameters were validated when stored; a last check keeps the result consistent
  const full = runParamsSchema.safeParse(params2);
  const runParams: RunParams = full.success ? full.data : { ...DEFAULT_PARAMS[setup] };

  const field = <T>(key: string, schema: z.ZodType<T>, fallback: T, show: (v: T) => string, keep: T): T => {
    const v = raw(key);
    if (v === null) return keep;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    bad(key, v, expectedText(r.error), show(fallback));
    return fallback;
  };

  const appliedCuts = field('cuts', cutsSchema, def.appliedCuts, String, base.appliedCuts);
  const box = field('box', boxSchema, def.box, fmtBox, base.box);
  const nOnTarget = field('nOnTarget', nOnTargetSchema, def.nOnTarget, numText, base.nOnTarget);
  let event = field<number | null>('event', eventSchema, null, () => '', null);
  if (event !== null && event >= runParams.events) {
    bad('event', String(event), `expected an event index < events (${runParams.events})`, '');
    event = null;
  }
  const camera = field('camera', cameraSchema, 'overview' as SharedCameraPreset, String, current.camera);
  const language = field('lang', langSchema, 'en', String, current.language);
  const tourStep = field('tour', tourSchema, -1, String, current.tourStep);
  const showRegions = field('regions', boolText, true, (b) => (b ? '1' : '0'), current.showRegions);
  const presentation = field('present', boolText, false, (b) => (b ? '1' : '0'), current.presentation);

  return {
    found,
    errors,
    state: {
      setup,
      settings: { params: runParams, box, appliedCuts, nOnTarget },
      event,
      camera,
      language,
      tourStep,
      showRegions,
      presentation,
    },
  };
}

/** Encode a state as URL parameters (without the leading '#'); numbers round-trip exactly. */
export function encodeUrlState(s: ShareState): string {
  const p = new URLSearchParams();
  p.set('setup', s.setup);
  for (const key of PARAM_KEYS) {
    const v = s.settings.params[key];
    p.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : numText(v));
  }
  p.set('cuts', String(s.settings.appliedCuts));
  p.set('box', fmtBox(s.settings.box));
  p.set('nOnTarget', numText(s.settings.nOnTarget));
  if (s.event !== null) p.set('event', String(s.event));
  p.set('camera', s.camera);
  p.set('lang', s.language);
  if (s.tourStep >= 0) p.set('tour', String(s.tourStep));
  p.set('regions', s.showRegions ? '1' : '0');
  if (s.presentation) p.set('present', '1');
  // URLSearchParams writes ',' as %2C; keep the box readable
  return p.toString().replace(/%2C/g, ',');
}

/** One line per rejected field, for the notice. */
export function describeUrlError(e: UrlFieldError): string {
  const used = e.used === '' ? 'ignored' : `used the default ${e.used}`;
  return `${e.field}: ${e.expected}, got '${e.value}'; ${used}`;
}
