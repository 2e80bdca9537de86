/**
 * Small helpers of the NA64μ downstream stage (calo.ts): straight-line geometry against detector
 * elements, particle masses, λ bookkeeping and the detail-only drawing helpers (track stubs,
 * neutral tracks, energy spread over readout cells).
 */
import type { ParticleKind } from '../../detail';
import type { DetailRecorder } from '../../eventOut';
import type { DetectorElement } from '../../setups/types';
import type { TrackState } from '../../tracking';
import { MUON_MASS_MEV } from '../../units';
import { detailRngOf } from '../../na64e/beamline';
import type { Na64muContext } from '../context';
import type { Neutral } from './sums';

export const insideEl = (x: number, y: number, el: DetectorElement) => Math.abs(x - el.xMm) < el.widthMm / 2 && Math.abs(y - el.yMm) < el.heightMm / 2;
/** Does the straight line of `s` hit element `el` at its front face? */
export const lineHits = (s: { x: number; y: number; z: number; tx: number; ty: number }, el: DetectorElement) =>
  insideEl(s.x + s.tx * (el.zMm - s.z), s.y + s.ty * (el.zMm - s.z), el);

export function massOf(kind: ParticleKind): number {
  return kind === 'K-' ? 493.677 : kind === 'pi-' || kind === 'pi+' ? 139.57039 : kind === 'hadrons' ? 280.1 : kind === 'mu-' ? MUON_MASS_MEV : 0.511;
}

export function pionLambdaBefore(ctx: Na64muContext, m: number): number {
  let s = 0;
  for (let k = 0; k < m; k++) s += ctx.segPi[2 + k].lambda;
  return s;
}

/** Position of the line of `s` at the front face of `el`, relative to its centre. */
export function localAt(s: { x: number; y: number; z: number; tx: number; ty: number }, el: DetectorElement): [number, number] {
  const dz = el.zMm - s.z;
  return [s.x + s.tx * dz - el.xMm, s.y + s.ty * dz - el.yMm];
}

export function hadronStub(s: TrackState, z: number, len: number): number[] {
  const x = s.x + s.tx * (z - s.z);
  const y = s.y + s.ty * (z - s.z);
  return [x, y, z, x + s.tx * len, y + s.ty * len, z + len];
}

export function extendNeutral(ctx: Na64muContext, d: DetailRecorder | null, n: Neutral, z: number): void {
  if (!d || n.trackIdx < 0) return;
  void ctx;
  d.tracks[n.trackIdx].points.push(n.x + n.tx * (z - n.z), n.y + n.ty * (z - n.z), z);
}

/**
 * Detail only: spread eMeV over the cells of `el` around the local point (lx, ly) with Gaussian spots
 * of width sigmaMm (0: one cell), drawn from the detail stream. Spots falling into a hole are moved to
 * the neighbouring cell.
 */
export function spreadCells(d: DetailRecorder, el: DetectorElement, lx: number, ly: number, eMeV: number, sigmaMm: number, layer: number): void {
  if (!(eMeV > 0)) return;
  const nx = el.cells?.nx ?? 1;
  const ny = el.cells?.ny ?? 1;
  const px = el.widthMm / nx;
  const py = el.heightMm / ny;
  const n = sigmaMm > 0 ? 24 : 1;
  const rng = sigmaMm > 0 ? detailRngOf(d) : null;
  for (let i = 0; i < n; i++) {
    const x = lx + (rng ? rng.gauss(0, sigmaMm) : 0);
    const y = ly + (rng ? rng.gauss(0, sigmaMm) : 0);
    let ix = Math.min(nx - 1, Math.max(0, Math.floor((x + el.widthMm / 2) / px)));
    const iy = Math.min(ny - 1, Math.max(0, Math.floor((y + el.heightMm / 2) / py)));
    if (el.hole && Math.abs(ix - (nx - 1) / 2) < 0.5 && Math.abs(iy - (ny - 1) / 2) < 0.5) ix += x >= 0 ? 1 : -1;
    d.cell(el.id, ix, iy, layer, eMeV / n);
  }
}
