/**
 * Finding single events in the box index for the plot's keyboard cursor and clicks: the event
 * nearest a point, the next farther / nearer one, and stepping through the events inside a signal
 * box. Pure functions over a BoxIndex, exact (tested against brute force), and fast enough for the
 * main thread at 1e7 events: they visit bins outwards from the point and skip every bin, and every
 * run of entries inside a dense bin, that cannot hold anything better.
 *
 * Distances are measured on the screen: `map` takes a value [GeV] to a pixel, so a symlog y axis
 * counts as it is drawn. Return values are storage positions k in the index (ix.x[k], ix.y[k],
 * ix.eventIndex[k]), or -1.
 *
 * Inside a bin the index keeps its entries sorted by x (and a copy of the y values sorted by y).
 * Binary searches and early stops here widen their ranges by `tolX`, `tolY` (2/SORT_LEVELS of a
 * bin), so that entries tied with a search value are checked one by one.
 */
import { bin, countInBox, lowerBound, SORT_LEVELS, type BoxIndex } from './boxIndex';
import type { SignalBox } from '../physics/setups/types';

/** Bins with more entries than this are sampled (SAMPLE_SIZE entries) before their full pass. */
const SAMPLE_ABOVE = 4096;
const SAMPLE_SIZE = 256;

/** A monotonic map from a plot value [GeV] to a pixel, with its inverse (a d3 continuous scale is one). */
export interface AxisMap {
  (vGeV: number): number;
  invert(pixel: number): number;
}

/** The pixel maps of both axes (e.g. the plot's scales). */
export interface PixelMap {
  x: AxisMap;
  y: AxisMap;
}

/** An event and its squared pixel distance from the search point (the order of the distance steps). */
export interface DistanceKey {
  d2: number;
  eventIndex: number;
}

/** An event and its x (the order of the signal-box steps). */
export interface BoxKey {
  xGeV: number;
  eventIndex: number;
}

/** Squared pixel distance of a plot point from (px, py). */
export function pixelDistance2(map: PixelMap, xGeV: number, yGeV: number, px: number, py: number): number {
  const dx = map.x(xGeV) - px;
  const dy = map.y(yGeV) - py;
  return dx * dx + dy * dy;
}

type Mode = 'next' | 'previous';

/**
 * Core of the distance searches. 'next': the smallest (d², eventIndex) greater than `ref` (the
 * nearest event when `ref` is null), no farther than `maxD2`. 'previous': the largest key smaller
 * than `ref`.
 */
