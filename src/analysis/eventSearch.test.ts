import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scaleLinear, scaleSymlog } from 'd3';
import { buildBoxIndex, countInBox, type BoxIndex } from './boxIndex';
import {
  nearestPosition,
  nextByDistance,
  pixelDistance2,
  previousByDistance,
  rankInBox,
  stepInBox,
  type PixelMap,
} from './eventSearch';
import { Rng } from '../physics/rng';

/** Events like a hermeticity plot, with the awkward cases on purpose. */
function sample(n: number, seed: number) {
  const rng = new Rng(seed, 0);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const w = new Float64Array(n);
  const bits = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const r = rng.uniform();
    if (r < 0.5) {
      // the dense electron spot, E_HCAL a hair above 0 (many values share one sort level)
      x[i] = rng.gauss(100, 3);
      y[i] = Math.abs(rng.gauss(0, 1e-4));
    } else if (r < 0.6) {
      // a dense column near x = 0 (same for x)
      x[i] = Math.abs(rng.gauss(0, 1e-4));
      y[i] = rng.range(0, 3);
    } else if (r < 0.85) {
      x[i] = rng.range(0, 100);
      y[i] = 100 - x[i] + rng.gauss(0, 5);
    } else if (r < 0.97) {
      // outside the axes: under- and overflow bins
      x[i] = rng.range(-5, 200);
      y[i] = rng.range(-2, 200);
    } else {
      // exact duplicates of an earlier point (ties broken by the event index)
      const j = Math.floor(rng.uniform() * Math.max(1, i));
      x[i] = i > 0 ? x[j] : 10;
      y[i] = i > 0 ? y[j] : 0.5;
    }
    if (rng.uniform() < 0.01) x[i] = NaN; // no plottable point: not in the index
    w[i] = rng.range(0.1, 2);
    bits[i] = rng.uniform() < 0.8 ? 3 : 1;
  }
  return { x, y, w, bits };
}

type Key = [number, number]; // (primary, event index)
const less = (a: Key, b: Key) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Brute force over all index entries: the key of every entry, then the extreme one passing `ok`. */
function bruteBest(ix: BoxIndex, key: (k: number) => Key | null, ok: (k: Key) => boolean, pickMin: boolean): Key | null {
  let best: Key | null = null;
  for (let k = 0; k < ix.x.length; k++) {
    const kk = key(k);
    if (!kk || !ok(kk)) continue;
    if (!best || (pickMin ? less(kk, best) : less(best, kk))) best = kk;
  }
  return best;
}

const keyAt = (ix: BoxIndex, k: number, primary: number): Key | null => (k < 0 ? null : [primary, ix.eventIndex[k]]);

const W = 900;
const H = 520;
const maps: [string, PixelMap][] = [
  ['linear', { x: scaleLinear().domain([0, 120]).range([0, W]), y: scaleLinear().domain([0, 120]).range([H, 0]) }],
  [
    'symlog',
    {
      x: scaleLinear().domain([0, 120]).range([0, W]),
      y: scaleSymlog().constant(1).domain([0, 120]).range([H, 0]),
    },
  ],
];

