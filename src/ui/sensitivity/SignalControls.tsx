/**
 * Dark-sector signal controls: mix signal events (A′ → χχ̄ in NA64e, Z′ → νν̄ in NA64μ) into the
 * next run. Writes params.signal through the app store (its validation messages show with the run
 * parameters); the model point is the one the sensitivity panel uses.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store';
import { useLocale } from '../../i18n';
import { paramProblemText, type ParamProblem } from '../../i18n/paramText';
import { SubLabel } from './SubLabel';
import { applyPoint, setSignalEnabled, setSignalModel, signalOf, useEffectivePoint } from './modelPoint';
import { ModelPointFields, NumberField } from './ModelPointFields';
import type { SignalModelId } from './sensitivityMath';
import './sensitivity.css';

export function SignalControls() {
  const { t } = useTranslation();
  const e = useEffectivePoint();
  const runSignal = useApp((s) => s.runs[s.setupId].params?.signal ?? null);
  const runStatus = useApp((s) => s.runs[s.setupId].status);
  const onTarget = e.model === 'zprime' ? 'MOT' : 'EOT';
  const locale = useLocale();
  const [error, setError] = useState<ParamProblem | null>(null);
  const wanted = e.enabled ? JSON.stringify(signalOf(e.runModel ?? e.model, e.point)) : 'null';
  const inRun = JSON.stringify(runSignal ?? null);
  const stale = wanted !== inRun && runStatus !== 'running';
  const modelLabel = (m: SignalModelId) => t(`sens.signal.${m}`);
  return (
    <section className="panel sig-controls" aria-label={t('sens.signal.aria')} data-testid="signal-controls">
      <div className="sig-row">
        <label className="field checkbox sig-enable" title={t('sens.signal.enableHint', { onTarget })}>
          <input
            type="checkbox"
            data-testid="signal-enable"
            checked={e.enabled}
            onChange={(ev) => setError(setSignalEnabled(ev.target.checked))}
          />
          <span>{t('sens.signal.enable')}</span>
        </label>
        <label className="field sens-field" title={t('sens.signal.modelHint')}>
          <span>{t('sens.signal.model')}</span>
          <select
            data-testid="signal-model"
            value={e.runModel ?? e.model}
            disabled={!e.enabled}
            onChange={(ev) => setError(setSignalModel(ev.target.value as SignalModelId))}
          >
            {(['aprime', 'zprime'] as const).map((m) => (
              <option key={m} value={m} disabled={m !== e.model}>
                {m === e.model ? modelLabel(m) : t('sens.signal.otherSetup', { model: modelLabel(m) })}
              </option>
            ))}
          </select>
        </label>
        <ModelPointFields prefix="signal" onError={setError} />
        <NumberField
          label={t('sens.signal.fraction')}
          hint={t('sens.signal.fractionHint', { onTarget })}
          value={e.point.fraction}
          testId="signal-fraction"
          onCommit={(v, u) => setError(applyPoint(u ? {} : { fraction: v }))}
        />
      </div>
      {error && !e.enabled && (
        <p className="error sig-msg" role="alert" data-testid="signal-error">
          {paramProblemText(t, locale, error)}
        </p>
      )}
      {stale && !error && (
        <p className="plots-note sig-msg" data-testid="signal-stale">
          {e.enabled ? t('sens.signal.pressSimulate') : t('sens.signal.pressSimulateOff')}
        </p>
      )}
      {!stale && runSignal && (
        <p className="plots-note sig-msg">
          <SubLabel label={t('sens.signal.inRun', { model: modelLabel(runSignal.model), mass: runSignal.massMeV })} />
        </p>
      )}
    </section>
  );
}
