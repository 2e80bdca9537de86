/**
 * Expected 90 % CL exclusion curve of the dark photon for a signal box and an exposure:
 *   npm run limit -- --setup na64e --eot 9.37e11 [--events N] [--signal-events N] [--masses 1,2,5,…]
 *                    [--box xmin,xmax,ymin,ymax] [--optimise-box] [--alpha-d A] [--epsilon0 E]
 *                    [--observed N] [--method cls|classical] [--seed S] [--workers K]
 * 1. simulates the SM background once (N events, no signal) and counts it in the box after all cuts,
 *    scaled to the exposure: b;
 * 2. for each mass simulates a pure-signal sample (fraction 1) and takes its yield per EOT at ε₀
 *    (the generator's p) and its efficiency (cuts + box);
 * 3. N_up: the expected CLs (or classical) limit for b, or the limit for --observed n;
 *    ε₉₀ = ε₀ sqrt(N_up/(N_EOT · yield · eff)), y₉₀ = ε₉₀² α_D (1/3)⁴.
 * Prints the CSV `massMeV,epsilon90,y90` on stdout, the details on stderr. Bad arguments: exit 2.
 */
import { parseArgs } from 'node:util';
import { analyse, summariseBox } from '../analysis/analysis';
import { DEFAULT_XMAX_GRID, efficiencyInBox, limitCurve, optimiseBox, upperLimitCount, type LimitMethod, type LimitPoint } from '../physics/darkSector/limits';
import { DEFAULT_EPS0, DEFAULT_LIMIT_MASSES_MEV, signalRunParams, signalSampleFromColumns, signalYieldOf } from '../physics/darkSector/sensitivity';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, type RunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import type { SignalBox } from '../physics/setups/types';
import { simulateAll } from './sim';

class UsageError extends Error {}

const USAGE = `usage: npm run limit -- --setup na64e --eot N [--events N] [--signal-events N] [--masses M1,M2,...]
  [--box xmin,xmax,ymin,ymax] [--optimise-box] [--alpha-d A] [--epsilon0 E] [--observed N]
  [--method cls|classical] [--seed S] [--workers K]
  prints CSV massMeV,epsilon90,y90 (expected 90% CL limit unless --observed is given)`;

export interface LimitCli {
  params: RunParams;
  eot: number;
  signalEvents: number;
  masses: number[];
  box: SignalBox | null;
  optimise: boolean;
  alphaD: number;
  eps0: number;
  observed: number | undefined;
  method: LimitMethod;
  workers: number;
}

