/**
 * Text of the hermeticity plot: the box label (its own count), the plot's aria-label and the
 * density-bin count under a point (hover readout, keyboard cursor).
 */
import type { TFunction } from 'i18next';
import type { AnalysisResult } from '../../analysis/analysis';
import { bin, type BoxCount } from '../../analysis/boxIndex';
import type { SignalBox } from '../../physics/setups/types';
import { formatCount, formatGeV, formatWeighted } from './format';

/** The box label from the plot's own count; undefined without a count. */
export function boxCountLabel(t: TFunction, count: BoxCount | null, locale: string): string | undefined {
  return count
    ? t('plot.boxLabel', {
        count: count.raw,
        raw: formatCount(count.raw, locale),
        weighted: formatWeighted(count.weighted, locale),
      })
    : undefined;
}

/** The aria-label of the plot image: axes, event counts, the box and its label. */
export function plotAriaLabel(
  t: TFunction,
  analysis: AnalysisResult | null,
  box: SignalBox,
  label: string | undefined,
  xName: string,
  yName: string,
  locale: string,
): string {
  if (!analysis) return t('plot.ariaEmpty', { x: xName, y: yName });
  return (
    t('plot.aria', {
      x: xName,
      y: yName,
      selected: formatCount(analysis.index.x.length, locale),
      total: formatCount(analysis.nEvents, locale),
      markers: formatCount(analysis.markers?.x.length ?? 0, locale),
      xMin: formatGeV(box.xMinGeV, locale),
      xMax: formatGeV(box.xMaxGeV, locale),
      yMin: formatGeV(box.yMinGeV, locale),
      yMax: formatGeV(box.yMaxGeV, locale),
    }) + (label ? `: ${label}.` : '.')
  );
}

/** "n events in bin" of the density-histogram bin under (xGeV, yGeV) (clamped to the edge bins). */
export function binCountText(
  t: TFunction,
  analysis: AnalysisResult | null,
  xGeV: number,
  yGeV: number,
  locale: string,
): string {
  if (!analysis) return t('plot.noEventsYet');
  const h = analysis.histogram;
  const c = h.counts[bin(yGeV, h.yMaxGeV, h.ny) * h.nx + bin(xGeV, h.xMaxGeV, h.nx)];
  return t('plot.eventsInBin', { count: c, n: formatCount(c, locale) });
}
