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
 *
 * The fields themselves (parameter names, schemas, texts, problems as data) are in urlFields.ts, the
 * types and constants of the state in urlTypes.ts; this module puts them together.
 */
import type { z } from 'zod';
import { DEFAULT_PARAMS, runParamsSchema, type ParamIssue, type RunParams } from '../physics/params';
import type { SetupId } from '../physics/setups/types';
import { modelOfSetup } from '../ui/sensitivity/sensitivityMath';
import {
  BOX_SHAPE,
  bitText,
  boolText,
  boxSchema,
  cameraSchema,
  couplingModeSchema,
  cutsSchema,
  eventSchema,
  expectedText,
  fmtBox,
  fmtSignal,
  issuesUnder,
  LANGUAGE,
  langSchema,
  methodSchema,
  nOnTargetSchema,
  numText,
  observedSchema,
  observedText,
  PARAM_KEYS,
  paramSchema,
  parseSignal,
  POINT_KEYS,
  pointFieldSchema,
  setupSchema,
  tabSchema,
  tourSchema,
  urlIssueOf,
  ZERO_OR_ONE,
} from './urlFields';
import { DEFAULT_SENSITIVITY, type CurrentSensitivity, type SharedCameraPreset, type SharedPoint, type SharedSensitivity, type SharedSettings, type ShareState, type UrlFieldError, type UrlIssue, type UrlReadResult } from './urlTypes';

export * from './urlTypes';
export { MAX_APPLIED_CUTS, MAX_TOUR_STEP, numText } from './urlFields';

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

/** Read all state parameters of a query (or hash) string: the hash's parameters override the query's. */
export function urlParamsOf(search: string, hash: string): URLSearchParams {
  const out = new URLSearchParams(search.replace(/^\?/, ''));
  const h = new URLSearchParams(hash.replace(/^#/, ''));
  for (const [k, v] of h) out.set(k, v);
  return out;
}

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
  const bad = (field: string, value: string, expected: string, used: string, problem: { issues: ParamIssue[] } | { issue: UrlIssue }) =>
    errors.push({ field, value, expected, used, ...problem });

  /**
   * A field: absent keeps `keep`, invalid becomes `fallback` (reported with the run parameters' kind
   * of problem, `issues`, or else the URL's own: `shape` or the one of the failed check).
   */
  const field = <T>(
    key: string,
    schema: z.ZodType<T>,
    fallback: T,
    show: (v: T) => string,
    keep: T,
    problem?: { issues: (e: z.ZodError) => ParamIssue[] } | { shape: UrlIssue },
  ): T => {
    const v = params.get(key);
    if (v === null) return keep;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    const data = problem && 'issues' in problem ? { issues: problem.issues(r.error) } : { issue: urlIssueOf(r.error, problem?.shape) };
    bad(key, v, expectedText(r.error), show(fallback), data);
    return fallback;
  };

  // setup first: it decides which settings the other fields change and which defaults apply
  const setup = field<SetupId>('setup', setupSchema, 'na64e', String, current.setup);
  const base = current.settings[setup] ?? defaults[setup];
  const def = defaults[setup];

  const params2: Record<string, unknown> = { ...base.params, setup };
  for (const key of PARAM_KEYS) {
    params2[key] = field(key, paramSchema(key), DEFAULT_PARAMS[setup][key], String, base.params[key], { issues: (e) => issuesUnder(key, e) });
  }
  const signalRaw = params.get('signal');
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
  const showRegions = field('regions', boolText, true, bitText, current.showRegions, { shape: ZERO_OR_ONE });
  const presentation = field('present', boolText, false, bitText, current.presentation, { shape: ZERO_OR_ONE });

  // sensitivity tab: the model point of the shared setup, field by field, then the choices
  const cs = current.sensitivity;
  const basePoint = cs.points[setup] ?? defaultPoints[setup];
  const point = { ...basePoint };
  for (const key of Object.keys(POINT_KEYS) as (keyof SharedPoint)[]) {
    point[key] = field(POINT_KEYS[key], pointFieldSchema(key), defaultPoints[setup][key], numText, basePoint[key], { issues: (e) => issuesUnder(`signal.${key}`, e) });
  }
  const sd = DEFAULT_SENSITIVITY;
  const sensitivity: SharedSensitivity = {
    point,
    tab: field('tab', tabSchema, sd.tab, String, cs.tab),
    couplingInput: field('couplingInput', couplingModeSchema, sd.couplingInput, String, cs.couplingInput),
    curveMode: field('curve', couplingModeSchema, sd.curveMode, String, cs.curveMode),
    method: field('limit', methodSchema, sd.method, String, cs.method),
    observed: field('observed', observedSchema, sd.observed, observedText, cs.observed),
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

/** Write the run parameters (the signal included) into `q`. */
function setRunParams(q: URLSearchParams, params: RunParams): void {
  for (const key of PARAM_KEYS) {
    const v = params[key];
    q.set(key, typeof v === 'boolean' ? bitText(v) : numText(v));
  }
  q.set('signal', fmtSignal(params.signal));
}

/** Encode a state as URL parameters (without the leading '#'); numbers round-trip exactly. */
export function encodeUrlState(s: ShareState): string {
  const p = new URLSearchParams();
  p.set('setup', s.setup);
  setRunParams(p, s.settings.params);
  p.set('cuts', String(s.settings.appliedCuts));
  p.set('box', fmtBox(s.settings.box));
  p.set('nOnTarget', numText(s.settings.nOnTarget));
  if (s.event !== null) p.set('event', String(s.event));
  p.set('camera', s.camera);
  p.set('lang', s.language);
  if (s.tourStep >= 0) p.set('tour', String(s.tourStep));
  p.set('regions', bitText(s.showRegions));
  if (s.presentation) p.set('present', '1');
  const sens = s.sensitivity;
  p.set('tab', sens.tab);
  p.set(POINT_KEYS.massMeV, numText(sens.point.massMeV));
  p.set(POINT_KEYS.coupling, numText(sens.point.coupling));
  // α_D is a parameter of the A′ model only
  if (modelOfSetup(s.setup) === 'aprime') p.set(POINT_KEYS.alphaD, numText(sens.point.alphaD));
  p.set(POINT_KEYS.fraction, numText(sens.point.fraction));
  p.set('couplingInput', sens.couplingInput);
  p.set('curve', sens.curveMode);
  p.set('limit', sens.method);
  p.set('observed', observedText(sens.observed));
  // URLSearchParams writes ',' as %2C; keep the box and the signal readable
  return p.toString().replace(/%2C/g, ',');
}

/** The run parameters as URL text: equal texts mean identical runs (exact numbers, signal included). */
export function runParamsText(p: RunParams): string {
  const q = new URLSearchParams();
  q.set('setup', p.setup);
  setRunParams(q, p);
  return q.toString();
}

/** One line per rejected field, for the notice. */
export function describeUrlError(e: UrlFieldError): string {
  const used = e.used === '' ? 'ignored' : `used the default ${e.used}`;
  return `${e.field}: ${e.expected}, got '${e.value}'; ${used}`;
}
