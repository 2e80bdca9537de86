/**
 * Finding real events of the current run for the tour: the first event of a process whose plot
 * coordinates satisfy a condition. Pure functions over the run columns (no DOM, unit-tested).
 */
import { plotCoordinates } from '../../analysis/analysis';
import type { RunColumns } from '../../physics/columns';
import { PROCESS_CODE, type ProcessLabel } from '../../physics/processes';
import type { Setup } from '../../physics/setups/types';

export interface FoundEvent {
  /** Event index in the run (firstIndex + position). */
  eventIndex: number;
  xGeV: number;
  yGeV: number;
  process: number;
}

/** What the tour looks for: a process, a condition on the plot point, optionally all cuts passed. */
export interface EventQuery {
  process: ProcessLabel | ProcessLabel[];
  where?: (x: number, y: number) => boolean;
  /** Require the event to pass all cuts of the setup. */
  passesAllCuts?: boolean;
}

/** Columns whose buffers are usable (not transferred to the worker in the middle of an analysis). */
export function columnsUsable(c: RunColumns | null): c is RunColumns {
  return !!c && c.n > 0 && c.process.length === c.n && c.eEcalGeV.length === c.n;
}

/** The first event matching the query, or null. O(n) at worst; stops at the first match. */
export function findEvent(setup: Setup, c: RunColumns | null, q: EventQuery): FoundEvent | null {
  if (!columnsUsable(c)) return null;
  const { x, y } = plotCoordinates(setup, c);
  const codes = new Set((Array.isArray(q.process) ? q.process : [q.process]).map((l) => PROCESS_CODE[l]));
  const all = (1 << setup.cuts.length) - 1;
  for (let i = 0; i < c.n; i++) {
    if (!codes.has(c.process[i])) continue;
    if (q.passesAllCuts && (c.cutBits[i] & all) !== all) continue;
    const xi = x[i];
    const yi = y[i];
    if (!Number.isFinite(xi) || !Number.isFinite(yi)) continue;
    if (q.where && !q.where(xi, yi)) continue;
    return { eventIndex: c.firstIndex + i, xGeV: xi, yGeV: yi, process: c.process[i] };
  }
  return null;
}

/** Plot point and process of event `eventIndex` of the run, or null if it is not in the columns. */
export function eventAt(setup: Setup, c: RunColumns | null, eventIndex: number): FoundEvent | null {
  if (!columnsUsable(c)) return null;
  const i = eventIndex - c.firstIndex;
  if (i < 0 || i >= c.n) return null;
  const { x, y } = plotCoordinates(setup, c);
  return { eventIndex, xGeV: x[i], yGeV: y[i], process: c.process[i] };
}
