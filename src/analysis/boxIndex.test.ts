import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildBoxIndex, countInBox } from './boxIndex';
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
});
