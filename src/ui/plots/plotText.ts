/** Text of the hermeticity plot: the box label (its own count) and the plot's aria-label. */
import type { TFunction } from 'i18next';
import type { AnalysisResult } from '../../analysis/analysis';
import type { BoxCount } from '../../analysis/boxIndex';
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
