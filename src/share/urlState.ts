/**
 * The shareable state of the app as URL parameters (pure: no DOM, no store).
 *
 * Everything that decides what a viewer sees goes into the URL, so a link reproduces it: the setup,
 * all run parameters of the displayed run (seed, events, …, the dark-sector signal mixed in), the
 * number of applied cuts, the signal box, N on target, the selected event, the camera preset, the
 * language, the guided-tour step, the regions overlay, presentation mode, and the choices of the
 * sensitivity tab (model point, coupling input, curve, limit method, observed events, open tab).
 * The parameters live in the hash (`#setup=na64e&seed=1&…`), written with
 * URLSearchParams; the old `#setup=na64mu` form is a valid (partial) state. Parameters may also come
 * from the query string (`?seed=7`); the hash wins.
 *
 * Reading is strict and never throws: every field is validated with zod on its own; a field that is
 * present but invalid is replaced by its default and reported (field, what was expected, what was
 * found, which default was used). Absent fields keep the current (stored) value.
 */
import { z } from 'zod';
import { DEFAULT_PARAMS, paramIssuesOf, runParamsSchema, signalParamsSchema, type ParamIssue, type RunParams, type SignalParams } from '../physics/params';
import type { SetupId, SignalBox } from '../physics/setups/types';

export * from './urlTypes';
import { CAMERA_PRESETS, SIDE_TABS, OBSERVED_CHOICES, DEFAULT_SENSITIVITY, type SharedCameraPreset, type SharedSettings, type SharedPoint, type SharedSensitivity, type CurrentSensitivity, type ShareState, type UrlFieldError, type UrlIssue, type UrlReadResult } from './urlTypes';
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

/** URL parameters of the model point (the fields of SharedPoint). */
const POINT_KEYS = { massMeV: 'massMeV', coupling: 'coupling', alphaD: 'alphaD', fraction: 'signalFraction' } as const satisfies Record<keyof SharedPoint, string>;

/** All URL parameters this module reads and writes, in the order they are written. */
export const URL_KEYS = [
  'setup',
  ...PARAM_KEYS,
  'signal',
  'cuts',
  'box',
  'nOnTarget',
  'event',
  'camera',
  'lang',
  'tour',
  'regions',
  'present',
  'tab',
  ...Object.values(POINT_KEYS),
  'couplingInput',
  'curve',
  'limit',
  'observed',
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
      .refine((v) => v.every((x) => Number.isFinite(x) && x >= 0), { message: 'expected box edges ≥ 0 GeV', params: { kind: 'boxNegative' } })
      .refine((v) => v[0] <= v[1], { message: 'expected xmin ≤ xmax', params: { kind: 'boxOrder', axis: 'x' } })
      .refine((v) => v[2] <= v[3], { message: 'expected ymin ≤ ymax', params: { kind: 'boxOrder', axis: 'y' } }),
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

const signalModelOf = (setup: SetupId): SignalParams['model'] => (setup === 'na64mu' ? 'zprime' : 'aprime');

/** Expected form of the `signal` field for a setup. */
const signalShape = (setup: SetupId) => `expected 'none' or ${signalModelOf(setup)},mass [MeV],coupling,fraction[,α_D]`;

/**
 * The signal mixed into the run: 'none', or model,massMeV,coupling,fraction[,alphaD] with the model
 * the setup produces (A′ for NA64e, Z′ for NA64μ); α_D only for the A′ (absent = the physics default).
 */
function parseSignal(
  setup: SetupId,
  text: string,
): { ok: true; value: SignalParams | null } | { ok: false; expected: string; issues?: ParamIssue[]; issue?: UrlIssue } {
  if (text === 'none') return { ok: true, value: null };
  const model = signalModelOf(setup);
  const shape: UrlIssue = { kind: 'signalShape', model };
  const parts = text.split(',');
  if (parts.length < 4 || parts.length > (model === 'aprime' ? 5 : 4)) return { ok: false, expected: signalShape(setup), issue: shape };
  if (parts[0] !== model) {
    return { ok: false, expected: `${signalShape(setup)} (${setup} produces the ${model === 'aprime' ? 'A′' : 'Z′'})`, issue: { kind: 'signalModel', model, setup } };
  }
  const nums = parts.slice(1).map((t) => numberText.safeParse(t));
  if (!nums.every((r) => r.success)) return { ok: false, expected: `${signalShape(setup)}: expected numbers`, issue: shape };
  const [massMeV, coupling, fraction, alphaD] = nums.map((r) => r.data as number);
  const r = signalParamsSchema.safeParse({ model, massMeV, coupling, fraction, ...(alphaD === undefined ? {} : { alphaD }) });
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, expected: expectedText(r.error), issues: paramIssuesOf(r.error).map((i) => ({ ...i, field: `signal.${i.field}` })) };
}

/** The signal field's text (exact numbers; α_D only when set). */
function fmtSignal(sig: SignalParams | null | undefined): string {
  if (!sig) return 'none';
  const a = sig.alphaD === undefined ? '' : `,${numText(sig.alphaD)}`;
  return `${sig.model},${numText(sig.massMeV)},${numText(sig.coupling)},${numText(sig.fraction)}${a}`;
}

