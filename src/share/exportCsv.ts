/** A run summary as CSV in the CLI format (the same writer as `npm run sim`, src/cli/csv.ts). */
import { columnsToCsv } from '../cli/csv';
import type { RunColumns } from '../physics/columns';
import type { Setup } from '../physics/setups/types';

export function runToCsv(setup: Setup, c: RunColumns): string {
  return columnsToCsv(setup, c);
}
