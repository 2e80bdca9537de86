/**
 * A run summary as columns of typed arrays (struct of arrays): one entry per event, transferable
 * from the worker without copies. Energies in GeV here (they are what the plots and the CLI show);
 * the names say so.
 */
export interface RunColumns {
  /** Number of events stored. */
  n: number;
  /** Index of the first event (events are `firstIndex .. firstIndex + n - 1`). */
  firstIndex: number;
  process: Uint8Array;
  /** Event weight (biasing of rare processes): Σw/N estimates the fraction per particle on target. */
  weight: Float64Array;
  /** Reconstructed incoming momentum [GeV]. */
  pInGeV: Float32Array;
  /** Reconstructed outgoing momentum [GeV] (NA64mu MS2; NaN for NA64e). */
  pOutGeV: Float32Array;
  eEcalGeV: Float32Array;
  eHcalGeV: Float32Array;
  eVetoGeV: Float32Array;
  eSrdGeV: Float32Array;
  /** NA64mu VHCAL energy [GeV] (0 for NA64e). */
  eVhcalGeV: Float32Array;
  /** Bit k set = event passes cut k of `setup.cuts`. */
  cutBits: Uint16Array;
}

export const COLUMN_NAMES = [
  'process',
  'weight',
  'pInGeV',
  'pOutGeV',
  'eEcalGeV',
  'eHcalGeV',
  'eVetoGeV',
  'eSrdGeV',
  'eVhcalGeV',
  'cutBits',
] as const;
export type ColumnName = (typeof COLUMN_NAMES)[number];

/** Allocate zeroed columns for `n` events starting at `firstIndex`. */
export function allocateColumns(n: number, firstIndex = 0): RunColumns {
  return {
    n,
    firstIndex,
    process: new Uint8Array(n),
    weight: new Float64Array(n),
    pInGeV: new Float32Array(n),
    pOutGeV: new Float32Array(n),
    eEcalGeV: new Float32Array(n),
    eHcalGeV: new Float32Array(n),
    eVetoGeV: new Float32Array(n),
    eSrdGeV: new Float32Array(n),
    eVhcalGeV: new Float32Array(n),
    cutBits: new Uint16Array(n),
  };
}

/** Copy `src` into `dst` at offset `at` (events must fit). */
export function copyColumnsInto(dst: RunColumns, src: RunColumns, at: number): void {
  if (at + src.n > dst.n) throw new RangeError(`chunk of ${src.n} at ${at} does not fit in ${dst.n}`);
  for (const name of COLUMN_NAMES) {
    (dst[name] as { set(a: ArrayLike<number>, o: number): void }).set(src[name], at);
  }
}

/** The transferable buffers of a column set (for postMessage transfer lists). */
export function columnBuffers(c: RunColumns): ArrayBuffer[] {
  return COLUMN_NAMES.map((name) => c[name].buffer as ArrayBuffer);
}

/** Bit mask with the lowest `k` bits set: "passes the first k cuts". */
export const firstCutsMask = (k: number): number => (1 << k) - 1;
