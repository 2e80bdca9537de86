/**
 * Tabs of the right column's lower panel: the selected event (its info panel, passed in) and the
 * dark-sector sensitivity panel. Selecting an event switches to the event tab. Also keeps the
 * per-mass signal samples in step with the runs (computed once the sensitivity tab was opened).
 */
import { Component, useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store';
import { SensitivityPanel } from './SensitivityPanel';
import { useSensitivity, type SideTab } from './sensitivityStore';
import { useSignalSamples } from './signalSamples';
import './sensitivity.css';

const TABS: SideTab[] = ['event', 'sensitivity'];

/** Keeps a failure of the panel inside the panel (message and retry). */
class PanelBoundary extends Component<{ children: ReactNode; retry: string }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div className="panel error" role="alert">
          {this.state.error.message} <button onClick={() => this.setState({ error: null })}>{this.props.retry}</button>
        </div>
      );
    return this.props.children;
  }
}

export function SidePanelTabs(props: { event: ReactNode }) {
  const { t } = useTranslation();
  const tab = useSensitivity((s) => s.tab);
  const setTab = useSensitivity((s) => s.setTab);
  const selected = useApp((s) => s.selected);
  useSignalSamples();

  const last = useRef(selected);
  useEffect(() => {
    // (not for the event of a shared link, which keeps the link's tab)
    if (selected && selected !== last.current && selected !== useSensitivity.getState().tabKeptFor) useSensitivity.getState().setTab('event');
    last.current = selected;
  }, [selected]);

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    setTab(next);
    document.getElementById(`side-tab-${next}`)?.focus();
  };

  return (
    <div className="side-tabs" data-tab={tab}>
      <div className="side-tabs-bar" role="tablist" aria-label={t('sens.tabs.aria')}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`side-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`side-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            data-testid={`tab-${id}`}
            onClick={() => setTab(id)}
            onKeyDown={onKey}
          >
            {t(`sens.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div id="side-panel-event" role="tabpanel" aria-labelledby="side-tab-event" hidden={tab !== 'event'}>
        {props.event}
      </div>
      <div id="side-panel-sensitivity" role="tabpanel" aria-labelledby="side-tab-sensitivity" hidden={tab !== 'sensitivity'}>
        {tab === 'sensitivity' && (
          <PanelBoundary retry={t('app.retry')}>
            <SensitivityPanel />
          </PanelBoundary>
        )}
      </div>
    </div>
  );
}