function distanceSearch(
  ix: BoxIndex,
  map: PixelMap,
  xGeV: number,
  yGeV: number,
  mode: Mode,
  ref: DistanceKey | null,
  maxD2: number,
): number {
  const { nx, ny } = ix;
  const n = ix.x.length;
  if (n === 0 || !(xGeV === xGeV && yGeV === yGeV)) return -1;
  if (mode === 'previous' && !ref) return -1;
  const bw = ix.xMaxGeV / nx;
  const bh = ix.yMaxGeV / ny;
  const tolX = (2 * bw) / SORT_LEVELS;
  const tolY = (2 * bh) / SORT_LEVELS;
  const padX = 1e-9 * ix.xMaxGeV;
  const padY = 1e-9 * ix.yMaxGeV;
  const px = map.x(xGeV);
  const py = map.y(yGeV);
  const cx = bin(xGeV, ix.xMaxGeV, nx);
  const cy = bin(yGeV, ix.yMaxGeV, ny);

  // Pixel positions of the bin edges, padded outwards by a hair (float rounding of the binning);
  // the open-ended first and last bins reach to the data range.
  const exLo = (b: number) => map.x(b === 0 ? Math.min(0, ix.xDataMin) - padX : b * bw - padX);
  const exHi = (b: number) => map.x(b === nx - 1 ? Math.max(ix.xMaxGeV, ix.xDataMax) + padX : (b + 1) * bw + padX);
  const eyLo = (b: number) => map.y(b === 0 ? Math.min(0, ix.yDataMin) - padY : b * bh - padY);
  const eyHi = (b: number) => map.y(b === ny - 1 ? Math.max(ix.yMaxGeV, ix.yDataMax) + padY : (b + 1) * bh + padY);
  /** Distance of p from the pixel interval between a and b (either order). */
  const gap = (p: number, a: number, b: number) => (a < b ? (p < a ? a - p : p > b ? p - b : 0) : p < b ? b - p : p > a ? p - a : 0);

  // 'next': best so far, shrinking `limit`; 'previous': everything within ref's distance is examined.
  let best = -1;
  let bestD2 = mode === 'next' ? maxD2 : -Infinity;
  let bestIdx = mode === 'next' ? Infinity : -Infinity;
  const refD2 = ref ? ref.d2 : -Infinity;
  const refIdx = ref ? ref.eventIndex : -Infinity;
  const limit = () => (mode === 'next' ? bestD2 : refD2);

  // The data window [xLo, xHi] × [yLo, yHi] that holds every point within sqrt(limit) pixels
  // (padded for the rounding of invert): entries outside it are rejected by two comparisons,
  // without mapping them to pixels (dense bins hold ~1e6 entries at 1e7 events).
  let xLo = -Infinity;
  let xHi = Infinity;
  let yLo = -Infinity;
  let yHi = Infinity;
  const setWindow = () => {
    const lim = limit();
    if (!(lim < Infinity)) return;
    const r = Math.sqrt(Math.max(0, lim));
    const a = map.x.invert(px - r);
    const b = map.x.invert(px + r);
    const c = map.y.invert(py - r);
    const d = map.y.invert(py + r);
    xLo = Math.min(a, b) - padX;
    xHi = Math.max(a, b) + padX;
    yLo = Math.min(c, d) - padY;
    yHi = Math.max(c, d) + padY;
    if (!(xLo <= xHi && yLo <= yHi)) {
      xLo = yLo = -Infinity;
      xHi = yHi = Infinity;
    }
  };
  setWindow();

  const consider = (k: number) => {
    const y = ix.y[k];
    if (y < yLo || y > yHi) return;
    const x = ix.x[k];
    if (x < xLo || x > xHi) return;
    const d2 = pixelDistance2(map, x, y, px, py);
    const idx = ix.eventIndex[k];
    if (mode === 'next') {
      if (ref && !(d2 > refD2 || (d2 === refD2 && idx > refIdx))) return;
      if (d2 < bestD2 || (d2 === bestD2 && idx < bestIdx)) {
        best = k;
        bestD2 = d2;
        bestIdx = idx;
        setWindow();
      }
    } else {
      if (!(d2 < refD2 || (d2 === refD2 && idx < refIdx))) return;
      if (d2 > bestD2 || (d2 === bestD2 && idx > bestIdx)) {
        best = k;
        bestD2 = d2;
        bestIdx = idx;
      }
    }
  };

  const scanBin = (bx: number, by: number) => {
    const b = by * nx + bx;
    const s0 = ix.binStart[b];
    const e0 = ix.binStart[b + 1];
    if (s0 === e0) return;
    const gx = gap(px, exLo(bx), exHi(bx));
    let gy = gap(py, eyLo(by), eyHi(by));
    if (gx * gx + gy * gy > limit()) return;
    // a large bin: look at a sample first, so that the window is narrow for the full pass
    const m = e0 - s0;
    if (m > SAMPLE_ABOVE) for (let k = s0, step = Math.ceil(m / SAMPLE_SIZE); k < e0; k += step) consider(k);
    if (!ix.binSorted[b]) {
      for (let k = s0; k < e0; k++) consider(k);
      return;
    }
    // nearest y of the bin: a lower bound on |dy| of all its entries
    const ys = ix.ySorted;
    const j = lowerBound(ys, s0, e0, yGeV);
    let dyMin = Infinity;
    if (j > s0) dyMin = Math.abs(py - map.y(Math.min(yGeV, ys[j - 1] + tolY)));
    if (j < e0) dyMin = Math.min(dyMin, Math.abs(py - map.y(Math.max(yGeV, ys[j] - tolY))));
    if (dyMin > gy) gy = dyMin;
    if (gx * gx + gy * gy > limit()) return;
    // walk outwards in x from the point until the x window is left (entries are in x order up to tolX)
    const k0 = lowerBound(ix.x, s0, e0, xGeV);
    for (let k = k0; k < e0; k++) {
      if (ix.x[k] - tolX > xHi) break;
      consider(k);
    }
    for (let k = k0 - 1; k >= s0; k--) {
      if (ix.x[k] + tolX < xLo) break;
      consider(k);
    }
  };

  // rings of bins around the point's bin, until nothing outside the rings can be close enough
  const rMax = Math.max(cx, nx - 1 - cx, cy, ny - 1 - cy);
  for (let r = 0; r <= rMax; r++) {
    const y0 = cy - r;
    const y1 = cy + r;
    const x0 = cx - r;
    const x1 = cx + r;
    for (let bx = Math.max(0, x0); bx <= Math.min(nx - 1, x1); bx++) {
      if (y0 >= 0) scanBin(bx, y0);
      if (y1 < ny && r > 0) scanBin(bx, y1);
    }
    for (let by = Math.max(0, y0 + 1); by <= Math.min(ny - 1, y1 - 1); by++) {
      if (x0 >= 0) scanBin(x0, by);
      if (x1 < nx && r > 0) scanBin(x1, by);
    }
    // everything beyond ring r is at least this far away
    let out = Infinity;
    if (x0 - 1 >= 0) out = Math.min(out, Math.abs(px - exHi(x0 - 1)));
    if (x1 + 1 < nx) out = Math.min(out, Math.abs(exLo(x1 + 1) - px));
    if (y0 - 1 >= 0) out = Math.min(out, Math.abs(py - eyHi(y0 - 1)));
    if (y1 + 1 < ny) out = Math.min(out, Math.abs(eyLo(y1 + 1) - py));
    if (out === Infinity || out * out > limit()) break;
  }
  return best;
}

