/**
 * Teaching, outreach and accessibility layer: the bar of example events and the slow beam, the
 * guided tour, the explanation panel, the keyboard-help dialog, the global keyboard shortcuts,
 * presentation mode (a class on <html>, styles in teaching.css) and the screen-reader summaries of
 * the plot and of the selected event (aria-live). The header controls are in HeaderControls; what
 * the plot and the 3D view need from here comes from useTeachingViewProps().
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n';
import { boxSummaryOf, useApp, type CameraPreset } from '../../state/store';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import { buildNa64muSetup } from '../../physics/setups/na64mu';
import type { Setup, SetupId } from '../../physics/setups/types';
import { useLocale } from '../../i18n';
import { cutLabel, processName } from '../../i18n/physicsText';
import { NA64E_REGIONS, NA64MU_REGIONS } from '../plots/regions';
import type { PlotRegion } from '../plots/types';
import { formatCount, formatGeV, formatWeighted } from '../plots/format';
import { columnsUsable, eventAt } from './eventFinder';
import { ExplanationPanel } from './ExplanationPanel';
import { KeyboardHelp } from './KeyboardHelp';
import { DARK_PHOTON_PRESET, PRESETS, runHasPreset, type EventPreset } from './presets';
import { countPerRegion } from './regionCounts';
import { selectRunEvent } from './selectEvent';
import { useTeaching } from './teachingStore';
import { Tour } from './Tour';
import './teaching.css';

/** Camera for each example event (the part of the detector where it happens). */
const PRESET_CAMERA: Record<string, CameraPreset> = {
  cleanElectron: 'ecal',
  dimuon: 'overview',
  punchThrough: 'overview',
  upstream: 'side',
  darkPhoton: 'ecal',
};

/** Time between two events of the slow beam, and the time a track takes to be drawn [ms]. */
export const SLOW_BEAM_INTERVAL_MS = 1500;
export const SLOW_BEAM_DRAW_MS = 1100;

const fallbackSetups: Partial<Record<SetupId, Setup>> = {};
function fallbackSetup(id: SetupId): Setup {
  return (fallbackSetups[id] ??= id === 'na64mu' ? buildNa64muSetup() : buildNa64eSetup());
}

/** Regions drawn on the plot of a setup (teaching overlay). */
export function regionsOf(id: SetupId): PlotRegion[] {
  return id === 'na64e' ? NA64E_REGIONS : NA64MU_REGIONS;
}

