import { beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../physics/detail';
import { DEFAULT_PARAMS } from '../physics/params';
import { Simulator } from '../physics/run';
import type { Setup } from '../physics/setups/types';
import { eventToPhoenix, type PhoenixEvent } from './exportPhoenix';
import { parsePhoenixEvent } from './importPhoenix';
import { ImportError } from './importError';
import { cellPlacement } from './cellGeometry';
import { englishStory } from '../i18n/eventText';

let setup: Setup;
let detail: EventDetail;

beforeAll(() => {
  const sim = new Simulator({ ...DEFAULT_PARAMS.na64e, events: 1000, seed: 5 });
  setup = sim.setup;
  // an event with tracks, tracker hits and ECAL + HCAL cells
  for (let i = 0; i < 200; i++) {
    const d = sim.simulateDetail(i);
    if (d.tracks.length > 3 && d.trackerHits.length > 0 && d.cells.some((c) => c.detector.startsWith('HCAL')) && d.cells.some((c) => c.detector === 'ECAL')) {
      detail = d;
      break;
    }
    detail ??= d;
  }
});

const setupFor = () => setup;

function errorOf(text: string): string {
  try {
    parsePhoenixEvent(text, setupFor);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('Phoenix export', () => {
  it('writes the HSF Phoenix structure: event key, numbers, Tracks, Hits, PlanarCaloCells', () => {
    const file = eventToPhoenix(detail, setup);
    const keys = Object.keys(file);
    expect(keys).toEqual([`NA64e seed 5 event ${detail.eventIndex}`]);
    const ev = file[keys[0]];
    expect(ev['event number']).toBe(detail.eventIndex);
    expect(ev['run number']).toBe(5);
    const tracks = Object.values(ev.Tracks).flat();
    expect(tracks.length).toBe(detail.tracks.filter((t) => t.points.length >= 6).length);
    for (const t of tracks) {
      expect(t.pos.length).toBeGreaterThanOrEqual(3); // Phoenix drops tracks with < 3 positions
      for (const p of t.pos) expect(p).toHaveLength(3);
      expect(t.color).toMatch(/^[0-9a-f]{6}$/);
    }
    expect(Object.values(ev.Hits).flat().length).toBe(detail.trackerHits.length);
    const colls = Object.keys(ev.PlanarCaloCells);
    expect(colls).toContain('ECAL');
    for (const c of Object.values(ev.PlanarCaloCells)) {
      expect(c.plane.slice(0, 3)).toEqual([0, 0, 1]);
      for (const cell of c.cells) {
        expect(cell.pos).toHaveLength(2);
        expect(cell.energy).toBeGreaterThanOrEqual(0);
        expect(cell.cellSize).toBeGreaterThan(0);
      }
    }
    // the ECAL main segment starts behind the preshower; cell centres are inside the ECAL face
    const ecal = setup.elements.find((e) => e.id === 'ECAL')!;
    const main = ev.PlanarCaloCells['ECAL'];
    expect(main.plane[3]).toBeCloseTo(cellPlacement(ecal, 0, 0, 1)!.zFrontMm, 2);
    for (const cell of main.cells) {
      expect(Math.abs(cell.pos[0] - ecal.xMm)).toBeLessThan(ecal.widthMm / 2);
      expect(Math.abs(cell.pos[1] - ecal.yMm)).toBeLessThan(ecal.heightMm / 2);
    }
    // valid JSON (no NaN / undefined surprises)
    expect(() => JSON.parse(JSON.stringify(file))).not.toThrow();
  });
});

describe('Phoenix import', () => {
  it('reads an exported event back (tracks, hits, cells, metadata)', () => {
    const text = JSON.stringify(eventToPhoenix(detail, setup));
    const { detail: d, nEvents } = parsePhoenixEvent(text, setupFor);
    expect(nEvents).toBe(1);
    expect(d.setupId).toBe('na64e');
    expect(d.seed).toBe(5);
    expect(d.eventIndex).toBe(detail.eventIndex);
    expect(d.process).toBe(detail.process);
    expect(d.story).toEqual(detail.story);
    expect(d.truth).toEqual(detail.truth);
    expect(d.cutsPassed).toEqual(detail.cutsPassed);
    expect(d.measured.eEcalGeV).toBeCloseTo(detail.measured.eEcalGeV, 10);
    expect(d.cells.length).toBe(detail.cells.length);
    const key = (c: { detector: string; ix: number; iy: number; layer: number }) => `${c.detector}/${c.ix}/${c.iy}/${c.layer}`;
    const orig = new Map(detail.cells.map((c) => [key(c), c.energyMeV]));
    for (const c of d.cells) expect(c.energyMeV).toBeCloseTo(orig.get(key(c))!, 3);
    expect(d.trackerHits.length).toBe(detail.trackerHits.length);
    const kept = detail.tracks.filter((t) => t.points.length >= 6);
    expect(d.tracks.length).toBe(kept.length);
    expect(d.tracks.map((t) => t.particle).sort()).toEqual(kept.map((t) => t.particle).sort());
  });

  it('writes the story in English for readers and as keys for the round trip; reads files written before (English story, labelled truth)', () => {
    const file = eventToPhoenix(detail, setup);
    const ev = Object.values(file)[0] as PhoenixEvent;
    expect(ev.na64.story).toBe(englishStory(detail.story));
    expect(ev.na64.story).not.toMatch(/\{\{|story\./);
    expect(ev.na64.storyLines).toEqual(detail.story);
    // an older file: the story as English text, truth keyed by English labels
    const old = JSON.parse(JSON.stringify(file)) as Record<string, { na64: Record<string, unknown> }>;
    const meta = Object.values(old)[0].na64;
    delete meta.storyLines;
    meta.story = 'A 100.0 GeV electron showers in the ECAL.';
    meta.truth = { 'true beam energy [GeV]': 100.2, 'beam particle': 'e-' };
    const { detail: d } = parsePhoenixEvent(JSON.stringify(old), setupFor);
    expect(d.story).toEqual([{ key: 'story.literal', params: { text: 'A 100.0 GeV electron showers in the ECAL.' } }]);
    expect(englishStory(d.story)).toBe('A 100.0 GeV electron showers in the ECAL.');
    expect(d.truth['true beam energy [GeV]']).toBe(100.2);
  });

  it('maps cells without our decoration by position (a file from another tool)', () => {
    const file = eventToPhoenix(detail, setup);
    const ev = Object.values(file)[0] as Partial<PhoenixEvent>;
    delete ev.na64;
    for (const c of Object.values(ev.PlanarCaloCells!)) {
      for (const cell of c.cells as unknown as Record<string, unknown>[]) {
        delete cell.detector;
        delete cell.ix;
        delete cell.iy;
        delete cell.layer;
      }
    }
    const { detail: d } = parsePhoenixEvent(JSON.stringify(file), setupFor);
    const key = (c: { detector: string; ix: number; iy: number; layer: number }) => `${c.detector}/${c.ix}/${c.iy}/${c.layer}`;
    expect(d.cells.map(key).sort()).toEqual(detail.cells.map(key).sort());
    expect(englishStory(d.story)).toMatch(/without NA64 metadata/);
    expect(d.measured.eEcalGeV).toBeGreaterThan(0);
  });

  it('accepts a single event object and hits given as plain positions', () => {
    const d = parsePhoenixEvent(JSON.stringify({ 'event number': 3, Tracks: { 'mu-': [{ pos: [[0, 0, 0], [0, 0, 1000], [1, 0, 2000]] }] }, Hits: { MM1: [[0, 0, 0]] } }), setupFor).detail;
    expect(d.eventIndex).toBe(3);
    expect(d.tracks[0].particle).toBe('mu-');
    expect(d.trackerHits).toEqual([{ detector: 'MM1', xMm: 0, yMm: 0, zMm: 0 }]);
  });

  it('rejects corrupted files with the path of the problem', () => {
    const good = eventToPhoenix(detail, setup);
    const key = Object.keys(good)[0];
    expect(errorOf('{"a": ')).toMatch(/^not a JSON file/);
    expect(errorOf('[1,2]')).toMatch(/expected a JSON object of events/);
    expect(errorOf('{}')).toBe('the file holds no events');
    expect(errorOf(JSON.stringify({ ev: { 'event number': 1 } }))).toMatch(/expected an event with "Tracks" and\/or "PlanarCaloCells"/);

    const badTrack = structuredClone(good);
    const coll = Object.keys(badTrack[key].Tracks)[0];
    (badTrack[key].Tracks[coll][0].pos[1] as unknown[])[2] = 'far';
    expect(errorOf(JSON.stringify(badTrack))).toMatch(new RegExp(`^${key} › Tracks › ${coll.replace(/[+]/g, '\\+')} › 0 › pos › 1 › 2: expected a number, got "far"`));

    const badPlane = structuredClone(good);
    badPlane[key].PlanarCaloCells.ECAL.plane = [1, 0, 0, 5];
    expect(errorOf(JSON.stringify(badPlane))).toMatch(/PlanarCaloCells › ECAL › plane: expected a plane facing the beam/);

    const badEnergy = structuredClone(good);
    (badEnergy[key].PlanarCaloCells.ECAL.cells[0] as { energy: unknown }).energy = -4;
    expect(errorOf(JSON.stringify(badEnergy))).toMatch(/cells › 0 › energy: expected an energy ≥ 0 MeV, got -4/);

    const outside = structuredClone(good);
    const cell = outside[key].PlanarCaloCells.ECAL.cells[0] as unknown as Partial<Record<string, unknown>>;
    delete cell.detector;
    cell.pos = [5000, 5000];
    expect(errorOf(JSON.stringify(outside))).toMatch(/expected a cell of a calorimeter of the .* setup, got position \[5000, 5000\]/);
  });

  it('reports the problems as data: path, expected kind, value found (the app words them per language)', () => {
    const problemsOf = (text: string) => {
      try {
        parsePhoenixEvent(text, setupFor);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as ImportError).problems;
      }
      throw new Error('expected an ImportError');
    };
    expect(problemsOf('{"a": ')[0]).toMatchObject({ kind: 'notJson' });
    expect(problemsOf('[1,2]')).toEqual([{ kind: 'notObject' }]);
    expect(problemsOf('{}')).toEqual([{ kind: 'noEvents' }]);
    expect(problemsOf(JSON.stringify({ ev: { 'event number': 1 } }))).toEqual([{ kind: 'value', path: 'ev', expected: { kind: 'eventContent' }, got: '{"event number":1}' }]);
    const track = (t: unknown) => problemsOf(JSON.stringify({ ev: { Tracks: { e: [t] } } }))[0];
    expect(track({ pos: [[0, 0, 0], [0, 0, 'far']] })).toEqual({ kind: 'value', path: 'ev › Tracks › e › 0 › pos › 1 › 2', expected: { kind: 'number' }, got: '"far"' });
    expect(track({})).toEqual({ kind: 'value', path: 'ev › Tracks › e › 0 › pos', expected: { kind: 'positions' }, got: null });
    expect(track({ pos: [[0, 0, 0]] })).toMatchObject({ expected: { kind: 'minPositions', limit: 2 } });
    expect(track({ pos: [[0, 0, 0], [0, 0, 1]], particle: 'x' })).toMatchObject({ expected: { kind: 'particle' } });
    // checks without a message of their own: the kind of the check
    expect(track({ pos: [[0, 0, 0], [0, 0, 1]], invisible: 'yes' })).toMatchObject({ expected: { kind: 'boolean' }, got: '"yes"' });
    const cells = { ECAL: { plane: [0, 0, 1, 1000], cells: [{ pos: [5000, 5000], energy: 10, ix: -1 }] } };
    expect(problemsOf(JSON.stringify({ ev: { PlanarCaloCells: cells } }))[0]).toMatchObject({
      path: 'ev › PlanarCaloCells › ECAL › cells › 0 › ix',
      expected: { kind: 'min', limit: 0, inclusive: true },
    });
    delete (cells.ECAL.cells[0] as { ix?: number }).ix;
    expect(problemsOf(JSON.stringify({ ev: { PlanarCaloCells: cells } }))).toEqual([
      { kind: 'cellOutside', path: 'ev › PlanarCaloCells › ECAL › cells › 0', setup: setupFor().name, x: 5000, y: 5000, z: 1000 },
    ]);
  });
});

describe('Phoenix round trip for NA64μ', () => {
  it('exports and imports a muon event with its cells', () => {
    const sim = new Simulator({ ...DEFAULT_PARAMS.na64mu, events: 300, seed: 4 });
    let d: EventDetail | null = null;
    for (let i = 0; i < 300 && !d; i++) {
      const e = sim.simulateDetail(i);
      if (e.cells.length > 0 && e.tracks.length > 0) d = e;
    }
    expect(d).not.toBeNull();
    const file = eventToPhoenix(d!, sim.setup);
    const key = Object.keys(file)[0];
    expect(key).toBe(`NA64mu seed 4 event ${d!.eventIndex}`);
    const back = parsePhoenixEvent(JSON.stringify(file), () => sim.setup).detail;
    expect(back.setupId).toBe('na64mu');
    expect(back.cells.length).toBe(d!.cells.filter((c) => sim.setup.elements.some((e) => e.id === c.detector)).length);
    expect(back.tracks.length).toBe(d!.tracks.filter((t) => t.points.length >= 6).length);
  });
});
