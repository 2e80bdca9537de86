/**
 * A file that cannot be imported. Its problems are data (`ImportProblem`: where, what was
 * expected, what was found), so the app words them in the reader's language (i18n/importText.ts);
 * the English `message` (tests, CLI, and errors that are already a sentence) is written from the
 * same data here.
 */
import type { z } from 'zod';

/**
 * What a value should have been. Kinds with a fixed English text (`EXPECTED_TEXT`) are the messages
 * of the import schemas; the others come from zod's own checks (type, range, options).
 */
export interface ImportExpected {
  kind:
    | 'number'
    | 'finite'
    | 'int'
    | 'nonNegative'
    | 'numberOrNan'
    | 'nonNegativeOrNan'
    | 'zeroOrOne'
    | 'processLabel'
    | 'particle'
    | 'position'
    | 'positions'
    | 'minPositions'
    | 'energy'
    | 'xyz'
    | 'hit'
    | 'cellPosition'
    | 'plane'
    | 'planeFacing'
    | 'setup'
    | 'eventContent'
    | 'boolean'
    | 'text'
    | 'object'
    | 'list'
    | 'min'
    | 'max'
    | 'minItems'
    | 'oneOf'
    | 'valid';
  /** The limit of 'minPositions', 'min', 'max', 'minItems'. */
  limit?: number;
  /** Whether the limit itself is allowed (≥, ≤) or not (>, <). */
  inclusive?: boolean;
  /** The allowed values of 'processLabel', 'particle', 'oneOf'. */
  options?: readonly string[];
}

/**
 * One problem of a file. CSV problems name the 1-based `line`; JSON problems the `path` in the file
 * ('NA64e seed 7 event 5 › Tracks › e- › 0 › pos'; '' = the file itself). `got` is what was found:
 * a CSV cell as written, a JSON value as JSON text (null = nothing there).
 */
export type ImportProblem =
  | { kind: 'empty' }
  /** CSV header: `column` (1-based) should be `expected` (null: no further column); `got` null = missing. */
  | {
      kind: 'header';
      line: number;
      column: number;
      expected: string | null;
      got: string | null;
      headers: { na64e: string; na64mu: string };
    }
  | { kind: 'csvNoEvents'; line: number }
  | { kind: 'tooMany'; count: number; limit: number }
  | { kind: 'columnCount'; line: number; expected: number; columns: string; got: number }
  | { kind: 'cell'; line: number; column: string; expected: ImportExpected; got: string }
  /** Rows must be consecutive events: line `line` should have event index `expected`. */
  | { kind: 'sequence'; line: number; column: string; expected: number; got: string }
  | { kind: 'notJson'; detail: string }
  | { kind: 'notObject' }
  | { kind: 'noEvents' }
  | { kind: 'value'; path: string; expected: ImportExpected; got: string | null }
  | { kind: 'cellOutside'; path: string; setup: string; x: number; y: number; z: number };

/** The English text of the expectations with a fixed message (the import schemas' zod messages). */
export function expectedEnglish(e: ImportExpected): string {
  const opts = (e.options ?? []).join(', ');
  const cmp = (lo: boolean) => (lo ? (e.inclusive === false ? '>' : '≥') : e.inclusive === false ? '<' : '≤');
  switch (e.kind) {
    case 'number':
      return 'expected a number';
    case 'finite':
      return 'expected a finite number';
    case 'int':
      return 'expected a whole number';
    case 'nonNegative':
      return 'expected a number ≥ 0';
    case 'numberOrNan':
      return "expected a number or 'nan'";
    case 'nonNegativeOrNan':
      return "expected a number ≥ 0 or 'nan'";
    case 'zeroOrOne':
      return 'expected 0 or 1';
    case 'processLabel':
      return `expected a process label (${opts})`;
    case 'particle':
      return `expected a particle (${opts})`;
    case 'position':
      return 'expected a position [x, y, z] in mm';
    case 'positions':
      return 'expected a list of positions [[x, y, z], …]';
    case 'minPositions':
      return `expected at least ${e.limit} positions`;
    case 'energy':
      return 'expected an energy ≥ 0 MeV';
    case 'xyz':
      return 'expected [x, y, z]';
    case 'hit':
      return 'expected a hit [x, y, z] or { "pos": [x, y, z] }';
    case 'cellPosition':
      return 'expected a cell position [x, y] in mm';
    case 'plane':
      return 'expected a plane [nx, ny, nz, distance]';
    case 'planeFacing':
      return 'expected a plane facing the beam (normal [0, 0, 1])';
    case 'setup':
      return "expected setup 'na64e' or 'na64mu'";
    case 'eventContent':
      return 'expected an event with "Tracks" and/or "PlanarCaloCells"';
    case 'boolean':
      return 'expected true or false';
    case 'text':
      return 'expected a text';
    case 'object':
      return 'expected an object { … }';
    case 'list':
      return 'expected a list [ … ]';
    case 'min':
      return `expected a number ${cmp(true)} ${e.limit}`;
    case 'max':
      return `expected a number ${cmp(false)} ${e.limit}`;
    case 'minItems':
      return `expected at least ${e.limit} entries`;
    case 'oneOf':
      return `expected one of ${opts}`;
    default:
      return 'expected a valid value';
  }
}

