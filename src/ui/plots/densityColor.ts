/**
 * The log colour scale of the density layer, as a 256-entry lookup table (the canvas draws tens
 * of thousands of bins; a d3 interpolator call per bin would dominate). Shared by DensityLayer and
 * ColorBar so both always agree.
 */
import { interpolateViridis } from 'd3';

export interface DensityColor {
  /** Smallest count drawn as density (bins at or below the marker threshold are markers). */
  minCount: number;
  maxCount: number;
  lut: string[];
  /** Colour of a count in [minCount, maxCount] (clamped). */
  color(count: number): string;
  /** Position of a count on the bar, 0 (min) … 1 (max). */
  t(count: number): number;
  interpolate(t: number): string;
}

const LUT_SIZE = 256;

export function makeDensityColor(
  threshold: number,
  maxCount: number,
  interpolate = interpolateViridis,
): DensityColor {
  const minCount = threshold + 1;
  const hi = Math.max(maxCount, minCount + 1);
  const lo = Math.log(minCount);
  const span = Math.log(hi) - lo;
  const lut: string[] = [];
  for (let i = 0; i < LUT_SIZE; i++) lut.push(interpolate(0.08 + (0.92 * i) / (LUT_SIZE - 1)));
  const t = (count: number) => {
    const v = (Math.log(Math.max(count, minCount)) - lo) / span;
    return v < 0 ? 0 : v > 1 ? 1 : v;
  };
  return {
    minCount,
    maxCount: hi,
    lut,
    t,
    color: (count: number) => lut[Math.round(t(count) * (LUT_SIZE - 1))],
    interpolate: (x: number) => interpolate(0.08 + 0.92 * x),
  };
}
