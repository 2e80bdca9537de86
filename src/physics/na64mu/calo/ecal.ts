/**
 * ECAL pass of the charged particle arriving at the ECAL face (part of chargedDownstream,
 * downstream.ts): a muon crosses the ECAL stack with its continuous and discrete losses, the forced
 * hard interaction of its branch or the Z′ emission of a signal event; brems/pair losses shower
 * electromagnetically, photonuclear losses start a hadron shower; then the Z′ kink and multiple
 * scattering. A beam hadron that does not interact in the ECAL deposits its ionization only.
 */
import type { DetailRecorder } from '../../eventOut';
import type { Rng } from '../../rng';
import type { TrackState } from '../../tracking';
import { GeV } from '../../units';
import { hardRates, type Na64muContext } from '../context';
import { sampleZprimePoint } from '../signal';
import { hadronStub, lineHits, localAt, spreadCells } from './helpers';
import { emInEcal, hadronShower } from './showers';
import type { Force, MuSums } from './sums';
import { STOPPED_MEV, lossBuf, pickPoint, rates, trav, traverse, traverseZprime, zTrav, type ForcedPoint } from './traverse';

/** Result of `ecalPass`: the total energy after the ECAL [MeV] and (detail) the z of the main interaction point. */
export const ecalOut = { e: 0, kinkZ: 0 };

/**
 * The ECAL part of chargedDownstream: `s` at the ECAL face, total energy eMeV; `hadronLambda` as
 * there (null for a muon). Result in `ecalOut`.
 */
export function ecalPass(
  ctx: Na64muContext,
  rng: Rng,
  sums: MuSums,
  s: TrackState,
  eMeV: number,
  force: Force,
  d: DetailRecorder | null,
  hadronLambda: number | null,
): void {
  let e = eMeV;
  const ecal = ctx.ecal;
  const hard = ctx.hardMeV;
  let kinkZ = ecal.zMm + ecal.lengthMm;
  // --- ECAL ---
  if (lineHits(s, ecal)) {
    if (hadronLambda === null) {
      const stack = ctx.ecalStack;
      hardRates(stack, e, hard, rates);
      const rEm = rates.em;
      const rNu = rates.nucl;
      sums.hard.pB = rEm.total > 0 ? 1 - Math.exp(-rEm.total) : 0;
      sums.hard.pD = rNu.total > 0 ? 1 - Math.exp(-rNu.total) : 0;
      let forced: ForcedPoint | null = null;
      if (force === 'B' && rEm.total > 0) forced = pickPoint(rng, stack, rEm, 'em');
      else if (force === 'D' && rNu.total > 0) forced = pickPoint(rng, stack, rNu, 'nucl');
      if (lossBuf.length > 0) lossBuf.length = 0;
      const zPoint = force === 'Z' && ctx.signal ? sampleZprimePoint(ctx.signal, rng, stack) : null;
      if (zPoint && ctx.signal) {
        traverseZprime(rng, stack, e, zPoint, ctx.signal, lossBuf);
        const em = zTrav.em;
        if (em && zTrav.material) {
          const z = ecal.zMm + zTrav.depthMm;
          sums.zprime = { ...em, eMuMeV: zTrav.eMu, depthMm: zTrav.depthMm, material: zTrav.material, xMm: s.x + s.tx * (z - s.z), yMm: s.y + s.ty * (z - s.z), zMm: z, txIn: s.tx, tyIn: s.ty };
          sums.escapedMeV += em.eZprimeMeV;
        }
      } else traverse(rng, stack, e, forced, hard, lossBuf);
      const cont = trav.cont / ctx.ecalG.ehat;
      sums.ecalMip += cont;
      sums.ps += (cont * ctx.psLayers) / stack.layers;
      let biggest = 0;
      for (const l of lossBuf) {
        const isHard = l.energyMeV > hard;
        if (l.process === 'nucl') {
          if (isHard) sums.hard.ecalNucl = true;
          const lam = (l.depthMm / ecal.lengthMm) * ctx.segN[0].lambda;
          hadronShower(ctx, rng, sums, l.energyMeV, lam, ctx.segN, true, s, d);
          if (d) d.track('hadrons', l.energyMeV, hadronStub(s, ecal.zMm + l.depthMm, 300), { note: 'hadrons from a muon-nuclear interaction' });
        } else {
          if (isHard) sums.hard.ecalEm = true;
          emInEcal(ctx, sums, s, l.energyMeV, (l.depthMm / ecal.lengthMm) * ctx.ecalDepthX0, d, l.process === 'brems' ? 'bremsstrahlung photon: EM shower in the ECAL' : 'e⁺e⁻ pair: EM shower in the ECAL');
        }
        if (d && l.energyMeV > biggest) {
          biggest = l.energyMeV;
          kinkZ = ecal.zMm + l.depthMm;
        }
        if (d && isHard) sums.hardNotes.push({ key: `truthValue.hard.${l.process}Ecal`, params: { energyGeV: l.energyMeV / GeV, depthMm: l.depthMm } });
      }
      if (d) {
        const [lx, ly] = localAt(s, ecal);
        spreadCells(d, ecal, lx, ly, (cont * ctx.psLayers) / stack.layers, 0, 0);
        spreadCells(d, ecal, lx, ly, cont * (1 - ctx.psLayers / stack.layers), 0, 1);
      }
      const zr = sums.zprime;
      if (d && zr && zr.eZprimeMeV > biggest) kinkZ = zr.zMm;
      e = trav.e;
      if (e > STOPPED_MEV) {
        // the Z′ kink (ψ_μ opposite to the Z′ in azimuth), then multiple scattering
        if (zr) {
          s.tx -= zr.psiMuonRad * Math.cos(zr.phiRad);
          s.ty -= zr.psiMuonRad * Math.sin(zr.phiRad);
        }
        const th = Math.sqrt(trav.th2);
        s.tx += th * rng.normal();
        s.ty += th * rng.normal();
      }
    } else {
      const ion = ctx.ecalIonMeV / ctx.ecalG.ehat;
      sums.ecalMip += ion;
      sums.ps += (ion * ctx.psLayers) / ctx.ecalStack.layers;
      e -= ctx.ecalIonMeV;
      if (d) {
        const [lx, ly] = localAt(s, ecal);
        spreadCells(d, ecal, lx, ly, (ion * ctx.psLayers) / ctx.ecalStack.layers, 0, 0);
        spreadCells(d, ecal, lx, ly, ion * (1 - ctx.psLayers / ctx.ecalStack.layers), 0, 1);
      }
    }
  }
  ecalOut.e = e;
  ecalOut.kinkZ = kinkZ;
}
