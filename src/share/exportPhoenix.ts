/**
 * One event in the Phoenix event-display JSON format (HSF Phoenix; format described in the HSF/phoenix
 * repository, guides/developers/event_data_format.md, and read by
 * packages/phoenix-event-display/src/loaders/phoenix-loader.ts with the object builders of
 * loaders/objects/phoenix-objects.ts):
 *
 * ```
 * { "<event key>": {
 *     "event number": N, "run number": R, "eventNumber": N, "runNumber": R,
 *     "Tracks":          { "<collection>": [ { "pos": [[x,y,z], …], "color": "rrggbb", "linewidth": w, … } ] },
 *     "Hits":            { "<collection>": [ { "type": "Point", "pos": [x,y,z], … } ] },
 *     "PlanarCaloCells": { "<collection>": { "plane": [nx,ny,nz,d], "cells": [ { "pos": [x,y], "cellSize": s, "energy": E, … } ] } },
 *     …any other key/value pairs (decoration) } }
 * ```
 *
 * Event and run number are written twice: Phoenix's loader takes `eventNumber` / `runNumber` when
 * "event number" / "run number" is falsy, so event 0 would otherwise be shown as "Event#undefined".
 *
 * Our mapping (positions in mm in the lab frame of physics/setups/types.ts: z along the beam, x the
 * bending plane, y up; energies in MeV, Phoenix's usual units):
 * - Tracks: one collection per particle kind ('e-', 'gamma', …); `pos` is the polyline of the
 *   track. Phoenix skips tracks with fewer than 3 positions (it would extrapolate them from
 *   `dparams`, which a fixed-target event has no use for), so two-point tracks get their midpoint.
 *   Decoration: `particle`, `energy` [MeV], `invisible`, `note`.
 * - Hits: the tracker hits, one collection per tracker plane, as Point hits.
 * - PlanarCaloCells: one collection per calorimeter readout segment ('ECAL preshower', 'ECAL',
 *   'HCAL1', …) on its front plane (normal +z, distance = z of the front face); `pos` is the cell
 *   centre in that plane, `cellSize` the cell pitch, `energy` the deposit [MeV] (Phoenix draws a box
 *   0.22 mm per MeV long). Decoration: `detector`, `ix`, `iy`, `layer` (exact cell indices).
 *   Planar cells suit a fixed-target calorimeter; Phoenix's CaloCells/CaloClusters are placed
 *   on a collider barrel by (eta, phi) and would not show NA64's geometry.
 * - `na64`: the rest of the event (setup, seed, process, weight, truth, measured values, cuts, the
 *   story) so that the app can show an exported event again exactly (importPhoenix.ts). The truth
 *   is keyed by stable ids (label `truth.<id>` of the locale files) with its text values as
 *   translation keys; `storyLines` holds the story as translation keys for the round trip, `story`
 *   the same in English for a human reader of the file.
 */
import type { EventDetail, TextLine, TrackDetail, TruthValue } from '../physics/detail';
import { englishStory } from '../i18n/eventText';
import { PROCESSES } from '../physics/processes';
import type { Setup } from '../physics/setups/types';
import { cellPlacement, hasPreshower } from './cellGeometry';

export type Vec3 = [number, number, number];

export interface PhoenixTrack {
  pos: Vec3[];
  color: string;
  linewidth: number;
  particle: string;
  energy: number;
  invisible?: boolean;
  note?: string;
}

export interface PhoenixHit {
  type: 'Point';
  pos: Vec3;
  detector: string;
}

export interface PhoenixPlanarCell {
  pos: [number, number];
  cellSize: number;
  energy: number;
  detector: string;
  ix: number;
  iy: number;
  layer: number;
}

export interface PhoenixPlanarCollection {
  plane: [number, number, number, number];
  cells: PhoenixPlanarCell[];
}

/** Everything else of an EventDetail (for the round trip into the app). */
export interface Na64EventMeta {
  format: 1;
  setup: string;
  seed: number;
  eventIndex: number;
  process: number;
  processLabel: string;
  weight: number;
  beamParticle: string;
  trueBeamEnergyGeV: number;
  truth: Record<string, TruthValue>;
  measured: EventDetail['measured'];
  cutsPassed: boolean[];
  cuts: string[];
  /** The story in English. */
  story: string;
  /** The story as translation keys and parameters (what the app shows, in any language). */
  storyLines: TextLine[];
}

export interface PhoenixEvent {
  'event number': number;
  'run number': number;
  /** The same numbers again: Phoenix reads `eventNumber` / `runNumber` when the spaced key is falsy (0). */
  eventNumber: number;
  runNumber: number;
  Tracks: Record<string, PhoenixTrack[]>;
  Hits: Record<string, PhoenixHit[]>;
  PlanarCaloCells: Record<string, PhoenixPlanarCollection>;
  na64: Na64EventMeta;
}

