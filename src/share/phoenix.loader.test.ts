// @vitest-environment jsdom
/**
 * The exported Phoenix JSON loaded by the real HSF Phoenix loader (the `phoenix-event-display` npm
 * package, devDependency): the same calls the Phoenix app makes for a JSON event file
 * (EventDisplay.parsePhoenixEvents → PhoenixLoader.getEventsList, then buildEventData), with the
 * three.js scene and the menus replaced by recorders (the scene needs WebGL).
 * What is checked is what Phoenix builds from our file: one tube per track through our points,
 * the tracker hits as points, one box per calorimeter cell on our plane, at our position, with our
 * size and a length from our energy. The DOM (jsdom) is only there because Phoenix's menu module
 * (dat.gui) touches `window` when it is imported.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EventDetail } from '../physics/detail';
import { DEFAULT_PARAMS } from '../physics/params';
import { Simulator } from '../physics/run';
import type { Setup } from '../physics/setups/types';
import { eventToPhoenix, type PhoenixEvent, type PhoenixFile } from './exportPhoenix';

/** The part of a three.js object (Phoenix's own three version) that is looked at here. */
interface Obj3D {
  name: string;
  type: string;
  children: Obj3D[];
  userData: Record<string, unknown>;
  position: { x: number; y: number; z: number };
  quaternion: { x: number; y: number; z: number; w: number };
  geometry?: {
    parameters?: Record<string, number>;
    attributes: { position: { count: number; array: ArrayLike<number> } };
    computeBoundingBox(): void;
    boundingBox: { min: { x: number; y: number; z: number }; max: { x: number; y: number; z: number } };
  };
}

interface Loader {
  getEventsList(data: object): string[];
  buildEventData(event: object, graphics: object, ui: object, logger: object): void;
  getCollections(): string[];
}

/** Records what the loader hands to the scene, the menus and the info panel. */
function recorders() {
  const groups: Record<string, { name: string; children: Obj3D[]; add(o: Obj3D): void }> = {};
  const graphics = {
    addEventDataTypeGroup(name: string) {
      const g = { name, children: [] as Obj3D[], add: (o: Obj3D) => void g.children.push(o) };
      groups[name] = g;
      return g;
    },
    getSceneManager: () => ({ scaleChildObjects: () => {}, scaleJets: () => {} }),
  };
  const menu: { type: string; collection: string; cuts: { field: string }[] }[] = [];
  const ui = {
    addEventDataTypeFolder: () => {},
    addCollection: (type: string, collection: string, cuts: { field: string }[]) =>
      void menu.push({ type, collection, cuts }),
    getUIMenus: () => [],
  };
  const log: string[] = [];
  const logger = { add: (text: string, kind: string) => void log.push(`${kind}: ${text}`) };
  return { groups, graphics, ui, logger, menu, log };
}

let setup: Setup;
let detail: EventDetail;
let file: PhoenixFile;
let PhoenixLoader: new () => Loader;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {}); // Phoenix logs every collection
  ({ PhoenixLoader } = (await import('phoenix-event-display/dist/loaders/phoenix-loader')) as unknown as {
    PhoenixLoader: new () => Loader;
  });
  const sim = new Simulator({ ...DEFAULT_PARAMS.na64e, events: 1000, seed: 5 });
  setup = sim.setup;
  for (let i = 0; i < 200; i++) {
    const d = sim.simulateDetail(i);
    if (
      d.tracks.length > 3 &&
      d.trackerHits.length > 0 &&
      d.cells.some((c) => c.detector.startsWith('HCAL')) &&
      d.cells.some((c) => c.detector === 'ECAL')
    ) {
      detail = d;
      break;
    }
    detail ??= d;
  }
  file = eventToPhoenix(detail, setup);
});

/** Load the file as the Phoenix app does (from its JSON text). */
function load(f: PhoenixFile) {
  const data = JSON.parse(JSON.stringify(f)) as Record<string, object>;
  const loader = new PhoenixLoader();
  const keys = loader.getEventsList(data);
  const rec = recorders();
  loader.buildEventData(data[keys[0]], rec.graphics, rec.ui, rec.logger);
  return { loader, keys, ...rec };
}

