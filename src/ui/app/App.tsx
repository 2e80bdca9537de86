/**
 * App composition: header with the setup selector, the run controls, the hermeticity plot with its
 * signal box and cut flow, the 3D detector with the selected event and its info panel.
 */
import { Component, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { HermeticityPlot } from '../plots/HermeticityPlot';
import { SignalBoxPanel } from '../plots/SignalBoxPanel';
import { CutFlowTable } from '../plots/CutFlowTable';
import { Legend } from '../plots/Legend';
import { NA64E_REGIONS, NA64MU_REGIONS } from '../plots/regions';
import { DetectorScene } from '../scene3d/DetectorScene';
import { RunControls } from '../controls/RunControls';
import { EventInfo } from '../event/EventInfo';
import { SignalControls } from '../sensitivity/SignalControls';
import { SidePanelTabs } from '../sensitivity/SidePanelTabs';
import { boxSummaryOf, useApp } from '../../state/store';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import { buildNa64muSetup } from '../../physics/setups/na64mu';
import type { SetupId } from '../../physics/setups/types';
import { clearEventSelection, useRunner } from './useRunner';
import { Toolbar } from '../share/Toolbar';
import { TeachingLayer, useTeachingViewProps } from '../teaching/TeachingLayer';
import { HeaderControls } from '../teaching/HeaderControls';

class ErrorBoundary extends Component<{ children: ReactNode; name: string }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div className="panel error" role="alert">
          {i18n.t('app.failed', { name: this.props.name, message: this.state.error.message })}{' '}
          <button onClick={() => this.setState({ error: null })}>{i18n.t('app.retry')}</button>
        </div>
      );
    return this.props.children;
  }
}

/** Setups offered in the selector; their labels are i18n keys setups.<id>. */
const SETUPS: { id: SetupId }[] = [{ id: 'na64e' }, { id: 'na64mu' }];
const SETUP_IDS = SETUPS.map((s) => s.id);

export function App() {
  const { t } = useTranslation();
  const { start, cancel, showEvent } = useRunner();
  const teaching = useTeachingViewProps();
  const setupId = useApp((s) => s.setupId);
  const setSetup = useApp((s) => s.setSetup);
  const settings = useApp((s) => s.settings[s.setupId]);
  const run = useApp((s) => s.runs[s.setupId]);
  const selected = useApp((s) => s.selected);
  const detail = useApp((s) => s.detail);
  const detailStatus = useApp((s) => s.detailStatus);
  const detailError = useApp((s) => s.detailError);
  const camera = useApp((s) => s.camera);
  const showRegions = useApp((s) => s.showRegions);
  const { setBox, setAppliedCuts, setNOnTarget, select, setCamera, setShowRegions } = useApp.getState();

  const fallbackSetup = useMemo(() => (setupId === 'na64mu' ? buildNa64muSetup() : buildNa64eSetup()), [setupId]);
  const setup = run.setup ?? fallbackSetup;
  const summary = boxSummaryOf(run, settings);
  const nCuts = setup.cuts.length;

  return (
    <div className="app">
      <header className="app-header">
        <h1>NA64 Explorer</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <label className="setup-select">
          {t('app.setup')}{' '}
          <select data-testid="setup-select" value={setupId} onChange={(e) => setSetup(e.target.value as SetupId)}>
            {SETUPS.map((s) => (
              <option key={s.id} value={s.id}>
                {t(`setups.${s.id}`)}
              </option>
            ))}
          </select>
        </label>
        <Toolbar />
        <HeaderControls />
      </header>
      <TeachingLayer onRun={() => void start()} setupIds={SETUP_IDS} />
      <main className="layout">
        <div className="col-left">
          <RunControls onRun={() => void start()} onCancel={cancel} />
          <SignalControls />
          <section className="panel plot-panel" aria-label={t('app.plotPanel')}>
            <div className="plot-head">
              <h2>{t('app.plotTitle')}</h2>
              <label>
                <input type="checkbox" checked={showRegions} onChange={(e) => setShowRegions(e.target.checked)} data-testid="toggle-regions" />{' '}
                {t('app.regions')}
              </label>
            </div>
            <div className="plot-box">
              <ErrorBoundary name={t('app.plotName')}>
                <HermeticityPlot
                  analysis={run.analysis}
                  axes={setup.axes}
                  box={settings.box}
                  onBoxChange={(b) => setBox(b)}
                  selectedEvent={selected}
                  onSelectEvent={(eventIndex, xGeV, yGeV) => {
                    select({ eventIndex, xGeV, yGeV });
                    void showEvent(eventIndex);
                  }}
                  onClearSelection={clearEventSelection}
                  processOf={(eventIndex) => {
                    const c = run.columns;
                    const i = c ? eventIndex - c.firstIndex : -1;
                    // columns in the worker during an analysis have empty (transferred) buffers
                    return c && i >= 0 && i < c.n && c.process.length === c.n ? c.process[i] : undefined;
                  }}
                  regions={setupId === 'na64e' ? NA64E_REGIONS : NA64MU_REGIONS}
                  showRegions={showRegions}
                  {...teaching.plot}
                />
              </ErrorBoundary>
            </div>
            {run.analysis && <Legend analysis={run.analysis} counts={run.analysis.processCounts} />}
          </section>
          <div className="row">
            <SignalBoxPanel
              box={settings.box}
              onBoxChange={(b) => setBox(b)}
              summary={summary}
              nOnTarget={settings.nOnTarget}
              onNOnTargetChange={(n) => setNOnTarget(n)}
              onTargetLabel={setup.onTargetLabel}
              published={setup.publishedBackground}
              axes={setup.axes}
            />
            {run.analysis && (
              <CutFlowTable
                rows={run.analysis.cutFlow}
                appliedCuts={Math.min(settings.appliedCuts, nCuts)}
                onAppliedCutsChange={(k) => setAppliedCuts(Math.max(0, Math.min(nCuts, k)))}
                boxRow={summary ? { label: t('plot.signalBox'), raw: summary.inBox.raw, weighted: summary.inBox.weighted } : undefined}
                setupId={setupId}
              />
            )}
          </div>
        </div>
        <div className="col-right">
          <section className="panel scene-panel" aria-label={t('app.scenePanel')}>
            <ErrorBoundary name={t('app.sceneName')}>
              <DetectorScene
                setup={detail && run.setup ? run.setup : setup}
                event={detail}
                cameraPreset={camera}
                onCameraPresetChange={setCamera}
                {...teaching.scene}
              />
            </ErrorBoundary>
          </section>
          <SidePanelTabs event={<EventInfo detail={detail} setup={setup} status={detailStatus} error={detailError} />} />
        </div>
      </main>
    </div>
  );
}
