import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBoxIndex, countInBox, sortedOrder } from './boxIndex';
import { Rng } from '../physics/rng';

function sample(n: number, seed: number) {
  const rng = new Rng(seed, 0);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const w = new Float64Array(n);
  const bits = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    // dense spot + diagonal + outliers beyond the axis range
    const r = rng.uniform();
    if (r < 0.7) {
      x[i] = rng.gauss(100, 3);
      y[i] = Math.abs(rng.gauss(0, 0.1));
    } else if (r < 0.95) {
      x[i] = rng.range(0, 100);
      y[i] = 100 - x[i] + rng.gauss(0, 5);
    } else {
      x[i] = rng.range(-5, 200);
      y[i] = rng.range(-2, 200);
    }
    w[i] = rng.range(0.1, 2);
    bits[i] = rng.uniform() < 0.8 ? 3 : 1;
  }
  return { x, y, w, bits };
}

function brute(s: ReturnType<typeof sample>, mask: number, b: { xMinGeV: number; xMaxGeV: number; yMinGeV: number; yMaxGeV: number }) {
  let raw = 0;
  let weighted = 0;
  for (let i = 0; i < s.x.length; i++) {
    if ((s.bits[i] & mask) !== mask) continue;
    if (s.x[i] >= b.xMinGeV && s.x[i] < b.xMaxGeV && s.y[i] >= b.yMinGeV && s.y[i] < b.yMaxGeV) {
      raw++;
      weighted += s.w[i];
    }
  }
  return { raw, weighted };
}

describe('box index', () => {
  const s = sample(20000, 3);
  const ix = buildBoxIndex(s.x, s.y, s.w, s.bits, 3, 120, 120, 120, 120);

  it('counts exactly like a brute-force scan for arbitrary boxes (property)', () => {
    fc.assert(
      fc.property(
        fc.float({ min: -10, max: 210, noNaN: true }),
        fc.float({ min: -10, max: 210, noNaN: true }),
        fc.float({ min: -10, max: 210, noNaN: true }),
        fc.float({ min: -10, max: 210, noNaN: true }),
        (a, b, c, d) => {
          const box = { xMinGeV: Math.min(a, b), xMaxGeV: Math.max(a, b), yMinGeV: Math.min(c, d), yMaxGeV: Math.max(c, d) };
          const got = countInBox(ix, box);
          const want = brute(s, 3, box);
          expect(got.raw).toBe(want.raw);
          expect(got.weighted).toBeCloseTo(want.weighted, 6);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts exactly when a box edge falls between values a hair apart (E_HCAL ≈ 0 of the spot)', () => {
    // values within 1e-6 GeV of each other near 0: the in-bin order must be exact there
    const n = 4000;
    const rng = new Rng(11, 0);
    const t = { x: new Float32Array(n), y: new Float32Array(n), w: new Float64Array(n), bits: new Uint16Array(n) };
    for (let i = 0; i < n; i++) {
      t.x[i] = rng.gauss(100, 3);
      t.y[i] = i % 7 === 0 ? -0 : Math.abs(rng.gauss(0, 1e-5));
      t.w[i] = 1;
      t.bits[i] = 3;
    }
    const tix = buildBoxIndex(t.x, t.y, t.w, t.bits, 3, 120, 120, 120, 120);
    fc.assert(
      fc.property(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }), fc.boolean(), (i, j, edgeInX) => {
        // edges exactly at data values: at x (a column cut through the sorted x) or at y
        const box = edgeInX
          ? { xMinGeV: Math.min(t.x[i], t.x[j]), xMaxGeV: Math.max(t.x[i], t.x[j]), yMinGeV: 0, yMaxGeV: 1 }
          : { xMinGeV: 0, xMaxGeV: 110, yMinGeV: Math.min(t.y[i], t.y[j]), yMaxGeV: Math.max(t.y[i], t.y[j]) };
        expect(countInBox(tix, box).raw).toBe(brute(t, 3, box).raw);
      }),
      { numRuns: 300 },
    );
  });

  it('counts exactly for boxes on bin boundaries and through the dense spot', () => {
    const boxes = [
      { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 },
      { xMinGeV: 0, xMaxGeV: 100, yMinGeV: 0, yMaxGeV: 1 },
      { xMinGeV: 99, xMaxGeV: 101, yMinGeV: 0, yMaxGeV: 0.05 },
      { xMinGeV: 0, xMaxGeV: 120, yMinGeV: 0, yMaxGeV: 120 },
      { xMinGeV: 0, xMaxGeV: 1000, yMinGeV: -10, yMaxGeV: 1000 },
      { xMinGeV: 30, xMaxGeV: 30, yMinGeV: 0, yMaxGeV: 1 },
    ];
    for (const box of boxes) {
      const got = countInBox(ix, box);
      const want = brute(s, 3, box);
      expect(got.raw).toBe(want.raw);
      expect(got.weighted).toBeCloseTo(want.weighted, 6);
    }
  });

  it('rejects an inverted box', () => {
    expect(() => countInBox(ix, { xMinGeV: 10, xMaxGeV: 5, yMinGeV: 0, yMaxGeV: 1 })).toThrow(RangeError);
  });

  it('sorts a bin exactly, ties by position, through packed keys and through the comparator', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: 0, max: 2, noNaN: true }), { minLength: 1, maxLength: 300 }), (vals) => {
        const v = new Float32Array([7, ...vals]); // one entry before the bin (s0 = 1)
        const m = vals.length;
        const want = [...Array(m).keys()].sort((a, b) => v[1 + a] - v[1 + b] || a - b);
        for (const packedMax of [4194304, 0]) {
          const order = new Uint32Array(m);
          sortedOrder(v, 1, m, new Float64Array(m), order, packedMax);
          expect([...order]).toEqual(want);
        }
      }),
      { numRuns: 200 },
    );
  });
});
