/**
 * A run summary as an Apache Arrow IPC file (the random-access "file" format, also read as Feather
 * v2 by pandas / pyarrow: `pyarrow.feather.read_table('run.arrow')`). One row per event, typed
 * columns straight from the run's typed arrays (no per-event objects):
 *
 * | column      | Arrow type               | meaning                                             |
 * |-------------|--------------------------|-----------------------------------------------------|
 * | eventIndex  | Int32                    | event number in the run (seed, index) → re-simulable |
 * | process     | Uint8                    | process code (src/physics/processes.ts)              |
 * | processLabel| Dictionary<Int32, Utf8>  | process label ('em', 'dimuon', …)                    |
 * | weight      | Float64                  | event weight (Σw/N = fraction per particle on target)|
 * | pInGeV …    | Float32                  | reconstructed quantities [GeV] (NaN = not measured)  |
 * | cutBits     | Uint16                   | bit k = passes cut k (schema metadata `cuts`)        |
 * | passesCuts  | Bool                     | all cuts passed (as in the CSV)                      |
 *
 * Schema metadata: `setup`, `params` (JSON of the run parameters), `cuts` (JSON list of cut ids in
 * bit order), `generator`.
 */
import { RecordBatch, Schema, Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import type { RunColumns } from '../physics/columns';
import type { RunParams } from '../physics/params';
import { processLabel } from '../physics/processes';
import type { Setup } from '../physics/setups/types';

export function runToArrowTable(setup: Setup, c: RunColumns, params: RunParams | null): Table {
  const n = c.n;
  const eventIndex = new Int32Array(n);
  const labels: string[] = new Array(n);
  const passes: boolean[] = new Array(n);
  const all = (1 << setup.cuts.length) - 1;
  for (let i = 0; i < n; i++) {
    eventIndex[i] = c.firstIndex + i;
    labels[i] = processLabel(c.process[i]);
    passes[i] = (c.cutBits[i] & all) === all;
  }
  const t = tableFromArrays({
    eventIndex,
    process: c.process.slice(0, n),
    processLabel: labels,
    weight: c.weight.slice(0, n),
    pInGeV: c.pInGeV.slice(0, n),
    pOutGeV: c.pOutGeV.slice(0, n),
    eEcalGeV: c.eEcalGeV.slice(0, n),
    eHcalGeV: c.eHcalGeV.slice(0, n),
    eVetoGeV: c.eVetoGeV.slice(0, n),
    eSrdGeV: c.eSrdGeV.slice(0, n),
    eVhcalGeV: c.eVhcalGeV.slice(0, n),
    cutBits: c.cutBits.slice(0, n),
    passesCuts: passes,
  });
  const metadata = new Map<string, string>([
    ['setup', setup.id],
    ['params', JSON.stringify(params)],
    ['cuts', JSON.stringify(setup.cuts.map((k) => k.id))],
    ['generator', 'NA64 Explorer'],
  ]);
  const schema = new Schema(t.schema.fields, metadata);
  return new Table(
    schema,
    t.batches.map((b) => new RecordBatch(schema, b.data)),
  );
}

/** The Arrow IPC file bytes of a run. */
export function runToArrow(setup: Setup, c: RunColumns, params: RunParams | null): Uint8Array {
  return tableToIPC(runToArrowTable(setup, c, params), 'file');
}
