/** A one-entry cache of prepared simulators keyed by their parameters (context building costs ms). */
import type { RunParams } from '../physics/params';

export function buildSimulatorCache<S>(make: (p: RunParams) => S): { get(p: RunParams): S } {
  let key = '';
  let value: S | null = null;
  return {
    get(p: RunParams): S {
      const k = JSON.stringify(p);
      if (k !== key || value === null) {
        value = make(p);
        key = k;
      }
      return value;
    },
  };
}
