import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../physics/params';

const KEY = 'na64-explorer-settings';
const items = new Map<string, string>();

beforeAll(() => {
  // the browser's storage, holding a stored form draft (seed 7) on top of the default run, and a
  // damaged base for NA64μ
  (globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }).localStorage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
  items.set(
    KEY,
    JSON.stringify({
      state: {
        setupId: 'na64e',
        settings: {
          na64e: { params: { ...DEFAULT_PARAMS.na64e, seed: 7 }, box: { xMinGeV: 0, xMaxGeV: 40, yMinGeV: 0, yMaxGeV: 2 }, appliedCuts: 0, nOnTarget: 5e11 },
        },
        formBase: { na64e: DEFAULT_PARAMS.na64e, na64mu: { ...DEFAULT_PARAMS.na64mu, events: -3 } },
      },
      version: 1,
    }),
  );
});

const stored = () => (JSON.parse(items.get(KEY)!) as { state: { formBase: Record<string, unknown> } }).state;

describe('store: the run a form draft is edited on top of (formBase)', () => {
  it('comes back from the browser with the form (a damaged one is dropped), follows simulated runs and is stored', async () => {
    const { useApp } = await import('./store');
    const st = useApp.getState();
    expect(st.settings.na64e.params.seed).toBe(7);
    expect(st.formBase.na64e).toEqual(DEFAULT_PARAMS.na64e);
    expect(st.formBase.na64mu).toBeNull();

    // a link's old result is cleared: the base stays
    st.setRun('na64e', { status: 'idle', params: null });
    expect(useApp.getState().formBase.na64e).toEqual(DEFAULT_PARAMS.na64e);
    // a simulated run becomes the base
    const ran = { ...DEFAULT_PARAMS.na64e, seed: 7 };
    st.setRun('na64e', { status: 'analysing', params: ran, importedFrom: null });
    expect(useApp.getState().formBase.na64e).toEqual(ran);
    expect(stored().formBase.na64e).toEqual(ran);
    // an imported run is not simulated: the base stays
    st.setRun('na64e', { status: 'done', params: { ...ran, events: 50 }, importedFrom: 'run.csv' });
    expect(useApp.getState().formBase.na64e).toEqual(ran);
    // progress and other run updates leave it as it is
    st.setRun('na64mu', { progress: 0.5 });
    expect(useApp.getState().formBase.na64mu).toBeNull();
  });
});
