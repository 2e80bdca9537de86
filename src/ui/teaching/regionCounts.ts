/**
 * Counting the plotted events per teaching region (for the screen-reader summary of the plot).
 * Regions overlap (the electron spot lies on the diagonal band II): each region is counted on its
 * own. Pure functions.
 */
import type { PlotRegion } from '../plots/types';

/** Whether the point (x, y) [GeV] lies in the region (the same shape the plot draws). */
export function regionContains(r: PlotRegion, x: number, y: number): boolean {
  if (r.kind === 'rect') {
    const b = r.box;
    return x >= b.xMinGeV && x <= b.xMaxGeV && y >= b.yMinGeV && y <= b.yMaxGeV;
  }
  if (r.within) {
    const b = r.within;
    if (x < b.xMinGeV || x > b.xMaxGeV || y < b.yMinGeV || y > b.yMaxGeV) return false;
  }
  const c = r.ax * x + r.ay * y;
  return c >= r.cMinGeV && c <= r.cMaxGeV;
}

/** Events per region (raw counts) over the points given (the plotted selection). */
export function countPerRegion(
  regions: readonly PlotRegion[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of regions) out[r.id] = 0;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    for (const r of regions) if (regionContains(r, x[i], y[i])) out[r.id]++;
  }
  return out;
}
