/**
 * Read one event from a Phoenix event-display JSON file (the subset that exportPhoenix.ts writes)
 * back into an EventDetail for the 3D view and the event panel. Validated with zod; errors name the
 * path in the file and what was expected.
 *
 * Accepted: a file object { "<event key>": event, … } (the first event is taken) or a single event
 * object. An event needs Tracks and/or PlanarCaloCells. Tracks: `pos` as [x,y,z] triplets in mm
 * (extra keys are ignored). Hits: arrays of [x,y,z] or of { pos: [x,y,z] }. PlanarCaloCells: planes
 * with normal +z (our calorimeters face the beam); cells with `pos` [x,y], `energy` [MeV] and, as we
 * write them, `detector`/`ix`/`iy`/`layer`; without those the cell is looked up from its position
 * in the current setup's geometry. The `na64` block restores process, weight, truth, measured
 * values, cuts and story; without it (a file from another tool) these are left empty or summed
 * from the cells.
 */
import { z } from 'zod';
import type { CellHit, EventDetail, ParticleKind, TrackDetail, TrackerHit } from '../physics/detail';
import type { Setup, SetupId } from '../physics/setups/types';
import { cellAt, hasCells } from './cellGeometry';
import { expectedOf, expectMessage as m, ImportError, type ImportProblem } from './importError';

export { ImportError };

const PARTICLES = ['e-', 'e+', 'gamma', 'mu-', 'mu+', 'pi-', 'pi+', 'K-', 'pbar', 'n', 'K0L', 'nu', 'chi', 'hadrons'] as const;

const finite = z.number({ error: m({ kind: 'number' }) }).refine(Number.isFinite, m({ kind: 'finite' }));
/** JSON writes NaN as null. */
const numOrNull = z.union([z.number(), z.null()]).transform((v) => (v === null ? NaN : v));
const vec3 = z.tuple([finite, finite, finite], { error: m({ kind: 'position' }) });
const ENERGY = m({ kind: 'energy' });

const trackSchema = z.looseObject({
  pos: z.array(vec3, { error: m({ kind: 'positions' }) }).min(2, m({ kind: 'minPositions', limit: 2 })),
  particle: z.enum(PARTICLES, { error: m({ kind: 'particle', options: PARTICLES }) }).optional(),
  energy: finite.min(0, ENERGY).optional(),
  invisible: z.boolean().optional(),
  note: z.string().optional(),
});

const hitSchema = z.union([vec3, z.looseObject({ pos: z.array(finite).min(3, m({ kind: 'xyz' })), detector: z.string().optional() })], {
  error: m({ kind: 'hit' }),
});

const cellSchema = z.looseObject({
  pos: z.array(finite).min(2, m({ kind: 'cellPosition' })),
  energy: finite.min(0, ENERGY),
  cellSize: finite.positive().optional(),
  detector: z.string().optional(),
  ix: z.number().int().min(0).optional(),
  iy: z.number().int().min(0).optional(),
  layer: z.number().int().min(0).optional(),
});

const planarSchema = z.object({
  plane: z
    .tuple([finite, finite, finite, finite], { error: m({ kind: 'plane' }) })
    .refine((p) => Math.abs(p[0]) < 1e-6 && Math.abs(p[1]) < 1e-6 && p[2] > 0, m({ kind: 'planeFacing' })),
  cells: z.array(cellSchema),
});

/** A translatable line of the story or the truth (physics/detail.ts TextLine). */
const textLineSchema = z.object({
  key: z.string().max(200),
  params: z.record(z.string(), z.union([z.number(), z.string(), z.null().transform(() => NaN)])).optional(),
});

