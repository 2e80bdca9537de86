/** Command-line helpers shared by `npm run sim` and `npm run limit`. */
import type { SignalBox } from '../physics/setups/types';

/** A bad command line: the CLI prints the message and the usage, and exits with code 2. */
export class UsageError extends Error {}

/** Parse an optional numeric option; throws UsageError naming the option for non-numbers. */
export function num(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name}: '${v}' is not a number`);
  return x;
}

/** Parse `--box xmin,xmax,ymin,ymax` [GeV]; null when absent; UsageError when malformed or inverted. */
export function parseBox(v: string | undefined): SignalBox | null {
  if (v === undefined) return null;
  const p = v.split(',').map((s) => Number(s));
  if (p.length !== 4 || p.some((x) => !Number.isFinite(x))) throw new UsageError('--box needs four numbers: xmin,xmax,ymin,ymax');
  if (p[0] > p[1] || p[2] > p[3]) throw new UsageError('--box: min must not exceed max');
  return { xMinGeV: p[0], xMaxGeV: p[1], yMinGeV: p[2], yMaxGeV: p[3] };
}
