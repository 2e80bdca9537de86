import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../physics/params';
import { describeUrlError, encodeUrlState, readUrlState, urlParamsOf, type ShareState, type SharedSettings } from './urlState';
import type { SetupId } from '../physics/setups/types';

const defaults = (): Record<SetupId, SharedSettings> => ({
  na64e: { params: DEFAULT_PARAMS.na64e, box: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 }, appliedCuts: 0, nOnTarget: 9.37e11 },
  na64mu: { params: DEFAULT_PARAMS.na64mu, box: { xMinGeV: 0, xMaxGeV: 80, yMinGeV: 0, yMaxGeV: 5 }, appliedCuts: 0, nOnTarget: 1.98e10 },
});

const current = () => ({
  setup: 'na64e' as SetupId,
  settings: defaults(),
  camera: 'overview' as const,
  language: 'en',
  tourStep: -1,
  showRegions: true,
  presentation: false,
});

const read = (hash: string, search = '') => readUrlState(urlParamsOf(search, hash), current(), defaults());

const sample: ShareState = {
  setup: 'na64e',
  settings: {
    params: { ...DEFAULT_PARAMS.na64e, seed: 42, events: 25000, beamEnergyGeV: 80.5, hadronFraction: 0.0123, pileup: false, vetoThresholdMeV: 2.5 },
    box: { xMinGeV: 0.25, xMaxGeV: 47.125, yMinGeV: 0, yMaxGeV: 1.1 },
    appliedCuts: 3,
    nOnTarget: 2.84e11,
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
