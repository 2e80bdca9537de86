/**
 * HCAL pass of the charged particle leaving MS2 (part of chargedDownstream, downstream.ts): a muon
 * crosses the HCAL modules it hits with its continuous and discrete losses (and the forced
 * photonuclear interaction of branch AC); photonuclear losses start a hadron shower. A beam hadron
 * ionizes until its first interaction and showers there.
 */
import type { ParticleKind } from '../../detail';
import type { DetailRecorder } from '../../eventOut';
import type { Rng } from '../../rng';
import { drift, type TrackState } from '../../tracking';
import { GeV } from '../../units';
import { hardRates, type Na64muContext } from '../context';
import { hadronStub, insideEl, lineHits, localAt, pionLambdaBefore, spreadCells } from './helpers';
import { hadronShower } from './showers';
import type { Force, MuSums } from './sums';
import { STOPPED_MEV, lossBuf, pickPoint, rates, trav, traverse, type ForcedPoint } from './traverse';

/**
 * The HCAL part of chargedDownstream: `s` after MS2, total energy eMeV of a particle of mass M;
 * `hadronLambda` as there (null for a muon); `pts` the detail points of the outgoing track. Returns
 * the total energy after the last module crossed (0 for a beam hadron that showered).
 */
export function hcalPass(
  ctx: Na64muContext,
  rng: Rng,
  sums: MuSums,
  s: TrackState,
  eMeV: number,
  M: number,
  kind: ParticleKind,
  force: Force,
  d: DetailRecorder | null,
  hadronLambda: number | null,
  pts: number[] | null,
): number {
  let e = eMeV;
  const hard = ctx.hardMeV;
  const nMod = ctx.hcals.length;
  const hcalStack = ctx.hcalStack;
  if (nMod > 0 && hcalStack) {
    let nHit = 0;
    for (const h of ctx.hcals) if (lineHits(s, h)) nHit++;
    let forcedModule = -1;
    let forced: ForcedPoint | null = null;
    if (hadronLambda === null) {
      const r = hardRates(hcalStack, e, hard, rates).nucl;
      sums.hard.pAC = r.total > 0 && nHit > 0 ? 1 - Math.exp(-r.total * nHit) : 0;
      if (force === 'AC' && sums.hard.pAC > 0) {
        const k = Math.min(nHit - 1, Math.floor(rng.uniform() * nHit));
        forced = pickPoint(rng, hcalStack, r, 'nucl');
        let c = -1;
        for (let m = 0; m < nMod; m++) if (lineHits(s, ctx.hcals[m]) && ++c === k) forcedModule = m;
      }
    }
    let lamBefore = ctx.segN[0].lambda + ctx.segN[1].lambda;
    let lamLeft = hadronLambda ?? 0;
    for (let m = 0; m < nMod && e > STOPPED_MEV; m++) {
      const h = ctx.hcals[m];
      drift(s, h.zMm);
      pts?.push(s.x, s.y, s.z);
      if (!insideEl(s.x, s.y, h)) {
        drift(s, h.zMm + h.lengthMm);
        lamBefore += ctx.segN[2 + m].lambda;
        continue;
      }
      if (hadronLambda === null) {
        if (lossBuf.length > 0) lossBuf.length = 0;
        traverse(rng, hcalStack, e, m === forcedModule ? forced : null, hard, lossBuf);
        sums.hcalMip[m] += trav.cont;
        if (d) spreadCells(d, h, ...localAt(s, h), trav.cont, 0, 0);
        for (const l of lossBuf) {
          const isHard = l.energyMeV > hard;
          if (l.process === 'nucl') {
            if (isHard) sums.hard.hcalNucl = true;
            const lam = lamBefore + (l.depthMm / h.lengthMm) * ctx.segN[2 + m].lambda;
            hadronShower(ctx, rng, sums, l.energyMeV, lam, ctx.segN, false, s, d);
            if (d) d.track('hadrons', l.energyMeV, hadronStub(s, h.zMm + l.depthMm, 400), { note: 'hadrons from a muon-nuclear interaction' });
          } else {
            if (isHard) sums.hard.otherEm = true;
            sums.hcalShower[m] += l.energyMeV;
            if (d) spreadCells(d, h, ...localAt(s, h), l.energyMeV, 30, 0);
          }
          if (d && isHard) sums.hardNotes.push({ key: `truthValue.hard.${l.process}In`, params: { energyGeV: l.energyMeV / GeV, element: h.id } });
        }
        e = trav.e;
      } else {
        // beam hadron: ionization until the first interaction
        const lamMod = ctx.segPi[2 + m].lambda;
        if (lamLeft < lamMod) {
          const f = lamLeft / lamMod;
          sums.hcalMip[m] += ctx.hcalIonMeV * f;
          const lamStart = ctx.segPi[0].lambda + ctx.segPi[1].lambda + pionLambdaBefore(ctx, m) + lamLeft;
          hadronShower(ctx, rng, sums, e - ctx.hcalIonMeV * f, lamStart, ctx.segPi, false, s, d);
          if (d) d.say('story.mu.hadronInHcal', { kind, element: h.id });
          e = 0;
          break;
        }
        lamLeft -= lamMod;
        sums.hcalMip[m] += ctx.hcalIonMeV;
        e = Math.max(M, e - ctx.hcalIonMeV);
      }
      drift(s, h.zMm + h.lengthMm);
      pts?.push(s.x, s.y, s.z);
      lamBefore += ctx.segN[2 + m].lambda;
    }
  }
  return e;
}
