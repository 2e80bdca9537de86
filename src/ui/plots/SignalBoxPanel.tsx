/**
 * Signal-box panel: the four box edges as number inputs, the number of particles on target, and
 * the counts in the box (raw, weighted, scaled to N on target with its statistical error) next to
 * the published expectation, plus the side bands. Invalid input shows an inline message and is
 * not passed on: the last good box stays.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BoxSummary } from '../../analysis/analysis';
import { useLocale } from '../../i18n';
import type { SignalBox } from '../../physics/setups/types';
import { HtmlLabel } from './AxisLabel';
import { sameBox } from './boxGeometry';
import { formatCount, formatEdge, formatSci, formatValueError, formatWeighted, parseNumber } from './format';
import './plots.css';

type EdgeKey = keyof SignalBox;

const EDGES: { key: EdgeKey; testId: string; axis: 'x' | 'y'; bound: 'min' | 'max' }[] = [
  { key: 'xMinGeV', testId: 'box-xmin', axis: 'x', bound: 'min' },
  { key: 'xMaxGeV', testId: 'box-xmax', axis: 'x', bound: 'max' },
  { key: 'yMinGeV', testId: 'box-ymin', axis: 'y', bound: 'min' },
  { key: 'yMaxGeV', testId: 'box-ymax', axis: 'y', bound: 'max' },
];

export interface SignalBoxPanelProps {
  box: SignalBox;
  onBoxChange(b: SignalBox): void;
  summary: BoxSummary | null;
  nOnTarget: number;
  onNOnTargetChange(n: number): void;
  onTargetLabel: 'EOT' | 'MOT';
  published: { value: number; error: number; source: string };
  error?: string | null;
  /** Axis names and ranges (default NA64e: E_ECAL, E_HCAL, 0–120 GeV); edges above the range are refused. */
  axes?: { xLabel: string; yLabel: string; xMaxGeV: number; yMaxGeV: number };
}

const DEFAULT_AXES = { xLabel: 'E_ECAL [GeV]', yLabel: 'E_HCAL [GeV]', xMaxGeV: 120, yMaxGeV: 120 };

/** A number for an input field: 9.37e11 stays '9.37e11', 2000 stays '2000'. */
export function formatInputNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n !== 0 && (Math.abs(n) >= 1e6 || Math.abs(n) < 1e-3)) {
    const [m, e] = n.toExponential().split('e');
    return `${Number(Number(m).toPrecision(6))}e${Number(e)}`;
  }
  return String(n);
}

/** Message texts of validateBox (default: English). */
export interface BoxMessages {
  bound(b: 'min' | 'max'): string;
  empty: string;
  notNumber(text: string): string;
  negative: string;
  aboveRange(max: number): string;
  minAboveMax(min: number, max: number): string;
}

const ENGLISH_BOX_MESSAGES: BoxMessages = {
  bound: (b) => b,
  empty: 'empty',
  notNumber: (t) => `“${t}” is not a number`,
  negative: 'energies must be ≥ 0 GeV',
  aboveRange: (max) => `must be ≤ ${max} GeV (the plot range)`,
  minAboveMax: (min, max) => `min (${min}) is above max (${max})`,
};

/** The messages of validateBox in the current language. */
export function boxMessages(t: TFunction): BoxMessages {
  return {
    bound: (b) => t(`box.${b}`),
    empty: t('box.errEmpty'),
    notNumber: (text) => t('box.errNotNumber', { text }),
    negative: t('box.errNegative'),
    aboveRange: (max) => t('box.errAboveRange', { max }),
    minAboveMax: (min, max) => t('box.errMinAboveMax', { min, max }),
  };
}

