/**
 * Expected 90 % CL exclusion curve of the dark photon (NA64e) or of the L_μ − L_τ Z′ (NA64μ) for a
 * signal box and an exposure:
 *   npm run limit -- --setup na64e --eot 9.37e11 [--events N] [--signal-events N] [--masses 1,2,5,…]
 *                    [--box xmin,xmax,ymin,ymax] [--optimise-box] [--alpha-d A] [--epsilon0 E]
 *                    [--observed N] [--method cls|classical] [--seed S] [--workers K]
 *   npm run limit -- --setup na64mu --mot 1.98e10 [--g0 G] [same options but --alpha-d]
 * 1. simulates the SM background once (N events, no signal) and counts it in the box after all cuts,
 *    scaled to the exposure: b;
 * 2. for each mass simulates a pure-signal sample (fraction 1) and takes its yield per EOT/MOT at
 *    the reference coupling ε₀ or g₀ (the generator's p) and its efficiency (cuts + box);
 * 3. N_up: the expected CLs (or classical) limit for b, or the limit for --observed n;
 *    ε₉₀ = ε₀ sqrt(N_up/(N_EOT · yield · eff)), y₉₀ = ε₉₀² α_D (1/3)⁴; for the Z′ likewise
 *    g₉₀ = g₀ sqrt(N_up/(N_MOT · yield · eff)) (yield ∝ g², Br(Z′ → νν̄) does not depend on g).
 * Prints the CSV `massMeV,epsilon90,y90` (NA64e) or `massMeV,g90` (NA64μ) on stdout, the details
 * on stderr (for the Z′ also the (g−2)_μ ±2σ band at each mass). Bad arguments: exit 2.
 */
import { num, parseBox, UsageError } from './args';
import { parseArgs } from 'node:util';
import { analyse, summariseBox } from '../analysis/analysis';
import { DEFAULT_XMAX_GRID, efficiencyInBox, limitCurve, optimiseBox, upperLimitCount, type LimitMethod, type LimitPoint } from '../physics/darkSector/limits';
import { DEFAULT_EPS0, DEFAULT_LIMIT_MASSES_MEV, signalRunParams, signalSampleFromColumns, signalYieldOf } from '../physics/darkSector/sensitivity';
import { gMinus2Band } from '../physics/darkSector/gminus2';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, type RunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import type { SignalBox } from '../physics/setups/types';
import { simulateAll } from './sim';


const USAGE = `usage: npm run limit -- --setup na64e --eot N [--events N] [--signal-events N] [--masses M1,M2,...]
  [--box xmin,xmax,ymin,ymax] [--optimise-box] [--alpha-d A] [--epsilon0 E] [--observed N]
  [--method cls|classical] [--seed S] [--workers K]
       npm run limit -- --setup na64mu --mot N [--g0 G] [the same options except --alpha-d]
  na64e (dark photon A'): prints CSV massMeV,epsilon90,y90 (default --eot 9.37e11, epsilon0 1e-4)
  na64mu (L_mu-L_tau Z' -> nu nu): prints CSV massMeV,g90 = 90% CL upper limit on the coupling g_Z'
    (default --mot 1.98e10, reference coupling --g0 1e-4; box axes p_out, E_ECAL+E_VHCAL+E_HCAL)
  expected 90% CL limit unless --observed is given`;