function usePrefersReducedMotion(): boolean {
  const [reduce, setReduce] = useState(
    () => typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
  );
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (!mq) return;
    const on = () => setReduce(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return reduce;
}

/**
 * What the plot and the 3D view need from the teaching layer (spread into their props):
 * highlighted region and box, region labels that open explanations, clickable detectors, and the
 * progressive track drawing of the slow beam.
 */
export function useTeachingViewProps() {
  const highlightRegion = useTeaching((s) => s.highlightRegion);
  const highlightBox = useTeaching((s) => s.highlightBox);
  const slowBeam = useTeaching((s) => s.slowBeam);
  const explain = useTeaching((s) => s.explain);
  const reduce = usePrefersReducedMotion();
  const onRegionClick = useCallback((id: string) => explain({ kind: 'region', id }), [explain]);
  const onElementClick = useCallback((id: string) => explain({ kind: 'detector', id }), [explain]);
  return {
    plot: { highlightRegion, highlightBox, onRegionClick },
    scene: { onElementClick, animateTracksMs: slowBeam && !reduce ? SLOW_BEAM_DRAW_MS : undefined },
  };
}

function isEditable(t: EventTarget | null): boolean {
  if (!(t instanceof Element)) return false;
  if (t.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"]')) return true;
  return false;
}

/** Example events: one click selects a real event of a fixed run (re-simulating that run first if needed). */
function PresetBar({ onRun }: { onRun(): void }) {
  const { t } = useTranslation();
  const pending = useRef<EventPreset | null>(null);
  const status = useApp((s) => s.runs[s.setupId].status);
  const columns = useApp((s) => s.runs[s.setupId].columns);
  const [waiting, setWaiting] = useState<string | null>(null);
  const presets = DARK_PHOTON_PRESET ? [...PRESETS, DARK_PHOTON_PRESET] : PRESETS;

  const show = useCallback((p: EventPreset): boolean => {
    const st = useApp.getState();
    const run = st.runs[p.setup];
    if (st.setupId !== p.setup || run.status !== 'done' || !run.setup || !columnsUsable(run.columns)) return false;
    if (!runHasPreset(run.params, p)) return false;
    const f = eventAt(run.setup, run.columns, p.eventIndex);
    if (!f) return false;
    st.setCamera(PRESET_CAMERA[p.id] ?? 'overview');
    selectRunEvent(f);
    return true;
  }, []);

  // a preset waiting for its run: select it when the run is done
  useEffect(() => {
    const p = pending.current;
    if (!p || status !== 'done') return;
    if (show(p)) {
      pending.current = null;
      setWaiting(null);
    }
  }, [status, columns, show]);

  const click = (p: EventPreset) => {
    if (show(p)) return;
    const st = useApp.getState();
    if (st.setupId !== p.setup) st.setSetup(p.setup);
    pending.current = p;
    setWaiting(p.id);
    const run = useApp.getState().runs[p.setup];
    if (!runHasPreset(run.params, p) || run.status === 'error' || run.status === 'cancelled') {
      // exactly the preset's parameters: options it does not set (e.g. a signal) are cleared
      const patch: Record<string, unknown> = {};
      for (const k of Object.keys(useApp.getState().settings[p.setup].params)) patch[k] = undefined;
      const err = useApp.getState().updateParams({ ...patch, ...p.params });
      if (!err) onRun();
    }
  };

  return (
    <div className="teach-presets" role="group" aria-label={t('teach.presetsGroup')}>
      <span className="teach-presets-label">{t('teach.presets')}</span>
      {presets.map((p) => (
        <button
          key={p.id}
          type="button"
          data-testid={`preset-${p.id}`}
          title={t(`presets.${p.id}.hint`, { seed: p.params.seed, event: p.eventIndex })}
          aria-busy={waiting === p.id}
          onClick={() => click(p)}
        >
          {t(`presets.${p.id}.label`)}
        </button>
      ))}
      {waiting ? (
        <span className="teach-note" role="status">
          {t('teach.presetWaiting')}
        </span>
      ) : null}
    </div>
  );
}

/** The slow beam: fires the events of the run one by one, each drawn progressively in 3D. */
function SlowBeam() {
  const slowBeam = useTeaching((s) => s.slowBeam);
  useEffect(() => {
    if (!slowBeam) return;
    const fire = () => {
      const st = useApp.getState();
      const run = st.runs[st.setupId];
      if (run.status !== 'done' || !run.setup || !columnsUsable(run.columns)) return;
      const i = useTeaching.getState().advanceSlowBeam() % run.columns.n;
      const f = eventAt(run.setup, run.columns, run.columns.firstIndex + i);
      if (f) selectRunEvent(f);
    };
    fire();
    const id = window.setInterval(fire, SLOW_BEAM_INTERVAL_MS);
    return () => window.clearInterval(id);
  }, [slowBeam]);
  return null;
}

/** Screen-reader summaries: the plot (counts per region and in the box) and the selected event. */
function LiveSummaries() {
  const { t } = useTranslation();
  const locale = useLocale();
  const setupId = useApp((s) => s.setupId);
  const run = useApp((s) => s.runs[s.setupId]);
  const settings = useApp((s) => s.settings[s.setupId]);
  const detail = useApp((s) => s.detail);
  const analysis = run.analysis;
  const regions = regionsOf(setupId);
  const counts = useMemo(
    () => (analysis ? countPerRegion(regions, analysis.index.x, analysis.index.y) : null),
    [analysis, regions],
  );
  const summary = boxSummaryOf(run, settings);

  let plotText = t('live.noRun');
  if (analysis) {
    const parts = regions.map((r) =>
      t('live.region', {
        name: t(`explain.region.${r.id}.title`, { defaultValue: r.id }),
        n: formatCount(counts?.[r.id] ?? 0, locale),
      }),
    );
    plotText = t('live.plot', {
      plotted: formatCount(analysis.index.x.length, locale),
      total: formatCount(analysis.nEvents, locale),
      cuts: settings.appliedCuts,
      regions: parts.join('; '),
      inBox: summary ? formatCount(summary.inBox.raw, locale) : '—',
      weighted: summary ? formatWeighted(summary.inBox.weighted, locale) : '—',
    });
  }
  // announce after the value has settled (a box drag changes it every frame)
  const [spoken, setSpoken] = useState(plotText);
  useEffect(() => {
    const id = window.setTimeout(() => setSpoken(plotText), 800);
    return () => window.clearTimeout(id);
  }, [plotText]);

  let eventText = '';
  if (detail) {
    const setup = run.setup ?? fallbackSetup(setupId);
    const failed = setup.cuts.filter((_, i) => !detail.cutsPassed[i]).map((c) => cutLabel(t, setupId, c));
    const m = detail.measured;
    eventText = t(detail.setupId === 'na64mu' ? 'live.eventMu' : 'live.event', {
      index: detail.eventIndex,
      process: processName(t, detail.process),
      eEcal: formatGeV(m.eEcalGeV, locale),
      eHcal: formatGeV(m.eHcalGeV, locale),
      pOut: formatGeV(m.pOutGeV, locale),
      cuts: failed.length === 0 ? t('live.allCutsPassed') : t('live.cutsFailed', { list: failed.join(', ') }),
    });
  }
  return (
    <>
      <div className="sr-only" aria-live="polite" data-testid="plot-summary">
        {spoken}
      </div>
      <div className="sr-only" aria-live="polite" data-testid="event-summary">
        {eventText}
      </div>
    </>
  );
}

/** Teaching bar: example events, slow beam and the "explain a detector" chooser. */
function TeachingBar({ onRun, setup }: { onRun(): void; setup: Setup }) {
  const { t } = useTranslation();
  const slowBeam = useTeaching((s) => s.slowBeam);
  const setSlowBeam = useTeaching((s) => s.setSlowBeam);
  const explain = useTeaching((s) => s.explain);
  const [choice, setChoice] = useState('');
  const regions = regionsOf(setup.id);
  return (
    <section className="teach-bar" aria-label={t('teach.barAria')}>
      <PresetBar onRun={onRun} />
      <div className="teach-beam">
        <button
          type="button"
          data-testid="slow-beam-toggle"
          aria-pressed={slowBeam}
          title={t('teach.slowBeamTitle')}
          onClick={() => setSlowBeam(!slowBeam)}
        >
          {slowBeam ? t('teach.slowBeamStop') : t('teach.slowBeam')}
        </button>
      </div>
      <form
        className="teach-explain"
        onSubmit={(e) => {
          e.preventDefault();
          if (!choice) return;
          const [kind, id] = choice.split(':');
          explain(kind === 'region' ? { kind: 'region', id } : { kind: 'detector', id });
        }}
      >
        <label>
          <span>{t('teach.explainLabel')}</span>{' '}
          <select data-testid="explain-select" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('teach.explainPick')}</option>
            <optgroup label={t('teach.explainDetectors')}>
              {setup.elements.map((el) => (
                <option key={el.id} value={`detector:${el.id}`}>
                  {el.label}
                </option>
              ))}
            </optgroup>
            {regions.length > 0 ? (
              <optgroup label={t('teach.explainRegions')}>
                {regions.map((r) => (
                  <option key={r.id} value={`region:${r.id}`}>
                    {t(`explain.region.${r.id}.title`, { defaultValue: r.id })}
                  </option>
                ))}
                <option value="region:box">{t('explain.region.box.title')}</option>
              </optgroup>
            ) : (
              <optgroup label={t('teach.explainRegions')}>
                <option value="region:box">{t('explain.region.box.title')}</option>
              </optgroup>
            )}
          </select>
        </label>{' '}
        <button type="submit" data-testid="explain-button" disabled={!choice}>
          {t('teach.explainGo')}
        </button>
      </form>
    </section>
  );
}

export function TeachingLayer({ onRun = () => undefined, setupIds = ['na64e', 'na64mu'] }: { onRun?(): void; setupIds?: readonly SetupId[] }) {
  const setupId = useApp((s) => s.setupId);
  const runSetup = useApp((s) => s.runs[s.setupId].setup);
  const presentation = useApp((s) => s.presentation);
  const tourOpen = useApp((s) => s.tourStep >= 0);
  const setup = runSetup ?? fallbackSetup(setupId);

  // presentation mode and open tour as classes on <html> (layout in teaching.css)
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('presentation', presentation);
    root.classList.toggle('tour-open', tourOpen);
  }, [presentation, tourOpen]);

  // global keyboard shortcuts
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const app = useApp.getState();
      const teach = useTeaching.getState();
      // a modal dialog (keyboard help) handles its own keys (Esc closes it)
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape') {
        if (teach.explanation) teach.explain(null);
        else if (app.tourStep >= 0) app.setTourStep(-1);
        else if (app.presentation) app.setPresentation(false);
        else return;
        e.preventDefault();
        return;
      }
      if (isEditable(e.target)) return;
      const tour = app.tourStep >= 0;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          if (!tour) return;
          (document.querySelector('[data-testid="tour-next"]') as HTMLButtonElement | null)?.click();
          break;
        case 'ArrowLeft':
        case 'PageUp':
          if (!tour) return;
          (document.querySelector('[data-testid="tour-back"]') as HTMLButtonElement | null)?.click();
          break;
        case 'p':
        case 'P':
          app.setPresentation(!app.presentation);
          break;
        case 't':
        case 'T':
          app.setTourStep(tour ? -1 : 0);
          break;
        case 'b':
        case 'B':
          teach.setSlowBeam(!teach.slowBeam);
          break;
        case '?':
          teach.setKeyboardHelp(true);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <TeachingBar onRun={onRun} setup={setup} />
      <SlowBeam />
      <LiveSummaries />
      <Tour onRun={onRun} setupIds={setupIds} />
      <ExplanationPanel setup={setup} />
      <KeyboardHelp />
    </>
  );
}
