/**
 * Fast gamma functions for the per-event shower integrals: ln Γ(a) by the Stirling series
 * (Abramowitz & Stegun 6.1.40) and the regularised incomplete gamma P(a, x), Q(a, x) with ln Γ(a)
 * supplied (series / Lentz continued fraction, Numerical Recipes §6.2, as math.ts). GFlash calls
 * P(α, βt) `gam` (showers.md §2.1).
 */

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(a) for a > 0, fast: Stirling series to 1/z⁷ at z = a + n >= 8 (truncation < 1e-11), with
 * lnΓ(a) = lnΓ(a + n) − ln(a (a+1) … (a+n−1)) (Abramowitz & Stegun 6.1.40). Two logs instead of the
 * Lanczos sum of math.ts (checked against it in the tests).
 */
export function lnGammaFast(a: number): number {
  let z = a;
  let prod = 1;
  while (z < 8) {
    prod *= z;
    z += 1;
  }
  const iz = 1 / z;
  const iz2 = iz * iz;
  const series = iz * (1 / 12 - iz2 * (1 / 360 - iz2 * (1 / 1260 - iz2 * (1 / 1680))));
  return (z - 0.5) * Math.log(z) - z + HALF_LN_2PI + series - (prod === 1 ? 0 : Math.log(prod));
}

/**
 * Regularised incomplete gamma with ln Γ(a) supplied (shared between the calls of one shower):
 * P(a, x) (upper = false) or Q(a, x) (upper = true). Series for x < a + 1, Lentz continued fraction
 * otherwise (Numerical Recipes §6.2, as math.ts), relative tolerance 1e-13.
 */
export function incGamma(a: number, x: number, lnGa: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  const pref = Math.exp(a * Math.log(x) - x - lnGa);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 400; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (del < sum * 1e-13) break;
    }
    let p = sum * pref;
    if (p > 1) p = 1;
    return upper ? 1 - p : p;
  }
  const FPMIN = 1e-300;
  let b = x + 1 - a;
  let cc = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 400; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    cc = b + an / cc;
    if (Math.abs(cc) < FPMIN) cc = FPMIN;
    d = 1 / d;
    const del = d * cc;
    h *= del;
    if (Math.abs(del - 1) < 1e-13) break;
  }
  let q = pref * h;
  if (q < 0) q = 0;
  else if (q > 1) q = 1;
  return upper ? q : 1 - q;
}
