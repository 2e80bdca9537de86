import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../physics/params';
import {
  describeUrlError,
  encodeUrlState,
  readUrlState,
  runParamsText,
  urlParamsOf,
  URL_KEYS,
  type CurrentSensitivity,
  type ShareState,
  type SharedPoint,
  type SharedSettings,
} from './urlState';
import type { SetupId } from '../physics/setups/types';

const defaults = (): Record<SetupId, SharedSettings> => ({
  na64e: { params: DEFAULT_PARAMS.na64e, box: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 }, appliedCuts: 0, nOnTarget: 9.37e11 },
  na64mu: { params: DEFAULT_PARAMS.na64mu, box: { xMinGeV: 0, xMaxGeV: 80, yMinGeV: 0, yMaxGeV: 5 }, appliedCuts: 0, nOnTarget: 1.98e10 },
});

const defaultPoints = (): Record<SetupId, SharedPoint> => ({
  na64e: { massMeV: 20, coupling: 1e-4, alphaD: 0.5, fraction: 0.01 },
  na64mu: { massMeV: 50, coupling: 7e-4, alphaD: 0.5, fraction: 0.01 },
});

const currentSensitivity = (): CurrentSensitivity => ({
  points: defaultPoints(),
  couplingInput: 'epsilon',
  curveMode: 'epsilon',
  method: 'cls',
  observed: null,
  tab: 'event',
});

const current = (sensitivity = currentSensitivity()) => ({
  setup: 'na64e' as SetupId,
  settings: defaults(),
  camera: 'overview' as const,
  language: 'en',
  tourStep: -1,
  showRegions: true,
  presentation: false,
  sensitivity,
});

const read = (hash: string, search = '', cur = current()) => readUrlState(urlParamsOf(search, hash), cur, defaults(), defaultPoints());

const sample: ShareState = {
  setup: 'na64e',
  settings: {
    params: { ...DEFAULT_PARAMS.na64e, seed: 42, events: 25000, beamEnergyGeV: 80.5, hadronFraction: 0.0123, pileup: false, vetoThresholdMeV: 2.5 },
    box: { xMinGeV: 0.25, xMaxGeV: 47.125, yMinGeV: 0, yMaxGeV: 1.1 },
    appliedCuts: 3,
    nOnTarget: 2.84e11,
  },
  sensitivity: {
    point: { massMeV: 16.7, coupling: 3.3e-5, alphaD: 0.1, fraction: 0.05 },
    couplingInput: 'y',
    curveMode: 'y',
    method: 'classical',
    observed: 2,
    tab: 'sensitivity',
  },
  event: 1234,
  camera: 'side',
  language: 'fr',
  tourStep: 2,
  showRegions: false,
  presentation: true,
};