const pointFieldSchema = (key: keyof SharedPoint) => numberText.pipe(key === 'alphaD' ? z.number().gt(0, 'α_D must be > 0').max(1, 'α_D must be ≤ 1') : signalParamsSchema.shape[key]);

const couplingModeSchema = z.enum(['epsilon', 'y'], { error: "expected 'epsilon' or 'y'" });
const methodSchema = z.enum(['cls', 'classical'], { error: "expected 'cls' or 'classical'" });
const tabSchema = z.enum(SIDE_TABS, { error: `expected one of ${SIDE_TABS.join(', ')}` });
const OBSERVED_OPTIONS = OBSERVED_CHOICES.map((n) => (n === null ? 'expected' : String(n)));
const observedSchema = z
  .string()
  .refine((s) => OBSERVED_OPTIONS.includes(s), {
    message: `expected 'expected' or ${OBSERVED_CHOICES.filter((n) => n !== null).join(', ')} observed events`,
    params: { kind: 'oneOf', options: OBSERVED_OPTIONS },
  })
  .transform((s) => (s === 'expected' ? null : Number(s)));

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

/**
 * The first issue of a failed parse as data: a check that names its kind (`params`) gives it, else
 * `shape` (a field whose every problem reads the same, such as the box's form), else the kind of
 * the zod check (a number given as text that is not one, whole, range, options).
 */
function urlIssueOf(err: z.ZodError, shape?: UrlIssue): UrlIssue {
  const i = err.issues[0];
  if (i?.code === 'custom' && typeof i.params?.kind === 'string') return i.params as unknown as UrlIssue;
  if (shape) return shape;
  switch (i?.code) {
    case 'invalid_format':
      return { kind: 'number' };
    case 'invalid_type':
      return { kind: i.expected === 'int' ? 'int' : 'number' };
    case 'too_small':
      return { kind: 'min', limit: Number(i.minimum), inclusive: i.inclusive ?? true };
    case 'too_big':
      return { kind: 'max', limit: Number(i.maximum), inclusive: i.inclusive ?? true };
    case 'invalid_value':
      return { kind: 'oneOf', options: i.values.map(String) };
    default:
      return { kind: 'other' };
  }
}

/** Issues that read the same for every problem of their field. */
const BOX_SHAPE: UrlIssue = { kind: 'boxShape' };
const LANGUAGE: UrlIssue = { kind: 'language' };
const ZERO_OR_ONE: UrlIssue = { kind: 'oneOf', options: ['0', '1'] };

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
 * @param defaultPoints the default model point of every setup (sensitivity tab)
 */
