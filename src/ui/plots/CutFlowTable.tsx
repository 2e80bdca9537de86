/**
 * Cut-flow table: the cumulative selection, raw and weighted, with the efficiency of each cut
 * relative to the row before it. Rows double as a stepper: clicking a row (or the ◀ ▶ buttons)
 * applies the cuts up to and including it (0 = none). The signal box closes the table.
 */
import { useId } from 'react';
import type { CutFlowRow } from '../../analysis/analysis';
import { formatCount, formatPercent, formatWeighted } from './format';
import './plots.css';

export interface CutFlowTableProps {
  rows: CutFlowRow[];
  appliedCuts: number;
  onAppliedCutsChange(k: number): void;
  boxRow?: { label: string; raw: number; weighted: number };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export function CutFlowTable(props: CutFlowTableProps) {
  const { rows, appliedCuts, onAppliedCutsChange, boxRow } = props;
  const uid = useId();
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
          Cut flow
        </h3>
        <div className="cft-stepper" role="group" aria-label="apply cuts">
          <button
            type="button"
            data-testid="cuts-prev"
            onClick={() => set(k - 1)}
            disabled={k <= 0}
            aria-label="apply one cut less"
          >
            ◀
          </button>
          <span className="cft-status" aria-live="polite" data-testid="cuts-applied">
            {k === 0 ? 'no cuts applied' : `cuts 1–${k} of ${nCuts} applied`}
          </span>
          <button
            type="button"
            data-testid="cuts-next"
            onClick={() => set(k + 1)}
            disabled={k >= nCuts}
            aria-label="apply one cut more"
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
            <th scope="col">selection (cumulative)</th>
            <th scope="col" className="num">
              raw
            </th>
            <th scope="col" className="num">
              weighted
            </th>
            <th scope="col" className="num" title="fraction of the previous row that passes (raw events)">
              ε raw
            </th>
            <th scope="col" className="num" title="fraction of the previous row that passes (sum of weights)">
              ε weighted
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
                    title={i === 0 ? 'apply no cuts' : `apply cuts up to “${r.label}”`}
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
                    {r.label}
                  </button>
                </th>
                <td className="num">{formatCount(r.raw)}</td>
                <td className="num">{formatWeighted(r.weighted)}</td>
                <td className="num">{prev ? formatPercent(ratio(r.raw, prev.raw)) : '—'}</td>
                <td className="num">{prev ? formatPercent(ratio(r.weighted, prev.weighted)) : '—'}</td>
              </tr>
            );
          })}
          {boxRow ? (
            <tr className="cft-row cft-box" data-testid="cutflow-box-row">
              <td className="num">□</td>
              <th
                scope="row"
                title={`relative to row ${k} (${ref?.label ?? ''}), the selection shown in the plot`}
              >
                {boxRow.label}
              </th>
              <td className="num">{formatCount(boxRow.raw)}</td>
              <td className="num">{formatWeighted(boxRow.weighted)}</td>
              <td className="num">{ref ? formatPercent(ratio(boxRow.raw, ref.raw)) : '—'}</td>
              <td className="num">{ref ? formatPercent(ratio(boxRow.weighted, ref.weighted)) : '—'}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {boxRow ? (
        <p className="plots-note">
          The box row is relative to row {k}, the selection shown in the plot. Weighted numbers are sums of
          event weights (rare processes are enhanced in the simulation).
        </p>
      ) : null}
    </section>
  );
}
