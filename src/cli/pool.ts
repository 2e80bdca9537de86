/**
 * Worker-thread pool for the CLI: contiguous event ranges, results merged in order. Because every
 * event has its own random stream, the output is identical for any number of workers.
 */
import { Worker } from 'node:worker_threads';
import { allocateColumns, copyColumnsInto, type RunColumns } from '../physics/columns';
import type { RunParams } from '../physics/params';

export async function runInWorkers(params: RunParams, workers: number): Promise<RunColumns> {
  const all = allocateColumns(params.events, 0);
  const per = Math.ceil(params.events / workers);
  const jobs: Promise<void>[] = [];
  for (let k = 0; k < workers; k++) {
    const start = k * per;
    const count = Math.min(per, params.events - start);
    if (count <= 0) break;
    jobs.push(
      new Promise<void>((resolve, reject) => {
        const w = new Worker(new URL('./poolWorkerEntry.mjs', import.meta.url), {
          workerData: { params, start, count },
        });
        w.on('message', (cols: RunColumns) => {
          copyColumnsInto(all, cols, start);
          resolve();
          void w.terminate();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker exited with code ${code}`));
        });
      }),
    );
  }
  await Promise.all(jobs);
  return all;
}
