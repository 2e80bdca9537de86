/**
 * Exact, fast signal-box counting for drag feedback.
 *
 * Events (of the current selection) are bucketed into an nx × ny grid over the plot range; two
 * summed-area tables (raw count, Σweight) give the content of all bins fully inside a box in O(1),
 * and only events in the bins cut by the box edges are tested one by one. A box drag therefore costs
 * O(perimeter bins + events in them), independent of the run size for boxes away from the dense
 * electron spot. Pure data + functions: built in the worker, used on the main thread.
 */
import type { SignalBox } from '../physics/setups/types';

export interface BoxIndex {
  nx: number;
  ny: number;
  xMaxGeV: number;
  yMaxGeV: number;
  /** binStart[b] .. binStart[b+1]-1 are the sorted positions of the events of bin b (b = iy*nx+ix). */
  binStart: Int32Array;
  x: Float32Array;
  y: Float32Array;
  w: Float64Array;
  /** Event index within the run of each sorted entry. */
  eventIndex: Int32Array;
  /** Within each bin the entries are sorted by x; wCumX[k] = Σ w of entries before k (storage order). */
  wCumX: Float64Array;
  /** Per bin, the y values sorted (ySorted) and Σ w before each in that order (wCumY). */
  ySorted: Float32Array;
  wCumY: Float64Array;
  /** 1 where a bin's order is exact (0 for under/overflow bins, scanned instead). */
  binSorted: Uint8Array;
  /** Data range of the selected events (decides whether an open-ended edge bin is cut by the box). */
  xDataMin: number;
  xDataMax: number;
  yDataMin: number;
  yDataMax: number;
  /** (nx+1)*(ny+1) summed-area tables; sat[(iy)*(nx+1)+ix] = content of bins with ix' < ix, iy' < iy. */
  satRaw: Float64Array;
  satW: Float64Array;
}

export interface BoxCount {
  raw: number;
  weighted: number;
}

/**
 * Entries inside a bin are in exact order (x, and y in `ySorted`); the event searches still widen
 * their ranges by 2/SORT_LEVELS of a bin around a value, so that ties (equal x) are checked entry
 * by entry.
 */
export const SORT_LEVELS = 1048576;

/** Entries up to which a bin is sorted through packed Float64 keys; larger bins use a comparator. */
const PACKED_SORT_MAX = 4194304; // 2^22: 31 bits of a non-negative float32 + 22 bits fit in 2^53

/**
 * order[0..m) = the local indices 0..m-1 of v[s0 .. s0+m) sorted by value (ties: by index), exact.
 * Values must be non-negative (a bin with entries below 0 is not sorted); −0 counts as +0. The bits
 * of a non-negative float32 are monotonic in its value, so (bits × 2^22 + index) is an exact sort key.
 * `keys` and `order` hold at least m entries; `packedMax` (tests only) moves the switch to the comparator.
 */
export function sortedOrder(
  v: Float32Array,
  s0: number,
  m: number,
  keys: Float64Array,
  order: Uint32Array,
  packedMax = PACKED_SORT_MAX,
): void {
  if (m <= packedMax) {
    const k = keys.subarray(0, m);
    const bits = new Uint32Array(v.buffer, v.byteOffset + 4 * s0, m);
    // & 0x7fffffff: −0 → +0 (no other value here has the sign bit)
    for (let j = 0; j < m; j++) k[j] = (bits[j] & 0x7fffffff) * PACKED_SORT_MAX + j;
    k.sort();
    for (let j = 0; j < m; j++) order[j] = k[j] % PACKED_SORT_MAX;
    return;
  }
  const o = order.subarray(0, m);
  for (let j = 0; j < m; j++) o[j] = j;
  o.sort((a, b) => v[s0 + a] - v[s0 + b] || a - b);
}

/** Bin of a coordinate (clamped: underflow → 0, overflow → last bin). */
export function bin(v: number, max: number, n: number): number {
  const b = Math.floor((v / max) * n);
  return b < 0 ? 0 : b >= n ? n - 1 : b;
}

/**
 * Build the index of the events `i` with `(cutBits[i] & mask) === mask`.
 * @param x,y plot coordinates [GeV] per event; `w` weights; `eventIndexOffset` added to stored indices.
 */