/** Messages of the schemas → their expectation (filled by `expectMessage`). */
const KNOWN = new Map<string, ImportExpected>();

/** The zod message of an expectation; a failed check with this message maps back to it (`expectedOf`). */
export function expectMessage(e: ImportExpected): string {
  const text = expectedEnglish(e);
  KNOWN.set(text, e);
  return text;
}

/** What a failed zod check expected: the schema's own expectation (by its message), else the kind of the check. */
export function expectedOf(issue: z.core.$ZodIssue): ImportExpected {
  const known = KNOWN.get(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type':
      switch (issue.expected) {
        case 'int':
          return { kind: 'int' };
        case 'number':
          return { kind: 'number' };
        case 'boolean':
          return { kind: 'boolean' };
        case 'string':
          return { kind: 'text' };
        case 'object':
        case 'record':
          return { kind: 'object' };
        case 'array':
        case 'tuple':
          return { kind: 'list' };
        default:
          return { kind: 'valid' };
      }
    case 'too_small':
      return issue.origin === 'array'
        ? { kind: 'minItems', limit: Number(issue.minimum) }
        : { kind: 'min', limit: Number(issue.minimum), inclusive: issue.inclusive ?? true };
    case 'too_big':
      return { kind: 'max', limit: Number(issue.maximum), inclusive: issue.inclusive ?? true };
    case 'invalid_value':
      return { kind: 'oneOf', options: issue.values.map(String) };
    default:
      return { kind: 'valid' };
  }
}

const headerHint = (h: { na64e: string; na64mu: string }) =>
  `Expected the header '${h.na64e}' (NA64e) or '${h.na64mu}' (NA64μ)`;

/** One problem in English (the default message; i18n/importText.ts words the same data per language). */
function describeImportProblem(p: ImportProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'the file is empty';
    case 'header': {
      const what =
        p.expected === null
          ? `expected no further column, got '${p.got}'`
          : `expected '${p.expected}', got ${p.got === null ? 'nothing' : `'${p.got}'`}`;
      return `line ${p.line} (header): column ${p.column}: ${what}. ${headerHint(p.headers)}`;
    }
    case 'csvNoEvents':
      return `line ${p.line}: expected at least one event after the header, got none`;
    case 'tooMany':
      return `the file has ${p.count} events; at most ${p.limit.toExponential(0)} can be imported`;
    case 'columnCount':
      return `line ${p.line}: expected ${p.expected} columns (${p.columns}), got ${p.got}`;
    case 'cell':
      return `line ${p.line}, column ${p.column}: ${expectedEnglish(p.expected)}, got '${p.got}'`;
    case 'sequence':
      return `line ${p.line}, column ${p.column}: expected ${p.expected} (rows must be consecutive events), got '${p.got}'`;
    case 'notJson':
      return `not a JSON file: ${p.detail}`;
    case 'notObject':
      return 'expected a JSON object of events { "<event name>": { … } }';
    case 'noEvents':
      return 'the file holds no events';
    case 'value':
      return `${p.path || 'file'}: ${expectedEnglish(p.expected)}, got ${p.got ?? 'nothing'}`;
    case 'cellOutside':
      return `${p.path}: expected a cell of a calorimeter of the ${p.setup} setup, got position [${p.x}, ${p.y}] on plane z = ${p.z} mm`;
  }
}

/** The English text of a list of problems ('; '-separated; `truncated`: more were not checked). */
function describeImportProblems(problems: readonly ImportProblem[], truncated = false): string {
  return problems.map(describeImportProblem).join('; ') + (truncated ? '; (further lines not checked)' : '');
}

export class ImportError extends Error {
  /** The problems as data (empty when the error was made from a message only). */
  readonly problems: readonly ImportProblem[];
  /** More problems may follow (the check stopped after the first few). */
  readonly truncated: boolean;
  /** From a message (already a sentence in the reader's language), or from problems (English message). */
  constructor(message: string | readonly ImportProblem[], truncated = false) {
    super(typeof message === 'string' ? message : describeImportProblems(message, truncated));
    this.name = 'ImportError';
    this.problems = typeof message === 'string' ? [] : message;
    this.truncated = truncated;
  }
}
