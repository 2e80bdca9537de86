/**
 * Detailed (spot-by-spot) GFlash EM shower into the readout cells of a calorimeter (`showerCells`,
 * the detail pass; showers.md §2.2 [G4-src GFlashShowerModel, GFlashSamplingShowerParameterisation]):
 * one correlated log-normal longitudinal profile per shower (./longitudinal), equal-energy spots at
 * Gamma-distributed depths, each spot's radius from the GFlash core/tail radial profile at its depth
 * (./radial), uniform azimuth.
 *
 * Deviations from Geant4 (doc/model.md, "EM showers"): spots carry equal energy E/N and are
 * distributed along the energy profile (Geant4 distributes them along a separate "NSpot" profile and
 * weights the energy per step); N is capped (`MAX_SPOTS`); deposits follow the sampling profile
 * unless `depositProfile = 'geant4'`.
 */
import type { Rng } from '../rng';
import { GeV } from '../units';
import { GFLASH_HOMO_TUNING as H, GFLASH_SAMPLING_TUNING as S, type GFlashSampling } from './gflashParams';
import { drawProfile, prof } from './longitudinal';
import { RADIAL_E_MIN_MEV, rad, radialParams, tauFactorAt } from './radial';
import { constsOf } from './stackConsts';
import type { DepositProfile } from './summary';

/** Geant4 sampling-class spot count NSpot = (ParSpotN1/SamplingResolution)(E/GeV)^ParSpotN2 (showers.md §2.2 "as coded"). */
export function gflashSpotCount(energyMeV: number): number {
  return (H.ParSpotN1 / S.SamplingResolution) * Math.pow(energyMeV / GeV, H.ParSpotN2);
}

/** Default cap of the number of spots per shower in `showerCells` (the brief: min(NSpot, 2000)). */
export const MAX_SPOTS = 2000;

/**
 * Detailed (spot-by-spot) GFlash shower into readout cells. Same inputs as `showerSummary`, plus
 * direction slopes (dxdz, dydz) that shift the spots with depth (x += dxdz · t · X0eff), and an
 * nx × ny grid of square cells of pitch `cellMm` centred on the ECAL axis. Energies [MeV, electron
 * scale, unsmeared] are ADDED to pre[ix + nx·iy] (spots at depth < preshowerDepthX0) and
 * main[ix + nx·iy] (the caller zeroes them), so several particles can share one ECAL.
 *
 * Model (showers.md §2.2): one correlated log-normal profile (2 normals, as showerSummary);
 * N = min(NSpot, maxSpots) spots (`gflashSpotCount`, at least 1), each carrying E/N, at depths
 * t0 + Gamma(α, β) (equal-energy spots follow the energy profile); each spot's radius from the
 * core/tail profile at its tau = (t − t0)/Tmax · (α − 1)/α · A/(A − 1) (A = exp<ln α>, Geant4
 * ComputeTau), with p, RC, RT incl. the sampling corrections and p clamped to [0, 1]:
 * r = Rmeff · R · sqrt(u/(1 − u)), R = RC with probability p else RT; uniform azimuth.
 * Spots beyond the ECAL depth go to leakBackMeV, spots outside the grid to leakLateralMeV;
 * Σ cells + leaks = E exactly (up to rounding). Returns also the number of spots used.
 * Throws RangeError for negative/NaN energy, bad grid sizes or too short arrays.
 */
export function showerCells(
  rng: Rng,
  g: GFlashSampling,
  energyMeV: number,
  startX0: number,
  ecalDepthX0: number,
  preshowerDepthX0: number,
  xMm: number,
  yMm: number,
  dxdz: number,
  dydz: number,
  nx: number,
  ny: number,
  cellMm: number,
  pre: Float64Array,
  main: Float64Array,
  depositProfile: DepositProfile = 'sampling',
  maxSpots: number = MAX_SPOTS,
): { leakBackMeV: number; leakLateralMeV: number; spots?: number } {
  if (!(nx >= 1 && ny >= 1 && Number.isInteger(nx) && Number.isInteger(ny) && cellMm > 0)) {
    throw new RangeError(`showerCells: bad grid ${nx}×${ny}, pitch ${cellMm}`);
  }
  if (pre.length < nx * ny || main.length < nx * ny)
    throw new RangeError('showerCells: cell arrays shorter than nx·ny');
  if (!(energyMeV >= 0) || energyMeV === Infinity)
    throw new RangeError(`showerCells: bad energy ${energyMeV}`);
  if (energyMeV === 0) return { leakBackMeV: 0, leakLateralMeV: 0, spots: 0 };
  const c = constsOf(g);
  const lnE = Math.log(energyMeV);
  const z1 = rng.normal();
  const z2 = rng.normal();
  const g4 = depositProfile === 'geant4';
  drawProfile(c, lnE - c.lnEc, z1, z2, g4);
  const tmax = prof.tmax;
  const alphaS = prof.alpha;
  const alpha = g4 ? prof.alphaH : prof.alpha;
  const invBeta = 1 / (g4 ? prof.betaH : prof.beta);
  // below RADIAL_E_MIN_MEV: the radial parameters and the tau normalisation A/(A−1) of 100 MeV
  const lowE = energyMeV < RADIAL_E_MIN_MEV;
  const tauFactor = lowE
    ? tauFactorAt(c, Math.log(RADIAL_E_MIN_MEV) - c.lnEc)
    : prof.expAveLogAlpha / (prof.expAveLogAlpha - 1);
  const tauScale = (1 / tmax) * ((alphaS - 1) / alphaS) * tauFactor;
  const lnEGeV = lowE ? Math.log(RADIAL_E_MIN_MEV / GeV) : lnE - Math.log(GeV);
  const nSpots = Math.max(1, Math.min(Math.floor(maxSpots), Math.round(gflashSpotCount(energyMeV))));
  const eSpot = energyMeV / nSpots;
  const t0 = startX0 > 0 ? startX0 : 0;
  const halfX = 0.5 * nx * cellMm;
  const halfY = 0.5 * ny * cellMm;
  const invCell = 1 / cellMm;
  const x0 = c.x0Mm;
  const rm = c.rmMm;
  let leakBack = 0;
  let leakLat = 0;
  for (let i = 0; i < nSpots; i++) {
    const tRel = rng.gamma(alpha) * invBeta;
    const t = t0 + tRel;
    if (t >= ecalDepthX0) {
      leakBack += eSpot;
      continue;
    }
    radialParams(c, tRel * tauScale, lnEGeV);
    const rr = rng.uniform() < rad.p ? rad.rc : rad.rt;
    const u = rng.uniform();
    const r = rm * rr * Math.sqrt(u / (1 - u));
    const phi = rng.phi();
    const zMm = t * x0;
    const px = xMm + dxdz * zMm + r * Math.cos(phi);
    const py = yMm + dydz * zMm + r * Math.sin(phi);
    const fx = (px + halfX) * invCell;
    const fy = (py + halfY) * invCell;
    if (!(fx >= 0 && fx < nx && fy >= 0 && fy < ny)) {
      leakLat += eSpot;
      continue;
    }
    const idx = (fx | 0) + nx * (fy | 0);
    if (t < preshowerDepthX0) pre[idx] += eSpot;
    else main[idx] += eSpot;
  }
  return { leakBackMeV: leakBack, leakLateralMeV: leakLat, spots: nSpots };
}
