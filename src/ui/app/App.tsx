/**
 * App composition: header with the setup selector, the run controls, the hermeticity plot with its
 * signal box and cut flow, the 3D detector with the selected event and its info panel.
 */
import { Component, useMemo, type ReactNode } from 'react';
import { HermeticityPlot } from '../plots/HermeticityPlot';
import { SignalBoxPanel } from '../plots/SignalBoxPanel';
import { CutFlowTable } from '../plots/CutFlowTable';
import { Legend } from '../plots/Legend';
import { NA64E_REGIONS } from '../plots/regions';
import { DetectorScene } from '../scene3d/DetectorScene';
import { RunControls } from '../controls/RunControls';
import { EventInfo } from '../event/EventInfo';
import { boxSummaryOf, useApp } from '../../state/store';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import type { SetupId } from '../../physics/setups/types';
import { useRunner } from './useRunner';
import { Toolbar } from '../share/Toolbar';
import { TeachingLayer } from '../teaching/TeachingLayer';

class ErrorBoundary extends Component<{ children: ReactNode; name: string }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div className="panel error" role="alert">
          The {this.props.name} failed: {this.state.error.message}.{' '}
          <button onClick={() => this.setState({ error: null })}>Retry</button>
        </div>
      );
    return this.props.children;
  }
}

const SETUPS: { id: SetupId; label: string }[] = [
  { id: 'na64e', label: 'NA64e — 100 GeV e⁻, missing energy' },
  { id: 'na64mu', label: 'NA64μ — 160 GeV μ⁻, missing momentum' },
];

export function App() {
  const { start, cancel, showEvent } = useRunner();
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

  const fallbackSetup = useMemo(() => buildNa64eSetup(), []);
  const setup = run.setup ?? fallbackSetup;
  const summary = boxSummaryOf(run, settings);
  const nCuts = setup.cuts.length;

  return (
    <div className="app">
      <header className="app-header">
        <h1>NA64 Explorer</h1>
        <p className="tagline">A beam particle hits an active target. If a dark photon carries energy away, the detector sees less than the beam brought.</p>
        <label className="setup-select">
          setup{' '}
          <select data-testid="setup-select" value={setupId} onChange={(e) => setSetup(e.target.value as SetupId)}>
            {SETUPS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <Toolbar />
      </header>
      <TeachingLayer />
      <main className="layout">
        <div className="col-left">
          <RunControls onRun={() => void start()} onCancel={cancel} />
          <section className="panel plot-panel" aria-label="hermeticity plot">
            <div className="plot-head">
              <h2>Hermeticity plot</h2>
              <label>
                <input type="checkbox" checked={showRegions} onChange={(e) => setShowRegions(e.target.checked)} data-testid="toggle-regions" />{' '}
                regions
              </label>
            </div>
            <div className="plot-box">
              <ErrorBoundary name="plot">
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
                  regions={setupId === 'na64e' ? NA64E_REGIONS : []}
                  showRegions={showRegions}
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
            />
            {run.analysis && (
              <CutFlowTable
                rows={run.analysis.cutFlow}
                appliedCuts={Math.min(settings.appliedCuts, nCuts)}
                onAppliedCutsChange={(k) => setAppliedCuts(Math.max(0, Math.min(nCuts, k)))}
                boxRow={summary ? { label: 'signal box', raw: summary.inBox.raw, weighted: summary.inBox.weighted } : undefined}
              />
            )}
          </div>
        </div>
        <div className="col-right">
          <section className="panel scene-panel" aria-label="3D detector">
            <ErrorBoundary name="3D view">
              <DetectorScene setup={detail && run.setup ? run.setup : setup} event={detail} cameraPreset={camera} onCameraPresetChange={setCamera} />
            </ErrorBoundary>
          </section>
          <EventInfo detail={detail} setup={setup} status={detailStatus} error={detailError} />
        </div>
      </main>
    </div>
  );
}
