/** The `limit` and `sim` commands for the NA64μ Z′ (L_μ − L_τ) signal. */
import { describe, expect, it } from 'vitest';
import { limitCsv, parseLimitCli, runLimit } from './limit';
import { parseCli } from './sim';

describe('limit CLI, --setup na64mu (Z′)', () => {
  it('parses --mot and --g0; defaults 1.98e10 MOT; rejects A′-only or conflicting options', () => {
    const c = parseLimitCli(['--setup', 'na64mu', '--mot', '1.98e10']);
    expect(c.model).toBe('zprime');
    expect(c.eot).toBe(1.98e10);
    expect(c.params.setup).toBe('na64mu');
    expect(parseLimitCli(['--setup', 'na64mu']).eot).toBe(1.98e10);
    expect(parseLimitCli(['--setup', 'na64mu', '--g0', '3e-4']).eps0).toBe(3e-4);
    expect(parseLimitCli(['--setup', 'na64e']).model).toBe('aprime');
    for (const argv of [
      ['--setup', 'na64mu', '--alpha-d', '0.1'],
      ['--setup', 'na64mu', '--mot', '0'],
      ['--setup', 'na64mu', '--mot', 'x'],
      ['--setup', 'na64mu', '--mot', '1e10', '--eot', '1e10'],
      ['--setup', 'na64mu', '--g0', '2'],
      ['--setup', 'na64mu', '--g0', '1e-4', '--epsilon0', '1e-4'],
      ['--setup', 'na64e', '--g0', '1e-4'],
    ])
      expect(() => parseLimitCli(argv)).toThrow();
  });

  it('prints massMeV,g90 for a small sample; the limit weakens at large mass', async () => {
    const cli = parseLimitCli([
      '--setup',
      'na64mu',
      '--mot',
      '1.98e10',
      '--events',
      '3000',
      '--signal-events',
      '400',
      '--masses',
      '20,200,1000',
    ]);
    const r = await runLimit(cli);
    const csv = limitCsv(r.points, cli.model).trim().split('\n');
    expect(csv[0]).toBe('massMeV,g90');
    const rows = csv.slice(1).map((l) => l.split(',').map(Number));
    expect(rows.length).toBe(3);
    for (const [m, g] of rows) {
      expect(m).toBeGreaterThan(0);
      expect(g).toBeGreaterThan(1e-5);
      expect(g).toBeLessThan(1e-1);
    }
    expect(rows[2][1]).toBeGreaterThan(rows[1][1]);
    expect(rows[1][1]).toBeGreaterThan(rows[0][1]);
    for (const p of r.points) expect(p.efficiency).toBeGreaterThan(0.05);
  });
});

describe('sim CLI, --signal zprime', () => {
  it('builds the Z′ signal parameters for --setup na64mu', () => {
    const c = parseCli([
      '--setup',
      'na64mu',
      '--events',
      '100',
      '--signal',
      'zprime',
      '--mass-mev',
      '50',
      '--g-zprime',
      '3e-4',
    ]);
    expect(c.params.signal).toEqual({ model: 'zprime', massMeV: 50, coupling: 3e-4, fraction: 0.02 });
  });
  it.each([
    [
      [
        '--setup',
        'na64mu',
        '--events',
        '10',
        '--signal',
        'zprime',
        '--mass-mev',
        '0.5',
        '--g-zprime',
        '1e-4',
      ],
    ],
    [['--setup', 'na64mu', '--events', '10', '--signal', 'zprime', '--mass-mev', '50', '--g-zprime', '2']],
    [['--setup', 'na64mu', '--events', '10', '--signal', 'zprime', '--mass-mev', '50']],
    [
      [
        '--setup',
        'na64mu',
        '--events',
        '10',
        '--signal',
        'zprime',
        '--mass-mev',
        '50',
        '--g-zprime',
        '1e-4',
        '--alpha-d',
        '0.1',
      ],
    ],
    [['--setup', 'na64mu', '--events', '10', '--signal', 'aprime', '--mass-mev', '50', '--epsilon', '1e-4']],
  ])('rejects %j', (argv) => {
    expect(() => parseCli(argv as string[])).toThrow();
  });
});