describe('URL state', () => {
  it('round-trips the whole state exactly', () => {
    const hash = encodeUrlState(sample);
    expect(hash).toContain('setup=na64e');
    expect(hash).toContain('box=0.25,47.125,0,1.1');
    const r = read(`#${hash}`);
    expect(r.found).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.state).toEqual(sample);
  });

  it('round-trips awkward floating-point values bit for bit', () => {
    const s: ShareState = { ...sample, settings: { ...sample.settings, box: { xMinGeV: 0.1 + 0.2, xMaxGeV: 1 / 3, yMinGeV: 1e-7, yMaxGeV: 119.99999999999999 } } };
    expect(read(encodeUrlState(s)).state.settings.box).toEqual(s.settings.box);
  });

  it('keeps the old #setup= links working (other fields keep the stored values)', () => {
    const r = read('#setup=na64mu');
    expect(r.found).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.state.setup).toBe('na64mu');
    expect(r.state.settings).toEqual(defaults().na64mu);
    expect(r.state.event).toBeNull();
    const { points, ...choices } = currentSensitivity();
    expect(r.state.sensitivity).toEqual({ ...choices, point: points.na64mu });
  });

  it('reports no state for a plain URL', () => {
    const r = read('', '');
    expect(r.found).toBe(false);
    expect(r.errors).toEqual([]);
  });

  it('replaces tampered values by defaults and lists every wrong field', () => {
    const r = read('#setup=na64e&seed=abc&events=-5&beamEnergyGeV=1e9&pileup=maybe&box=10,5,0,1&cuts=2.5&nOnTarget=0&camera=fisheye&lang=klingon&tour=9999&event=7');
    const fields = r.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['beamEnergyGeV', 'box', 'camera', 'cuts', 'events', 'lang', 'nOnTarget', 'pileup', 'seed', 'tour'].sort());
    const d = DEFAULT_PARAMS.na64e;
    expect(r.state.settings.params).toEqual(d);
    expect(r.state.settings.box).toEqual(defaults().na64e.box);
    expect(r.state.settings.appliedCuts).toBe(0);
    expect(r.state.settings.nOnTarget).toBe(9.37e11);
    expect(r.state.camera).toBe('overview');
    expect(r.state.language).toBe('en');
    expect(r.state.tourStep).toBe(-1);
    // the valid field is kept
    expect(r.state.event).toBe(7);
    const seed = r.errors.find((e) => e.field === 'seed')!;
    expect(seed.value).toBe('abc');
    expect(seed.expected).toMatch(/number/);
    expect(describeUrlError(seed)).toMatch(/^seed: .*got 'abc'; used the default 1$/);
    expect(r.errors.find((e) => e.field === 'box')!.expected).toMatch(/xmin ≤ xmax/);
    expect(r.errors.find((e) => e.field === 'events')!.expected).toMatch(/at least 1/);
  });

  it('gives every rejected field its problem as data: ParamIssues for run parameters, a UrlIssue otherwise', () => {
    const r = read('#setup=lhc&seed=abc&box=10,5,0,1&cuts=2.5&nOnTarget=0&camera=fisheye&lang=klingon&tour=9999&regions=2&event=100000&tab=plots&observed=4&limit=bayes');
    const by = Object.fromEntries(r.errors.map((e) => [e.field, e]));
    for (const e of r.errors) expect(!!e.issues?.length !== !!e.issue, e.field).toBe(true);
    expect(by.seed.issues?.[0]).toMatchObject({ field: 'seed', code: 'type' });
    expect(by.setup.issue).toEqual({ kind: 'oneOf', options: ['na64e', 'na64mu'] });
    expect(by.box.issue).toEqual({ kind: 'boxOrder', axis: 'x' });
    expect(by.cuts.issue).toEqual({ kind: 'int' });
    expect(by.nOnTarget.issue).toEqual({ kind: 'min', limit: 0, inclusive: false });
    expect(by.camera.issue).toEqual({ kind: 'oneOf', options: ['side', 'top', 'beam', 'overview', 'ecal'] });
    expect(by.lang.issue).toEqual({ kind: 'language' });
    expect(by.tour.issue).toEqual({ kind: 'max', limit: 99, inclusive: true });
    expect(by.regions.issue).toEqual({ kind: 'oneOf', options: ['0', '1'] });
    expect(by.event.issue).toEqual({ kind: 'eventBeyondRun', limit: 100000 });
    expect(by.tab.issue).toEqual({ kind: 'oneOf', options: ['event', 'sensitivity'] });
    expect(by.observed.issue).toEqual({ kind: 'oneOf', options: ['expected', '0', '1', '2', '3', '5'] });
    expect(by.limit.issue).toEqual({ kind: 'oneOf', options: ['cls', 'classical'] });
    const one = (hash: string) => read(hash).errors[0].issue;
    expect(one('#box=1,2,3')).toEqual({ kind: 'boxShape' });
    expect(one('#box=a,b,c,d')).toEqual({ kind: 'boxShape' });
    expect(one('#box=-1,2,0,1')).toEqual({ kind: 'boxNegative' });
    expect(one('#box=0,2,3,1')).toEqual({ kind: 'boxOrder', axis: 'y' });
    expect(one('#cuts=x')).toEqual({ kind: 'number' });
    expect(one('#event=-1')).toEqual({ kind: 'min', limit: 0, inclusive: true });
    expect(one('#setup=na64e&signal=zprime,50,0.0007,0.01')).toEqual({ kind: 'signalModel', model: 'aprime', setup: 'na64e' });
    expect(one('#setup=na64mu&signal=zprime,50,x,0.01')).toEqual({ kind: 'signalShape', model: 'zprime' });
    expect(read('#signal=aprime,0.1,0.0001,0.01').errors[0].issues?.[0]).toMatchObject({ field: 'signal.massMeV', code: 'min', limit: 1 });
  });

  it('rejects an unknown setup, non-finite numbers and an event beyond the run', () => {
    const r = read('#setup=lhc&seed=Infinity&event=100000');
    expect(r.state.setup).toBe('na64e');
    expect(r.errors.map((e) => e.field)).toEqual(['setup', 'seed', 'event']);
    expect(r.state.event).toBeNull();
    expect(describeUrlError(r.errors[2])).toMatch(/ignored$/);
  });

  it('never throws on garbage', () => {
    for (const h of ['#%%%', '#box=', '#box=1,2,3', '#box=a,b,c,d', '#=&&=', '#seed=', '#seed=1e400', '#events=0x10', '#event=-1']) {
      expect(() => read(h)).not.toThrow();
    }
    expect(read('#seed=1e400').errors[0].field).toBe('seed');
    expect(read('#events=0x10').errors[0].field).toBe('events');
  });

  it('lets the hash override the query string', () => {
    const r = read('#seed=9', '?seed=3&events=5000');
    expect(r.state.settings.params.seed).toBe(9);
    expect(r.state.settings.params.events).toBe(5000);
  });
});

