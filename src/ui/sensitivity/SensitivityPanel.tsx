/**
 * Sensitivity panel: for the model point (mass, coupling) the signal efficiency of the current cuts
 * and box, the expected signal at N on target, the expected SM background in the box (weighted
 * simulation, the run's own signal events left out), N_up at 90 % CL and the verdict; the live
 * exclusion curve beside the published NA64 curves (and the (g−2)_μ band for the Z′); a button that
 * optimises the box edges for the model point. Every number follows the box while it is dragged:
 * the per-mass signal samples are small and the efficiencies are recomputed here on each change.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { paramProblemText, type ParamProblem } from '../../i18n/paramText';
import type { LimitMethod } from '../../physics/darkSector';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import { buildNa64muSetup } from '../../physics/setups/na64mu';
import { useApp } from '../../state/store';
import { quantityName } from '../plots/AxisLabel';
import { SubLabel } from './SubLabel';
import { formatCount, formatEdge, formatPercent, formatSci, formatSig, formatValueError } from '../plots/format';
import { ExclusionPlot } from './ExclusionPlot';
import { modelPointOf, useEffectivePoint } from './modelPoint';
import { ModelPointFields } from './ModelPointFields';
import {
  curveSeries,
  gMinus2Series,
  liveCurve,
  nUpOf,
  optimiseForPoint,
  OPTIMISE_GRIDS,
  pointSensitivity,
  pointXY,
  publishedSeries,
  runSignalPart,
  sampleForMask,
  SIGNAL_EVENTS_PER_MASS,
  smBackground,
  yAtLimitOf,
  type CurveMode,
  type MaskedSample,
  type PublishedSeries,
} from './sensitivityMath';
import { useSensitivity } from './sensitivityStore';
import { OBSERVED_CHOICES } from '../../share/urlState';
import { cancelSamples, ensureSamples } from './signalSamples';
import './sensitivity.css';

let bandCache: ReturnType<typeof gMinus2Series> | null = null;
const gm2Band = () => (bandCache ??= gMinus2Series());

export function SensitivityPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const setupId = useApp((s) => s.setupId);
  const run = useApp((s) => s.runs[s.setupId]);
  const settings = useApp((s) => s.settings[s.setupId]);
  const setBox = useApp((s) => s.setBox);
  const setAppliedCuts = useApp((s) => s.setAppliedCuts);
  const eff = useEffectivePoint();
  const point = modelPointOf(eff);
  const samplesState = useSensitivity((s) => s.samples[setupId]);
  const method = useSensitivity((s) => s.method);
  const observed = useSensitivity((s) => s.observed);
  const curveChoice = useSensitivity((s) => s.curveMode);
  const note = useSensitivity((s) => s.optimiseNote[setupId]);
  const { setMethod, setObserved, setCurveMode, setOptimiseNote } = useSensitivity.getState();
  const [pointError, setPointError] = useState<ParamProblem | null>(null);

  const fallbackSetup = useMemo(() => (setupId === 'na64mu' ? buildNa64muSetup() : buildNa64eSetup()), [setupId]);
  const setup = run.setup ?? fallbackSetup;
  const aprime = eff.model === 'aprime';
  const onTarget = setup.onTargetLabel;
  const mode: CurveMode = aprime ? curveChoice : 'g';
  const box = settings.box;
  const N = settings.nOnTarget;
  const analysis = run.analysis;
  const mask = analysis?.mask ?? 0;
  const nCuts = setup.cuts.length;
  const applied = Math.min(settings.appliedCuts, nCuts);
  const samples = samplesState.samples;

  const masked: MaskedSample[] = useMemo(
    () =>
      (samples ?? []).map((s) => ({ massMeV: s.massMeV, yieldPerOnTargetAtEps0: s.yieldPerOnTargetAtEps0, eps0: s.eps0, sample: sampleForMask(s, mask) })),
    [samples, mask],
  );
  const part = useMemo(() => (analysis && run.columns ? runSignalPart(analysis, run.columns) : null), [analysis, run.columns]);
  // what a box change recomputes (timed for the data-box-ms attribute: it must stay within a frame)
  const t0 = performance.now();
  const bg = analysis ? smBackground(analysis, box, N, part) : null;
  const limitSettings = { nOnTarget: N, background: bg?.scaled ?? 0, method, observed };
  const bgScaled = bg?.scaled ?? 0;
  const nUp = useMemo(() => nUpOf({ nOnTarget: N, background: bgScaled, method, observed }), [N, bgScaled, method, observed]);
  const modelSample = masked.find((s) => s.massMeV === point.massMeV) ?? null;
  const ps = modelSample && bg ? pointSensitivity(point, modelSample, box, limitSettings, nUp) : null;
  const curvePoints = bg ? liveCurve(masked, box, limitSettings, point.alphaD, nUp) : [];
  const curve = curveSeries(curvePoints, mode);
  const boxMs = performance.now() - t0;
  const published = useMemo(() => publishedSeries(mode, point.alphaD), [mode, point.alphaD]);
  const marker = { ...pointXY(point, mode), excluded: ps?.excluded ?? false };
  const passed = modelSample ? modelSample.sample.x.length : 0;

  const xName = quantityName(setup.axes.xLabel);
  const yName = quantityName(setup.axes.yLabel);
  const couplingName = aprime ? 'ε' : 'g_Z′';
  const massName = aprime ? 'm_A′' : 'm_Z′';

  const optimise = () => {
    if (!modelSample || !analysis) return;
    const a = analysis;
    try {
      const r = optimiseForPoint(setupId, modelSample, box, N, method, (b) => smBackground(a, b, N, part).scaled);
      if (!Number.isFinite(r.best.score)) {
        setOptimiseNote(setupId, t('sens.opt.noSensitivity'));
        return;
      }
      const b = r.best.box;
      setBox(b);
      const grid = OPTIMISE_GRIDS[setupId];
      let text = t('sens.opt.result', {
        x: xName,
        y: yName,
        xMax: formatEdge(b.xMaxGeV),
        yMax: formatEdge(b.yMaxGeV),
        n: r.candidates,
        b: formatSci(r.best.background, 2, locale),
        nUp: formatSig(r.best.nUp, 3, locale),
        limit: formatSci(r.best.epsilon90[0], 2, locale),
        coupling: couplingName,
      });
      if (r.atEdge.x || r.atEdge.y)
        text += ' ' + t('sens.opt.edge', { edge: r.atEdge.x ? `${xName} < ${Math.max(...grid.xMaxGrid)} GeV` : `${yName} < ${Math.max(...grid.yMaxGrid)} GeV` });
      setOptimiseNote(setupId, text);
    } catch (e) {
      setOptimiseNote(setupId, (e as Error).message);
    }
  };

  const status = samplesState.status;
  const running = status === 'running';
  const verdict = !ps ? null : ps.expectedSignal <= 0 ? 'none' : ps.excluded ? 'excluded' : 'allowed';
  /** Label, reference and digitisation note of a published curve in the reader's language (physics/darkSector/published.ts holds the English). */
  const pubText = (s: PublishedSeries, f: 'label' | 'reference' | 'digitization') => t(`published.${s.id}.${f}`, { defaultValue: s[f] });
  const conversionText = (s: PublishedSeries) =>
    s.conversion ? t(`sens.plot.conv.${s.conversion.kind}`, { a: s.conversion.a, b: s.conversion.b ?? '' }) : '';
  const observedText = observed === null ? t('sens.limit.expected') : t('sens.limit.observedN', { n: observed });
  const mcText = bg ? t('sens.table.mcEvents', { count: bg.raw }) : '';

  return (
    <section className="panel sens-panel" data-testid="sensitivity-panel" aria-labelledby="sens-h" data-status={status} data-box-ms={boxMs.toFixed(2)}>
      <h2 id="sens-h">{aprime ? t('sens.panel.headingA') : t('sens.panel.headingZ')}</h2>
      <div className="sens-body">
        <div className="sens-left">
          <fieldset className="sens-point">
            <legend>{t('sens.point.legend')}</legend>
            <div className="sens-point-fields">
              <ModelPointFields prefix="sens" onError={setPointError} />
            </div>
            {pointError && (
              <p className="error sig-msg" role="alert" data-testid="sens-point-error">
                {paramProblemText(t, locale, pointError)}
              </p>
            )}
          </fieldset>

          <div className="sens-status" aria-live="polite" data-testid="sens-status">
            {!analysis && t('sens.status.noRun')}
            {analysis && running && (
              <>
                <progress value={samplesState.done} max={Math.max(1, samplesState.total)} aria-label={t('sens.status.progressAria')} />{' '}
                {t('sens.status.computing', { done: samplesState.done, total: samplesState.total, events: formatCount(SIGNAL_EVENTS_PER_MASS, locale) })}{' '}
                <button type="button" className="plots-link" data-testid="sens-cancel" onClick={() => cancelSamples(setupId)}>
                  {t('sens.status.cancel')}
                </button>
              </>
            )}
            {analysis && status === 'error' && (
              <span className="error" role="alert">
                {t('sens.status.error', { message: samplesState.error ?? '' })}{' '}
                <button type="button" className="plots-link" onClick={() => ensureSamples(true)}>
                  {t('sens.status.retry')}
                </button>
              </span>
            )}
            {analysis && status === 'cancelled' && (
              <>
                {t('sens.status.cancelled')}{' '}
                <button type="button" className="plots-link" onClick={() => ensureSamples(true)}>
                  {t('sens.status.compute')}
                </button>
              </>
            )}
          </div>

          <table className="plots-table sens-table">
            <caption className="sr-only">{t('sens.table.caption')}</caption>
            <tbody>
              <tr>
                <th scope="row">{t('sens.table.selection')}</th>
                <td className="num">
                  {applied === 0 ? t('sens.table.noCuts') : t('sens.table.cuts', { k: applied, n: nCuts })}
                  {applied < nCuts && (
                    <>
                      {' '}
                      <button type="button" className="plots-link" data-testid="sens-all-cuts" onClick={() => setAppliedCuts(nCuts)}>
                        {t('sens.table.applyAll')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
              <tr>
                <th scope="row">
                  <SubLabel label={`N_${onTarget}`} />
                </th>
                <td className="num" title={t('sens.table.nOnTargetTitle')}>
                  {formatSci(N, 3, locale)}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('sens.table.efficiency')}</th>
                <td className="num" data-testid="sens-efficiency" title={t('sens.table.efficiencyTitle', { n: passed, total: formatCount(SIGNAL_EVENTS_PER_MASS, locale) })}>
                  {ps ? formatPercent(ps.efficiency, locale) : '—'}
                </td>
              </tr>
              <tr>
                <th scope="row">
                  <SubLabel label={t('sens.table.yield', { onTarget })} />
                </th>
                <td className="num" data-testid="sens-yield">
                  {ps ? formatSci(ps.yieldPerOnTarget, 3, locale) : '—'}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('sens.table.signal')}</th>
                <td className="num sens-strong" data-testid="sens-signal">
                  {ps ? formatSci(ps.expectedSignal, 3, locale) : '—'}
                </td>
              </tr>
              <tr>
                <th scope="row" title={t('sens.table.backgroundTitle')}>
                  {t('sens.table.background')}
                </th>
                <td className="num" data-testid="sens-background" data-value={bg ? String(bg.scaled) : ''}>
                  {!bg ? '—' : bg.raw === 0 ? '0' : formatValueError(bg.scaled, bg.error, locale)}
                  {bg && <div className="sens-sub">{bg.raw === 0 ? t('sens.table.backgroundNone') : mcText}</div>}
                </td>
              </tr>
              <tr>
                <th scope="row">
                  <SubLabel label={t('sens.table.nUp')} />
                </th>
                <td className="num" data-testid="sens-nup">
                  {analysis ? formatSig(nUp, 3, locale) : '—'}
                </td>
              </tr>
              <tr>
                <th scope="row">
                  <SubLabel label={t('sens.table.limit', { coupling: couplingName, mass: formatEdge(point.massMeV) })} />
                </th>
                <td className="num" data-testid="sens-limit">
                  {ps ? formatSci(ps.coupling90, 2, locale) : '—'}
                  {ps && aprime && Number.isFinite(ps.coupling90) ? ` (y ${formatSci(yAtLimitOf(ps.coupling90, point.alphaD), 2, locale)})` : ''}
                </td>
              </tr>
              <tr>
                <th scope="row">
                  <SubLabel label={t('sens.table.verdict', { coupling: couplingName, value: formatSci(point.coupling, 2, locale) })} />
                </th>
                <td className={`num sens-verdict sens-${verdict ?? 'none'}`} data-testid="sens-verdict" data-excluded={verdict === 'excluded' ? 'true' : 'false'}>
                  {verdict === null ? '—' : verdict === 'excluded' ? t('sens.verdict.excluded') : verdict === 'allowed' ? t('sens.verdict.allowed') : t('sens.verdict.none')}
                </td>
              </tr>
            </tbody>
          </table>

          <div className="sens-limit-opts">
            <label>
              {t('sens.limit.method')}{' '}
              <select data-testid="sens-method" value={method} onChange={(e) => setMethod(e.target.value as LimitMethod)}>
                <option value="cls">CLs</option>
                <option value="classical">{t('sens.limit.classical')}</option>
              </select>
            </label>
            <label>
              {t('sens.limit.observed')}{' '}
              <select
                data-testid="sens-observed"
                value={observed === null ? 'expected' : String(observed)}
                onChange={(e) => setObserved(e.target.value === 'expected' ? null : Number(e.target.value))}
              >
                {OBSERVED_CHOICES.map((n) => (
                  <option key={String(n)} value={n === null ? 'expected' : String(n)}>
                    {n === null ? t('sens.limit.expectedLong') : t('sens.limit.observedN', { n })}
                  </option>
                ))}
              </select>
            </label>
          </div>

          <div className="sens-opt">
            <button type="button" data-testid="optimise-box" onClick={optimise} disabled={!modelSample || !analysis}>
              {t('sens.opt.button')}
            </button>
            {note && (
              <p className="plots-note" data-testid="optimise-note">
                <SubLabel label={note} />
              </p>
            )}
          </div>
        </div>

        <figure className="sens-right">
          <div className="sens-plot-head">
            {aprime && (
              <div className="sens-toggle" role="group" aria-label={t('sens.plot.toggleAria')}>
                {(['epsilon', 'y'] as const).map((m) => (
                  <button key={m} type="button" data-testid={`curve-${m}`} aria-pressed={curveChoice === m} onClick={() => setCurveMode(m)}>
                    <SubLabel label={m === 'epsilon' ? t('sens.plot.epsilonOfM') : t('sens.plot.yOfMchi')} />
                  </button>
                ))}
              </div>
            )}
          </div>
          <ExclusionPlot
            mode={mode}
            curve={curve}
            published={published}
            band={mode === 'g' ? gm2Band() : null}
            marker={marker}
            labels={{
              x: mode === 'y' ? 'm_χ [MeV]' : `${massName} [MeV]`,
              y: mode === 'y' ? 'y = ε² α_D (m_χ/m_A′)⁴' : couplingName,
              ours: t('sens.plot.ours', { n: formatSci(N, 3, locale), onTarget, limit: observedText }),
              band: t('sens.plot.band'),
              point: t('sens.plot.point'),
              excluded: t('sens.plot.excluded'),
              published: published.map((s) => (s.conversion ? `${pubText(s, 'label')} (${conversionText(s)})` : pubText(s, 'label'))),
              title: t('sens.plot.title', { coupling: mode === 'y' ? 'y' : couplingName, mass: mode === 'y' ? 'm_χ' : massName }),
            }}
          />
          <figcaption className="plots-note" data-testid="exclusion-caption">
            {t('sens.plot.captionOurs', { events: formatCount(SIGNAL_EVENTS_PER_MASS, locale) })}{' '}
            {published.map((s) => (
              <span key={s.id}>
                <SubLabel
                  strict
                  label={
                    s.points.length > 0
                      ? t('sens.plot.captionPublished', { label: pubText(s, 'label'), reference: pubText(s, 'reference'), digitization: pubText(s, 'digitization') }) +
                        (s.conversion ? ` (${conversionText(s)})` : '')
                      : t('sens.plot.captionEmpty', { reference: pubText(s, 'reference') })
                  }
                />{' '}
              </span>
            ))}
            {mode === 'g' && <SubLabel strict label={t('sens.plot.captionBand')} />}
            {mode === 'y' && <SubLabel strict label={t('sens.plot.captionY', { alphaD: point.alphaD })} />}
          </figcaption>
        </figure>
      </div>
    </section>
  );
}
