/**
 * Mutable per-event output of a generator (reused across events; no allocation per event in summary
 * mode). Energies in MeV, momenta in MeV. `detail` is non-null only when the full event is wanted.
 */
import type { EventDetail, ParticleKind, TrackDetail, CellHit, TrackerHit, TextLine, TruthValue } from './detail';

export class EventOut {
  process = 0;
  weight = 1;
  pInMeV = 0;
  pOutMeV = NaN;
  eEcalMeV = 0;
  ePreshowerMeV = 0;
  eHcalMeV = 0;
  eVetoMeV = 0;
  eSrdMeV = 0;
  eVhcalMeV = 0;
  eHcal0MeV = 0;
  cutBits = 0;
  /** Detail recorder, or null in summary mode. */
  detail: DetailRecorder | null = null;

  reset(): void {
    this.process = 0;
    this.weight = 1;
    this.pInMeV = 0;
    this.pOutMeV = NaN;
    this.eEcalMeV = 0;
    this.ePreshowerMeV = 0;
    this.eHcalMeV = 0;
    this.eVetoMeV = 0;
    this.eSrdMeV = 0;
    this.eVhcalMeV = 0;
    this.eHcal0MeV = 0;
    this.cutBits = 0;
  }
}

/** Collects tracks, cells, hits and truth of one event for the 3D view. */
export class DetailRecorder {
  tracks: TrackDetail[] = [];
  cells: CellHit[] = [];
  trackerHits: TrackerHit[] = [];
  truth: Record<string, TruthValue> = {};
  story: TextLine[] = [];
  beamParticle: ParticleKind = 'e-';
  trueBeamEnergyGeV = 0;

  /** Add a sentence to the story (translation key `story.…`, raw parameters). */
  say(key: string, params?: Record<string, number | string>): void {
    this.story.push(params ? { key, params } : { key });
  }

  track(particle: ParticleKind, energyMeV: number, points: number[], opts: { invisible?: boolean; note?: string } = {}): TrackDetail {
    const t: TrackDetail = { particle, energyMeV, points, ...opts };
    this.tracks.push(t);
    return t;
  }

  /** Add energy to a cell (merging repeated cells). */
  cell(detector: string, ix: number, iy: number, layer: number, energyMeV: number): void {
    if (!(energyMeV > 0)) return;
    const c = this.cells.find((h) => h.detector === detector && h.ix === ix && h.iy === iy && h.layer === layer);
    if (c) c.energyMeV += energyMeV;
    else this.cells.push({ detector, ix, iy, layer, energyMeV });
  }

  /** Scale all cells of a detector (and layer, if given) so that they sum to `totalMeV`. */
  normaliseCells(detector: string, totalMeV: number, layer?: number): void {
    const sel = this.cells.filter((c) => c.detector === detector && (layer === undefined || c.layer === layer));
    const s = sel.reduce((a, c) => a + c.energyMeV, 0);
    if (s > 0) for (const c of sel) c.energyMeV *= Math.max(0, totalMeV) / s;
  }

  toDetail(base: Omit<EventDetail, 'tracks' | 'cells' | 'trackerHits' | 'truth' | 'story' | 'beamParticle' | 'trueBeamEnergyGeV'>): EventDetail {
    return {
      ...base,
      beamParticle: this.beamParticle,
      trueBeamEnergyGeV: this.trueBeamEnergyGeV,
      truth: this.truth,
      tracks: this.tracks,
      cells: this.cells.filter((c) => c.energyMeV > 0.01),
      trackerHits: this.trackerHits,
      story: this.story,
    };
  }
}
