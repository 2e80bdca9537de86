/**
 * Messages between the UI thread and the simulation workers (comlink RPC). All payloads are plain
 * data or typed arrays (transferred, not copied).
 */
import type { AnalysisResult } from '../analysis/analysis';
import type { RunColumns } from '../physics/columns';
import type { EventDetail } from '../physics/detail';
import type { RunParams } from '../physics/params';
import type { Setup } from '../physics/setups/types';
import type { Category } from '../physics/na64e/context';

export interface ProcessTableRow {
  label: string;
  code: number;
  p: number;
  q: number;
  w: number;
}

export interface SimWorkerApi {
  /** Setup geometry and process table for these parameters (throws ParamsError on bad input). */
  describe(params: RunParams): { setup: Setup; processes: ProcessTableRow[] };
  /** Simulate events [start, start+count). */
  simulateChunk(params: RunParams, start: number, count: number): RunColumns;
  /** Analyse a whole run for a cut mask; returns the analysis and hands the columns back. */
  analyse(params: RunParams, columns: RunColumns, mask: number): { analysis: AnalysisResult; columns: RunColumns };
  /** Re-simulate one event with full detail. */
  simulateDetail(params: RunParams, eventIndex: number): EventDetail;
  /** Test hook: make the worker die with an uncaught error (checks crash reporting and recovery). */
  crash(): void;
}

export type { Category };