export function buildBoxIndex(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  cutBits: ArrayLike<number>,
  mask: number,
  xMaxGeV: number,
  yMaxGeV: number,
  nx = 240,
  ny = 240,
  eventIndexOffset = 0,
): BoxIndex {
  const n = x.length;
  const nb = nx * ny;
  const counts = new Int32Array(nb + 1);
  let selected = 0;
  // Events without plottable coordinates (NaN: e.g. no track) are left out of the index.
  for (let i = 0; i < n; i++) {
    if ((cutBits[i] & mask) !== mask || !(x[i] === x[i] && y[i] === y[i])) continue;
    counts[bin(y[i], yMaxGeV, ny) * nx + bin(x[i], xMaxGeV, nx)]++;
    selected++;
  }
  const binStart = new Int32Array(nb + 1);
  for (let b = 0; b < nb; b++) binStart[b + 1] = binStart[b] + counts[b];
  const fill = binStart.slice(0, nb);
  const xs = new Float32Array(selected);
  const ys = new Float32Array(selected);
  const ws = new Float64Array(selected);
  const idx = new Int32Array(selected);
  const rawBins = new Float64Array(nb);
  const wBins = new Float64Array(nb);
  for (let i = 0; i < n; i++) {
    if ((cutBits[i] & mask) !== mask || !(x[i] === x[i] && y[i] === y[i])) continue;
    const b = bin(y[i], yMaxGeV, ny) * nx + bin(x[i], xMaxGeV, nx);
    const k = fill[b]++;
    xs[k] = x[i];
    ys[k] = y[i];
    ws[k] = w[i];
    idx[k] = i + eventIndexOffset;
    rawBins[b] += 1;
    wBins[b] += w[i];
  }
  const W = nx + 1;
  const satRaw = new Float64Array(W * (ny + 1));
  const satW = new Float64Array(W * (ny + 1));
  for (let iy = 0; iy < ny; iy++) {
    let rowRaw = 0;
    let rowW = 0;
    for (let ix = 0; ix < nx; ix++) {
      rowRaw += rawBins[iy * nx + ix];
      rowW += wBins[iy * nx + ix];
      satRaw[(iy + 1) * W + ix + 1] = satRaw[iy * W + ix + 1] + rowRaw;
      satW[(iy + 1) * W + ix + 1] = satW[iy * W + ix + 1] + rowW;
    }
  }
  // Sort each bin by x (and keep a y-sorted copy) so that a bin crossed by only one kind of edge is
  // counted by binary search. The order is exact (sortedOrder): a binary search for a box edge must
  // not miss an entry even where many values lie within a hair of it (E_HCAL ≈ 0 of the electron spot).
  const wCumX = new Float64Array(selected + 1);
  const ySorted = new Float32Array(selected);
  const wCumY = new Float64Array(selected + 1);
  const binSorted = new Uint8Array(nb);
  const bw = xMaxGeV / nx;
  const bh = yMaxGeV / ny;
  let keys = new Float64Array(64);
  let order = new Uint32Array(64);
  const tx = new Float32Array(selected);
  const ty = new Float32Array(selected);
  const tw = new Float64Array(selected);
  const ti = new Int32Array(selected);
  for (let b = 0; b < nb; b++) {
    const s0 = binStart[b];
    const e0 = binStart[b + 1];
    const m = e0 - s0;
    const ix0 = b % nx;
    const iy0 = (b - ix0) / nx;
    const xlo = ix0 * bw;
    const ylo = iy0 * bh;
    let inRange = true; // all entries inside the bin (so non-negative: sortedOrder needs that)
    for (let k = s0; k < e0 && inRange; k++) {
      if (!(xs[k] >= xlo && xs[k] < xlo + bw && ys[k] >= ylo && ys[k] < ylo + bh)) inRange = false;
    }
    if (m > 1 && inRange) {
      if (keys.length < m) {
        keys = new Float64Array(Math.max(m, keys.length * 2));
        order = new Uint32Array(keys.length);
      }
      sortedOrder(xs, s0, m, keys, order);
      for (let j = 0; j < m; j++) {
        const from = s0 + order[j];
        tx[s0 + j] = xs[from];
        ty[s0 + j] = ys[from];
        tw[s0 + j] = ws[from];
        ti[s0 + j] = idx[from];
      }
      xs.set(tx.subarray(s0, e0), s0);
      ys.set(ty.subarray(s0, e0), s0);
      ws.set(tw.subarray(s0, e0), s0);
      idx.set(ti.subarray(s0, e0), s0);
      sortedOrder(ys, s0, m, keys, order);
      for (let j = 0; j < m; j++) {
        const from = s0 + order[j];
        ySorted[s0 + j] = ys[from];
        tw[s0 + j] = ws[from];
      }
      binSorted[b] = 1;
    } else {
      for (let k = s0; k < e0; k++) {
        ySorted[k] = ys[k];
        tw[k] = ws[k];
      }
      binSorted[b] = m <= 1 && inRange ? 1 : 0;
    }
  }
  let xDataMin = Infinity;
  let xDataMax = -Infinity;
  let yDataMin = Infinity;
  let yDataMax = -Infinity;
  for (let k = 0; k < selected; k++) {
    wCumX[k + 1] = wCumX[k] + ws[k];
    wCumY[k + 1] = wCumY[k] + tw[k];
    if (xs[k] < xDataMin) xDataMin = xs[k];
    if (xs[k] > xDataMax) xDataMax = xs[k];
    if (ys[k] < yDataMin) yDataMin = ys[k];
    if (ys[k] > yDataMax) yDataMax = ys[k];
  }
  return {
    nx, ny, xMaxGeV, yMaxGeV, binStart, x: xs, y: ys, w: ws, eventIndex: idx, wCumX, ySorted, wCumY, binSorted,
    xDataMin, xDataMax, yDataMin, yDataMax, satRaw, satW,
  };
}