describe('URL state: run signal and sensitivity tab', () => {
  const withSignal: ShareState = {
    ...sample,
    settings: { ...sample.settings, params: { ...sample.settings.params, signal: { model: 'aprime', massMeV: 16.7, coupling: 3.3e-5, fraction: 0.05, alphaD: 0.1 } } },
  };

  it('round-trips the mixed-in signal and every sensitivity choice', () => {
    const hash = encodeUrlState(withSignal);
    expect(hash).toContain('signal=aprime,16.7,0.000033,0.05,0.1');
    expect(hash).toContain('tab=sensitivity&massMeV=16.7&coupling=0.000033&alphaD=0.1&signalFraction=0.05&couplingInput=y&curve=y&limit=classical&observed=2');
    const r = read(hash);
    expect(r.errors).toEqual([]);
    expect(r.state).toEqual(withSignal);
    // α_D left out of the signal when it is the physics default (as the controls write it)
    const noAlpha: ShareState = { ...withSignal, settings: { ...withSignal.settings, params: { ...withSignal.settings.params, signal: { model: 'aprime', massMeV: 20, coupling: 1e-4, fraction: 0.01 } } } };
    expect(read(encodeUrlState(noAlpha)).state.settings.params.signal).toEqual({ model: 'aprime', massMeV: 20, coupling: 1e-4, fraction: 0.01 });
  });

  it('writes signal=none for a run without signal and reads it back as no signal', () => {
    const hash = encodeUrlState(sample);
    expect(hash).toContain('signal=none');
    const cur = current();
    cur.settings.na64e = { ...cur.settings.na64e, params: { ...DEFAULT_PARAMS.na64e, signal: { model: 'aprime', massMeV: 30, coupling: 1e-3, fraction: 0.1 } } };
    const r = read('#signal=none', '', cur);
    expect(r.errors).toEqual([]);
    expect(r.state.settings.params.signal ?? null).toBeNull();
    // absent: the stored signal stays (old links)
    expect(read('#seed=3', '', cur).state.settings.params.signal).toEqual({ model: 'aprime', massMeV: 30, coupling: 1e-3, fraction: 0.1 });
  });

  it('round-trips an NA64μ Z′ state (no α_D in the link)', () => {
    const mu: ShareState = {
      ...sample,
      setup: 'na64mu',
      settings: { ...defaults().na64mu, params: { ...DEFAULT_PARAMS.na64mu, signal: { model: 'zprime', massMeV: 50, coupling: 7e-4, fraction: 0.02 } } },
      sensitivity: { ...sample.sensitivity, point: { massMeV: 50, coupling: 7e-4, alphaD: 0.5, fraction: 0.02 }, tab: 'sensitivity' },
    };
    const hash = encodeUrlState(mu);
    expect(hash).toContain('signal=zprime,50,0.0007,0.02');
    expect(hash).not.toContain('alphaD');
    const r = read(hash);
    expect(r.errors).toEqual([]);
    expect(r.state).toEqual(mu);
  });

  it('replaces tampered sensitivity values by defaults and lists them', () => {
    const r = read('#setup=na64e&tab=plots&massMeV=-3&coupling=2&alphaD=0&signalFraction=abc&couplingInput=g&curve=&limit=bayes&observed=4');
    expect(r.errors.map((e) => e.field)).toEqual(['massMeV', 'coupling', 'alphaD', 'signalFraction', 'tab', 'couplingInput', 'curve', 'limit', 'observed']);
    expect(r.state.sensitivity).toEqual({
      point: defaultPoints().na64e,
      tab: 'event',
      couplingInput: 'epsilon',
      curveMode: 'epsilon',
      method: 'cls',
      observed: null,
    });
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e]));
    expect(byField.massMeV.expected).toMatch(/≥ 1 MeV/);
    expect(describeUrlError(byField.massMeV)).toBe("massMeV: signal mass must be ≥ 1 MeV, got '-3'; used the default 20");
    // range problems also as data, for the notice in the reader's language
    expect(byField.massMeV.issues).toEqual([expect.objectContaining({ field: 'signal.massMeV', code: 'min', limit: 1 })]);
    expect(byField.coupling.expected).toMatch(/≤ 1/);
    expect(byField.alphaD.expected).toMatch(/> 0/);
    expect(describeUrlError(byField.observed)).toBe("observed: expected 'expected' or 0, 1, 2, 3, 5 observed events, got '4'; used the default expected");
    expect(describeUrlError(byField.limit)).toMatch(/expected 'cls' or 'classical', got 'bayes'; used the default cls$/);
  });

  it('keeps the valid sensitivity fields of a partly tampered link', () => {
    const r = read('#massMeV=35&coupling=oops&limit=classical&observed=0');
    expect(r.errors.map((e) => e.field)).toEqual(['coupling']);
    expect(r.state.sensitivity.point).toEqual({ ...defaultPoints().na64e, massMeV: 35 });
    expect(r.state.sensitivity.method).toBe('classical');
    expect(r.state.sensitivity.observed).toBe(0);
  });

  it('rejects a signal of the wrong model, shape or range and runs without signal', () => {
    const cases: [string, RegExp][] = [
      ['#setup=na64e&signal=zprime,50,0.0007,0.01', /na64e produces the A′/],
      ['#setup=na64mu&signal=zprime,50,0.0007,0.01,0.5', /expected 'none' or zprime,mass/],
      ['#setup=na64e&signal=aprime,20', /expected 'none' or aprime,mass/],
      ['#setup=na64e&signal=aprime,20,x,0.01', /expected numbers/],
      ['#setup=na64e&signal=aprime,0.1,0.0001,0.01', /≥ 1 MeV/],
      ['#setup=na64e&signal=aprime,20,0.0001,2', /fraction must be ≤ 1/],
      ['#setup=na64e&signal=yes', /expected 'none'/],
    ];
    for (const [hash, msg] of cases) {
      const r = read(hash);
      expect(r.errors.map((e) => e.field), hash).toEqual(['signal']);
      expect(r.errors[0].expected, hash).toMatch(msg);
      expect(r.errors[0].used).toBe('none');
      if (/MeV|fraction/.test(String(msg))) expect(r.errors[0].issues?.[0].field, hash).toMatch(/^signal\.(massMeV|fraction)$/);
      expect(r.state.settings.params.signal ?? null, hash).toBeNull();
    }
  });

  it('never throws on garbage in the new fields', () => {
    for (const h of ['#signal=', '#signal=,,,,,,', '#signal=aprime,,,', '#observed=', '#observed=1e0', '#massMeV=', '#tab=', '#signal=%E2%80%B2']) {
      expect(() => read(h), h).not.toThrow();
      expect(read(h).errors.length, h).toBe(1);
    }
  });

  it('lists every written key in URL_KEYS (a link is recognised by any of them)', () => {
    const keys = [...new URLSearchParams(encodeUrlState(withSignal)).keys()];
    for (const k of keys) expect(URL_KEYS as readonly string[]).toContain(k);
    expect(read('#observed=1').found).toBe(true);
  });

  it('compares run parameters exactly, signal included', () => {
    const a = { ...DEFAULT_PARAMS.na64e };
    expect(runParamsText(a)).toBe(runParamsText({ ...a, signal: null }));
    expect(runParamsText(a)).not.toBe(runParamsText({ ...a, signal: { model: 'aprime', massMeV: 20, coupling: 1e-4, fraction: 0.01 } }));
    expect(runParamsText({ ...a, seed: 2 })).not.toBe(runParamsText(a));
  });
});

describe('number text', () => {
  it('is short and exact', async () => {
    const { numText } = await import('./urlState');
    expect(numText(9.37e11)).toBe('9.37e11');
    expect(numText(100000)).toBe('1e5');
    expect(numText(150)).toBe('150');
    expect(numText(0.005)).toBe('0.005');
    expect(numText(1e-6)).toBe('0.000001');
    expect(numText(12345)).toBe('12345');
    for (const v of [1 / 3, 0.1 + 0.2, 2 ** 32 - 1, 1.98e10, 123456789.123]) expect(Number(numText(v))).toBe(v);
  });
});
