/**
 * Tracking of a charged particle through the beam-line spectrometer: straight lines between thin
 * planes, bending in the magnets (θ = 0.2998·∫B dl / p, muons sheet §5.1), Highland multiple
 * scattering in each plane (PDG §34.3), measured hits with the plane resolution, and momentum
 * reconstruction from the change of slope between the upstream and downstream straight-line fits
 * (muons sheet §5.3, "NA64-type spectrometer": p = 0.3 ∫B dl / Δθ).
 */
import type { DetectorElement, Setup } from './setups/types';
import { BEND_CONSTANT_GEV_PER_T_M } from './units';

/** Highland rms plane angle [rad] for momentum p [MeV], β, thickness x/X0 (PDG §34.3, Eq. 34.15). */
export function highlandTheta0Rad(pMeV: number, beta: number, xOverX0: number): number {
  if (xOverX0 <= 0) return 0;
  return (13.6 / (beta * pMeV)) * Math.sqrt(xOverX0) * (1 + 0.038 * Math.log(xOverX0 / (beta * beta)));
}

/** Bend angle [rad] of a unit-charge particle of momentum p [GeV] in ∫B dl [T·m]. */
export function bendAngleRad(pGeV: number, fieldIntegralTm: number): number {
  return (BEND_CONSTANT_GEV_PER_T_M * fieldIntegralTm) / pGeV;
}

interface Plane {
  id: string;
  zMm: number;
  x0Fraction: number;
  resolutionMm: number;
}

interface Magnet {
  id: string;
  z0: number;
  z1: number;
  fieldT: number;
}

/**
 * The spectrometer of a setup, precomputed once: planes sorted in z, upstream/downstream groups
 * around the magnets, least-squares slope coefficients of each group.
 */
export class Spectrometer {
  readonly planes: Plane[];
  readonly magnets: Magnet[];
  readonly upstream: Plane[];
  readonly downstream: Plane[];
  readonly fieldIntegralTm: number;
  private readonly upOffset: number;
  private readonly downOffset: number;
  private readonly upCoef: Float64Array;
  private readonly downCoef: Float64Array;
  private readonly upZ: Float64Array;
  private readonly downZ: Float64Array;
  /** Reusable hit buffers (x, y per plane). */
  readonly hitX: Float64Array;
  readonly hitY: Float64Array;

  constructor(elements: DetectorElement[]) {
    this.planes = elements
      .filter((e) => e.role === 'tracker')
      .map((e) => ({ id: e.id, zMm: e.zMm + e.lengthMm / 2, x0Fraction: e.x0Fraction ?? 0, resolutionMm: e.resolutionMm ?? 0.1 }))
      .sort((a, b) => a.zMm - b.zMm);
    this.magnets = elements
      .filter((e) => e.role === 'magnet')
      .map((e) => ({ id: e.id, z0: e.zMm, z1: e.zMm + e.lengthMm, fieldT: e.fieldT ?? 0 }))
      .sort((a, b) => a.z0 - b.z0);
    if (this.magnets.length === 0) throw new Error('spectrometer needs at least one magnet');
    const zFirstMagnet = this.magnets[0].z0;
    const zLastMagnet = this.magnets[this.magnets.length - 1].z1;
    this.upstream = this.planes.filter((p) => p.zMm < zFirstMagnet);
    this.downstream = this.planes.filter((p) => p.zMm > zLastMagnet);
    if (this.upstream.length < 2 || this.downstream.length < 2) {
      throw new Error('spectrometer needs at least two tracking planes before and after the magnets');
    }
    this.fieldIntegralTm = this.magnets.reduce((s, m) => s + (m.fieldT * (m.z1 - m.z0)) / 1000, 0);
    this.upZ = Float64Array.from(this.upstream, (p) => p.zMm);
    this.downZ = Float64Array.from(this.downstream, (p) => p.zMm);
    this.upOffset = this.planes.indexOf(this.upstream[0]);
    this.downOffset = this.planes.indexOf(this.downstream[0]);
    this.upCoef = slopeCoefficients(this.upZ);
    this.downCoef = slopeCoefficients(this.downZ);
    this.hitX = new Float64Array(this.planes.length);
    this.hitY = new Float64Array(this.planes.length);
  }

