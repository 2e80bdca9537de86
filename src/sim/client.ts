/**
 * The UI side of the simulation: a pool of workers, chunked runs with progress and cancel, merge
 * of the chunks into one column set, analysis in a worker, event detail on demand. A crashed
 * worker rejects the run with a `WorkerCrashed` error (the UI words it in the reader's language,
 * the browser's detail after it); the pool is rebuilt on the next call.
 */
import * as Comlink from 'comlink';
import type { AnalysisResult } from '../analysis/analysis';
import { allocateColumns, copyColumnsInto, type RunColumns } from '../physics/columns';
import type { EventDetail } from '../physics/detail';
import type { RunParams } from '../physics/params';
import type { Setup } from '../physics/setups/types';
import type { ProcessTableRow, SignalSampleData, SignalSampleOptions, SimWorkerApi } from './protocol';

export const CHUNK_EVENTS = 25000;

export interface RunProgress {
  done: number;
  total: number;
}

export interface RunResult {
  params: RunParams;
  setup: Setup;
  processes: ProcessTableRow[];
  columns: RunColumns;
  durationMs: number;
}

export class RunCancelled extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'RunCancelled';
  }
}

/** A worker died (uncaught error, out of memory): `detail` is the browser's technical message. */
export class WorkerCrashed extends Error {
  readonly detail: string;
  constructor(detail: string) {
    super(`simulation worker crashed: ${detail}`);
    this.name = 'WorkerCrashed';
    this.detail = detail;
  }
}

/**
 * A promise that rejects with RunCancelled when `signal` aborts (after calling `onAbort`), and
 * `done()`, which detaches it once the call is over (an abort after that does nothing).
 */
function watchAbort(signal: AbortSignal | undefined, onAbort: () => void): { promise: Promise<never>; done(): void } {
  let detach = () => {};
  const promise = new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) {
      reject(new RunCancelled());
      return;
    }
    const onSignal = () => {
      onAbort();
      reject(new RunCancelled());
    };
    signal.addEventListener('abort', onSignal, { once: true });
    detach = () => signal.removeEventListener('abort', onSignal);
  });
  promise.catch(() => undefined);
  return { promise, done: () => detach() };
}

interface PoolWorker {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
  crashed: Promise<never>;
}

function createWorker(): PoolWorker {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => reject(new WorkerCrashed(e.message || 'unknown error')));
  });
  crashed.catch(() => undefined);
  return { worker, api: Comlink.wrap<SimWorkerApi>(worker), crashed };
}

export class SimClient {
  private pool: PoolWorker[] = [];
  private readonly size: number;
  private generation = 0;

  constructor(size = Math.max(1, Math.min(4, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1))) {
    this.size = size;
  }

  private ensurePool(): PoolWorker[] {
    if (this.pool.length === 0) this.pool = Array.from({ length: this.size }, createWorker);
    return this.pool;
  }

  /**
   * Start the workers ahead of the first run (no-op where there are no Web Workers, e.g. in Node
   * tests): each worker warms up (tables, compiled code) while the page is still being built.
   */
  prestart(): void {
    if (typeof Worker !== 'undefined') this.ensurePool();
  }

  /** Terminate all workers (cancels whatever they are doing). */
  reset(): void {
    for (const w of this.pool) w.worker.terminate();
    this.pool = [];
    this.generation++;
  }

  private call<T>(w: PoolWorker, p: Promise<T>): Promise<T> {
    return Promise.race([p, w.crashed]);
  }

  /** Run a whole simulation in chunks over the pool. Rejects with RunCancelled if `signal` aborts. */
  async run(params: RunParams, onProgress: (p: RunProgress) => void, signal?: AbortSignal): Promise<RunResult> {
    const t0 = performance.now();
    const pool = this.ensurePool();
    const gen = this.generation;
    const watch = watchAbort(signal, () => this.reset());
    const abort = watch.promise;
    try {
      return await this.runChunks(params, onProgress, pool, gen, abort, t0);
    } finally {
      // a later abort of this signal (the UI aborts the last run's controller before the next run)
      // must not reset the pool: that would cost every run a fresh, cold worker
      watch.done();
    }
  }