/** Number of selected events (raw) in the index. */
export const indexSize = (ix: BoxIndex): number => ix.x.length;

/**
 * Count events with xMin <= x < xMax and yMin <= y < yMax (exact). Throws RangeError if the box is
 * inverted (min > max); an empty box (min == max) counts zero.
 */
export function countInBox(ix: BoxIndex, box: SignalBox): BoxCount {
  const { xMinGeV, xMaxGeV, yMinGeV, yMaxGeV } = box;
  if (!(xMinGeV <= xMaxGeV && yMinGeV <= yMaxGeV)) {
    throw new RangeError(`signal box has min > max: ${JSON.stringify(box)}`);
  }
  const { nx, ny } = ix;
  const bw = ix.xMaxGeV / nx;
  const bh = ix.yMaxGeV / ny;
  // bins touched by the box; the first/last bins are open-ended (under/overflow)
  const bx0 = bin(xMinGeV, ix.xMaxGeV, nx);
  const bx1 = bin(xMaxGeV, ix.xMaxGeV, nx);
  const by0 = bin(yMinGeV, ix.yMaxGeV, ny);
  const by1 = bin(yMaxGeV, ix.yMaxGeV, ny);
  // Interior bins: all their possible entries lie inside [xMin, xMax) x [yMin, yMax). The open-ended
  // first/last bins extend to the data range.
  const xInsideLo = (b: number) => (b === 0 ? Math.min(0, ix.xDataMin) : b * bw) >= xMinGeV;
  const xInsideHi = (b: number) => (b === nx - 1 ? Math.max(ix.xMaxGeV, ix.xDataMax) < xMaxGeV : (b + 1) * bw <= xMaxGeV);
  const yInsideLo = (b: number) => (b === 0 ? Math.min(0, ix.yDataMin) : b * bh) >= yMinGeV;
  const yInsideHi = (b: number) => (b === ny - 1 ? Math.max(ix.yMaxGeV, ix.yDataMax) < yMaxGeV : (b + 1) * bh <= yMaxGeV);
  let ix0 = bx0;
  if (!xInsideLo(ix0)) ix0++;
  let ix1 = bx1; // inclusive
  if (!xInsideHi(ix1)) ix1--;
  let iy0 = by0;
  if (!yInsideLo(iy0)) iy0++;
  let iy1 = by1;
  if (!yInsideHi(iy1)) iy1--;
  let raw = 0;
  let weighted = 0;
  if (ix0 <= ix1 && iy0 <= iy1) {
    const W = nx + 1;
    const a = iy0 * W + ix0;
    const b = iy0 * W + ix1 + 1;
    const c = (iy1 + 1) * W + ix0;
    const d = (iy1 + 1) * W + ix1 + 1;
    raw += ix.satRaw[d] - ix.satRaw[b] - ix.satRaw[c] + ix.satRaw[a];
    weighted += ix.satW[d] - ix.satW[b] - ix.satW[c] + ix.satW[a];
  }
  // Boundary bins: a bin cut by x edges only (or y edges only) is counted by binary search in its
  // sorted entries; corner bins and unsorted (under/overflow) bins are scanned.
  for (let by = by0; by <= by1; by++) {
    const yInterior = by >= iy0 && by <= iy1;
    for (let bx = bx0; bx <= bx1; bx++) {
      const xInterior = bx >= ix0 && bx <= ix1;
      if (yInterior && xInterior) continue;
      const b = by * nx + bx;
      const s0 = ix.binStart[b];
      const e0 = ix.binStart[b + 1];
      if (s0 === e0) continue;
      if (ix.binSorted[b] && (yInterior || xInterior)) {
        const arr = yInterior ? ix.x : ix.ySorted;
        const cum = yInterior ? ix.wCumX : ix.wCumY;
        const lo = yInterior ? xMinGeV : yMinGeV;
        const hi = yInterior ? xMaxGeV : yMaxGeV;
        const k0 = lowerBound(arr, s0, e0, lo);
        const k1 = lowerBound(arr, k0, e0, hi);
        raw += k1 - k0;
        weighted += cum[k1] - cum[k0];
        continue;
      }
      for (let k = s0; k < e0; k++) {
        const xv = ix.x[k];
        const yv = ix.y[k];
        if (xv >= xMinGeV && xv < xMaxGeV && yv >= yMinGeV && yv < yMaxGeV) {
          raw++;
          weighted += ix.w[k];
        }
      }
    }
  }
  return { raw, weighted: Math.max(0, weighted) };
}

/** First position in [s, e) of the sorted `a` whose value is >= v. */
export function lowerBound(a: Float32Array, s: number, e: number, v: number): number {
  let lo = s;
  let hi = e;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
