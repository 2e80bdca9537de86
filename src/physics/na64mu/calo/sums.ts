/**
 * Per-event bookkeeping of the NA64μ downstream stage (calo.ts): the neutral decay products handed
 * to the calorimeters, the forced hard interaction of a branch, what reached MS2 and the HCAL, and
 * the per-event energy accumulators `MuSums`.
 */
import type { ParticleKind, TextLine } from '../../detail';
import type { ZprimeRecord } from '../signal';

/** A neutral (or straight-flying) decay product. */
export interface Neutral {
  kind: ParticleKind;
  e: number;
  x: number;
  y: number;
  z: number;
  tx: number;
  ty: number;
  trackIdx: number;
}

/** Which hard interaction a forced branch imposes (context.ts); 'Z': the Z′ emission of a signal event. */
export type Force = 'B' | 'D' | 'AC' | 'Z' | null;

/** What reached MS2 and the HCAL. */
export interface Downstream {
  /** A charged particle reached MS2. */
  alive: boolean;
  /** Its true momentum at MS2 [MeV]. */
  pMs2MeV: number;
  /** It crossed MM5–7, ST1 and ST11 inside their areas. */
  inAcceptance: boolean;
  /** Its line hits the HCAL1 face (the "expected cell" exists). */
  hitsHcal: boolean;
}

/** Per-event accumulators [MeV] (measured scale, before smearing) and the hard-interaction record. */
export class MuSums {
  ecalMip = 0;
  ecalEm = 0;
  ecalHad = 0;
  ps = 0;
  veto = 0;
  vhcalMip = 0;
  vhcalShower = 0;
  hcalMip = new Float64Array(8);
  hcalShower = new Float64Array(8);
  escapedMeV = 0;
  extraHits = 0;
  seg = new Float64Array(12);
  /** Hard interactions (ε > ε_H) found in this event and the per-event natural probabilities. */
  hard = { ecalEm: false, ecalNucl: false, hcalNucl: false, otherEm: false, otherNucl: false, pB: 0, pD: 0, pAC: 0 };
  /** Detail only: notes of the hard interactions (truth table, keys `truthValue.hard.*`). */
  hardNotes: TextLine[] = [];
  /** The Z′ emission of a signal event (null otherwise, or when the muon missed the ECAL). */
  zprime: ZprimeRecord | null = null;
  reset(nModules: number): void {
    this.zprime = null;
    this.ecalMip = this.ecalEm = this.ecalHad = this.ps = 0;
    this.veto = this.vhcalMip = this.vhcalShower = 0;
    if (nModules > this.hcalMip.length) {
      this.hcalMip = new Float64Array(nModules);
      this.hcalShower = new Float64Array(nModules);
    }
    this.hcalMip.fill(0);
    this.hcalShower.fill(0);
    this.escapedMeV = 0;
    this.extraHits = 0;
    const h = this.hard;
    h.ecalEm = h.ecalNucl = h.hcalNucl = h.otherEm = h.otherNucl = false;
    h.pB = h.pD = h.pAC = 0;
    if (this.hardNotes.length > 0) this.hardNotes.length = 0;
  }
}