describe('Phoenix JSON loaded by the Phoenix loader (phoenix-event-display)', () => {
  it('finds the event and its number and run, also for event 0', () => {
    const { keys, log } = load(file);
    expect(keys).toEqual([`NA64e seed 5 event ${detail.eventIndex}`]);
    expect(log).toEqual([`Loaded: Event#${detail.eventIndex} from run#5`]);
    // Phoenix falls back to eventNumber when "event number" is 0
    const first = load(
      eventToPhoenix(
        new Simulator({ ...DEFAULT_PARAMS.na64e, events: 10, seed: 5 }).simulateDetail(0),
        setup,
      ),
    );
    expect(first.log).toEqual(['Loaded: Event#0 from run#5']);
  });

  it('builds the object types and collections of the file', () => {
    const ev = Object.values(file)[0];
    const { groups, menu, loader } = load(file);
    expect(Object.keys(groups).sort()).toEqual(['Hits', 'PlanarCaloCells', 'Tracks']);
    const collections = (type: string) => menu.filter((m) => m.type === type).map((m) => m.collection);
    expect(collections('Tracks')).toEqual(Object.keys(ev.Tracks));
    expect(collections('Hits')).toEqual(Object.keys(ev.Hits));
    expect(collections('PlanarCaloCells')).toEqual(
      Object.keys(ev.PlanarCaloCells).filter((k) => ev.PlanarCaloCells[k].cells.length > 0),
    );
    expect(loader.getCollections()).toEqual(
      expect.arrayContaining([...Object.keys(ev.Tracks), ...Object.keys(ev.PlanarCaloCells)]),
    );
    // the energy cut of Phoenix's menu applies to our cells (they have an 'energy' field)
    expect(menu.find((m) => m.type === 'PlanarCaloCells')!.cuts.map((c) => c.field)).toEqual(['energy']);
  });

  it('draws every track as a tube through our points, in our colour', () => {
    const ev: PhoenixEvent = Object.values(file)[0];
    const { groups } = load(file);
    const byName = new Map(groups.Tracks.children.map((c) => [c.name, c]));
    for (const [coll, tracks] of Object.entries(ev.Tracks)) {
      const built = byName.get(coll)!;
      expect(built.children).toHaveLength(tracks.length);
      tracks.forEach((t, i) => {
        const g = built.children[i];
        expect(g.name).toBe('Track');
        const [tube, line] = g.children;
        expect(tube.type).toBe('Mesh');
        expect(line.type).toBe('Line');
        expect(g.userData).toMatchObject({ particle: t.particle, energy: t.energy, color: t.color });
        // the line starts and ends at our first and last point
        const p = line.geometry!.attributes.position;
        const first = [p.array[0], p.array[1], p.array[2]];
        const last = [p.array[3 * p.count - 3], p.array[3 * p.count - 2], p.array[3 * p.count - 1]];
        first.forEach((v, k) => expect(v).toBeCloseTo(t.pos[0][k], 2));
        last.forEach((v, k) => expect(v).toBeCloseTo(t.pos[t.pos.length - 1][k], 2));
      });
    }
  });

  it('draws the tracker hits as points at our positions', () => {
    const ev: PhoenixEvent = Object.values(file)[0];
    const { groups } = load(file);
    for (const coll of groups.Hits.children) {
      const hits = ev.Hits[coll.name];
      const points = coll.children[0];
      expect(points.type).toBe('Points');
      const a = points.geometry!.attributes.position;
      expect(a.count).toBe(hits.length);
      hits.forEach((h, i) => h.pos.forEach((v, k) => expect(a.array[3 * i + k]).toBeCloseTo(v, 2)));
    }
  });

  it('draws one box per calorimeter cell on our plane, at our position, size and energy', () => {
    const ev: PhoenixEvent = Object.values(file)[0];
    const { groups } = load(file);
    let boxes = 0;
    for (const coll of groups.PlanarCaloCells.children) {
      const { plane, cells } = ev.PlanarCaloCells[coll.name];
      expect(coll.children).toHaveLength(cells.length);
      cells.forEach((cell, i) => {
        const outer = coll.children[i];
        expect(outer.name).toBe('PlanarCaloCell');
        // normal +z: no rotation of the plane
        expect([outer.quaternion.x, outer.quaternion.y, outer.quaternion.z, outer.quaternion.w]).toEqual([
          0, 0, 0, 1,
        ]);
        const box = outer.children[0];
        const length = cell.energy * 0.22; // Phoenix: 0.22 mm per MeV
        expect(box.geometry!.parameters).toMatchObject({
          width: cell.cellSize,
          height: cell.cellSize,
          depth: length,
        });
        expect(box.position.x).toBeCloseTo(cell.pos[0], 6);
        expect(box.position.y).toBeCloseTo(cell.pos[1], 6);
        expect(box.position.z).toBeCloseTo(plane[3] + length / 2, 6); // starts on the front face
        expect(outer.userData).toMatchObject({
          detector: cell.detector,
          ix: cell.ix,
          iy: cell.iy,
          layer: cell.layer,
        });
        boxes++;
      });
    }
    expect(boxes).toBe(Object.values(ev.PlanarCaloCells).reduce((n, c) => n + c.cells.length, 0));
    expect(boxes).toBeGreaterThan(10);
  });
});