/** Validate the edge texts; returns the box or the first problem. */
export function validateBox(
  texts: Record<EdgeKey, string>,
  axes: { xLabel: string; yLabel: string; xMaxGeV: number; yMaxGeV: number },
  msg: BoxMessages = ENGLISH_BOX_MESSAGES,
): { box: SignalBox; error: null } | { box: null; error: string } {
  const name = (axis: 'x' | 'y') => (axis === 'x' ? axes.xLabel : axes.yLabel).replace(/\s*\[.*$/, '');
  const v = {} as SignalBox;
  for (const e of EDGES) {
    const n = parseNumber(texts[e.key]);
    const where = `${name(e.axis)} ${msg.bound(e.bound)}`;
    if (!Number.isFinite(n)) {
      const t = texts[e.key].trim();
      return { box: null, error: `${where}: ${t === '' ? msg.empty : msg.notNumber(t)}.` };
    }
    if (n < 0) return { box: null, error: `${where}: ${msg.negative}.` };
    const max = e.axis === 'x' ? axes.xMaxGeV : axes.yMaxGeV;
    if (n > max) return { box: null, error: `${where}: ${msg.aboveRange(max)}.` };
    v[e.key] = n;
  }
  if (v.xMinGeV > v.xMaxGeV) return { box: null, error: `${name('x')}: ${msg.minAboveMax(v.xMinGeV, v.xMaxGeV)}.` };
  if (v.yMinGeV > v.yMaxGeV) return { box: null, error: `${name('y')}: ${msg.minAboveMax(v.yMinGeV, v.yMaxGeV)}.` };
  return { box: v, error: null };
}

export function SignalBoxPanel(props: SignalBoxPanelProps) {
  const { box, onBoxChange, summary, nOnTarget, onNOnTargetChange, onTargetLabel, published, error } = props;
  const axes = props.axes ?? DEFAULT_AXES;
  const uid = useId();
  const { t } = useTranslation();
  const locale = useLocale();
  const msgs = boxMessages(t);
  /** Texts being edited (only for fields that differ from the box / N); cleared when accepted and left. */
  const [drafts, setDrafts] = useState<Partial<Record<EdgeKey, string>>>({});
  const [nDraft, setNDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState<EdgeKey | 'n' | null>(null);

  const texts = {} as Record<EdgeKey, string>;
  for (const e of EDGES) texts[e.key] = drafts[e.key] ?? formatEdge(box[e.key]);
  const boxCheck = validateBox(texts, axes, msgs);
  const boxError = Object.keys(drafts).length > 0 ? boxCheck.error : null;

  const nParsed = nDraft === null ? nOnTarget : parseNumber(nDraft);
  const nError =
    nDraft === null
      ? null
      : !Number.isFinite(nParsed)
        ? t('box.nNotNumber', { label: onTargetLabel, text: nDraft.trim() })
        : nParsed < 0
          ? t('box.nNegative', { label: onTargetLabel })
          : null;

  const editEdge = (key: EdgeKey, text: string) => {
    const next = { ...drafts, [key]: text };
    setDrafts(next);
    const edited = { ...texts, [key]: text };
    const r = validateBox(edited, axes, msgs);
    if (r.box && !sameBox(r.box, box)) onBoxChange(r.box);
  };
  const leaveEdge = () => {
    setFocused(null);
    if (!boxCheck.error) setDrafts({});
  };
  const editN = (text: string) => {
    setNDraft(text);
    const n = parseNumber(text);
    if (Number.isFinite(n) && n >= 0 && n !== nOnTarget) onNOnTargetChange(n);
  };
  const leaveN = () => {
    setFocused(null);
    if (!nError) setNDraft(null);
  };

  const nPretty = formatSci(nError ? nOnTarget : nParsed, 3, locale);
  const raw = summary?.inBox.raw;
  const scaledText = !summary
    ? '—'
    : summary.inBox.raw === 0
      ? '0'
      : formatValueError(summary.scaled, summary.scaledError, locale);

  return (
    <section className="sbp" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`} className="plots-h">
        {t('box.heading')}
      </h3>
      <fieldset className="sbp-edges">
        <legend className="sr-only">{t('box.edgesLegend')}</legend>
        {(['x', 'y'] as const).map((axis) => (
          <div key={axis} className="sbp-row">
            <span className="sbp-axis">
              <HtmlLabel label={(axis === 'x' ? axes.xLabel : axes.yLabel).replace(/\s*\[.*$/, '')} />
            </span>
            {EDGES.filter((e) => e.axis === axis).map((e) => (
              <label key={e.key} className="sbp-edge">
                <span>{t(`box.${e.bound}`)}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  spellCheck={false}
                  autoComplete="off"
                  data-testid={e.testId}
                  value={texts[e.key]}
                  aria-invalid={boxError !== null && drafts[e.key] !== undefined}
                  aria-describedby={boxError ? `${uid}-boxerr` : undefined}
                  onFocus={() => setFocused(e.key)}
                  onChange={(ev) => editEdge(e.key, ev.target.value)}
                  onBlur={leaveEdge}
                  onKeyDown={(ev) => {
                    if (ev.key === 'Enter') (ev.target as HTMLInputElement).blur();
                    if (ev.key === 'Escape') {
                      setDrafts({});
                      (ev.target as HTMLInputElement).blur();
                    }
                  }}
                />
              </label>
            ))}
            <span className="sbp-unit">GeV</span>
          </div>
        ))}
        {boxError ? (
          <p className="plots-msg plots-msg-error" id={`${uid}-boxerr`} role="alert" data-testid="box-error">
            <HtmlLabel label={boxError} /> {t('box.staysValid')}{' '}
            <button type="button" className="plots-link" onClick={() => setDrafts({})}>
              {t('box.revert')}
            </button>
          </p>
        ) : null}
      </fieldset>

      <div className="sbp-row sbp-n">
        <label className="sbp-nlabel">
          <span>
            N<sub>{onTargetLabel}</sub>
          </span>
          <input
            type="text"
            inputMode="decimal"
            spellCheck={false}
            autoComplete="off"
            data-testid="n-on-target"
            value={nDraft ?? formatInputNumber(nOnTarget)}
            aria-invalid={nError !== null}
            aria-describedby={nError ? `${uid}-nerr` : `${uid}-npretty`}
            onFocus={() => setFocused('n')}
            onChange={(ev) => editN(ev.target.value)}
            onBlur={leaveN}
            onKeyDown={(ev) => {
              if (ev.key === 'Enter') (ev.target as HTMLInputElement).blur();
              if (ev.key === 'Escape') {
                setNDraft(null);
                (ev.target as HTMLInputElement).blur();
              }
            }}
          />
        </label>
        <span className="sbp-pretty" id={`${uid}-npretty`}>
          = {nPretty} {onTargetLabel}
        </span>
      </div>
      {nError ? (
        <p className="plots-msg plots-msg-error" id={`${uid}-nerr`} role="alert" data-testid="n-error">
          {nError} {t('box.stillUsing', { n: formatSci(nOnTarget, 3, locale), label: onTargetLabel })}
        </p>
      ) : null}

      {error ? (
        <p className="plots-msg plots-msg-error" role="alert" data-testid="panel-error">
          {error}
        </p>
      ) : null}

      <dl className="sbp-counts" aria-live={focused ? 'off' : 'polite'}>
        <dt>{t('box.rawInBox')}</dt>
        <dd>
          <span className="num" data-testid="box-raw" data-value={raw ?? ''}>
            {raw === undefined ? '—' : formatCount(raw, locale)}
          </span>{' '}
          <span className="plots-tag">{t('common.raw')}</span>
        </dd>
        <dt>{t('box.weightsInBox')}</dt>
        <dd>
          <span className="num" data-testid="box-weighted" data-value={summary?.inBox.weighted ?? ''}>
            {summary ? formatWeighted(summary.inBox.weighted, locale) : '—'}
          </span>{' '}
          <span className="plots-tag plots-tag-w">{t('common.weighted')}</span>
        </dd>
        <dt>
          {t('box.expectedFor', { n: nPretty, label: onTargetLabel })}
        </dt>
        <dd className="sbp-scaled">
          <span className="num" data-testid="box-scaled" data-value={summary?.scaled ?? ''}>
            {scaledText}
          </span>{' '}
          <span className="plots-tag plots-tag-w">{t('common.weighted')}</span>
          {summary && summary.inBox.raw === 0 ? (
            <span className="plots-note">
              {' '}
              {t('box.noneSimulated')}
            </span>
          ) : summary ? (
            <span className="plots-note">
              {' '}
              {t('box.statError', { n: formatCount(summary.inBox.raw, locale) })}
            </span>
          ) : null}
        </dd>
        <dt>{t('box.published')}</dt>
        <dd className="sbp-published" data-testid="box-published">
          <span className="num">{formatValueError(published.value, published.error, locale)}</span>{' '}
          <span className="plots-note">· {published.source}</span>
        </dd>
      </dl>

      <table className="plots-table sbp-sidebands">
        <caption>{t('box.sidebands')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('box.band')}</th>
            <th scope="col" className="num">
              {t('common.raw')}
            </th>
            <th scope="col" className="num">
              {t('common.weighted')}
            </th>
            <th scope="col" className="num">
              × N<sub>{onTargetLabel}</sub> <span className="plots-tag plots-tag-w">{t('common.weighted')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {summary && summary.sidebands.length > 0 ? (
            summary.sidebands.map((s) => (
              <tr key={s.id} data-testid={`sideband-${s.id}`}>
                <th scope="row" title={describeBox(s.box)}>
                  {t(`box.sideband.${s.id}`, { defaultValue: s.label })}
                </th>
                <td className="num">{formatCount(s.count.raw, locale)}</td>
                <td className="num">{formatWeighted(s.count.weighted, locale)}</td>
                <td className="num">{formatWeighted(s.scaled, locale)}</td>
              </tr>
            ))
          ) : (
            <tr>
              <td colSpan={4} className="plots-note">
                {t('box.noRun')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function describeBox(b: SignalBox): string {
  return `x ${formatEdge(b.xMinGeV)}–${formatEdge(b.xMaxGeV)} GeV, y ${formatEdge(b.yMinGeV)}–${formatEdge(b.yMaxGeV)} GeV`;
}
