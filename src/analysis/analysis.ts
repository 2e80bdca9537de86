/**
 * Run analysis for the views: the hermeticity-plot density histogram, the low-density markers,
 * the cut-flow table and the signal-box index. Pure functions over RunColumns (worker and Node).
 */
import type { RunColumns } from '../physics/columns';
import type { Setup, SignalBox } from '../physics/setups/types';
import { buildBoxIndex, countInBox, type BoxCount, type BoxIndex } from './boxIndex';
import { processCounts, type ProcessCounts } from './processCounts';

/** Plot coordinates of an event for a setup: NA64e (E_ECAL, E_HCAL); NA64mu (p_out, E_ECAL+E_VHCAL+E_HCAL). */
export function plotCoordinates(setup: Setup, c: RunColumns): { x: Float32Array; y: Float32Array } {
  if (setup.id === 'na64mu') {
    const y = new Float32Array(c.n);
    for (let i = 0; i < c.n; i++) y[i] = c.eEcalGeV[i] + c.eVhcalGeV[i] + c.eHcalGeV[i];
    return { x: c.pOutGeV, y };
  }
  return { x: c.eEcalGeV, y: c.eHcalGeV };
}

export interface DensityHistogram {
  nx: number;
  ny: number;
  xMaxGeV: number;
  yMaxGeV: number;
  /** Raw counts per bin, row-major from y = 0 (bin b = iy*nx + ix). */
  counts: Float64Array;
  maxCount: number;
}

/** Low-density events drawn as individual markers. */
export interface Markers {
  x: Float32Array;
  y: Float32Array;
  eventIndex: Int32Array;
  process: Uint8Array;
  weight: Float64Array;
}

export interface CutFlowRow {
  id: string;
  label: string;
  raw: number;
  weighted: number;
}

export interface AnalysisResult {
  /** Bit mask of cuts applied to the plotted sample. */
  mask: number;
  histogram: DensityHistogram;
  markers: Markers;
  index: BoxIndex;
  /** Rows: 'all', then each cut cumulatively. */
  cutFlow: CutFlowRow[];
  /** Events per process (raw, weighted) of the plotted selection. */
  processCounts: ProcessCounts;
  /** Σw over all events (normalisation for scaling to N on target). */
  totalWeight: number;
  nEvents: number;
}

/** Events in bins with at most this many entries are drawn as markers. */
export const MARKER_BIN_THRESHOLD = 4;
const MAX_MARKERS = 60000;

/** Analyse a run for a given cut mask. */
export function analyse(setup: Setup, c: RunColumns, mask: number, nx = 240, ny = 240): AnalysisResult {
  const { x, y } = plotCoordinates(setup, c);
  const { xMaxGeV, yMaxGeV } = setup.axes;
  const index = buildBoxIndex(x, y, c.weight, c.cutBits, mask, xMaxGeV, yMaxGeV, nx, ny, c.firstIndex);
  const counts = new Float64Array(nx * ny);
  let maxCount = 0;
  for (let b = 0; b < nx * ny; b++) {
    const v = index.binStart[b + 1] - index.binStart[b];
    counts[b] = v;
    if (v > maxCount) maxCount = v;
  }
  // markers: events in sparse bins (plus all non-'em' events in bins of moderate density)
  const mk: number[] = [];
  for (let b = 0; b < nx * ny && mk.length < MAX_MARKERS; b++) {
    const s = index.binStart[b];
    const e = index.binStart[b + 1];
    if (e - s <= MARKER_BIN_THRESHOLD) for (let k = s; k < e; k++) mk.push(k);
  }
  const markers: Markers = {
    x: new Float32Array(mk.length),
    y: new Float32Array(mk.length),
    eventIndex: new Int32Array(mk.length),
    process: new Uint8Array(mk.length),
    weight: new Float64Array(mk.length),
  };
  mk.forEach((k, j) => {
    markers.x[j] = index.x[k];
    markers.y[j] = index.y[k];
    markers.eventIndex[j] = index.eventIndex[k];
    markers.process[j] = c.process[index.eventIndex[k] - c.firstIndex];
    markers.weight[j] = index.w[k];
  });
  return {
    mask,
    histogram: { nx, ny, xMaxGeV, yMaxGeV, counts, maxCount },
    markers,
    index,
    cutFlow: cutFlow(setup, c),
    processCounts: processCounts(c, mask),
    totalWeight: sum(c.weight, c.n),
    nEvents: c.n,
  };
}

function sum(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  return s;
}

/** Cumulative cut flow: row 0 all events, row k events passing cuts 1..k (raw and weighted). */
export function cutFlow(setup: Setup, c: RunColumns): CutFlowRow[] {
  const nCuts = setup.cuts.length;
  const raw = new Float64Array(nCuts + 1);
  const w = new Float64Array(nCuts + 1);
  for (let i = 0; i < c.n; i++) {
    const bits = c.cutBits[i];
    raw[0]++;
    w[0] += c.weight[i];
    for (let k = 0; k < nCuts; k++) {
      if (!(bits & (1 << k))) break;
      raw[k + 1]++;
      w[k + 1] += c.weight[i];
    }
  }
  return [
    { id: 'all', label: 'all events', raw: raw[0], weighted: w[0] },
    ...setup.cuts.map((cut, k) => ({ id: cut.id, label: cut.label, raw: raw[k + 1], weighted: w[k + 1] })),
  ];
}

export interface BoxSummary {
  inBox: BoxCount;
  /** Weighted count scaled to N on target: Σw(in box) / Σw(all) × N. */
  scaled: number;
  /** Poisson-like statistical error on the scaled number from the weights: sqrt(Σw²) is not tracked; use scaled/sqrt(raw). */
  scaledError: number;
  sidebands: { id: string; label: string; box: SignalBox; count: BoxCount; scaled: number }[];
}

/**
 * Side bands next to the signal box (after PRL 123 121801 Fig. 2, bands "A" above and "C" right of
 * the box; our exact extents are a named convention, doc/model.md): A = box x-range with
 * y in [yMax, yMax + 10 GeV); C = box y-range with x in [xMax, xMax + 40 GeV).
 */
export function sidebandBoxes(box: SignalBox): { id: string; label: string; box: SignalBox }[] {
  return [
    { id: 'A', label: 'side band A (above box)', box: { ...box, yMinGeV: box.yMaxGeV, yMaxGeV: box.yMaxGeV + 10 } },
    { id: 'C', label: 'side band C (right of box)', box: { ...box, xMinGeV: box.xMaxGeV, xMaxGeV: box.xMaxGeV + 40 } },
  ];
}

/** Everything the box panel shows, in O(perimeter) time. */
export function summariseBox(a: AnalysisResult, box: SignalBox, nOnTarget: number): BoxSummary {
  const inBox = countInBox(a.index, box);
  const scale = a.totalWeight > 0 ? nOnTarget / a.totalWeight : 0;
  const scaled = inBox.weighted * scale;
  return {
    inBox,
    scaled,
    scaledError: inBox.raw > 0 ? scaled / Math.sqrt(inBox.raw) : 0,
    sidebands: sidebandBoxes(box).map((s) => {
      const count = countInBox(a.index, s.box);
      return { ...s, count, scaled: count.weighted * scale };
    }),
  };
}