/**
 * The event nearest to (xGeV, yGeV) on the screen, or -1 (empty index, or none within
 * sqrt(maxD2) pixels). Ties go to the lower event index.
 */
export function nearestPosition(ix: BoxIndex, map: PixelMap, xGeV: number, yGeV: number, maxD2 = Infinity): number {
  return distanceSearch(ix, map, xGeV, yGeV, 'next', null, maxD2);
}

/** The next event farther from (xGeV, yGeV) than `after` (ordered by distance, then event index), or -1. */
export function nextByDistance(ix: BoxIndex, map: PixelMap, xGeV: number, yGeV: number, after: DistanceKey): number {
  return distanceSearch(ix, map, xGeV, yGeV, 'next', after, Infinity);
}

/** The previous, nearer event than `before` (same order as nextByDistance), or -1 if it is the nearest. */
export function previousByDistance(
  ix: BoxIndex,
  map: PixelMap,
  xGeV: number,
  yGeV: number,
  before: DistanceKey,
): number {
  return distanceSearch(ix, map, xGeV, yGeV, 'previous', before, Infinity);
}

/** Inside the box as the box count has it: xMin <= x < xMax, yMin <= y < yMax. */
export const inBox = (box: SignalBox, x: number, y: number) =>
  x >= box.xMinGeV && x < box.xMaxGeV && y >= box.yMinGeV && y < box.yMaxGeV;

/**
 * Step through the events inside `box` in the order of increasing x (then event index): the event
 * after `from` (dir +1) or before it (dir −1); the first / last one when `from` is null. -1 when
 * there is none (no wrap-around). `from` need not be inside the box. Cost: the bins of the box
 * columns up to the first one holding a candidate.
 */
export function stepInBox(ix: BoxIndex, box: SignalBox, from: BoxKey | null, dir: 1 | -1): number {
  const { nx, ny } = ix;
  if (ix.x.length === 0 || !(box.xMinGeV < box.xMaxGeV && box.yMinGeV < box.yMaxGeV)) return -1;
  const bw = ix.xMaxGeV / nx;
  const tolX = (2 * bw) / SORT_LEVELS;
  const bx0 = bin(box.xMinGeV, ix.xMaxGeV, nx);
  const bx1 = bin(box.xMaxGeV, ix.xMaxGeV, nx);
  const by0 = bin(box.yMinGeV, ix.yMaxGeV, ny);
  const by1 = bin(box.yMaxGeV, ix.yMaxGeV, ny);
  const fx = from ? from.xGeV : dir > 0 ? -Infinity : Infinity;
  const fi = from ? from.eventIndex : dir > 0 ? -Infinity : Infinity;
  let best = -1;
  let bestX = dir > 0 ? Infinity : -Infinity;
  let bestIdx = dir > 0 ? Infinity : -Infinity;
  /** (xa, ia) comes before (xb, ib) in the order of the steps. */
  const precedes = (xa: number, ia: number, xb: number, ib: number) => xa < xb || (xa === xb && ia < ib);
  const consider = (k: number) => {
    const x = ix.x[k];
    const idx = ix.eventIndex[k];
    if (!inBox(box, x, ix.y[k])) return;
    const better =
      dir > 0
        ? precedes(fx, fi, x, idx) && precedes(x, idx, bestX, bestIdx)
        : precedes(x, idx, fx, fi) && precedes(bestX, bestIdx, x, idx);
    if (better) {
      best = k;
      bestX = x;
      bestIdx = idx;
    }
  };
  // where the walk starts: at `from`, or at the box edge if `from` lies outside it before the edge
  const x0 = dir > 0 ? Math.max(fx, box.xMinGeV) : Math.min(fx, box.xMaxGeV);
  const b0 = bin(x0, ix.xMaxGeV, nx);
  const first = dir > 0 ? Math.max(bx0, b0) : Math.min(bx1, b0);
  const last = dir > 0 ? bx1 : bx0;
  // bins are monotonic in x: once a column holds a candidate, the columns beyond hold worse ones only
  for (let bx = first; (last - bx) * dir >= 0 && best < 0; bx += dir) {
    for (let by = by0; by <= by1; by++) {
      const b = by * nx + bx;
      const s0 = ix.binStart[b];
      const e0 = ix.binStart[b + 1];
      if (!ix.binSorted[b]) {
        for (let k = s0; k < e0; k++) consider(k);
      } else if (dir > 0) {
        for (let k = lowerBound(ix.x, s0, e0, x0 - tolX); k < e0; k++) {
          const xb = ix.x[k] - tolX;
          if (xb > bestX || xb >= box.xMaxGeV) break;
          consider(k);
        }
      } else {
        for (let k = lowerBound(ix.x, s0, e0, x0 + tolX) - 1; k >= s0; k--) {
          const xb = ix.x[k] + tolX;
          if (xb < bestX || xb < box.xMinGeV) break;
          consider(k);
        }
      }
    }
  }
  return best;
}

