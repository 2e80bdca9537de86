import { beforeAll, describe, expect, it } from 'vitest';
import { columnsToCsv } from '../cli/csv';
import type { RunColumns } from '../physics/columns';
import { DEFAULT_PARAMS } from '../physics/params';
import { Simulator } from '../physics/run';
import type { Setup } from '../physics/setups/types';
import { analyse } from '../analysis/analysis';
import { parseRunCsv } from './importCsv';
import { ImportError } from './importError';

let setup: Setup;
let cols: RunColumns;
let csv: string;

beforeAll(() => {
  const sim = new Simulator({ ...DEFAULT_PARAMS.na64e, events: 1500, seed: 3 });
  setup = sim.setup;
  cols = sim.simulateChunk(100, 1500);
  csv = columnsToCsv(setup, cols);
});

function corrupt(lineNo: number, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0].split(',');
  const cells = lines[lineNo - 1].split(',');
  cells[header.indexOf(column)] = value;
  lines[lineNo - 1] = cells.join(',');
  return lines.join('\n');
}

function errorOf(text: string): string {
  try {
    parseRunCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
}

describe('CSV import', () => {
  it('reads back a CLI CSV: setup, indices, processes and values (to the written precision)', () => {
    const r = parseRunCsv(csv);
    expect(r.setupId).toBe('na64e');
    const c = r.columns;
    expect(c.n).toBe(cols.n);
    expect(c.firstIndex).toBe(100);
    const all = (1 << setup.cuts.length) - 1;
    for (let i = 0; i < c.n; i++) {
      expect(c.process[i]).toBe(cols.process[i]);
      expect(c.weight[i]).toBeCloseTo(cols.weight[i], 6);
      expect(Math.abs(c.eEcalGeV[i] - cols.eEcalGeV[i])).toBeLessThan(6e-5);
      expect(Math.abs(c.eHcalGeV[i] - cols.eHcalGeV[i])).toBeLessThan(6e-5);
      expect((c.cutBits[i] & all) === all).toBe((cols.cutBits[i] & all) === all);
    }
    // writing the imported run gives the same file
    expect(columnsToCsv(setup, c)).toBe(csv);
    // and it analyses: the final cut-flow row matches the original
    const a0 = analyse(setup, cols, 0);
    const a1 = analyse(setup, c, 0);
    expect(a1.cutFlow[a1.cutFlow.length - 1].raw).toBe(a0.cutFlow[a0.cutFlow.length - 1].raw);
    expect(a1.cutFlow[0].raw).toBe(1500);
  });

  it('accepts Windows line ends, a byte-order mark and trailing blank lines', () => {
    const r = parseRunCsv('\ufeff' + csv.replace(/\n/g, '\r\n') + '\r\n\r\n');
    expect(r.columns.n).toBe(1500);
  });

  it('reads the NA64mu header', () => {
    const text = 'eventIndex,process,weight,pInGeV,pOutGeV,eEcalGeV,eVetoGeV,eVhcalGeV,eHcalGeV,passesCuts\n0,muon,1,160.1,158.2,0.2,0.003,0.1,2.5,1\n1,muon-brems,0.5,159.9,nan,40,0,0,0,0\n';
    const r = parseRunCsv(text);
    expect(r.setupId).toBe('na64mu');
    expect(r.columns.pOutGeV[0]).toBeCloseTo(158.2, 4);
    expect(Number.isNaN(r.columns.pOutGeV[1])).toBe(true);
    expect(r.columns.eVhcalGeV[0]).toBeCloseTo(0.1, 5);
    expect(r.columns.process[1]).toBe(10);
    expect(r.columns.cutBits[0]).toBe(0xffff);
    expect(r.columns.cutBits[1]).toBe(0);
  });

  it('names line, column, expectation and value of a bad number', () => {
    expect(errorOf(corrupt(17, 'eEcalGeV', 'abc'))).toBe("line 17, column eEcalGeV: expected a number ≥ 0 or 'nan', got 'abc'");
    expect(errorOf(corrupt(5, 'eHcalGeV', '-3'))).toMatch(/^line 5, column eHcalGeV: expected a number ≥ 0.*got '-3'$/);
    expect(errorOf(corrupt(9, 'weight', ''))).toMatch(/^line 9, column weight: expected a number, got ''$/);
  });

  it('names a bad process label and a bad passesCuts flag', () => {
    expect(errorOf(corrupt(3, 'process', 'dark-matter'))).toMatch(/^line 3, column process: expected a process label \(em, dimuon, .*\), got 'dark-matter'$/);
    expect(errorOf(corrupt(4, 'passesCuts', 'yes'))).toBe("line 4, column passesCuts: expected 0 or 1, got 'yes'");
  });

  it('rejects a wrong header, a short row, a gap in the event indices and an empty file', () => {
    expect(errorOf(csv.replace('eEcalGeV', 'eEcal'))).toMatch(/^line 1 \(header\): column 5: expected 'eEcalGeV', got 'eEcal'/);
    expect(errorOf('a,b,c\n1,2,3\n')).toMatch(/^line 1 \(header\): column 1: expected 'eventIndex', got 'a'/);
    const lines = csv.split('\n');
    lines[10] = lines[10].split(',').slice(0, 5).join(',');
    expect(errorOf(lines.join('\n'))).toMatch(/^line 11: expected 9 columns .*got 5$/);
    expect(errorOf(corrupt(20, 'eventIndex', '5000'))).toBe("line 20, column eventIndex: expected 118 (rows must be consecutive events), got '5000'");
    expect(errorOf('')).toBe('the file is empty');
    expect(errorOf(csv.split('\n')[0] + '\n')).toMatch(/expected at least one event/);
  });

  it('lists several problems at once, at most five', () => {
    let text = csv;
    for (const l of [3, 4, 5, 6, 7, 8, 9]) {
      const lines = text.split('\n');
      const cells = lines[l - 1].split(',');
      cells[4] = 'x';
      lines[l - 1] = cells.join(',');
      text = lines.join('\n');
    }
    const msg = errorOf(text);
    expect(msg.split('; line').length).toBe(5);
    expect(msg).toMatch(/further lines not checked/);
  });
});

describe('CSV import problems as data (worded per language by the app)', () => {
  function problemsOf(text: string): ImportError {
    try {
      parseRunCsv(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  }

  it('name the line, the column, the expected kind and the value found', () => {
    expect(problemsOf(corrupt(17, 'eEcalGeV', 'abc')).problems).toEqual([
      { kind: 'cell', line: 17, column: 'eEcalGeV', expected: { kind: 'nonNegativeOrNan' }, got: 'abc' },
    ]);
    expect(problemsOf(corrupt(9, 'weight', '')).problems[0]).toMatchObject({ line: 9, column: 'weight', expected: { kind: 'number' } });
    expect(problemsOf(corrupt(6, 'eventIndex', '1.5')).problems[0]).toMatchObject({ kind: 'cell', line: 6, expected: { kind: 'int' } });
    expect(problemsOf(corrupt(4, 'passesCuts', 'yes')).problems[0]).toMatchObject({ expected: { kind: 'zeroOrOne' }, got: 'yes' });
    const label = problemsOf(corrupt(3, 'process', 'dark-matter')).problems[0];
    expect(label).toMatchObject({ kind: 'cell', expected: { kind: 'processLabel' } });
    expect(label.kind === 'cell' && label.expected.options).toContain('dimuon');
    expect(problemsOf(corrupt(20, 'eventIndex', '5000')).problems).toEqual([{ kind: 'sequence', line: 20, column: 'eventIndex', expected: 118, got: '5000' }]);
  });

  it('describe the header, the row length, an empty file and a cut-off list', () => {
    expect(problemsOf(csv.replace('eEcalGeV', 'eEcal')).problems[0]).toMatchObject({ kind: 'header', line: 1, column: 5, expected: 'eEcalGeV', got: 'eEcal' });
    expect(problemsOf(csv.split('\n')[0] + ',extra\n0').problems[0]).toMatchObject({ kind: 'header', column: 10, expected: null, got: 'extra' });
    const lines = csv.split('\n');
    lines[10] = lines[10].split(',').slice(0, 5).join(',');
    expect(problemsOf(lines.join('\n')).problems[0]).toMatchObject({ kind: 'columnCount', line: 11, expected: 9, got: 5 });
    expect(problemsOf('').problems).toEqual([{ kind: 'empty' }]);
    expect(problemsOf(csv.split('\n')[0] + '\n').problems).toEqual([{ kind: 'csvNoEvents', line: 2 }]);
    // passesCuts 'x' on lines 3 … 8: five problems listed, then the check stops
    const text = csv
      .split('\n')
      .map((row, i) => (i >= 2 && i <= 7 ? row.replace(/,[^,]*$/, ',x') : row))
      .join('\n');
    const many = problemsOf(text);
    expect(many.problems.length).toBe(5);
    expect(many.truncated).toBe(true);
  });
});

describe('CSV import of an NA64μ run', () => {
  it('reads back the CLI CSV of a simulated NA64μ run', () => {
    const sim = new Simulator({ ...DEFAULT_PARAMS.na64mu, events: 400, seed: 2 });
    const c0 = sim.simulateChunk(0, 400);
    const text = columnsToCsv(sim.setup, c0);
    const r = parseRunCsv(text);
    expect(r.setupId).toBe('na64mu');
    expect(columnsToCsv(sim.setup, r.columns)).toBe(text);
  });
});