describe('event search in the box index (against brute force)', () => {
  const s = sample(30000, 7);
  const ix = buildBoxIndex(s.x, s.y, s.w, s.bits, 3, 120, 120, 120, 120);
  const coord = fc.float({ min: -10, max: 210, noNaN: true });

  for (const [name, map] of maps) {
    const d2 = (k: number, x: number, y: number) => pixelDistance2(map, ix.x[k], ix.y[k], map.x(x), map.y(y));

    it(`nearest event (${name})`, () => {
      fc.assert(
        fc.property(coord, coord, (x, y) => {
          const got = nearestPosition(ix, map, x, y);
          const want = bruteBest(ix, (k) => [d2(k, x, y), ix.eventIndex[k]], () => true, true);
          expect(keyAt(ix, got, got < 0 ? 0 : d2(got, x, y))).toEqual(want);
        }),
        { numRuns: 300 },
      );
    });

    it(`nearest event within a radius (${name})`, () => {
      fc.assert(
        fc.property(coord, coord, fc.float({ min: 0, max: 50, noNaN: true }), (x, y, r) => {
          const got = nearestPosition(ix, map, x, y, r * r);
          const want = bruteBest(ix, (k) => [d2(k, x, y), ix.eventIndex[k]], (kk) => kk[0] <= r * r, true);
          expect(keyAt(ix, got, got < 0 ? 0 : d2(got, x, y))).toEqual(want);
        }),
        { numRuns: 200 },
      );
    });

    it(`next farther and next nearer event (${name})`, () => {
      fc.assert(
        fc.property(coord, coord, fc.nat({ max: ix.x.length - 1 }), (x, y, k0) => {
          const ref = { d2: d2(k0, x, y), eventIndex: ix.eventIndex[k0] };
          const refKey: Key = [ref.d2, ref.eventIndex];
          const next = nextByDistance(ix, map, x, y, ref);
          const wantNext = bruteBest(ix, (k) => [d2(k, x, y), ix.eventIndex[k]], (kk) => less(refKey, kk), true);
          expect(keyAt(ix, next, next < 0 ? 0 : d2(next, x, y))).toEqual(wantNext);
          const prev = previousByDistance(ix, map, x, y, ref);
          const wantPrev = bruteBest(ix, (k) => [d2(k, x, y), ix.eventIndex[k]], (kk) => less(kk, refKey), false);
          expect(keyAt(ix, prev, prev < 0 ? 0 : d2(prev, x, y))).toEqual(wantPrev);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('stepping from the nearest event outwards visits events in order of distance', () => {
    const map = maps[1][1];
    const x = 100;
    const y = 0.0001;
    const seen: number[] = [];
    let k = nearestPosition(ix, map, x, y);
    for (let i = 0; i < 50 && k >= 0; i++) {
      seen.push(pixelDistance2(map, ix.x[k], ix.y[k], map.x(x), map.y(y)));
      const back = previousByDistance(ix, map, x, y, { d2: seen[i], eventIndex: ix.eventIndex[k] });
      if (i === 0) expect(back).toBe(-1);
      k = nextByDistance(ix, map, x, y, { d2: seen[i], eventIndex: ix.eventIndex[k] });
    }
    expect(seen.length).toBe(50);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  });

  const inBox = (b: { xMinGeV: number; xMaxGeV: number; yMinGeV: number; yMaxGeV: number }, k: number) =>
    ix.x[k] >= b.xMinGeV && ix.x[k] < b.xMaxGeV && ix.y[k] >= b.yMinGeV && ix.y[k] < b.yMaxGeV;

  it('steps through the events of a box in order of x, and ranks them', () => {
    fc.assert(
      fc.property(coord, coord, coord, coord, fc.nat({ max: ix.x.length - 1 }), fc.boolean(), (a, b, c, d, k0, fromNull) => {
        const box = { xMinGeV: Math.min(a, b), xMaxGeV: Math.max(a, b), yMinGeV: Math.min(c, d), yMaxGeV: Math.max(c, d) };
        const from = fromNull ? null : { xGeV: ix.x[k0], eventIndex: ix.eventIndex[k0] };
        const fromKey: Key | null = from ? [from.xGeV, from.eventIndex] : null;
        const key = (k: number): Key | null => (inBox(box, k) ? [ix.x[k], ix.eventIndex[k]] : null);
        const next = stepInBox(ix, box, from, 1);
        expect(keyAt(ix, next, next < 0 ? 0 : ix.x[next])).toEqual(bruteBest(ix, key, (kk) => !fromKey || less(fromKey, kk), true));
        const prev = stepInBox(ix, box, from, -1);
        expect(keyAt(ix, prev, prev < 0 ? 0 : ix.x[prev])).toEqual(bruteBest(ix, key, (kk) => !fromKey || less(kk, fromKey), false));
        if (next >= 0) {
          const nk: Key = [ix.x[next], ix.eventIndex[next]];
          let want = 0;
          for (let k = 0; k < ix.x.length; k++) if (inBox(box, k) && less([ix.x[k], ix.eventIndex[k]], nk)) want++;
          expect(rankInBox(ix, box, next)).toBe(want);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('walks a whole box forwards and backwards: every event once, ranks 0 … n−1', () => {
    const box = { xMinGeV: 0, xMaxGeV: 40, yMinGeV: 0, yMaxGeV: 2 };
    const n = countInBox(ix, box).raw;
    expect(n).toBeGreaterThan(100);
    const fwd: number[] = [];
    let k = stepInBox(ix, box, null, 1);
    while (k >= 0) {
      expect(rankInBox(ix, box, k)).toBe(fwd.length);
      fwd.push(ix.eventIndex[k]);
      k = stepInBox(ix, box, { xGeV: ix.x[k], eventIndex: ix.eventIndex[k] }, 1);
    }
    expect(fwd.length).toBe(n);
    expect(new Set(fwd).size).toBe(n);
    const bwd: number[] = [];
    k = stepInBox(ix, box, null, -1);
    while (k >= 0) {
      bwd.push(ix.eventIndex[k]);
      k = stepInBox(ix, box, { xGeV: ix.x[k], eventIndex: ix.eventIndex[k] }, -1);
    }
    expect(bwd.reverse()).toEqual(fwd);
  });

  it('handles an empty index and an empty box', () => {
    const empty = buildBoxIndex([], [], [], [], 0, 120, 120);
    const map = maps[0][1];
    expect(nearestPosition(empty, map, 10, 10)).toBe(-1);
    expect(stepInBox(empty, { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 }, null, 1)).toBe(-1);
    expect(stepInBox(ix, { xMinGeV: 5, xMaxGeV: 5, yMinGeV: 0, yMaxGeV: 1 }, null, 1)).toBe(-1);
  });
});
