/**
 * Headless simulation (same physics as the app):
 *   npm run sim -- --setup na64e --events N --seed S --out FILE.csv [--workers K]
 *                  [--beam-energy GeV] [--hadron-fraction F] [--ecal-layers L] [--hcal-modules M]
 *                  [--eot N] [--box xmin,xmax,ymin,ymax] [--no-pileup]
 * Writes one CSV row per event and prints a summary. The same seed gives byte-identical output for
 * any --workers. Bad arguments: a message on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { analyse, summariseBox } from '../analysis/analysis';
import { allocateColumns, copyColumnsInto, type RunColumns } from '../physics/columns';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, type RunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import type { SignalBox } from '../physics/setups/types';
import { columnsToCsv } from './csv';
import { summaryText } from './summary';
import { runInWorkers } from './pool';

class UsageError extends Error {}

const USAGE = `usage: npm run sim -- --setup na64e|na64mu --events N --seed S --out FILE.csv [--workers K]
  [--beam-energy GeV] [--hadron-fraction F] [--ecal-layers L] [--hcal-modules M] [--no-pileup]
  [--eot N] [--box xmin,xmax,ymin,ymax]`;

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name}: '${v}' is not a number`);
  return x;
}

export function parseCli(argv: string[]): { params: RunParams; out: string | null; workers: number; eot: number | null; box: SignalBox | null } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        setup: { type: 'string', default: 'na64e' },
        events: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        workers: { type: 'string' },
        'beam-energy': { type: 'string' },
        'hadron-fraction': { type: 'string' },
        'ecal-layers': { type: 'string' },
        'hcal-modules': { type: 'string' },
        'no-pileup': { type: 'boolean' },
        eot: { type: 'string' },
        box: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) throw new UsageError('help');
  const setup = values.setup;
  if (setup !== 'na64e' && setup !== 'na64mu') throw new UsageError(`--setup must be na64e or na64mu, got '${setup}'`);
  const base = DEFAULT_PARAMS[setup];
  const events = num('events', values.events);
  if (events === undefined) throw new UsageError('--events is required');
  const raw = {
    ...base,
    setup,
    events,
    seed: num('seed', values.seed) ?? base.seed,
    beamEnergyGeV: num('beam-energy', values['beam-energy']) ?? base.beamEnergyGeV,
    hadronFraction: num('hadron-fraction', values['hadron-fraction']) ?? base.hadronFraction,
    ecalLayers: num('ecal-layers', values['ecal-layers']) ?? base.ecalLayers,
    hcalModules: num('hcal-modules', values['hcal-modules']) ?? base.hcalModules,
    pileup: values['no-pileup'] ? false : base.pileup,
  };
  let params: RunParams;
  try {
    params = parseRunParams(raw);
  } catch (e) {
    if (e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
  const workers = num('workers', values.workers) ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
  const eot = num('eot', values.eot) ?? null;
  if (eot !== null && !(eot > 0)) throw new UsageError('--eot must be positive');
  let box: SignalBox | null = null;
  if (values.box !== undefined) {
    const p = values.box.split(',').map((s) => Number(s));
    if (p.length !== 4 || p.some((v) => !Number.isFinite(v))) throw new UsageError('--box needs four numbers: xmin,xmax,ymin,ymax');
    if (p[0] > p[1] || p[2] > p[3]) throw new UsageError('--box: min must not exceed max');
    box = { xMinGeV: p[0], xMaxGeV: p[1], yMinGeV: p[2], yMaxGeV: p[3] };
  }
  return { params, out: values.out ?? null, workers, eot, box };
}

/** Simulate all events, in-process (workers = 1) or over worker threads; identical results. */
export async function simulateAll(params: RunParams, workers: number): Promise<RunColumns> {
  if (workers <= 1) {
    const sim = new Simulator(params);
    const all = allocateColumns(params.events, 0);
    const chunk = 50000;
    for (let s = 0; s < params.events; s += chunk) copyColumnsInto(all, sim.simulateChunk(s, Math.min(chunk, params.events - s)), s);
    return all;
  }
  return runInWorkers(params, Math.min(workers, availableParallelism() * 4));
}

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message !== 'help') process.stderr.write(`error: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return e.message === 'help' ? 0 : 2;
    }
    throw e;
  }
  const { params } = cli;
  const t0 = performance.now();
  const cols = await simulateAll(params, cli.workers);
  const dt = (performance.now() - t0) / 1000;
  const sim = new Simulator(params);
  if (cli.out) writeFileSync(cli.out, columnsToCsv(sim.setup, cols));
  const allCuts = (1 << sim.setup.cuts.length) - 1;
  const a = analyse(sim.setup, cols, allCuts);
  const box = cli.box ?? sim.setup.defaultBox;
  const eot = cli.eot ?? sim.setup.defaultNOnTarget;
  const s = summariseBox(a, box, eot);
  process.stdout.write(summaryText(sim, cols, a, s, box, eot, dt, cli.workers, cli.out));
  return 0;
}

const isMain = process.argv[1] && /sim\.ts$|sim\.js$/.test(process.argv[1]);
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
