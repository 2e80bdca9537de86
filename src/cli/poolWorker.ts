/** Worker thread of the CLI pool: simulate one range of events and post the columns back. */
import { parentPort, workerData } from 'node:worker_threads';
import { allocateColumns, columnBuffers, copyColumnsInto } from '../physics/columns';
import type { RunParams } from '../physics/params';
import { Simulator } from '../physics/run';

const { params, start, count } = workerData as { params: RunParams; start: number; count: number };
const sim = new Simulator(params);
const out = allocateColumns(count, start);
const chunk = 50000;
for (let s = 0; s < count; s += chunk) copyColumnsInto(out, sim.simulateChunk(start + s, Math.min(chunk, count - s)), s);
parentPort!.postMessage(out, columnBuffers(out));
