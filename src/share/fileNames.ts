/** File names of the exports: setup, seed and number of events, so that files of runs do not clash. */
import type { RunParams } from '../physics/params';

function compactCount(n: number): string {
  if (n >= 1000 && Number.isInteger(Math.log10(n))) return `1e${Math.log10(n)}`;
  return String(n);
}

/** e.g. 'na64e-seed1-100000ev' (or 'na64e-imported' without parameters). */
export function runBaseName(params: RunParams | null, setupId: string): string {
  if (!params) return `${setupId}-imported`;
  return `${setupId}-seed${params.seed}-${compactCount(params.events)}ev`;
}

export const exportFileName = {
  svg: (base: string) => `${base}-hermeticity.svg`,
  png: (base: string) => `${base}-hermeticity-3840x2160.png`,
  scenePng: (base: string, eventIndex: number | null) => `${base}-3d${eventIndex === null ? '' : `-event${eventIndex}`}.png`,
  csv: (base: string) => `${base}.csv`,
  arrow: (base: string) => `${base}.arrow`,
  phoenix: (base: string, eventIndex: number) => `${base}-event${eventIndex}.phoenix.json`,
  root: (base: string) => `${base}-hermeticity-TH2D.json`,
};
