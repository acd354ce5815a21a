// Exact (Clopper–Pearson) confidence interval for a binomial proportion x/n:
//   lower = Beta quantile(α/2; x, n − x + 1)      (0 when x = 0)
//   upper = Beta quantile(1 − α/2; x + 1, n − x)  (1 when x = n)
// The Beta quantile inverts the regularised incomplete beta function I_p(a, b) by bisection.

/** log Γ(z) for z > 0 by the Lanczos approximation (g = 7, 9 terms; relative error < 1e-15). */
function logGamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let sum = c[0];
  for (let i = 1; i < c.length; i++) sum += c[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for I_p(a, b), modified Lentz's method (Numerical Recipes "betacf"). */
function betaContinuedFraction(p: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * p) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    for (const coefficient of [
      (m * (b - m) * p) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * p) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + coefficient * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + coefficient / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-16) return h;
  }
  return h;
}

/** Regularised incomplete beta function I_p(a, b) = P(X ≤ p) for X ~ Beta(a, b). */
export function incompleteBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(p) + b * Math.log(1 - p),
  );
  // The continued fraction converges fast for p < (a + 1)/(a + b + 2); use symmetry otherwise.
  return p < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(p, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - p, b, a)) / b;
}

/** Beta(a, b) quantile by bisection: I_p is increasing in p, and 200 halvings reach double precision. */
export function betaQuantile(q: number, a: number, b: number): number {
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-17; i++) {
    const mid = (low + high) / 2;
    if (incompleteBeta(mid, a, b) < q) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export interface ProportionCI {
  estimate: number;
  low: number;
  high: number;
}

/** Clopper–Pearson interval for x successes in n trials, as proportions 0–1. */
export function clopperPearson(x: number, n: number, level = 0.95): ProportionCI {
  if (!Number.isInteger(x) || !Number.isInteger(n) || n < 1 || x < 0 || x > n) {
    throw new RangeError(`clopperPearson: need integers 0 ≤ x ≤ n, n ≥ 1 (got x=${x}, n=${n})`);
  }
  const alpha = 1 - level;
  return {
    estimate: x / n,
    low: x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
    high: x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
  };
}
