/**
 * Downstream stage of NA64μ: ECAL (active target), VETO, VHCAL with its hole, MS2, ST11 and the
 * HCAL modules, for the charged particle arriving at the ECAL face (muon or beam hadron) and for
 * neutral decay products. Energies are accumulated in `MuSums` on their measured scale before
 * smearing (the event driver smears):
 *  - muons: propagateMuonStack (continuous a(E) + b_restricted(E)·E below v = 0.01, sampled discrete
 *    brems / e⁺e⁻ pair / photonuclear losses above), with the forced hard interactions of the
 *    branch (context.ts); the continuous deposit is read on the electron scale in the ECAL
 *    (deposit / ê, as na64e/calo.ts) and as deposited energy in the VHCAL and HCAL
 *    (ASSUME-HCAL-SCALE); brems/pair losses shower electromagnetically where they happen
 *    (mean longitudinal profile, PDG §34.5: leakage out of the ECAL back goes forward through the
 *    VHCAL hole into HCAL1); photonuclear losses start a hadron shower (hadronShower.ts) over the
 *    λ-segments ECAL, VHCAL, HCAL1..n;
 *  - the VHCAL hole (ASSUME-NA64MU-VHCAL-HOLE): of the shower energy of an ECAL-started hadron
 *    shower that reaches the VHCAL, a fraction VHCAL_LARGE_ANGLE is outside the hole and is
 *    absorbed there; the rest continues forward to HCAL1. Charged secondaries leaving the ECAL
 *    (1 + Poisson(E_beyond/5 GeV), ASSUME-VETO-HADRON) cross the VETO; each goes through the hole with
 *    probability 1 − VHCAL_LARGE_ANGLE and then makes extra hits in MM5–7/ST1;
 *  - MS2 measures the momentum of the charged particle reaching it (resolution applied by the
 *    event driver) if it crosses MM5–7, ST1 and ST11 inside their areas (the acceptance);
 *  - Z′ signal events (force 'Z', signal.ts): the muon emits a Z′ at a sampled point of the ECAL
 *    (its normal losses before and after), keeps (1 − x)E and is kinked by ψ_μ; the Z′ escapes.
 *
 * This module is the public entry point; the implementation lives in ./calo/:
 * - calo/sums.ts: `Neutral`, `Force`, `Downstream` and the per-event accumulators `MuSums`;
 * - calo/traverse.ts: muon propagation through a stack (grouped layers, forced hard interaction, Z′ emission);
 * - calo/showers.ts: EM showers in the ECAL and hadron showers over ECAL, VHCAL, HCAL1..n;
 * - calo/ecal.ts: the ECAL pass of the charged particle;
 * - calo/hcal.ts: the HCAL pass of the charged particle;
 * - calo/downstream.ts: `chargedDownstream` (ECAL → VETO → VHCAL → MS2 → HCAL), `hadronFromEcalFace`, `neutralToCalos`;
 * - calo/helpers.ts: line geometry, masses and the detail-only drawing helpers.
 */
export { chargedDownstream, hadronFromEcalFace, neutralToCalos } from './calo/downstream';
export { VHCAL_LARGE_ANGLE, emInEcal, hadronShower } from './calo/showers';
export { MuSums, type Downstream, type Force, type Neutral } from './calo/sums';