function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name}: '${v}' is not a number`);
  return x;
}

/** Parse the command line (throws UsageError with a message on bad input). */
export function parseLimitCli(argv: string[]): LimitCli {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        setup: { type: 'string', default: 'na64e' },
        eot: { type: 'string' },
        events: { type: 'string' },
        'signal-events': { type: 'string' },
        masses: { type: 'string' },
        box: { type: 'string' },
        'optimise-box': { type: 'boolean' },
        'alpha-d': { type: 'string' },
        epsilon0: { type: 'string' },
        observed: { type: 'string' },
        method: { type: 'string' },
        seed: { type: 'string' },
        workers: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) throw new UsageError('help');
  if (values.setup !== 'na64e') {
    throw new UsageError(
      values.setup === 'na64mu'
        ? "--setup na64mu: the Z' limit needs Z' signal events from the NA64mu generator, which are not wired yet"
        : `--setup must be na64e, got '${values.setup}'`,
    );
  }
  const base = DEFAULT_PARAMS.na64e;
  let params: RunParams;
  try {
    params = parseRunParams({ ...base, events: num('events', values.events) ?? 100000, seed: num('seed', values.seed) ?? base.seed });
  } catch (e) {
    if (e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
  const eot = num('eot', values.eot) ?? 9.37e11;
  if (!(eot > 0)) throw new UsageError('--eot must be positive');
  const signalEvents = num('signal-events', values['signal-events']) ?? 2000;
  if (!Number.isInteger(signalEvents) || signalEvents < 10 || signalEvents > 1e7) throw new UsageError('--signal-events must be a whole number from 10 to 1e7');
  const masses = values.masses === undefined ? [...DEFAULT_LIMIT_MASSES_MEV] : values.masses.split(',').map((m) => num('masses', m)!);
  if (masses.length === 0 || masses.some((m) => !(m >= 1 && m <= 1000))) throw new UsageError('--masses: each mass must be from 1 to 1000 MeV');
  let box: SignalBox | null = null;
  if (values.box !== undefined) {
    const p = values.box.split(',').map((s) => Number(s));
    if (p.length !== 4 || p.some((v) => !Number.isFinite(v))) throw new UsageError('--box needs four numbers: xmin,xmax,ymin,ymax');
    if (p[0] > p[1] || p[2] > p[3]) throw new UsageError('--box: min must not exceed max');
    box = { xMinGeV: p[0], xMaxGeV: p[1], yMinGeV: p[2], yMaxGeV: p[3] };
  }
  const alphaD = num('alpha-d', values['alpha-d']) ?? 0.5;
  if (!(alphaD > 0 && alphaD <= 1)) throw new UsageError('--alpha-d must be in (0, 1]');
  const eps0 = num('epsilon0', values.epsilon0) ?? DEFAULT_EPS0;
  if (!(eps0 > 0 && eps0 <= 1)) throw new UsageError('--epsilon0 must be in (0, 1]');
  const observed = num('observed', values.observed);
  if (observed !== undefined && !(Number.isInteger(observed) && observed >= 0)) throw new UsageError('--observed must be a whole number ≥ 0');
  const method = (values.method ?? 'cls') as LimitMethod;
  if (method !== 'cls' && method !== 'classical') throw new UsageError("--method must be 'cls' or 'classical'");
  const workers = num('workers', values.workers) ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
  return { params, eot, signalEvents, masses, box, optimise: values['optimise-box'] ?? false, alphaD, eps0, observed, method, workers };
}

export interface LimitResult {
  box: SignalBox;
  background: number;
  backgroundRaw: number;
  nUp: number;
  points: LimitPoint[];
  /** Per mass: yield per EOT at ε₀. */
  yields: number[];
  seconds: number;
}

/** Run the background and signal simulations and compute the limit curve. */
export async function runLimit(cli: LimitCli, log: (line: string) => void = () => {}): Promise<LimitResult> {
  const t0 = performance.now();
  const bgCols = await simulateAll(cli.params, cli.workers);
  const sim = new Simulator(cli.params);
  const setup = sim.setup;
  const allCuts = (1 << setup.cuts.length) - 1;
  const a = analyse(setup, bgCols, allCuts);
  log(`background: ${cli.params.events} SM events (seed ${cli.params.seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const signals = [];
  for (const [k, m] of cli.masses.entries()) {
    const p = signalRunParams(cli.params, m, { events: cli.signalEvents, coupling: cli.eps0, alphaD: cli.alphaD, seed: cli.params.seed + 1000 + k });
    // small samples: in-process (starting worker threads would cost more than the events)
    const cols = await simulateAll(p, cli.signalEvents >= 50000 ? cli.workers : 1);
    const y = signalYieldOf(new Simulator(p).processTable());
    signals.push({ massMeV: m, sample: signalSampleFromColumns(setup, cols, allCuts), yieldPerOnTargetAtEps0: y });
  }
  let box = cli.box ?? setup.defaultBox;
  if (cli.optimise) {
    const o = optimiseBox({ signals, backgroundInBox: (b) => summariseBox(a, b, cli.eot).scaled, nOnTarget: cli.eot, eps0: cli.eps0, method: cli.method });
    box = o.best.box;
    log(`optimised box: E_ECAL < ${box.xMaxGeV} GeV, E_HCAL < ${box.yMaxGeV} GeV (background ${o.best.background.toExponential(2)}, N_up ${o.best.nUp.toFixed(2)})`);
    if (box.xMaxGeV >= Math.max(...DEFAULT_XMAX_GRID))
      log('  note: the optimum is at the edge of the search grid — the SM sample is too small to see the tail of the beam peak there; raise --events');
  }
  const s = summariseBox(a, box, cli.eot);
  const opts = { eps0: cli.eps0, nOnTarget: cli.eot, background: s.scaled, observed: cli.observed, method: cli.method, alphaD: cli.alphaD };
  const nUp = upperLimitCount(opts);
  log(
    `box E_ECAL in [${box.xMinGeV}, ${box.xMaxGeV}), E_HCAL in [${box.yMinGeV}, ${box.yMaxGeV}) GeV: background ${s.scaled.toExponential(3)} at ${cli.eot.toExponential(3)} EOT (${s.inBox.raw} MC events); N_up = ${nUp.toFixed(3)} (${cli.observed === undefined ? 'expected' : `observed ${cli.observed}`}, ${cli.method})`,
  );
  const points = limitCurve(
    signals.map((g) => ({ massMeV: g.massMeV, yieldPerOnTargetAtEps0: g.yieldPerOnTargetAtEps0, efficiency: efficiencyInBox(g.sample, box) })),
    opts,
  );
  for (const [k, pt] of points.entries())
    log(`  m = ${pt.massMeV} MeV: A′/EOT at ε0 = ${signals[k].yieldPerOnTargetAtEps0.toExponential(3)}, efficiency ${pt.efficiency.toFixed(3)}, N_sig(ε0) = ${pt.signalAtEps0.toExponential(3)}`);
  return { box, background: s.scaled, backgroundRaw: s.inBox.raw, nUp, points, yields: signals.map((g) => g.yieldPerOnTargetAtEps0), seconds: (performance.now() - t0) / 1000 };
}

/** The CSV of a limit curve: header `massMeV,epsilon90,y90`. */
export function limitCsv(points: readonly LimitPoint[]): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : 'inf');
  return ['massMeV,epsilon90,y90', ...points.map((p) => `${p.massMeV},${f(p.epsilon90)},${f(p.y90)}`)].join('\n') + '\n';
}

async function main(): Promise<number> {
  let cli;
  try {
    cli = parseLimitCli(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message !== 'help') process.stderr.write(`error: ${e.message}\n`);
      process.stderr.write(USAGE + '\n');
      return e.message === 'help' ? 0 : 2;
    }
    throw e;
  }
  const r = await runLimit(cli, (l) => process.stderr.write(l + '\n'));
  process.stdout.write(limitCsv(r.points));
  process.stderr.write(`done in ${r.seconds.toFixed(1)} s\n`);
  return 0;
}

const isMain = process.argv[1] && /limit\.ts$|limit\.js$/.test(process.argv[1]);
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
