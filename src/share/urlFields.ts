/**
 * The fields of the shareable URL (urlState.ts reads and writes the whole state with them): the URL
 * parameter names, a zod schema per field for the text found in a link, the text a value is written
 * as, and the structured problem (`UrlIssue`) of a rejected value. Pure: no DOM, no store.
 */
import { z } from 'zod';
import { paramIssuesOf, runParamsSchema, signalParamsSchema, type ParamIssue, type RunParams, type SignalParams } from '../physics/params';
import type { SetupId, SignalBox } from '../physics/setups/types';
import { modelOfSetup } from '../ui/sensitivity/sensitivityMath';
import { CAMERA_PRESETS, OBSERVED_CHOICES, SIDE_TABS, type SharedPoint, type UrlIssue } from './urlTypes';

/** The URL parameter of each run parameter (the schema's own names, so messages match the form). */
export const PARAM_KEYS = [
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
export const POINT_KEYS = { massMeV: 'massMeV', coupling: 'coupling', alphaD: 'alphaD', fraction: 'signalFraction' } as const satisfies Record<keyof SharedPoint, string>;

/** Highest tour step accepted from a URL (the tour clamps further). */
export const MAX_TOUR_STEP = 99;
/** Cut bits are 16 wide. */
export const MAX_APPLIED_CUTS = 16;

// ---- writing ----

/** A number as exact text, large round numbers short: 937000000000 → '9.37e11', 100000 → '1e5', 0.005 stays. */
export function numText(v: number): string {
  const plain = String(v);
  const exp = v.toExponential().replace('e+', 'e');
  return Math.abs(v) >= 1e4 && exp.length < plain.length && Number(exp) === v ? exp : plain;
}

/** A switch as text. */
export const bitText = (b: boolean) => (b ? '1' : '0');

export const fmtBox = (b: SignalBox) => `${numText(b.xMinGeV)},${numText(b.xMaxGeV)},${numText(b.yMinGeV)},${numText(b.yMaxGeV)}`;

/** The observed-events choice as text ('expected' = the background-only limit). */
export const observedText = (n: number | null) => (n === null ? 'expected' : String(n));

/** The signal field's text (exact numbers; α_D only when set). */
export function fmtSignal(sig: SignalParams | null | undefined): string {
  if (!sig) return 'none';
  const a = sig.alphaD === undefined ? '' : `,${numText(sig.alphaD)}`;
  return `${sig.model},${numText(sig.massMeV)},${numText(sig.coupling)},${numText(sig.fraction)}${a}`;
}

// ---- reading: one schema per field ----

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A number written as text: strictly decimal / exponent notation (no '', 'Infinity', '0x10'). */
const numberText = z
  .string()
  .trim()
  .regex(NUMBER_RE, 'expected a number')
  .transform((s) => Number(s));

export const boolText = z.enum(['0', '1', 'true', 'false'], { error: 'expected 0 or 1' }).transform((s) => s === '1' || s === 'true');

export const setupSchema = z.enum(['na64e', 'na64mu'], { error: "expected 'na64e' or 'na64mu'" });

export const boxSchema = z
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

export const cutsSchema = numberText.pipe(
  z
    .number()
    .int('expected a whole number of cuts')
    .min(0, 'expected a number of cuts ≥ 0')
    .max(MAX_APPLIED_CUTS, `expected at most ${MAX_APPLIED_CUTS} cuts`),
);

export const nOnTargetSchema = numberText.pipe(
  z
    .number()
    .positive('expected a positive number of particles on target')
    .max(1e20, 'expected at most 1e20 particles on target'),
);

export const eventSchema = numberText.pipe(z.number().int('expected a whole event index').min(0, 'expected an event index ≥ 0'));

export const cameraSchema = z.enum(CAMERA_PRESETS, { error: `expected one of ${CAMERA_PRESETS.join(', ')}` });

export const langSchema = z.string().regex(/^[a-z]{2}$/, 'expected a two-letter language code such as en');

export const tourSchema = numberText.pipe(
  z.number().int('expected a whole tour step').min(-1, 'expected a tour step ≥ -1 (-1 = closed)').max(MAX_TOUR_STEP, `expected a tour step ≤ ${MAX_TOUR_STEP}`),
);

/** Schema of one run parameter given as URL text. */
export function paramSchema(key: (typeof PARAM_KEYS)[number]): z.ZodType<RunParams[typeof key]> {
  if (key === 'pileup') return boolText;
  return numberText.pipe(runParamsSchema.shape[key]) as z.ZodType<RunParams[typeof key]>;
}

/** Schema of one field of the model point: the signal parameters' own checks. */
export const pointFieldSchema = (key: keyof SharedPoint) =>
  numberText.pipe(key === 'alphaD' ? signalParamsSchema.shape.alphaD.unwrap() : signalParamsSchema.shape[key]);

export const couplingModeSchema = z.enum(['epsilon', 'y'], { error: "expected 'epsilon' or 'y'" });
export const methodSchema = z.enum(['cls', 'classical'], { error: "expected 'cls' or 'classical'" });
export const tabSchema = z.enum(SIDE_TABS, { error: `expected one of ${SIDE_TABS.join(', ')}` });
const OBSERVED_OPTIONS = OBSERVED_CHOICES.map(observedText);
export const observedSchema = z
  .string()
  .refine((s) => OBSERVED_OPTIONS.includes(s), {
    message: `expected 'expected' or ${OBSERVED_CHOICES.filter((n) => n !== null).join(', ')} observed events`,
    params: { kind: 'oneOf', options: OBSERVED_OPTIONS },
  })
  .transform((s) => (s === 'expected' ? null : Number(s)));

/** Expected form of the `signal` field for a setup. */
const signalShape = (setup: SetupId) => `expected 'none' or ${modelOfSetup(setup)},mass [MeV],coupling,fraction[,α_D]`;

/**
 * The signal mixed into the run: 'none', or model,massMeV,coupling,fraction[,alphaD] with the model
 * the setup produces (A′ for NA64e, Z′ for NA64μ); α_D only for the A′ (absent = the physics default).
 */
export function parseSignal(
  setup: SetupId,
  text: string,
): { ok: true; value: SignalParams | null } | { ok: false; expected: string; issues?: ParamIssue[]; issue?: UrlIssue } {
  if (text === 'none') return { ok: true, value: null };
  const model = modelOfSetup(setup);
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
  return { ok: false, expected: expectedText(r.error), issues: issuesUnder('signal', r.error) };
}

// ---- problems ----

/** The first issue of a failed parse as "expected …" text. */
export function expectedText(err: z.ZodError): string {
  return err.issues[0]?.message ?? 'invalid value';
}

/** The run parameters' problems of a failed parse, named as fields under `prefix` ('signal' → 'signal.massMeV'). */
export function issuesUnder(prefix: string, err: z.ZodError): ParamIssue[] {
  return paramIssuesOf(err).map((i) => ({ ...i, field: i.field ? `${prefix}.${i.field}` : prefix }));
}

/**
 * The first issue of a failed parse as data: a check that names its kind (`params`) gives it, else
 * `shape` (a field whose every problem reads the same, such as the box's form), else the kind of
 * the zod check (a number given as text that is not one, whole, range, options).
 */
export function urlIssueOf(err: z.ZodError, shape?: UrlIssue): UrlIssue {
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
export const BOX_SHAPE: UrlIssue = { kind: 'boxShape' };
export const LANGUAGE: UrlIssue = { kind: 'language' };
export const ZERO_OR_ONE: UrlIssue = { kind: 'oneOf', options: ['0', '1'] };
