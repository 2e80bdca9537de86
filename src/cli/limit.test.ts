/** The `limit` command on a small sample, and the sim command's signal options. */
import { describe, expect, it } from 'vitest';
import { limitCsv, parseLimitCli, runLimit } from './limit';
import { parseCli, simulateAll } from './sim';
import { columnsToCsv } from './csv';
import { Simulator } from '../physics/run';

describe('limit CLI', () => {
  it('parses defaults and rejects bad values', () => {
    const c = parseLimitCli(['--setup', 'na64e', '--eot', '9.37e11']);
    expect(c.eot).toBe(9.37e11);
    expect(c.masses).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(c.method).toBe('cls');
    for (const argv of [
      ['--eot', '-1'],
      ['--masses', '10,abc'],
      ['--masses', '0.5'],
      ['--setup', 'lhc'],
      ['--method', 'bayes'],
      ['--observed', '1.5'],
      ['--box', '50,0,0,1'],
      ['--alpha-d', '2'],
      ['--bogus'],
    ])
      expect(() => parseLimitCli(argv)).toThrow();
  });
  it('prints massMeV,epsilon90,y90 for a small sample; ε90 rises with the mass above 20 MeV', async () => {
    const cli = parseLimitCli(['--eot', '9.37e11', '--events', '3000', '--signal-events', '300', '--masses', '10,100,1000']);
    const r = await runLimit(cli);
    const csv = limitCsv(r.points).trim().split('\n');
    expect(csv[0]).toBe('massMeV,epsilon90,y90');
    expect(csv.length).toBe(4);
    const rows = csv.slice(1).map((l) => l.split(',').map(Number));
    for (const [m, e, y] of rows) {
      expect(m).toBeGreaterThan(0);
      expect(e).toBeGreaterThan(1e-7);
      expect(e).toBeLessThan(1e-1);
      expect(y / ((e * e * 0.5) / 81)).toBeCloseTo(1, 3);
    }
    expect(rows[1][1]).toBeGreaterThan(rows[0][1]);
    expect(rows[2][1]).toBeGreaterThan(rows[1][1]);
    // no MC background in the box with so few events: N_up = 2.30
    expect(r.nUp).toBeCloseTo(2.3026, 3);
  });
});

describe('sim CLI signal options', () => {
  it('builds the signal parameters', () => {
    const c = parseCli(['--events', '100', '--signal', 'aprime', '--mass-mev', '20', '--epsilon', '1e-4', '--alpha-d', '0.1', '--signal-fraction', '0.1']);
    expect(c.params.signal).toEqual({ model: 'aprime', massMeV: 20, coupling: 1e-4, alphaD: 0.1, fraction: 0.1 });
    expect(parseCli(['--events', '100']).params.signal).toBeUndefined();
  });
  it.each([
    [['--events', '10', '--signal', 'axion', '--mass-mev', '20', '--epsilon', '1e-4']],
    [['--events', '10', '--signal', 'aprime', '--epsilon', '1e-4']],
    [['--events', '10', '--signal', 'aprime', '--mass-mev', '20']],
    [['--events', '10', '--signal', 'aprime', '--mass-mev', '0.1', '--epsilon', '1e-4']],
    [['--events', '10', '--signal', 'aprime', '--mass-mev', '20', '--epsilon', '2']],
    [['--events', '10', '--signal', 'aprime', '--mass-mev', '20', '--epsilon', '1e-4', '--signal-fraction', '0']],
    [['--events', '10', '--signal', 'zprime', '--mass-mev', '20', '--g-zprime', '1e-4']],
    [['--events', '10', '--mass-mev', '20']],
  ])('rejects %j', (argv) => {
    expect(() => parseCli(argv as string[])).toThrow();
  });
  it('mixes labelled signal events into the CSV, identically for 1 and 2 workers', async () => {
    const c = parseCli(['--events', '2000', '--seed', '3', '--signal', 'aprime', '--mass-mev', '10', '--epsilon', '1e-4', '--signal-fraction', '0.1']);
    const sim = new Simulator(c.params);
    const one = columnsToCsv(sim.setup, await simulateAll(c.params, 1));
    const two = columnsToCsv(sim.setup, await simulateAll(c.params, 2));
    expect(two).toBe(one);
    const nSignal = one.split('\n').filter((l) => l.split(',')[1] === 'signal').length;
    expect(nSignal).toBeGreaterThan(150);
    expect(nSignal).toBeLessThan(250);
  });
});
