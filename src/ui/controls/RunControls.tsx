/**
 * Run parameters form: number of events, seed, beam and detector parameters. A value is applied
 * when the field is committed (Enter or leaving the field); invalid values show the validation
 * message and keep the last good settings.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../../state/store';
import type { RunParams } from '../../physics/params';

interface FieldSpec {
  key: keyof RunParams;
  label: string;
  unit?: string;
  hint: string;
}

const FIELDS: FieldSpec[] = [
  { key: 'events', label: 'events', hint: 'number of beam particles to simulate (1 … 2e7)' },
  { key: 'seed', label: 'seed', hint: 'random seed: the same seed gives the same events' },
  { key: 'beamEnergyGeV', label: 'beam energy', unit: 'GeV', hint: 'H4 beam energy (the downstream line stays aligned for it)' },
  { key: 'hadronFraction', label: 'hadron contamination', hint: 'fraction of π⁻/K⁻/p̄ in the beam (0.005 = 0.5 %, seed 000)' },
  { key: 'ecalLayers', label: 'ECAL layers', hint: 'Pb/Sc layers (150 ≈ 40 X0)' },
  { key: 'hcalModules', label: 'HCAL modules', hint: 'number of HCAL modules (4 in NA64, ≈7.4 λ_I each)' },
  { key: 'vetoThresholdMeV', label: 'VETO threshold', unit: 'MeV', hint: '"no activity" below this energy (a MIP deposits ≈13 MeV)' },
  { key: 'hcal0ThresholdGeV', label: 'HCAL0 threshold', unit: 'GeV', hint: 'zero-degree calorimeter veto threshold' },
];

function parseNumber(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return NaN;
  return Number(t);
}

function Field({ spec, value, onCommit }: { spec: FieldSpec; value: number; onCommit(v: number): void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = parseNumber(text);
    onCommit(v);
  };
  return (
    <label className="field" title={spec.hint}>
      <span>
        {spec.label}
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
  const setupId = useApp((s) => s.setupId);
  const params = useApp((s) => s.settings[s.setupId].params);
  const run = useApp((s) => s.runs[s.setupId]);
  const paramError = useApp((s) => s.paramError);
  const updateParams = useApp((s) => s.updateParams);
  const busy = run.status === 'running' || run.status === 'analysing';
  const fields = setupId === 'na64e' ? FIELDS : FIELDS.filter((f) => f.key !== 'hcal0ThresholdGeV');
  return (
    <section className="panel controls" aria-label="run parameters">
      <h2>Run</h2>
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
        <label className="field checkbox" title="overlay of a second beam particle in the ECAL window (5 MHz, seed 000)">
          <input
            data-testid="input-pileup"
            type="checkbox"
            checked={params.pileup}
            onChange={(e) => updateParams({ pileup: e.target.checked })}
          />
          <span>pile-up</span>
        </label>
      </div>
      {paramError && (
        <p className="error" role="alert" data-testid="param-error">
          {paramError} — the last valid settings are kept.
        </p>
      )}
      <div className="run-buttons">
        <button data-testid="run-button" onClick={props.onRun} disabled={busy}>
          Simulate
        </button>
        <button data-testid="cancel-button" onClick={props.onCancel} disabled={!busy}>
          Cancel
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
            <progress data-testid="progress" value={run.progress} max={1} /> simulating… {(run.progress * 100).toFixed(0)} %
          </>
        )}
        {run.status === 'analysing' && 'analysing…'}
        {run.status === 'done' && run.params && (
          <>
            {run.params.events.toLocaleString('en')} events, seed {run.params.seed} in {(run.durationMs / 1000).toFixed(2)} s
          </>
        )}
        {run.status === 'cancelled' && 'run cancelled; showing the last complete run (if any).'}
        {run.status === 'error' && (
          <span className="error" role="alert" data-testid="run-error">
            {run.error} — press Simulate to try again.
          </span>
        )}
      </div>
    </section>
  );
}
