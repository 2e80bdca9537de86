import { describe, expect, it } from 'vitest';
import { parseCli, simulateAll } from './sim';
import { columnsToCsv } from './csv';
import { Simulator } from '../physics/run';

describe('CLI', () => {
  it('parses a valid command line', () => {
    const c = parseCli(['--setup', 'na64e', '--events', '1000', '--seed', '4', '--out', 'x.csv', '--workers', '2']);
    expect(c.params.events).toBe(1000);
    expect(c.params.seed).toBe(4);
    expect(c.workers).toBe(2);
    expect(c.out).toBe('x.csv');
  });
  it.each([
    [['--events', 'abc']],
    [['--events', '0']],
    [['--events', '1e12']],
    [['--events', '10', '--setup', 'lhc']],
    [['--events', '10', '--workers', '0']],
    [['--events', '10', '--box', '5,1,0,1']],
    [['--events', '10', '--unknown']],
    [[]],
  ])('rejects %j with a usage error', (argv) => {
    expect(() => parseCli(argv as string[])).toThrow();
  });
  it('writes the required header and identical CSV for 1 and 3 workers', async () => {
    const c = parseCli(['--events', '3000', '--seed', '9']);
    const sim = new Simulator(c.params);
    const one = columnsToCsv(sim.setup, await simulateAll(c.params, 1));
    const three = columnsToCsv(sim.setup, await simulateAll(c.params, 3));
    expect(one.split('\n')[0]).toBe('eventIndex,process,weight,pInGeV,eEcalGeV,eHcalGeV,eVetoGeV,eSrdGeV,passesCuts');
    expect(one.split('\n').length).toBe(3002);
    expect(three).toBe(one);
  });
});