/**
 * Number of events inside `box` that come before the entry at position k in the order of
 * stepInBox (0 for the first), consistent with countInBox(box) as the total: the columns of bins
 * left of k's come from countInBox; in k's column (and the one before, for float rounding at the
 * shared edge) bins lying inside the box in y are counted by binary search, the others entry by entry.
 */
export function rankInBox(ix: BoxIndex, box: SignalBox, k: number): number {
  const xk = ix.x[k];
  const ik = ix.eventIndex[k];
  const { nx, ny } = ix;
  const bw = ix.xMaxGeV / nx;
  const bh = ix.yMaxGeV / ny;
  const tolX = (2 * bw) / SORT_LEVELS;
  const bx0 = bin(box.xMinGeV, ix.xMaxGeV, nx);
  const bxk = Math.min(bin(box.xMaxGeV, ix.xMaxGeV, nx), bin(xk, ix.xMaxGeV, nx));
  const by0 = bin(box.yMinGeV, ix.yMaxGeV, ny);
  const by1 = bin(box.yMaxGeV, ix.yMaxGeV, ny);
  // everything left of the edge of k's column (O(perimeter), summed-area tables)
  const edge = bxk > bx0 ? Math.min(bxk * bw, box.xMaxGeV) : box.xMinGeV;
  let rank = edge > box.xMinGeV ? countInBox(ix, { ...box, xMaxGeV: edge }).raw : 0;
  // a row of bins whose every entry (open-ended first / last rows: up to the data range) has y in the box
  const yInside = (by: number) =>
    (by === 0 ? Math.min(0, ix.yDataMin) : by * bh) >= box.yMinGeV &&
    (by === ny - 1 ? Math.max(ix.yMaxGeV, ix.yDataMax) < box.yMaxGeV : (by + 1) * bh <= box.yMaxGeV);
  const countOne = (j: number) => {
    const x = ix.x[j];
    if (x >= edge && (x < xk || (x === xk && ix.eventIndex[j] < ik)) && inBox(box, x, ix.y[j])) rank++;
  };
  for (let bx = Math.max(bx0, bxk - 1); bx <= bxk; bx++) {
    for (let by = by0; by <= by1; by++) {
      const b = by * nx + bx;
      const s0 = ix.binStart[b];
      const e0 = ix.binStart[b + 1];
      if (s0 === e0) continue;
      if (!ix.binSorted[b]) {
        for (let j = s0; j < e0; j++) countOne(j);
        continue;
      }
      // [a0, a1): near the edge, [a1, c0): strictly between edge and xk, [c0, c1): near xk
      const a0 = lowerBound(ix.x, s0, e0, edge - tolX);
      const a1 = Math.max(a0, lowerBound(ix.x, a0, e0, edge + tolX));
      const c1 = Math.max(a1, lowerBound(ix.x, a1, e0, xk + tolX));
      const c0 = Math.min(c1, Math.max(a1, lowerBound(ix.x, a1, c1, xk - tolX)));
      if (yInside(by) && edge >= box.xMinGeV && xk <= box.xMaxGeV) {
        for (let j = a0; j < a1; j++) countOne(j);
        rank += c0 - a1;
        for (let j = c0; j < c1; j++) countOne(j);
      } else {
        for (let j = a0; j < c1; j++) countOne(j);
      }
    }
  }
  return rank;
}