export interface LimitCli {
  params: RunParams;
  /** Signal model of the setup: 'aprime' (NA64e) or 'zprime' (NA64μ). */
  model: 'aprime' | 'zprime';
  /** Particles on target (EOT for NA64e, MOT for NA64μ). */
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


/** Parse the command line (throws UsageError with a message on bad input). */
export function parseLimitCli(argv: string[]): LimitCli {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        setup: { type: 'string', default: 'na64e' },
        eot: { type: 'string' },
        mot: { type: 'string' },
        g0: { type: 'string' },
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
  const setup = values.setup;
  if (setup !== 'na64e' && setup !== 'na64mu') throw new UsageError(`--setup must be na64e or na64mu, got '${setup}'`);
  const mu = setup === 'na64mu';
  if (mu && values['alpha-d'] !== undefined) throw new UsageError("--alpha-d applies to --setup na64e (A'); the Z' limit does not depend on it");
  if (!mu && values.g0 !== undefined) throw new UsageError("--g0 is the reference Z' coupling of --setup na64mu; use --epsilon0 for na64e");
  if (values.g0 !== undefined && values.epsilon0 !== undefined) throw new UsageError('give either --g0 or --epsilon0, not both');
  if (values.eot !== undefined && values.mot !== undefined) throw new UsageError('give either --eot or --mot, not both');
  const base = DEFAULT_PARAMS[setup];
  let params: RunParams;
  try {
    params = parseRunParams({ ...base, events: num('events', values.events) ?? 100000, seed: num('seed', values.seed) ?? base.seed });
  } catch (e) {
    if (e instanceof ParamsError) throw new UsageError(e.message);
    throw e;
  }
  const eot = num(values.mot !== undefined ? 'mot' : 'eot', values.mot ?? values.eot) ?? (mu ? 1.98e10 : 9.37e11);
  if (!(eot > 0)) throw new UsageError(`--${values.mot !== undefined ? 'mot' : 'eot'} must be positive`);
  const signalEvents = num('signal-events', values['signal-events']) ?? 2000;
  if (!Number.isInteger(signalEvents) || signalEvents < 10 || signalEvents > 1e7) throw new UsageError('--signal-events must be a whole number from 10 to 1e7');
  const masses = values.masses === undefined ? [...DEFAULT_LIMIT_MASSES_MEV] : values.masses.split(',').map((m) => num('masses', m)!);
  if (masses.length === 0 || masses.some((m) => !(m >= 1 && m <= 1000))) throw new UsageError('--masses: each mass must be from 1 to 1000 MeV');
  const box = parseBox(values.box);
  const alphaD = num('alpha-d', values['alpha-d']) ?? 0.5;
  if (!(alphaD > 0 && alphaD <= 1)) throw new UsageError('--alpha-d must be in (0, 1]');
  const eps0 = num(values.g0 !== undefined ? 'g0' : 'epsilon0', values.g0 ?? values.epsilon0) ?? DEFAULT_EPS0;
  if (!(eps0 > 0 && eps0 <= 1)) throw new UsageError(`--${values.g0 !== undefined ? 'g0' : 'epsilon0'} must be in (0, 1]`);
  const observed = num('observed', values.observed);
  if (observed !== undefined && !(Number.isInteger(observed) && observed >= 0)) throw new UsageError('--observed must be a whole number ≥ 0');
  const method = (values.method ?? 'cls') as LimitMethod;
  if (method !== 'cls' && method !== 'classical') throw new UsageError("--method must be 'cls' or 'classical'");
  const workers = num('workers', values.workers) ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a whole number from 1 to 64');
  return { params, model: mu ? 'zprime' : 'aprime', eot, signalEvents, masses, box, optimise: values['optimise-box'] ?? false, alphaD, eps0, observed, method, workers };
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
    const p = signalRunParams(cli.params, m, {
      events: cli.signalEvents,
      coupling: cli.eps0,
      alphaD: cli.model === 'aprime' ? cli.alphaD : undefined,
      seed: cli.params.seed + 1000 + k,
    });
    // small samples: in-process (starting worker threads would cost more than the events)
    const cols = await simulateAll(p, cli.signalEvents >= 50000 ? cli.workers : 1);
    const y = signalYieldOf(new Simulator(p).processTable());
    signals.push({ massMeV: m, sample: signalSampleFromColumns(setup, cols, allCuts), yieldPerOnTargetAtEps0: y });
  }
  const mu = cli.model === 'zprime';
  const [xName, yName, onTarget] = mu ? ['p_out', 'E_ECAL+E_VHCAL+E_HCAL', 'MOT'] : ['E_ECAL', 'E_HCAL', 'EOT'];
  let box = cli.box ?? setup.defaultBox;
  if (cli.optimise) {
    // NA64μ: upper p_out edge 30…100 GeV and upper calorimeter edge around the MIP peak (lower edges of the default box)
    const grids = mu
      ? { xMinGeV: box.xMinGeV, yMinGeV: box.yMinGeV, xMaxGrid: NA64MU_XMAX_GRID, yMaxGrid: NA64MU_YMAX_GRID }
      : {};
    const o = optimiseBox({ signals, backgroundInBox: (b) => summariseBox(a, b, cli.eot).scaled, nOnTarget: cli.eot, eps0: cli.eps0, method: cli.method, ...grids });
    box = o.best.box;
    log(`optimised box: ${xName} < ${box.xMaxGeV} GeV, ${yName} < ${box.yMaxGeV} GeV (background ${o.best.background.toExponential(2)}, N_up ${o.best.nUp.toFixed(2)})`);
    if (box.xMaxGeV >= Math.max(...(mu ? NA64MU_XMAX_GRID : DEFAULT_XMAX_GRID)))
      log('  note: the optimum is at the edge of the search grid — the SM sample is too small to see the tail of the beam peak there; raise --events');
  }
  const s = summariseBox(a, box, cli.eot);
  const opts = { eps0: cli.eps0, nOnTarget: cli.eot, background: s.scaled, observed: cli.observed, method: cli.method, alphaD: cli.alphaD };
  const nUp = upperLimitCount(opts);
  log(
    `box ${xName} in [${box.xMinGeV}, ${box.xMaxGeV}), ${yName} in [${box.yMinGeV}, ${box.yMaxGeV}) GeV: background ${s.scaled.toExponential(3)} at ${cli.eot.toExponential(3)} ${onTarget} (${s.inBox.raw} MC events); N_up = ${nUp.toFixed(3)} (${cli.observed === undefined ? 'expected' : `observed ${cli.observed}`}, ${cli.method})`,
  );
  const points = limitCurve(
    signals.map((g) => ({ massMeV: g.massMeV, yieldPerOnTargetAtEps0: g.yieldPerOnTargetAtEps0, efficiency: efficiencyInBox(g.sample, box) })),
    opts,
  );
  for (const [k, pt] of points.entries()) {
    if (!mu) {
      log(`  m = ${pt.massMeV} MeV: A′/EOT at ε0 = ${signals[k].yieldPerOnTargetAtEps0.toExponential(3)}, efficiency ${pt.efficiency.toFixed(3)}, N_sig(ε0) = ${pt.signalAtEps0.toExponential(3)}`);
      continue;
    }
    const band = gMinus2Band(pt.massMeV);
    const g = pt.epsilon90;
    const vsBand = g < band.gLow ? 'excludes the whole band' : g < band.gHigh ? 'excludes part of the band' : 'above the band';
    log(
      `  m = ${pt.massMeV} MeV: Z′→νν̄/MOT at g0 = ${signals[k].yieldPerOnTargetAtEps0.toExponential(3)}, efficiency ${pt.efficiency.toFixed(3)}, N_sig(g0) = ${pt.signalAtEps0.toExponential(3)}, g90 = ${g.toExponential(3)}; (g−2)_μ ±2σ band g = ${band.gLow.toExponential(2)}…${band.gHigh.toExponential(2)}: ${vsBand}`,
    );
  }
  return { box, background: s.scaled, backgroundRaw: s.inBox.raw, nUp, points, yields: signals.map((g) => g.yieldPerOnTargetAtEps0), seconds: (performance.now() - t0) / 1000 };
}

/** Upper p_out edges [GeV] and upper calorimeter-sum edges [GeV] searched by --optimise-box for NA64μ. */
export const NA64MU_XMAX_GRID = [30, 40, 50, 60, 70, 80, 90, 100];
export const NA64MU_YMAX_GRID = [6, 8, 10, 12, 15, 20];

/**
 * The CSV of a limit curve: header `massMeV,epsilon90,y90` (A′), or `massMeV,g90` for the Z′
 * (g90 = 90 % CL upper limit on g_Z′; the limit code's ε is the coupling of the model).
 */
export function limitCsv(points: readonly LimitPoint[], model: 'aprime' | 'zprime' = 'aprime'): string {
  const f = (v: number) => (Number.isFinite(v) ? v.toPrecision(4) : 'inf');
  if (model === 'zprime') return ['massMeV,g90', ...points.map((p) => `${p.massMeV},${f(p.epsilon90)}`)].join('\n') + '\n';
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
  process.stdout.write(limitCsv(r.points, cli.model));
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
