/**
 * Per-stack constants of the GFlash formulas (showers.md §2.2 [G4-src
 * GFlashSamplingShowerParameterisation]): the parts of the longitudinal and radial parameters that
 * depend only on the sampling stack (Zeff, Fs, ehat, Eceff), computed once per `GFlashSampling`
 * object and cached; plus the lazily filled lateral tables of that stack and the shared input check.
 */
import { GFLASH_HOMO_TUNING as H, GFLASH_SAMPLING_TUNING as S, type GFlashSampling } from './gflashParams';

/** Number of energy nodes of the lateral tables (./lateral): up to 100 MeV · 2^17 ≈ 13 TeV. */
export const LAT_NODES = 35;

/** Per-stack constants (computed once per GFlashSampling object). */
export interface StackConsts {
  readonly lnEc: number;
  /** ParAveA2 + ParAveA3/Zeff. */
  readonly aveA2: number;
  /** ParsAveT1/Fs + ParsAveT2 (1 − ehat). */
  readonly tShift: number;
  /** ParsAveA1/Fs. */
  readonly aShift: number;
  readonly x0Mm: number;
  readonly rmMm: number;
  // radial (showers.md §2.2)
  readonly rcZ2: number;
  readonly p1: number;
  readonly p2: number;
  readonly k1: number;
  readonly rcC0: number;
  readonly rcCe: number;
  readonly pC0: number;
  readonly pCg: number;
  readonly rtC0: number;
  readonly rtCe: number;
  /** Lateral tables per energy node (lazy). */
  readonly lateral: (Float64Array | undefined)[];
}

const constsCache = new WeakMap<GFlashSampling, StackConsts>();
/**
 * The same constants (and their lazily built lateral tables, ≈ 4 ms each) for every GFlashSampling
 * with the same numbers: each run builds its setup (and its stacks) anew, so without this a new
 * seed, a signal sample or the other setup's identical ECAL would rebuild all tables.
 */
const constsByValue = new Map<string, StackConsts>();
const valueKey = (g: GFlashSampling): string =>
  `${g.zEff}|${g.aEff}|${g.rhoEff}|${g.x0EffMm}|${g.rmEffMm}|${g.ecEffMeV}|${g.fs}|${g.ehat}|${g.fMip}|${g.x0PerLayer}`;
let lastG: GFlashSampling | undefined;
let lastC: StackConsts | undefined;

/** The constants of `g` (cached per object; the last one is kept for the per-event fast path). */
export function constsOf(g: GFlashSampling): StackConsts {
  if (g === lastG && lastC) return lastC;
  let c = constsCache.get(g);
  if (!c) c = constsByValue.get(valueKey(g));
  if (!c) {
    const oneMinusEhat = 1 - g.ehat;
    c = {
      lnEc: Math.log(g.ecEffMeV),
      aveA2: H.ParAveA2 + H.ParAveA3 / g.zEff,
      tShift: S.ParsAveT1 / g.fs + S.ParsAveT2 * oneMinusEhat,
      aShift: S.ParsAveA1 / g.fs,
      x0Mm: g.x0EffMm,
      rmMm: g.rmEffMm,
      rcZ2: H.ParRC3 + H.ParRC4 * g.zEff,
      p1: H.ParWC1 + H.ParWC2 * g.zEff,
      p2: H.ParWC3 + H.ParWC4 * g.zEff,
      k1: H.ParRT1 + H.ParRT2 * g.zEff,
      rcC0: S.ParsRC1 * oneMinusEhat,
      rcCe: S.ParsRC2 / g.fs,
      pC0: oneMinusEhat * S.ParsWC1,
      pCg: (oneMinusEhat * S.ParsWC2) / g.fs,
      rtC0: oneMinusEhat * S.ParsRT1,
      rtCe: S.ParsRT2 / g.fs,
      lateral: new Array<Float64Array | undefined>(LAT_NODES).fill(undefined),
    };
    constsByValue.set(valueKey(g), c);
  }
  constsCache.set(g, c);
  lastG = g;
  lastC = c;
  return c;
}

/** Throws RangeError (naming `fn`) unless energyMeV is > 0 and finite. */
export function checkEnergy(fn: string, energyMeV: number): void {
  if (!(energyMeV > 0) || energyMeV === Infinity)
    throw new RangeError(`${fn}: energy must be > 0 and finite, got ${energyMeV}`);
}
