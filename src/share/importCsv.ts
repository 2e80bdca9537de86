/**
 * Read a run from a CSV file in the CLI format (src/cli/csv.ts: one header line, one row per
 * event) into RunColumns. The header decides the setup (NA64e or NA64μ columns). The header and
 * every row are validated with zod; an error names the line, the column, what was expected and
 * what was found, e.g. "line 17, column eEcalGeV: expected a number, got 'abc'".
 *
 * Limitations of the format (documented for users in the import message):
 * - `passesCuts` is one bit: 1 = all cuts passed, 0 = not all. It becomes cutBits = all bits set or
 *   none, so the cut flow of an imported run jumps from all events to the final selection at the
 *   first cut; stepping through the intermediate cuts is not possible.
 * - Rows must be consecutive events (eventIndex n, n+1, …): the columns store the first index only.
 * - Energies are written with 4 decimals (0.1 MeV), weights with 8 significant digits.
 * - The file holds no seed or parameters: the events cannot be re-simulated in detail.
 */
import { z } from 'zod';
import { allocateColumns, type RunColumns } from '../physics/columns';
import { MAX_EVENTS } from '../physics/params';
import { PROCESSES } from '../physics/processes';
import type { SetupId } from '../physics/setups/types';
import { expectedOf, expectMessage, ImportError, type ImportProblem } from './importError';

/** The CLI headers (must match csvHeader in src/cli/csv.ts). */
export const CSV_HEADERS: Record<SetupId, readonly string[]> = {
  na64e: ['eventIndex', 'process', 'weight', 'pInGeV', 'eEcalGeV', 'eHcalGeV', 'eVetoGeV', 'eSrdGeV', 'passesCuts'],
  na64mu: ['eventIndex', 'process', 'weight', 'pInGeV', 'pOutGeV', 'eEcalGeV', 'eVetoGeV', 'eVhcalGeV', 'eHcalGeV', 'passesCuts'],
};

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const LABELS = PROCESSES.map((p) => p.label) as unknown as readonly [string, ...string[]];
const CODE_OF = new Map<string, number>(PROCESSES.map((p) => [p.label, p.code]));

const numberCell = z
  .string()
  .regex(NUMBER_RE, expectMessage({ kind: 'number' }))
  .transform((s) => Number(s));
const NON_NEGATIVE = expectMessage({ kind: 'nonNegative' });
/** Momenta: a number, or 'nan' (not measured; the CLI writes non-finite values so). */
const momentumCell = z.union([z.literal('nan').transform(() => NaN), numberCell], { error: expectMessage({ kind: 'numberOrNan' }) });
/** Energies: a number ≥ 0, or 'nan'. */
const energyCell = z.union(
  [z.literal('nan').transform(() => NaN), numberCell.pipe(z.number().min(0, NON_NEGATIVE))],
  { error: expectMessage({ kind: 'nonNegativeOrNan' }) },
);

const cellSchemas: Record<string, z.ZodType<number>> = {
  eventIndex: numberCell.pipe(z.number().int(expectMessage({ kind: 'int' })).min(0, NON_NEGATIVE)),
  process: z.enum(LABELS, { error: expectMessage({ kind: 'processLabel', options: LABELS }) }).transform((l) => CODE_OF.get(l) ?? 0),
  weight: numberCell.pipe(z.number().min(0, NON_NEGATIVE).refine(Number.isFinite, expectMessage({ kind: 'finite' }))),
  passesCuts: z.enum(['0', '1'], { error: expectMessage({ kind: 'zeroOrOne' }) }).transform((s) => (s === '1' ? 1 : 0)),
};
const cellSchema = (column: string) => cellSchemas[column] ?? (column.startsWith('e') ? energyCell : momentumCell);

const HEADERS = { na64e: CSV_HEADERS.na64e.join(','), na64mu: CSV_HEADERS.na64mu.join(',') };