const metaSchema = z.looseObject({
  setup: z.enum(['na64e', 'na64mu'], { error: m({ kind: 'setup' }) }),
  seed: z.number().int().min(0),
  eventIndex: z.number().int().min(0),
  process: z.number().int().min(0).max(255),
  weight: numOrNull,
  beamParticle: z.enum(PARTICLES),
  trueBeamEnergyGeV: numOrNull,
  truth: z.record(z.string(), z.union([z.number(), z.string(), textLineSchema, z.array(textLineSchema), z.null()]).transform((v) => (v === null ? NaN : v))),
  measured: z.object({
    pInGeV: numOrNull,
    pOutGeV: numOrNull,
    eEcalGeV: numOrNull,
    eHcalGeV: numOrNull,
    eVetoGeV: numOrNull,
    eSrdGeV: numOrNull,
    eVhcalGeV: numOrNull,
    ePreshowerGeV: numOrNull,
    eHcal0GeV: numOrNull,
  }),
  cutsPassed: z.array(z.boolean()),
  story: z.string(),
  /** Absent in files written before the story was translatable: then `story` is shown as it is. */
  storyLines: z.array(textLineSchema).optional(),
});

const eventSchema = z
  .looseObject({
    'event number': z.number().int().min(0).optional(),
    eventNumber: z.number().int().min(0).optional(),
    'run number': z.number().optional(),
    runNumber: z.number().optional(),
    Tracks: z.record(z.string(), z.array(trackSchema)).optional(),
    Hits: z.record(z.string(), z.array(hitSchema)).optional(),
    PlanarCaloCells: z.record(z.string(), planarSchema).optional(),
    na64: metaSchema.optional(),
  })
  .refine((e) => e.Tracks !== undefined || e.PlanarCaloCells !== undefined, {
    message: m({ kind: 'eventContent' }),
  });

type PhoenixEventIn = z.infer<typeof eventSchema>;

