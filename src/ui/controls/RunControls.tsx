/**
 * Run parameters form: number of events, seed, beam and detector parameters. A value is applied
 * when the field is committed (Enter or leaving the field); invalid values show the validation
 * message and keep the last good settings.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store';
import type { RunParams } from '../../physics/params';
import { useLocale } from '../../i18n';
import { paramProblemText } from '../../i18n/paramText';
import { formatCount } from '../plots/format';
import { runParamsText } from '../../share/urlState';

interface FieldSpec {
  /** Also the i18n key: run.fields.<key>.label / .hint */
  key: keyof RunParams;
  unit?: string;
}

const FIELDS: FieldSpec[] = [
  { key: 'events' },
  { key: 'seed' },
  { key: 'beamEnergyGeV', unit: 'GeV' },
  { key: 'hadronFraction' },
  { key: 'ecalLayers' },
  { key: 'hcalModules' },
  { key: 'vetoThresholdMeV', unit: 'MeV' },
  { key: 'hcal0ThresholdGeV', unit: 'GeV' },
];

function parseNumber(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return NaN;
  return Number(t);
}

function Field({ spec, value, onCommit }: { spec: FieldSpec; value: number; onCommit(v: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = parseNumber(text);
    onCommit(v);
  };
  return (
    <label className="field" title={t(`run.fields.${spec.key}.hint`)}>
      <span>
        {t(`run.fields.${spec.key}.label`)}
        {spec.unit ? ` [${spec.unit}]` : ''}
      </span>
      <input
        data-testid={`input-${spec.key}`}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

export function RunControls(props: { onRun(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const setupId = useApp((s) => s.setupId);
  const params = useApp((s) => s.settings[s.setupId].params);
  const run = useApp((s) => s.runs[s.setupId]);
  const paramError = useApp((s) => s.paramError);
  const paramIssues = useApp((s) => s.paramIssues);
  const updateParams = useApp((s) => s.updateParams);
  const busy = run.status === 'running' || run.status === 'analysing';
  // form values not run yet (the signal has its own note in the signal controls)
  const edited = !busy && !!run.params && !run.importedFrom && runParamsText({ ...params, signal: run.params.signal }) !== runParamsText(run.params);
  const fields = setupId === 'na64e' ? FIELDS : FIELDS.filter((f) => f.key !== 'hcal0ThresholdGeV');
  return (
    <section className="panel controls" aria-label={t('run.aria')}>
      <h2>{t('run.heading')}</h2>
      <div className="fields">
        {fields.map((f) => (
          <Field
            key={`${setupId}-${f.key}`}
            spec={f}
            value={params[f.key] as number}
            onCommit={(v) => {
              if (v !== params[f.key]) updateParams({ [f.key]: v } as Partial<RunParams>);
              else updateParams({});
            }}
          />
        ))}
        <label className="field checkbox" title={t('run.fields.pileup.hint')}>
          <input
            data-testid="input-pileup"
            type="checkbox"
            checked={params.pileup}
            onChange={(e) => updateParams({ pileup: e.target.checked })}
          />
          <span>{t('run.fields.pileup.label')}</span>
        </label>
      </div>
      {paramError && (
        <p className="error" role="alert" data-testid="param-error">
          {paramIssues?.length ? paramProblemText(t, locale, paramIssues) : paramError} {t('run.paramErrorKept')}
        </p>
      )}
      {edited && !paramError && (
        <p className="plots-note" data-testid="params-edited">
          {t('run.edited')}
        </p>
      )}
      <div className="run-buttons">
        <button data-testid="run-button" onClick={props.onRun} disabled={busy}>
          {t('run.simulate')}
        </button>
        <button data-testid="cancel-button" onClick={props.onCancel} disabled={!busy}>
          {t('run.cancel')}
        </button>
      </div>
      <div
        className="run-status"
        data-testid="run-status"
        data-status={run.status}
        data-duration-ms={Math.round(run.durationMs)}
        data-first-plot-ms={Math.round(run.firstPlotMs)}
        aria-live="polite"
      >
        {run.status === 'running' && (
          <>
            <progress data-testid="progress" value={run.progress} max={1} aria-label={t('run.progressAria')} />{' '}
            {t('run.simulating', { percent: Math.round(run.progress * 100) })}
          </>
        )}
        {run.status === 'analysing' && t('run.analysing')}
        {run.status === 'done' && run.params && run.importedFrom && (
          <>{t('run.doneImported', { events: formatCount(run.params.events, locale), seed: run.params.seed, file: run.importedFrom })}</>
        )}
        {run.status === 'done' && run.params && !run.importedFrom && (
          <>
            {t('run.done', {
              events: formatCount(run.params.events, locale),
              seed: run.params.seed,
              seconds: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
                run.durationMs / 1000,
              ),
            })}
          </>
        )}
        {run.status === 'cancelled' && t('run.cancelled')}
        {run.status === 'error' && (
          <span className="error" role="alert" data-testid="run-error">
            {run.error} {t('run.errorRetry')}
          </span>
        )}
      </div>
    </section>
  );
}
