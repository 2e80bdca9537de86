/**
 * Inputs of the model point (mass, coupling as ε or y for the A′ / g_Z′ for the Z′, α_D), shared by
 * the signal controls and the sensitivity panel (test ids `<prefix>-mass`, `<prefix>-coupling`,
 * `<prefix>-alphad`). A value is applied when the field is committed (Enter or leaving it);
 * invalid input reports its message through `onError` and the last good point stays.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubLabel } from './SubLabel';
import { parseNumber } from '../plots/format';
import { formatInputNumber } from '../plots/SignalBoxPanel';
import { applyPoint, useEffectivePoint } from './modelPoint';
import type { ParamProblem } from '../../i18n/paramText';
import { epsilonOfYAt, yOfPoint } from './sensitivityMath';
import { useSensitivity } from './sensitivityStore';

export function NumberField(props: {
  label: string;
  hint: string;
  value: number;
  testId: string;
  /** `unchanged`: the text is the displayed value (nothing to apply; clear a stale message). */
  onCommit(v: number, unchanged: boolean): void;
  invalid?: boolean;
}) {
  const { value, onCommit } = props;
  const [text, setText] = useState(formatInputNumber(value));
  useEffect(() => setText(formatInputNumber(value)), [value]);
  const commit = () => {
    const unchanged = text === formatInputNumber(value);
    onCommit(unchanged ? value : parseNumber(text), unchanged);
  };
  return (
    <label className="field sens-field" title={props.hint}>
      <span>
        <SubLabel label={props.label} />
      </span>
      <input
        data-testid={props.testId}
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(formatInputNumber(value));
        }}
      />
    </label>
  );
}

export function ModelPointFields(props: { prefix: string; onError(msg: ParamProblem | null): void }) {
  const { prefix, onError } = props;
  const { t } = useTranslation();
  const e = useEffectivePoint();
  const couplingInput = useSensitivity((s) => s.couplingInput);
  const setCouplingInput = useSensitivity((s) => s.setCouplingInput);
  const aprime = e.model === 'aprime';
  const yMode = aprime && couplingInput === 'y';
  const p = e.point;
  const commit = (patch: Parameters<typeof applyPoint>[0], unchanged = false) => onError(applyPoint(unchanged ? {} : patch));
  return (
    <>
      <NumberField
        label={aprime ? t('sens.point.massA') : t('sens.point.massZ')}
        hint={t('sens.point.massHint')}
        value={p.massMeV}
        testId={`${prefix}-mass`}
        onCommit={(v, u) => commit({ massMeV: v }, u)}
      />
      {aprime && (
        <label className="field sens-field sens-mode" title={t('sens.point.couplingModeHint')}>
          <span>{t('sens.point.couplingMode')}</span>
          <select data-testid={`${prefix}-coupling-mode`} value={couplingInput} onChange={(ev) => setCouplingInput(ev.target.value as 'epsilon' | 'y')}>
            <option value="epsilon">ε</option>
            <option value="y">y</option>
          </select>
        </label>
      )}
      <NumberField
        label={!aprime ? 'g_Z′' : yMode ? 'y' : 'ε'}
        hint={!aprime ? t('sens.point.gHint') : yMode ? t('sens.point.yHint') : t('sens.point.epsilonHint')}
        value={yMode ? yOfPoint({ ...p, model: e.model }) : p.coupling}
        testId={`${prefix}-coupling`}
        onCommit={(v, u) => {
          if (u) commit({}, true);
          else if (yMode) {
            if (!(v > 0)) onError(t('sens.point.yPositive'));
            else commit({ coupling: epsilonOfYAt(v, p.alphaD) });
          } else commit({ coupling: v });
        }}
      />
      {aprime && (
        <NumberField label="α_D" hint={t('sens.point.alphaDHint')} value={p.alphaD} testId={`${prefix}-alphad`} onCommit={(v, u) => commit({ alphaD: v }, u)} />
      )}
    </>
  );
}
