/**
 * Headless simulation (same physics as the app):
 *   npm run sim -- --setup na64e --events N --seed S --out FILE.csv [--workers K]
 *                  [--beam-energy GeV] [--hadron-fraction F] [--ecal-layers L] [--hcal-modules M]
 *                  [--eot N] [--box xmin,xmax,ymin,ymax] [--no-pileup]
 *                  [--signal aprime|zprime --mass-mev M (--epsilon E | --g-zprime G) [--alpha-d A] [--signal-fraction F]]
 * Writes one CSV row per event and prints a summary. With --signal, a fraction F (default 0.02) of
 * the events are dark-sector signal events (process 'signal', weight = yield per EOT/MOT / F).
 * The same seed gives byte-identical output for
 * any --workers. Bad arguments: a message on stderr and exit code 2.
 */
import { num, parseBox, UsageError } from './args';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { analyse, summariseBox } from '../analysis/analysis';
import { allocateColumns, copyColumnsInto, type RunColumns } from '../physics/columns';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, type RunParams, type SignalParams } from '../physics/params';
import { G_PER_EPSILON } from '../physics/darkSector/zprime';
import { Simulator } from '../physics/run';
import type { SignalBox } from '../physics/setups/types';
import { columnsToCsv } from './csv';
import { summaryText } from './summary';
import { runInWorkers } from './pool';


const USAGE = `usage: npm run sim -- --setup na64e|na64mu --events N --seed S --out FILE.csv [--workers K]
  [--beam-energy GeV] [--hadron-fraction F] [--ecal-layers L] [--hcal-modules M] [--no-pileup]
  [--eot N] [--box xmin,xmax,ymin,ymax]
  [--signal aprime|zprime --mass-mev M --epsilon E | --g-zprime G [--alpha-d A] [--signal-fraction F]]
    aprime (NA64e): dark photon, --epsilon = kinetic mixing ε; zprime (NA64mu): L_mu-L_tau Z',
    coupling g_Z' (--g-zprime G, or --epsilon E in DMG4's convention g = 0.3028 E)`;

/** Default share of signal events when --signal is given. */
export const DEFAULT_SIGNAL_FRACTION = 0.02;


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
        signal: { type: 'string' },
        'mass-mev': { type: 'string' },
        epsilon: { type: 'string' },
        'g-zprime': { type: 'string' },
        'alpha-d': { type: 'string' },
        'signal-fraction': { type: 'string' },
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
  const signal = signalOf(setup, values);
  if (signal) Object.assign(raw, { signal });
  let params: RunParams;
  try {
    params = parseRunParams(raw);
  } catch (e) {
    if (e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
  if (params.signal) checkSignalSupported(params);
  const workers = num('workers', values.workers) ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
  const eot = num('eot', values.eot) ?? null;
  if (eot !== null && !(eot > 0)) throw new UsageError('--eot must be positive');
  const box = parseBox(values.box);
  return { params, out: values.out ?? null, workers, eot, box };
}

type SignalValues = { signal?: string; 'mass-mev'?: string; epsilon?: string; 'g-zprime'?: string; 'alpha-d'?: string; 'signal-fraction'?: string };

/** The signal parameters of the command line (null without --signal); validated later by the schema. */
function signalOf(setup: 'na64e' | 'na64mu', v: SignalValues): SignalParams | null {
  const model = v.signal;
  if (model === undefined) {
    for (const k of ['mass-mev', 'epsilon', 'g-zprime', 'alpha-d', 'signal-fraction'] as const)
      if (v[k] !== undefined) throw new UsageError(`--${k} needs --signal aprime|zprime`);
    return null;
  }
  if (model !== 'aprime' && model !== 'zprime') throw new UsageError(`--signal must be aprime or zprime, got '${model}'`);
  if (model === 'aprime' && setup !== 'na64e') throw new UsageError('--signal aprime is simulated for --setup na64e (electron beam)');
  if (model === 'zprime' && setup !== 'na64mu') throw new UsageError("--signal zprime (L_mu-L_tau Z') couples to muons: use --setup na64mu");
  const massMeV = num('mass-mev', v['mass-mev']);
  if (massMeV === undefined) throw new UsageError('--signal needs --mass-mev M');
  const eps = num('epsilon', v.epsilon);
  const g = num('g-zprime', v['g-zprime']);
  if (model === 'aprime' && g !== undefined) throw new UsageError('--g-zprime is for --signal zprime; use --epsilon for the A′');
  if (eps !== undefined && g !== undefined) throw new UsageError('give either --epsilon or --g-zprime, not both');
  const coupling = model === 'zprime' && eps !== undefined ? eps * G_PER_EPSILON : (g ?? eps);
  if (coupling === undefined) throw new UsageError(model === 'aprime' ? '--signal aprime needs --epsilon E' : '--signal zprime needs --g-zprime G (or --epsilon E)');
  const alphaD = num('alpha-d', v['alpha-d']);
  if (alphaD !== undefined && model !== 'aprime') throw new UsageError('--alpha-d applies to --signal aprime only');
  const s: SignalParams = { model, massMeV, coupling, fraction: num('signal-fraction', v['signal-fraction']) ?? DEFAULT_SIGNAL_FRACTION };
  if (alphaD !== undefined) s.alphaD = alphaD;
  return s;
}

/** The setup's generator must produce the requested signal (the NA64μ Z′ is wired by its generator). */
function checkSignalSupported(params: RunParams): void {
  let table;
  try {
    table = new Simulator({ ...params, events: 1 }).processTable();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!table.some((c) => c.label === 'signal'))
    throw new UsageError(`the ${params.setup} generator does not produce '${params.signal!.model}' signal events yet`);
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