/** A value of the file as short JSON text (null: nothing there). */
function describeValue(v: unknown): string | null {
  if (v === undefined) return null;
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Zod issues as problems: path "Tracks › e- › 0 › pos › 1", what was expected, what was found. */
function issueProblems(err: z.ZodError, root: unknown, prefix: string): ImportProblem[] {
  return err.issues.slice(0, 4).map((i) => ({
    kind: 'value',
    path: [prefix, ...i.path.map(String)].filter(Boolean).join(' › '),
    expected: expectedOf(i),
    got: describeValue(valueAt(root, i.path)),
  }));
}

function isEventLike(v: unknown): boolean {
  return !!v && typeof v === 'object' && ('Tracks' in v || 'PlanarCaloCells' in v || 'Hits' in v || 'event number' in v);
}

/**
 * Parse the text of a Phoenix JSON file into the first event's detail. Throws ImportError.
 * @param setupFor the geometry to map cells with: of the event's setup (from its `na64` block), or
 *   the current one when called without an id
 */
export function parsePhoenixEvent(
  text: string,
  setupFor: (id?: SetupId) => Setup,
): { detail: EventDetail; eventKey: string; nEvents: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ImportError([{ kind: 'notJson', detail: (e as Error).message }]);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ImportError([{ kind: 'notObject' }]);
  let eventKey = '';
  let raw: unknown;
  let nEvents = 1;
  if (isEventLike(json)) raw = json;
  else {
    const keys = Object.keys(json).filter((k) => (json as Record<string, unknown>)[k] !== null);
    if (keys.length === 0) throw new ImportError([{ kind: 'noEvents' }]);
    eventKey = keys[0];
    nEvents = keys.length;
    raw = (json as Record<string, unknown>)[eventKey];
  }
  const r = eventSchema.safeParse(raw);
  if (!r.success) throw new ImportError(issueProblems(r.error, raw, eventKey));
  return { detail: toDetail(r.data, setupFor(r.data.na64?.setup), eventKey), eventKey, nEvents };
}

function toDetail(e: PhoenixEventIn, setup: Setup, eventKey: string): EventDetail {
  const tracks: TrackDetail[] = [];
  for (const [collection, list] of Object.entries(e.Tracks ?? {})) {
    for (const t of list) {
      const particle: ParticleKind = t.particle ?? ((PARTICLES as readonly string[]).includes(collection) ? (collection as ParticleKind) : 'hadrons');
      const tr: TrackDetail = { particle, energyMeV: t.energy ?? NaN, points: t.pos.flat() };
      if (t.invisible) tr.invisible = true;
      if (t.note) tr.note = t.note;
      tracks.push(tr);
    }
  }
  const trackerHits: TrackerHit[] = [];
  for (const [collection, list] of Object.entries(e.Hits ?? {})) {
    for (const h of list) {
      const p = Array.isArray(h) ? h : h.pos;
      const detector = Array.isArray(h) ? collection : (h.detector ?? collection);
      trackerHits.push({ detector, xMm: p[0], yMm: p[1], zMm: p[2] });
    }
  }
  const cells: CellHit[] = [];
  const problems: ImportProblem[] = [];
  for (const [collection, coll] of Object.entries(e.PlanarCaloCells ?? {})) {
    coll.cells.forEach((c, k) => {
      const known = c.detector !== undefined && c.ix !== undefined && c.iy !== undefined;
      const el = known ? setup.elements.find((d) => d.id === c.detector && hasCells(d)) : undefined;
      if (known && el && c.ix! < (el.cells?.nx ?? 1) && c.iy! < (el.cells?.ny ?? 1)) {
        cells.push({ detector: c.detector!, ix: c.ix!, iy: c.iy!, layer: c.layer ?? 0, energyMeV: c.energy });
        return;
      }
      const at = cellAt(setup, c.pos[0], c.pos[1], coll.plane[3]);
      if (!at) {
        if (problems.length < 3) {
          const path = [eventKey, 'PlanarCaloCells', collection, 'cells', String(k)].filter(Boolean).join(' › ');
          problems.push({ kind: 'cellOutside', path, setup: setup.name, x: c.pos[0], y: c.pos[1], z: coll.plane[3] });
        }
        return;
      }
      cells.push({ ...at, energyMeV: c.energy });
    });
  }
  if (problems.length) throw new ImportError(problems);

  const eventIndex = e.na64?.eventIndex ?? e['event number'] ?? e.eventNumber ?? 0;
  const seed = e.na64?.seed ?? Number(e['run number'] ?? e.runNumber ?? 0);
  if (e.na64) {
    const m = e.na64;
    return {
      setupId: m.setup,
      seed: m.seed,
      eventIndex: m.eventIndex,
      process: m.process,
      weight: m.weight,
      beamParticle: m.beamParticle,
      trueBeamEnergyGeV: m.trueBeamEnergyGeV,
      truth: m.truth,
      measured: m.measured,
      cutsPassed: m.cutsPassed,
      tracks,
      cells,
      trackerHits,
      story: m.storyLines ?? [{ key: 'story.literal', params: { text: m.story } }],
    };
  }
  // a file without our metadata: sum what the cells tell
  const sumOf = (pred: (c: CellHit) => boolean) => cells.filter(pred).reduce((s, c) => s + c.energyMeV, 0) / 1000;
  const roleOf = (id: string) => setup.elements.find((d) => d.id === id)?.role;
  return {
    setupId: setup.id,
    seed: Number.isFinite(seed) ? seed : 0,
    eventIndex,
    process: -1,
    weight: NaN,
    beamParticle: setup.beam.particle,
    trueBeamEnergyGeV: NaN,
    truth: {},
    measured: {
      pInGeV: NaN,
      pOutGeV: NaN,
      eEcalGeV: sumOf((c) => roleOf(c.detector) === 'ecal'),
      eHcalGeV: sumOf((c) => roleOf(c.detector) === 'hcal'),
      eVetoGeV: NaN,
      eSrdGeV: NaN,
      eVhcalGeV: sumOf((c) => roleOf(c.detector) === 'vhcal'),
      ePreshowerGeV: sumOf((c) => roleOf(c.detector) === 'ecal' && c.layer === 0),
      eHcal0GeV: NaN,
    },
    cutsPassed: [],
    tracks,
    cells,
    trackerHits,
    story: [eventKey ? { key: 'story.importedNoMetaKey', params: { eventKey } } : { key: 'story.importedNoMeta' }],
  };
}
