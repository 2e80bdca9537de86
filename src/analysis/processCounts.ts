/**
 * Events per process (raw and weighted) for the legend, over the events passing a cut mask.
 * Pure, O(n) over the run columns.
 */
import type { RunColumns } from '../physics/columns';

export interface ProcessCounts {
  raw: Float64Array;
  weighted: Float64Array;
}

export function processCounts(c: RunColumns, mask = 0): ProcessCounts {
  const raw = new Float64Array(256);
  const weighted = new Float64Array(256);
  for (let i = 0; i < c.n; i++) {
    if ((c.cutBits[i] & mask) !== mask) continue;
    const p = c.process[i];
    raw[p]++;
    weighted[p] += c.weight[i];
  }
  return { raw, weighted };
}
