/**
 * Cut-flow table: the cumulative selection, raw and weighted, with the efficiency of each cut
 * relative to the row before it. Rows double as a stepper: clicking a row (or the ◀ ▶ buttons)
 * applies the cuts up to and including it (0 = none). The signal box closes the table.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CutFlowRow } from '../../analysis/analysis';
import { useLocale } from '../../i18n';
import { cutLabel } from '../../i18n/physicsText';
import { formatCount, formatPercent, formatWeighted } from './format';
import './plots.css';

export interface CutFlowTableProps {
  rows: CutFlowRow[];
  appliedCuts: number;
  onAppliedCutsChange(k: number): void;
  boxRow?: { label: string; raw: number; weighted: number };
  /** Setup of the rows: cut labels are translated by (setup, cut id); without it they are shown as given. */
  setupId?: string;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export function CutFlowTable(props: CutFlowTableProps) {
  const { rows, appliedCuts, onAppliedCutsChange, boxRow, setupId } = props;
  const uid = useId();
  const { t } = useTranslation();
  const locale = useLocale();
  const rowLabel = (r: CutFlowRow) =>
    r.id === 'all' ? t('cutflow.all', { defaultValue: r.label }) : setupId ? cutLabel(t, setupId, r) : r.label;
  const nCuts = Math.max(0, rows.length - 1);
  const k = Math.min(Math.max(0, appliedCuts), nCuts);
  const set = (i: number) => {
    const j = Math.min(Math.max(0, i), nCuts);
    if (j !== appliedCuts) onAppliedCutsChange(j);
  };
  const ref = rows[k];
  return (
    <section className="cft" aria-labelledby={`${uid}-h`}>
      <div className="cft-head">
        <h3 id={`${uid}-h`} className="plots-h">
          {t('cutflow.heading')}
        </h3>
        <div className="cft-stepper" role="group" aria-label={t('cutflow.stepperAria')}>
          <button
            type="button"
            data-testid="cuts-prev"
            onClick={() => set(k - 1)}
            disabled={k <= 0}
            aria-label={t('cutflow.less')}
          >
            ◀
          </button>
          <span className="cft-status" aria-live="polite" data-testid="cuts-applied">
            {k === 0 ? t('cutflow.none') : t('cutflow.applied', { k, n: nCuts })}
          </span>
          <button
            type="button"
            data-testid="cuts-next"
            onClick={() => set(k + 1)}
            disabled={k >= nCuts}
            aria-label={t('cutflow.more')}
          >
            ▶
          </button>
        </div>
      </div>
      <table className="plots-table cft-table" data-testid="cutflow-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">{t('cutflow.selection')}</th>
            <th scope="col" className="num">
              {t('common.raw')}
            </th>
            <th scope="col" className="num">
              {t('common.weighted')}
            </th>
            <th scope="col" className="num" title={t('cutflow.effRawTitle')}>
              {t('cutflow.effRaw')}
            </th>
            <th scope="col" className="num" title={t('cutflow.effWeightedTitle')}>
              {t('cutflow.effWeighted')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const prev = i > 0 ? rows[i - 1] : null;
            const state = i < k ? 'applied' : i === k ? 'current' : 'pending';
            return (
              <tr
                key={r.id}
                className={`cft-row cft-${state}`}
                data-testid={`cutflow-row-${i}`}
                aria-current={i === k ? 'step' : undefined}
                onClick={() => set(i)}
              >
                <td className="num">{i === 0 ? '' : i}</td>
                <th scope="row">
                  <button
                    type="button"
                    className="cft-apply"
                    aria-pressed={i <= k}
                    title={i === 0 ? t('cutflow.applyNone') : t('cutflow.applyUpTo', { label: rowLabel(r) })}
                    onClick={(e) => {
                      e.stopPropagation();
                      set(i);
                    }}
                  >
                    {i === k ? (
                      <span className="cft-marker" aria-hidden="true">
                        ▶{' '}
                      </span>
                    ) : null}
                    {rowLabel(r)}
                  </button>
                </th>
                <td className="num">{formatCount(r.raw, locale)}</td>
                <td className="num">{formatWeighted(r.weighted, locale)}</td>
                <td className="num">{prev ? formatPercent(ratio(r.raw, prev.raw), locale) : '—'}</td>
                <td className="num">{prev ? formatPercent(ratio(r.weighted, prev.weighted), locale) : '—'}</td>
              </tr>
            );
          })}
          {boxRow ? (
            <tr className="cft-row cft-box" data-testid="cutflow-box-row">
              <td className="num">□</td>
              <th
                scope="row"
                title={t('cutflow.boxTitle', { k, label: ref ? rowLabel(ref) : '' })}
              >
                {boxRow.label}
              </th>
              <td className="num">{formatCount(boxRow.raw, locale)}</td>
              <td className="num">{formatWeighted(boxRow.weighted, locale)}</td>
              <td className="num">{ref ? formatPercent(ratio(boxRow.raw, ref.raw), locale) : '—'}</td>
              <td className="num">{ref ? formatPercent(ratio(boxRow.weighted, ref.weighted), locale) : '—'}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {boxRow ? (
        <p className="plots-note">
          {t('cutflow.note', { k })}
        </p>
      ) : null}
    </section>
  );
}
