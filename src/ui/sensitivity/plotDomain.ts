/**
 * Axis ranges and ticks of the exclusion plot (pure): decades that hold every finite point of the
 * curves, the band and the marker, with some room; couplings are capped at 1.
 */
import type { CurveMode, PublishedSeries, XY } from './sensitivityMath';

/** Mass range [MeV] of the plot: m_A′ / m_Z′ from 1 MeV to 1 GeV, or m_χ = m_A′/3. */
export const MASS_RANGE: Record<CurveMode, [number, number]> = {
  epsilon: [0.8, 1300],
  g: [0.8, 1300],
  y: [0.25, 450],
};

const FALLBACK_Y: Record<CurveMode, [number, number]> = {
  epsilon: [1e-6, 1e-2],
  g: [1e-5, 1e-1],
  y: [1e-14, 1e-6],
};

/** 10^k as the exact decimal (10 ** −5 is not 1e-5 in floating point). */
export const decade = (k: number): number => Number(`1e${k}`);

/** Decades (10^k) spanning [lo, hi] with a margin of a factor `pad` on each side. */
function decades(lo: number, hi: number, pad: number): [number, number] {
  return [decade(Math.floor(Math.log10(lo / pad))), decade(Math.ceil(Math.log10(hi * pad)))];
}

export function plotDomain(
  mode: CurveMode,
  curve: readonly XY[],
  published: readonly PublishedSeries[],
  band: readonly { lo: number; hi: number }[] | null,
  marker: XY | null,
): { x: [number, number]; y: [number, number] } {
  const vals: number[] = [];
  const add = (v: number) => {
    if (Number.isFinite(v) && v > 0) vals.push(v);
  };
  curve.forEach((p) => add(p.y));
  published.forEach((s) => s.points.forEach((p) => add(p.y)));
  band?.forEach((b) => {
    add(b.lo);
    add(b.hi);
  });
  if (marker) add(marker.y);
  const cap = 1;
  const capped = vals.map((v) => Math.min(v, cap));
  let y: [number, number] = capped.length ? decades(Math.min(...capped), Math.max(...capped), 1.5) : FALLBACK_Y[mode];
  y = [Math.max(y[0], 1e-20), Math.min(Math.max(y[1], y[0] * 100), 10)];
  return { x: MASS_RANGE[mode], y };
}

/** Decade ticks (major; every 2nd decade when there are more than 8) and the others as minor ticks, with 2…9 × decade for short ranges. */
export function logTicks([lo, hi]: [number, number]): { major: number[]; minor: number[] } {
  const k0 = Math.ceil(Math.log10(lo) - 1e-9);
  const k1 = Math.floor(Math.log10(hi) + 1e-9);
  const many = k1 - k0 > 8;
  const major: number[] = [];
  const minor: number[] = [];
  for (let k = k0 - 1; k <= k1; k++) {
    const d = decade(k);
    if (k >= k0) (!many || (k - k0) % 2 === 0 ? major : minor).push(d);
    if (!many)
      for (let m = 2; m <= 9; m++) {
        const v = m * d;
        if (v >= lo && v <= hi) minor.push(v);
      }
  }
  return { major, minor };
}
