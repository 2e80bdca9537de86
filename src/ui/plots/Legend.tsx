/**
 * Process legend: a colour swatch, name and count for every process present. With `counts`
 * (events per process of the plotted selection, see processCounts) the counts cover all events;
 * without, they count the individually drawn markers only, and say so.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKER_BIN_THRESHOLD, type AnalysisResult } from '../../analysis/analysis';
import { PROCESSES } from '../../physics/processes';
import { useLocale } from '../../i18n';
import { processName } from '../../i18n/physicsText';
import { formatCount, formatWeighted } from './format';
import type { ProcessCounts } from '../../analysis/processCounts';
import './plots.css';

export interface LegendProps {
  analysis: AnalysisResult | null;
  counts?: ProcessCounts | null;
}

export function Legend(props: LegendProps) {
  const { analysis, counts } = props;
  const uid = useId();
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = useMemo(() => {
    let raw: ArrayLike<number>;
    let weighted: ArrayLike<number>;
    if (counts) {
      raw = counts.raw;
      weighted = counts.weighted;
    } else if (analysis) {
      const r = new Float64Array(256);
      const w = new Float64Array(256);
      const m = analysis.markers;
      for (let i = 0; i < m.process.length; i++) {
        r[m.process[i]]++;
        w[m.process[i]] += m.weight[i];
      }
      raw = r;
      weighted = w;
    } else return [];
    return PROCESSES.filter((p) => raw[p.code] > 0).map((p) => ({
      ...p,
      raw: raw[p.code],
      weighted: weighted[p.code],
    }));
  }, [analysis, counts]);

  return (
    <section className="lg" aria-labelledby={`${uid}-h`} data-testid="process-legend">
      <h3 id={`${uid}-h`} className="plots-h">
        {t('legend.heading')}{' '}
        <span className="plots-note">{counts ? t('legend.countsAll') : t('legend.countsMarkers')}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="plots-note">{t('legend.noEvents')}</p>
      ) : (
        <table className="plots-table lg-table">
          <thead>
            <tr>
              <th scope="col">{t('legend.process')}</th>
              <th scope="col" className="num">
                {t('common.raw')}
              </th>
              <th scope="col" className="num">
                {t('common.weighted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.code} data-process={p.label}>
                <th scope="row">
                  <span className="lg-swatch" style={{ background: p.color }} aria-hidden="true" />
                  {processName(t, p.code)}
                </th>
                <td className="num">{formatCount(p.raw, locale)}</td>
                <td className="num">{formatWeighted(p.weighted, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="plots-note">
        {t('legend.note', { n: MARKER_BIN_THRESHOLD })}
      </p>
    </section>
  );
}
