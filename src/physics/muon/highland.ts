/**
 * Multiple scattering: the Highland–Lynch–Dahl plane rms angle (PDG RPP 2024 §34.3) for a
 * singly-charged particle.
 */

// ---------------------------------------------------------------------------------------------
// Highland
// ---------------------------------------------------------------------------------------------

/** Highland–Lynch–Dahl plane rms angle [rad] (PDG §34.3) for charge 1, momentum pMeV, velocity beta, thickness x/X0. */
export function highlandTheta0(pMeV: number, beta: number, xOverX0: number): number {
  if (!(xOverX0 > 0)) return 0;
  return Math.max(
    0,
    (13.6 / (beta * pMeV)) * Math.sqrt(xOverX0) * (1 + 0.038 * Math.log(xOverX0 / (beta * beta))),
  );
}
