/**
 * Special functions used by the shower parametrizations.
 * Algorithms: Numerical Recipes (3rd ed.) §6.1–6.2 (Lanczos ln Γ, series / continued fraction for
 * the incomplete gamma function).
 */

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-05, 4.652362892704858e-05, -9.837447530487956e-05, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-05,
  -2.6190838401581408e-05, 3.6899182659531625e-06,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  let y = x;
  const tmp = x + 5.2421875;
  const t = (x + 0.5) * Math.log(tmp) - tmp;
  let ser = 0.999999999999997;
  for (let j = 0; j < 14; j++) ser += LANCZOS[j] / ++y;
  return t + Math.log((2.5066282746310007 * ser) / x);
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a,x)/Γ(a), a > 0, x >= 0.
 * This is the fraction of a Gamma(a, 1) distribution below x: the fraction of an EM shower
 * deposited before depth t is P(α, β t) (PDG §34.5; GFlash `gam(x,a)`).
 */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!(a > 0)) throw new RangeError(`gammaP needs a > 0, got ${a}`);
  if (x < a + 1) {
    // series
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 500; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-14) break;
    }
    return Math.min(1, sum * Math.exp(-x + a * Math.log(x) - lnGamma(a)));
  }
  return 1 - gammaQcf(a, x);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate in the far tail. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) return 1 - gammaP(a, x);
  return gammaQcf(a, x);
}

function gammaQcf(a: number, x: number): number {
  const FPMIN = 1e-300;
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return Math.max(0, Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h);
}

/** Clamp x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Quadrature sum sqrt(a² + b² + ...). */
export function quadSum(...xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x * x;
  return Math.sqrt(s);
}

/**
 * A smooth positive function f(E) tabulated on a logarithmic grid of n intervals on [eMin, eMax],
 * linearly interpolated in ln E; outside the grid f is evaluated directly. `max` is the largest node
 * value. For cross-section ratios that are sampled millions of times (interpolation error ≲ 1e-4 for
 * n = 400 on smooth ratios). Throws RangeError for an empty or non-positive range.
 */
export class LogGridTable {
  readonly max: number;
  private readonly l0: number;
  private readonly dl: number;
  private readonly v: Float64Array;
  constructor(
    private readonly f: (e: number) => number,
    private readonly eMin: number,
    private readonly eMax: number,
    n = 400,
  ) {
    if (!(eMin > 0 && eMax > eMin)) throw new RangeError(`LogGridTable needs 0 < eMin < eMax, got [${eMin}, ${eMax}]`);
    this.l0 = Math.log(eMin);
    this.dl = (Math.log(eMax) - this.l0) / n;
    this.v = new Float64Array(n + 1);
    let m = 0;
    for (let i = 0; i <= n; i++) {
      this.v[i] = f(Math.exp(this.l0 + i * this.dl));
      m = Math.max(m, this.v[i]);
    }
    this.max = m;
  }
  at(e: number): number {
    if (!(e >= this.eMin && e <= this.eMax)) return this.f(e);
    const u = (Math.log(e) - this.l0) / this.dl;
    const i = Math.min(this.v.length - 2, u | 0);
    const w = u - i;
    return (1 - w) * this.v[i] + w * this.v[i + 1];
  }
}