  private async runChunks(
    params: RunParams,
    onProgress: (p: RunProgress) => void,
    pool: PoolWorker[],
    gen: number,
    abort: Promise<never>,
    t0: number,
  ): Promise<RunResult> {
    const { setup, processes } = await Promise.race([this.call(pool[0], pool[0].api.describe(params)), abort]);
    const total = params.events;
    const columns = allocateColumns(total, 0);
    let next = 0;
    let done = 0;
    const workerLoop = async (w: PoolWorker) => {
      while (next < total) {
        if (gen !== this.generation) throw new RunCancelled();
        const start = next;
        const count = Math.min(CHUNK_EVENTS, total - start);
        next += count;
        const chunk = await Promise.race([this.call(w, w.api.simulateChunk(params, start, count)), abort]);
        copyColumnsInto(columns, chunk, start);
        done += count;
        onProgress({ done, total });
      }
    };
    try {
      await Promise.all(pool.map(workerLoop));
    } catch (e) {
      if (!(e instanceof RunCancelled)) this.reset();
      throw e;
    }
    return { params, setup, processes, columns, durationMs: performance.now() - t0 };
  }

  /** Analyse columns in a worker; the columns are transferred there and back (returned anew). */
  async analyse(params: RunParams, columns: RunColumns, mask: number): Promise<{ analysis: AnalysisResult; columns: RunColumns }> {
    const w = this.ensurePool()[0];
    const buffers = [
      columns.process.buffer,
      columns.weight.buffer,
      columns.pInGeV.buffer,
      columns.pOutGeV.buffer,
      columns.eEcalGeV.buffer,
      columns.eHcalGeV.buffer,
      columns.eVetoGeV.buffer,
      columns.eSrdGeV.buffer,
      columns.eVhcalGeV.buffer,
      columns.cutBits.buffer,
    ] as ArrayBuffer[];
    try {
      return await this.call(w, w.api.analyse(params, Comlink.transfer(columns, buffers), mask));
    } catch (e) {
      this.reset();
      throw e;
    }
  }

  /**
   * Signal samples of the sensitivity panel: one pure-signal run per mass (SimWorkerApi.signalSamples),
   * the masses spread over the pool; progress counts finished masses. Rejects with RunCancelled if
   * `signal` aborts (the pool is reset), with the worker's error otherwise.
   */
  async signalSamples(
    params: RunParams,
    masses: number[],
    eventsPerMass: number,
    opts: SignalSampleOptions,
    onProgress: (p: RunProgress) => void,
    signal?: AbortSignal,
  ): Promise<SignalSampleData[]> {
    const pool = this.ensurePool();
    const gen = this.generation;
    const watch = watchAbort(signal, () => this.reset());
    const abort = watch.promise;
    const seeds = masses.map((_, k) => opts.seeds?.[k] ?? params.seed + 1000 + k);
    const out: SignalSampleData[] = new Array(masses.length);
    let next = 0;
    let done = 0;
    const workerLoop = async (w: PoolWorker) => {
      while (next < masses.length) {
        if (gen !== this.generation) throw new RunCancelled();
        const k = next++;
        const [s] = await Promise.race([this.call(w, w.api.signalSamples(params, [masses[k]], eventsPerMass, { ...opts, seeds: [seeds[k]] })), abort]);
        out[k] = s;
        done++;
        onProgress({ done, total: masses.length });
      }
    };
    try {
      await Promise.all(pool.map(workerLoop));
    } catch (e) {
      if (e instanceof WorkerCrashed || (!(e instanceof RunCancelled) && /crash/.test((e as Error).message))) this.reset();
      throw e;
    } finally {
      watch.done();
    }
    return out;
  }

  /** Test hook: crash every worker of the pool (the running call rejects; the next call rebuilds the pool). */
  crashForTest(): void {
    for (const w of this.pool) void w.api.crash();
  }

  /** Re-simulate one event with full detail. */
  async detail(params: RunParams, eventIndex: number): Promise<EventDetail> {
    const w = this.ensurePool()[0];
    try {
      return await this.call(w, w.api.simulateDetail(params, eventIndex));
    } catch (e) {
      this.reset();
      throw e;
    }
  }
}
