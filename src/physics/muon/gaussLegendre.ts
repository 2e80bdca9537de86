/**
 * Gauss–Legendre quadrature on (0, 1) for the muon cross-section integrals: nodes and weights by
 * Newton iteration on the Legendre polynomial P_n (Numerical Recipes §4.6).
 */

/** Gauss–Legendre nodes and weights on (0, 1), by Newton iteration on P_n (Numerical Recipes §4.6). */
export function gaussLegendre01(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < (n + 1) >> 1; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 1;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const dz = p1 / pp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    const wi = 1 / ((1 - z * z) * pp * pp);
    x[i] = 0.5 * (1 - z);
    x[n - 1 - i] = 0.5 * (1 + z);
    w[i] = wi;
    w[n - 1 - i] = wi;
  }
  return { x, w };
}
