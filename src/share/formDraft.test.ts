import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, type RunParams } from '../physics/params';
import { draftToRestore } from './formDraft';
import { encodeUrlState, readUrlState, urlParamsOf, type ShareState, type SharedSettings } from './urlState';
import type { SetupId } from '../physics/setups/types';

const run = DEFAULT_PARAMS.na64e;
const edited: RunParams = { ...run, seed: 7 };
const signal = { model: 'aprime' as const, massMeV: 20, coupling: 1e-4, fraction: 0.05 };

describe('draftToRestore: which stored form draft a link brings back', () => {
  it('restores the draft when the link opens the run it was edited on top of', () => {
    expect(draftToRestore(run, { form: edited, base: run })).toBe(edited);
    // the same run written anew (a link read back is a new object)
    expect(draftToRestore({ ...run }, { form: edited, base: { ...run } })).toBe(edited);
    // a signal edited but not run is part of the draft
    const withSignal = { ...run, signal };
    const signalEdit = { ...withSignal, signal: { ...signal, massMeV: 30 } };
    expect(draftToRestore(withSignal, { form: signalEdit, base: withSignal })).toBe(signalEdit);
  });

  it('ignores the draft for a link of another run (someone else’s state)', () => {
    const other = { ...run, events: 20000, seed: 7 };
    expect(draftToRestore(other, { form: edited, base: run })).toBeNull();
    // a run that differs only in its signal is another run
    expect(draftToRestore({ ...run, signal }, { form: edited, base: run })).toBeNull();
    // even when the link's run equals the draft itself: it is the link's run, shown as such
    expect(draftToRestore(edited, { form: edited, base: run })).toBeNull();
  });

  it('ignores it without a known base, for another setup, for an unedited form and for a tampered link', () => {
    expect(draftToRestore(run, { form: edited, base: null })).toBeNull();
    expect(draftToRestore(DEFAULT_PARAMS.na64mu, { form: { ...DEFAULT_PARAMS.na64mu, seed: 7 }, base: run })).toBeNull();
    expect(draftToRestore(run, { form: { ...edited, setup: 'na64mu' }, base: run })).toBeNull();
    expect(draftToRestore(run, { form: { ...run }, base: run })).toBeNull();
    expect(draftToRestore(run, { form: edited, base: run }, 1)).toBeNull();
  });

  it('a reload of the page (its own address) restores the draft; a link of another run does not', () => {
    const settings = (params: RunParams): SharedSettings => ({
      params,
      box: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 },
      appliedCuts: 0,
      nOnTarget: 9.37e11,
    });
    const points = {
      na64e: { massMeV: 20, coupling: 1e-4, alphaD: 0.5, fraction: 0.01 },
      na64mu: { massMeV: 50, coupling: 7e-4, alphaD: 0.5, fraction: 0.01 },
    };
    const sensitivity = { couplingInput: 'epsilon', curveMode: 'epsilon', method: 'cls', observed: null, tab: 'event' } as const;
    const page = (params: RunParams): ShareState => ({
      setup: 'na64e',
      settings: settings(params),
      sensitivity: { point: points.na64e, ...sensitivity },
      event: null,
      camera: 'overview',
      language: 'en',
      tourStep: -1,
      showRegions: true,
      presentation: false,
    });
    // the browser holds the edited form; the displayed run (and so the address) is `run`
    const stored: Record<SetupId, SharedSettings> = { na64e: settings(edited), na64mu: settings(DEFAULT_PARAMS.na64mu) };
    const open = (hash: string) => {
      const res = readUrlState(
        urlParamsOf('', `#${hash}`),
        {
          setup: 'na64e',
          settings: stored,
          camera: 'overview',
          language: 'en',
          tourStep: -1,
          showRegions: true,
          presentation: false,
          sensitivity: { points, ...sensitivity },
        },
        stored,
        points,
      );
      return draftToRestore(res.state.settings.params, { form: stored.na64e.params, base: run }, res.errors.length);
    };
    expect(open(encodeUrlState(page(run)))).toEqual(edited);
    expect(open(encodeUrlState(page({ ...run, seed: 3 })))).toBeNull();
    expect(open(`${encodeUrlState(page(run))}&camera=fisheye`)).toBeNull();
  });
});