export function readUrlState(
  params: URLSearchParams,
  current: {
    setup: SetupId;
    settings: Record<SetupId, SharedSettings>;
    camera: SharedCameraPreset;
    language: string;
    tourStep: number;
    showRegions: boolean;
    presentation: boolean;
    sensitivity: CurrentSensitivity;
  },
  defaults: Record<SetupId, SharedSettings>,
  defaultPoints: Record<SetupId, SharedPoint>,
): UrlReadResult {
  const errors: UrlFieldError[] = [];
  const found = URL_KEYS.some((k) => params.has(k));
  const raw = (k: string) => params.get(k);
  const bad = (field: string, value: string, expected: string, used: string, problem: { issues: ParamIssue[] } | { issue: UrlIssue }) =>
    errors.push({ field, value, expected, used, ...problem });

  // setup first: it decides which settings the other fields change and which defaults apply
  let setup = current.setup;
  const setupRaw = raw('setup');
  if (setupRaw !== null) {
    const r = setupSchema.safeParse(setupRaw);
    if (r.success) setup = r.data;
    else {
      setup = 'na64e';
      bad('setup', setupRaw, expectedText(r.error), setup, { issue: urlIssueOf(r.error) });
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
      bad(key, v, expectedText(r.error), String(DEFAULT_PARAMS[setup][key]), { issues: paramIssuesOf(r.error).map((i) => ({ ...i, field: key })) });
    }
  }
  const signalRaw = raw('signal');
  if (signalRaw !== null) {
    const r = parseSignal(setup, signalRaw);
    if (r.ok) params2.signal = r.value;
    else {
      params2.signal = null;
      bad('signal', signalRaw, r.expected, 'none', r.issues ? { issues: r.issues } : { issue: r.issue ?? { kind: 'other' } });
    }
    // no signal: the parameters as the defaults hold them (no key)
    if (params2.signal === null) delete params2.signal;
  }
  // the stored parameters were validated when stored; a last check keeps the result consistent
  const full = runParamsSchema.safeParse(params2);
  const runParams: RunParams = full.success ? full.data : { ...DEFAULT_PARAMS[setup] };

  /** A field: the run parameters' kind of problem (`issues`), or else the URL's own (`shape` or from the check). */
  const field = <T>(
    key: string,
    schema: z.ZodType<T>,
    fallback: T,
    show: (v: T) => string,
    keep: T,
    problem?: { issues: (e: z.ZodError) => ParamIssue[] } | { shape: UrlIssue },
  ): T => {
    const v = raw(key);
    if (v === null) return keep;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    const data = problem && 'issues' in problem ? { issues: problem.issues(r.error) } : { issue: urlIssueOf(r.error, problem?.shape) };
    bad(key, v, expectedText(r.error), show(fallback), data);
    return fallback;
  };

  const appliedCuts = field('cuts', cutsSchema, def.appliedCuts, String, base.appliedCuts);
  const box = field('box', boxSchema, def.box, fmtBox, base.box, { shape: BOX_SHAPE });
  const nOnTarget = field('nOnTarget', nOnTargetSchema, def.nOnTarget, numText, base.nOnTarget);
  let event = field<number | null>('event', eventSchema, null, () => '', null);
  if (event !== null && event >= runParams.events) {
    bad('event', String(event), `expected an event index < events (${runParams.events})`, '', { issue: { kind: 'eventBeyondRun', limit: runParams.events } });
    event = null;
  }
  const camera = field('camera', cameraSchema, 'overview' as SharedCameraPreset, String, current.camera);
  const language = field('lang', langSchema, 'en', String, current.language, { shape: LANGUAGE });
  const tourStep = field('tour', tourSchema, -1, String, current.tourStep);
  const showRegions = field('regions', boolText, true, (b) => (b ? '1' : '0'), current.showRegions, { shape: ZERO_OR_ONE });
  const presentation = field('present', boolText, false, (b) => (b ? '1' : '0'), current.presentation, { shape: ZERO_OR_ONE });

  // sensitivity tab: the model point of the shared setup, field by field, then the choices
  const cs = current.sensitivity;
  const basePoint = cs.points[setup] ?? defaultPoints[setup];
  const point = { ...basePoint };
  for (const key of Object.keys(POINT_KEYS) as (keyof SharedPoint)[]) {
    const issues = (e: z.ZodError) => paramIssuesOf(e).map((i) => ({ ...i, field: `signal.${key}` }));
    point[key] = field(POINT_KEYS[key], pointFieldSchema(key), defaultPoints[setup][key], numText, basePoint[key], { issues });
  }
  const sd = DEFAULT_SENSITIVITY;
  const sensitivity: SharedSensitivity = {
    point,
    tab: field('tab', tabSchema, sd.tab, String, cs.tab),
    couplingInput: field('couplingInput', couplingModeSchema, sd.couplingInput, String, cs.couplingInput),
    curveMode: field('curve', couplingModeSchema, sd.curveMode, String, cs.curveMode),
    method: field('limit', methodSchema, sd.method, String, cs.method),
    observed: field('observed', observedSchema, sd.observed, (n) => (n === null ? 'expected' : String(n)), cs.observed),
  };

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
      sensitivity,
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
  p.set('signal', fmtSignal(s.settings.params.signal));
  p.set('cuts', String(s.settings.appliedCuts));
  p.set('box', fmtBox(s.settings.box));
  p.set('nOnTarget', numText(s.settings.nOnTarget));
  if (s.event !== null) p.set('event', String(s.event));
  p.set('camera', s.camera);
  p.set('lang', s.language);
  if (s.tourStep >= 0) p.set('tour', String(s.tourStep));
  p.set('regions', s.showRegions ? '1' : '0');
  if (s.presentation) p.set('present', '1');
  const sens = s.sensitivity;
  p.set('tab', sens.tab);
  p.set(POINT_KEYS.massMeV, numText(sens.point.massMeV));
  p.set(POINT_KEYS.coupling, numText(sens.point.coupling));
  // α_D is a parameter of the A′ model only
  if (signalModelOf(s.setup) === 'aprime') p.set(POINT_KEYS.alphaD, numText(sens.point.alphaD));
  p.set(POINT_KEYS.fraction, numText(sens.point.fraction));
  p.set('couplingInput', sens.couplingInput);
  p.set('curve', sens.curveMode);
  p.set('limit', sens.method);
  p.set('observed', sens.observed === null ? 'expected' : String(sens.observed));
  // URLSearchParams writes ',' as %2C; keep the box and the signal readable
  return p.toString().replace(/%2C/g, ',');
}

/** The run parameters as URL text: equal texts mean identical runs (exact numbers, signal included). */
export function runParamsText(p: RunParams): string {
  const q = new URLSearchParams();
  q.set('setup', p.setup);
  for (const key of PARAM_KEYS) {
    const v = p[key];
    q.set(key, typeof v === 'boolean' ? (v ? '1' : '0') : numText(v));
  }
  q.set('signal', fmtSignal(p.signal));
  return q.toString();
}

/** One line per rejected field, for the notice. */
export function describeUrlError(e: UrlFieldError): string {
  const used = e.used === '' ? 'ignored' : `used the default ${e.used}`;
  return `${e.field}: ${e.expected}, got '${e.value}'; ${used}`;
}
