import { Profiler, StrictMode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { analyse, summariseBox } from '../../../analysis/analysis';
import { allocateColumns, firstCutsMask } from '../../../physics/columns';
import type { Setup, SignalBox } from '../../../physics/setups/types';
import { CutFlowTable } from '../CutFlowTable';
import { HermeticityPlot, type YScaleMode } from '../HermeticityPlot';
import { Legend } from '../Legend';
import { processCounts } from '../processCounts';
import { NA64E_REGIONS } from '../regions';
import { SignalBoxPanel } from '../SignalBoxPanel';

function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 100_000;
const rnd = mulberry32(42);
const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
const cols = allocateColumns(N);
for (let i = 0; i < N; i++) {
  const u = rnd();
  let x: number;
  let y: number;
  let p = 0;
  let w = 1;
  if (u < 0.7) {
    x = 100 + 1.5 * gauss();
    y = Math.abs(0.05 + 0.03 * gauss());
  } else if (u < 0.8) {
    x = 100 - 30 * -Math.log(rnd() + 1e-12) * 0.3;
    y = Math.abs(0.05 + 0.05 * gauss());
  } else if (u < 0.92) {
    x = 100 * Math.sqrt(rnd());
    y = Math.max(0, 100 - x + 3 * gauss());
    p = rnd() < 0.8 ? 2 : 3;
  } else if (u < 0.97) {
    x = 20 + 75 * rnd();
    y = Math.max(0, 10 + 1.5 * gauss());
    p = 1;
    w = 0.01;
  } else if (u < 0.995) {
    x = 20 + 100 * rnd();
    y = Math.max(0, 112 - x + 60 * rnd());
    p = 5;
  } else {
    x = 50 * rnd();
    y = rnd() < 0.3 ? 0.9 * rnd() : 3 * -Math.log(rnd() + 1e-12);
    p = rnd() < 0.5 ? 4 : 6;
    w = 1e-3;
  }
  cols.eEcalGeV[i] = x;
  cols.eHcalGeV[i] = y;
  cols.process[i] = p;
  cols.weight[i] = w;
  let bits = 0;
  if (p !== 5 || rnd() < 0.1) bits |= 1;
  if (rnd() < 0.95) bits |= 2;
  if ((p !== 3 && p !== 6) || rnd() < 0.2) bits |= 4;
  cols.cutBits[i] = bits;
}
const setup = {
  id: 'na64e',
  axes: { xLabel: 'E_ECAL [GeV]', yLabel: 'E_HCAL [GeV]', xMaxGeV: 120, yMaxGeV: 120 },
  cuts: [
    { id: 'pileup', label: 'single particle in time', description: '', source: '' },
    { id: 'momentum', label: 'track 100 ± 3 GeV', description: '', source: '' },
    { id: 'veto', label: 'veto < 0.5 MIP', description: '', source: '' },
  ],
} as unknown as Setup;
const published = { value: 0.51, error: 0.13, source: 'seed 000 (9.37e11 EOT, 2016–2022)' };

declare global {
  interface Window {
    __timings: { update: number[]; summarise: number[]; profiler: number[]; toRender: number[]; flushWall: number[] };
    __state: { box: SignalBox; selected: unknown; applied: number };
  }
}
window.__timings = { update: [], summarise: [], profiler: [], toRender: [], flushWall: [] };

function App() {
  const [box, setBox] = useState<SignalBox>({ xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 });
  const [applied, setApplied] = useState(0);
  const [nOnTarget, setN] = useState(9.37e11);
  const [selected, setSelected] = useState<{ eventIndex: number; xGeV: number; yGeV: number } | null>(null);
  const [yScale, setYScale] = useState<YScaleMode>('symlog');
  const [regions, setRegions] = useState(true);
  const t0 = useRef(0);
  if (t0.current) window.__timings.toRender.push(performance.now() - t0.current);
  if (t0.current) window.__timings.toRender.push(performance.now() - t0.current);
  const analysis = useMemo(() => analyse(setup, cols, firstCutsMask(applied)), [applied]);
  const counts = useMemo(() => processCounts(cols, firstCutsMask(applied)), [applied]);
  const summary = useMemo(() => {
    const t = performance.now();
    const s = summariseBox(analysis, box, nOnTarget);
    window.__timings.summarise.push(performance.now() - t);
    return s;
  }, [analysis, box, nOnTarget]);
  useLayoutEffect(() => {
    if (t0.current) {
      window.__timings.update.push(performance.now() - t0.current);
      t0.current = 0;
    }
    window.__state = { box, selected, applied };
  });
  const onBoxChange = (b: SignalBox) => {
    t0.current = performance.now();
    setBox(b);
    window.__timings.flushWall.push(performance.now() - t0.current);
    window.__timings.flushWall.push(performance.now() - t0.current);
  };
  return (
    <div className="h-grid">
      <div className="h-plot">
        <Profiler id="plot" onRender={(_id, _phase, actual) => window.__timings.profiler.push(actual)}>
          <HermeticityPlot
            analysis={analysis}
            axes={setup.axes}
            box={box}
            onBoxChange={onBoxChange}
            selectedEvent={selected}
            onSelectEvent={(eventIndex, xGeV, yGeV) => setSelected({ eventIndex, xGeV, yGeV })}
            regions={NA64E_REGIONS}
            showRegions={regions}
            boxLabel={`signal box: ${summary.inBox.raw} events`}
            yScale={yScale}
            onYScaleChange={setYScale}
          />
        </Profiler>
      </div>
      <div className="h-side">
        <label className="h-card">
          <input type="checkbox" checked={regions} onChange={(e) => setRegions(e.target.checked)} /> regions
          {selected ? ` · selected event ${selected.eventIndex} (${selected.xGeV.toFixed(2)}, ${selected.yGeV.toFixed(3)})` : ''}
        </label>
        <div className="h-card">
          <SignalBoxPanel
            box={box}
            onBoxChange={onBoxChange}
            summary={summary}
            nOnTarget={nOnTarget}
            onNOnTargetChange={setN}
            onTargetLabel="EOT"
            published={published}
          />
        </div>
        <div className="h-card">
          <CutFlowTable
            rows={analysis.cutFlow}
            appliedCuts={applied}
            onAppliedCutsChange={setApplied}
            boxRow={{ label: 'signal box', raw: summary.inBox.raw, weighted: summary.inBox.weighted }}
          />
        </div>
        <div className="h-card">
          <Legend analysis={analysis} counts={counts} />
        </div>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