  /** Fitted slope from hits of a group (least squares, equal weights). */
  private fitSlope(group: 'up' | 'down', hits: Float64Array): number {
    const c = group === 'up' ? this.upCoef : this.downCoef;
    const off = group === 'up' ? this.upOffset : this.downOffset;
    let s = 0;
    for (let i = 0; i < c.length; i++) s += c[i] * hits[off + i];
    return s;
  }

  private readonly reco = { pGeV: 0, slopeInX: 0, slopeInY: 0, slopeOutX: 0 };

  /**
   * Reconstructed momentum [GeV] from the hits in hitX (the bending plane), and the incoming slope.
   * The returned object is reused by the next call (no allocation per event).
   */
  reconstruct(): { pGeV: number; slopeInX: number; slopeInY: number; slopeOutX: number } {
    const sIn = this.fitSlope('up', this.hitX);
    const sOut = this.fitSlope('down', this.hitX);
    const dTheta = sOut - sIn;
    const r = this.reco;
    r.pGeV = dTheta > 0 ? (BEND_CONSTANT_GEV_PER_T_M * this.fieldIntegralTm) / dTheta : Infinity;
    r.slopeInX = sIn;
    r.slopeInY = this.fitSlope('up', this.hitY);
    r.slopeOutX = sOut;
    return r;
  }
}

function slopeCoefficients(z: Float64Array): Float64Array {
  const n = z.length;
  let zm = 0;
  for (let i = 0; i < n; i++) zm += z[i] / n;
  let szz = 0;
  for (let i = 0; i < n; i++) szz += (z[i] - zm) ** 2;
  return Float64Array.from(z, (zi) => (zi - zm) / szz);
}

/** State of a particle on its way through the beam line (lab frame, mm, slopes dx/dz, dy/dz). */
export interface TrackState {
  x: number;
  y: number;
  z: number;
  tx: number;
  ty: number;
  /** Momentum [MeV]. */
  p: number;
  /** Charge sign: −1 for e⁻, μ⁻, π⁻. */
  q: number;
}

/**
 * Move a particle in a straight line to z (no field). Mutates `s`.
 */
export function drift(s: TrackState, z: number): void {
  const dz = z - s.z;
  s.x += s.tx * dz;
  s.y += s.ty * dz;
  s.z = z;
}

/**
 * Move through a magnet region [z0, z1] with vertical field B (small-angle, thin steps):
 * dtx/dz = −q·0.2998·B / p[GeV] per metre. `nSteps` sub-steps (1 is exact for slope, 2nd order for x).
 * Appends (x, y, z) of each step to `points` if given.
 */
export function transportInField(s: TrackState, z1: number, fieldT: number, nSteps: number, points?: number[]): void {
  const k = (-s.q * BEND_CONSTANT_GEV_PER_T_M * fieldT) / (s.p / 1000) / 1000; // 1/mm
  const dz = (z1 - s.z) / nSteps;
  for (let i = 0; i < nSteps; i++) {
    s.x += s.tx * dz + 0.5 * k * dz * dz;
    s.tx += k * dz;
    s.y += s.ty * dz;
    s.z += dz;
    if (points) points.push(s.x, s.y, s.z);
  }
}

/** The spectrometer for a setup (cached per setup object). */
const cache = new WeakMap<Setup, Spectrometer>();
export function spectrometerOf(setup: Setup): Spectrometer {
  let sp = cache.get(setup);
  if (!sp) {
    sp = new Spectrometer(setup.elements);
    cache.set(setup, sp);
  }
  return sp;
}