export type PhoenixFile = Record<string, PhoenixEvent>;

/** Track colours by particle (hex without '#': Phoenix parses them with parseInt(…, 16)). */
const TRACK_COLOR: Record<string, string> = {
  'e-': 'ff4a4a',
  'e+': '4d8dff',
  gamma: 'ffd84a',
  'mu-': '3ddc84',
  'mu+': '3ddc84',
  n: '9aa3ad',
  K0L: '9aa3ad',
  nu: 'ff4fd8',
  chi: 'ff4fd8',
};

const round = (v: number, d = 3) => {
  const k = 10 ** d;
  return Math.round(v * k) / k;
};

function trackPositions(t: TrackDetail): Vec3[] {
  const p = t.points;
  const out: Vec3[] = [];
  for (let i = 0; i + 2 < p.length; i += 3) out.push([round(p[i]), round(p[i + 1]), round(p[i + 2])]);
  if (out.length === 2) {
    const [a, b] = out;
    out.splice(1, 0, [round((a[0] + b[0]) / 2), round((a[1] + b[1]) / 2), round((a[2] + b[2]) / 2)]);
  }
  return out;
}

/** Collection name of a calorimeter segment. */
export function cellCollectionName(setup: Setup, detector: string, layer: number): string {
  const el = setup.elements.find((e) => e.id === detector);
  if (el && hasPreshower(el)) return layer <= 0 ? `${detector} preshower` : detector;
  return detector;
}

/** The key of the event in the file, e.g. 'NA64e seed 1 event 42'. */
export function phoenixEventKey(detail: EventDetail): string {
  const setupName = detail.setupId === 'na64mu' ? 'NA64mu' : 'NA64e';
  return `${setupName} seed ${detail.seed} event ${detail.eventIndex}`;
}

/** Convert an event (and the setup it was simulated with) into a Phoenix JSON file object. */
export function eventToPhoenix(detail: EventDetail, setup: Setup): PhoenixFile {
  const tracks: Record<string, PhoenixTrack[]> = {};
  for (const t of detail.tracks) {
    const pos = trackPositions(t);
    if (pos.length < 2) continue;
    const invisible = t.invisible || t.particle === 'nu' || t.particle === 'chi';
    const tr: PhoenixTrack = {
      pos,
      color: invisible ? 'ff4fd8' : (TRACK_COLOR[t.particle] ?? 'ff9a3c'),
      linewidth: t.particle === 'gamma' ? 1 : 2,
      particle: t.particle,
      energy: round(t.energyMeV, 3),
    };
    if (t.invisible) tr.invisible = true;
    if (t.note) tr.note = t.note;
    (tracks[t.particle] ??= []).push(tr);
  }

  const hits: Record<string, PhoenixHit[]> = {};
  for (const h of detail.trackerHits) {
    (hits[h.detector] ??= []).push({ type: 'Point', pos: [round(h.xMm), round(h.yMm), round(h.zMm)], detector: h.detector });
  }

  const cells: Record<string, PhoenixPlanarCollection> = {};
  for (const c of detail.cells) {
    const el = setup.elements.find((e) => e.id === c.detector);
    if (!el) continue;
    const pl = cellPlacement(el, c.ix, c.iy, c.layer);
    if (!pl) continue;
    const name = cellCollectionName(setup, c.detector, c.layer);
    const coll = (cells[name] ??= { plane: [0, 0, 1, round(pl.zFrontMm)], cells: [] });
    coll.cells.push({
      pos: [round(pl.xMm), round(pl.yMm)],
      cellSize: round(Math.min(pl.pitchXMm, pl.pitchYMm)),
      energy: round(c.energyMeV, 4),
      detector: c.detector,
      ix: c.ix,
      iy: c.iy,
      layer: c.layer,
    });
  }

  const event: PhoenixEvent = {
    'event number': detail.eventIndex,
    'run number': detail.seed,
    eventNumber: detail.eventIndex,
    runNumber: detail.seed,
    Tracks: tracks,
    Hits: hits,
    PlanarCaloCells: cells,
    na64: {
      format: 1,
      setup: detail.setupId,
      seed: detail.seed,
      eventIndex: detail.eventIndex,
      process: detail.process,
      processLabel: PROCESSES[detail.process]?.label ?? `unknown-${detail.process}`,
      weight: detail.weight,
      beamParticle: detail.beamParticle,
      trueBeamEnergyGeV: detail.trueBeamEnergyGeV,
      truth: detail.truth,
      measured: detail.measured,
      cutsPassed: detail.cutsPassed,
      cuts: setup.cuts.map((c) => c.id),
      story: englishStory(detail.story),
      storyLines: detail.story,
    },
  };
  return { [phoenixEventKey(detail)]: event };
}