/** The first column of a header line that differs from the closer of the two headers (null: none). */
function headerProblem(cols: readonly string[], line: number): ImportProblem | null {
  const candidates = Object.entries(CSV_HEADERS) as [SetupId, readonly string[]][];
  // the closer header decides which setup the file was meant for
  const score = (h: readonly string[]) => h.filter((c, i) => cols[i] === c).length;
  const [, best] = candidates.reduce((a, b) => (score(b[1]) > score(a[1]) ? b : a));
  for (let i = 0; i < Math.max(best.length, cols.length); i++) {
    if (cols[i] !== best[i]) {
      return { kind: 'header', line, column: i + 1, expected: i >= best.length ? null : best[i], got: cols[i] ?? null, headers: HEADERS };
    }
  }
  return null;
}

export interface CsvRun {
  setupId: SetupId;
  columns: RunColumns;
}

const MAX_ERRORS = 5;

/** Parse CSV text into a run. Throws ImportError listing up to 5 problems (line, column, expected, got) as data. */
export function parseRunCsv(text: string): CsvRun {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = src.split(/\r?\n/);
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  if (first >= lines.length) throw new ImportError([{ kind: 'empty' }]);
  const header = lines[first].split(',').map((s) => s.trim());
  const h = headerProblem(header, first + 1);
  if (h) throw new ImportError([h]);
  const setupId: SetupId = header.length === CSV_HEADERS.na64mu.length ? 'na64mu' : 'na64e';
  const cols = CSV_HEADERS[setupId];
  const schemas = cols.map(cellSchema);
  const rowSchema = z.tuple(schemas as unknown as [z.ZodType<number>, ...z.ZodType<number>[]]);

  // data lines (trailing empty lines allowed)
  let last = lines.length - 1;
  while (last > first && lines[last].trim() === '') last--;
  const n = last - first;
  if (n <= 0) throw new ImportError([{ kind: 'csvNoEvents', line: first + 2 }]);
  if (n > MAX_EVENTS) throw new ImportError([{ kind: 'tooMany', count: n, limit: MAX_EVENTS }]);

  const c = allocateColumns(n, 0);
  const errors: ImportProblem[] = [];
  let expectIndex = 0;
  for (let k = 0; k < n && errors.length < MAX_ERRORS; k++) {
    const lineNo = first + 2 + k;
    const line = lines[first + 1 + k];
    const cells = line.split(',').map((s) => s.trim());
    // a bad row must not make every following row look out of sequence
    const rowIndex = Number(cells[0]);
    const expected = k === 0 ? (Number.isInteger(rowIndex) ? rowIndex : 0) : expectIndex;
    expectIndex = expected + 1;
    if (k === 0) c.firstIndex = expected;
    if (cells.length !== cols.length) {
      errors.push({ kind: 'columnCount', line: lineNo, expected: cols.length, columns: cols.join(','), got: cells.length });
      continue;
    }
    const r = rowSchema.safeParse(cells);
    if (!r.success) {
      for (const issue of r.error.issues.slice(0, MAX_ERRORS - errors.length)) {
        const i = Number(issue.path[0]);
        errors.push({ kind: 'cell', line: lineNo, column: cols[i], expected: expectedOf(issue), got: cells[i] });
      }
      continue;
    }
    const v = r.data as number[];
    if (v[0] !== expected) {
      errors.push({ kind: 'sequence', line: lineNo, column: 'eventIndex', expected, got: cells[0] });
      continue;
    }
    const get = (name: string) => v[cols.indexOf(name)];
    c.process[k] = v[1];
    c.weight[k] = v[2];
    c.pInGeV[k] = get('pInGeV');
    c.pOutGeV[k] = setupId === 'na64mu' ? get('pOutGeV') : NaN;
    c.eEcalGeV[k] = get('eEcalGeV');
    c.eHcalGeV[k] = get('eHcalGeV');
    c.eVetoGeV[k] = get('eVetoGeV');
    c.eSrdGeV[k] = setupId === 'na64e' ? get('eSrdGeV') : 0;
    c.eVhcalGeV[k] = setupId === 'na64mu' ? get('eVhcalGeV') : 0;
    // passesCuts → all cut bits or none (see the limitation above)
    c.cutBits[k] = get('passesCuts') ? 0xffff : 0;
  }
  if (errors.length) {
    throw new ImportError(errors, errors.length >= MAX_ERRORS);
  }
  return { setupId, columns: c };
}
