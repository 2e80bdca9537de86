/**
 * Scales of the hermeticity plot, computed once per size / axes / mode and handed to every mark
 * (marks never build scales themselves). Pure d3-scale, no DOM.
 */
import { scaleLinear, scaleSymlog, type ScaleContinuousNumeric } from 'd3';
import type { PlotAxes } from '../../physics/setups/types';
import type { PlotFrame, YScaleMode } from './types';

export type NumScale = ScaleContinuousNumeric<number, number>;

export interface PlotScales {
  frame: PlotFrame;
  /** Data [GeV] → plot-area x pixel (0 = left edge of the plot area). */
  x: NumScale;
  /** Data [GeV] → plot-area y pixel (0 = top edge of the plot area). */
  y: NumScale;
  yMode: YScaleMode;
  xTicks: number[];
  yTicks: number[];
  /** Unlabelled minor ticks (symlog mode). */
  yMinorTicks: number[];
  xMaxGeV: number;
  yMaxGeV: number;
}

/** Linear-to-log crossover of the symlog y axis [GeV]. */
export const SYMLOG_CONSTANT_GEV = 1;

export const DEFAULT_MARGIN = { top: 14, right: 78, bottom: 46, left: 60 } as const;

export function makeFrame(width: number, height: number, margin = DEFAULT_MARGIN): PlotFrame {
  return {
    width,
    height,
    margin,
    innerWidth: Math.max(10, width - margin.left - margin.right),
    innerHeight: Math.max(10, height - margin.top - margin.bottom),
  };
}

const SYMLOG_MAJOR = [0, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function makeScales(frame: PlotFrame, axes: PlotAxes, yMode: YScaleMode): PlotScales {
  const { xMaxGeV, yMaxGeV } = axes;
  const x = scaleLinear().domain([0, xMaxGeV]).range([0, frame.innerWidth]);
  const y: NumScale =
    yMode === 'symlog'
      ? scaleSymlog().constant(SYMLOG_CONSTANT_GEV).domain([0, yMaxGeV]).range([frame.innerHeight, 0])
      : scaleLinear().domain([0, yMaxGeV]).range([frame.innerHeight, 0]);
  const xTicks = x.ticks(Math.max(2, Math.floor(frame.innerWidth / 70)));
  let yTicks: number[];
  let yMinorTicks: number[] = [];
  if (yMode === 'symlog') {
    yTicks = SYMLOG_MAJOR.filter((t) => t <= yMaxGeV);
    // drop labels that would collide (< 14 px apart), keeping 0, 1, 10, 100
    const keep = new Set([0, 1, 10, 100, 1000]);
    const out: number[] = [];
    for (const t of yTicks) {
      const prev = out[out.length - 1];
      if (prev === undefined || keep.has(t) || Math.abs(y(prev) - y(t)) >= 14) out.push(t);
    }
    yTicks = out;
    for (const decade of [0.1, 1, 10, 100]) {
      for (let k = 2; k <= 9; k++) {
        const t = k * decade;
        if (t <= yMaxGeV && !yTicks.includes(t)) yMinorTicks.push(t);
      }
    }
    yMinorTicks = yMinorTicks.filter((t) => t >= 0.2);
  } else {
    yTicks = y.ticks(Math.max(2, Math.floor(frame.innerHeight / 45)));
  }
  return { frame, x, y, yMode, xTicks, yTicks, yMinorTicks, xMaxGeV, yMaxGeV };
}

/** A tick label: integers plain, fractions with the needed decimals. */
export function tickLabel(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(3)));
}

/**
 * A rounding step for a dragged edge at data value v: the power of ten just below one pixel's
 * worth of GeV there (so drags are smooth yet give tidy numbers).
 */
export function dragStep(scale: NumScale, v: number): number {
  const p = scale(v);
  const perPx = Math.abs(scale.invert(p + 1) - scale.invert(p));
  if (!(perPx > 0) || !Number.isFinite(perPx)) return 0.01;
  return Math.max(0.001, 10 ** Math.floor(Math.log10(perPx)));
}

/** Round v to a multiple of step, keeping decimal noise out (0.1 + 0.2 → 0.3). */
export function roundTo(v: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number((Math.round(v / step) * step).toFixed(decimals));
}
