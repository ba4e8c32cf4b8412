/**
 * Log-gamma and the chi-squared survival function (`scipy.special.chdtrc`): the regularized
 * upper incomplete gamma function by its series below a + 1 and its continued fraction above,
 * with the prefactor x^a e^-x / Gamma(a) written around x = a so large a keeps its precision.
 * @module
 */

const halfLog2Pi = 0.5 * Math.log(2 * Math.PI);

/** The tail of Stirling's series: lgamma(x) - ((x - 1/2) ln x - x + ln(2 pi)/2), x >= 10. */
function stirlingTail(x: number): number {
  const r = 1 / (x * x);
  return (1 / x) *
    (1 / 12 - r * (1 / 360 - r * (1 / 1260 - r * (1 / 1680 - r * (1 / 1188)))));
}

/** ln |Gamma(x)| for x > 0 (Stirling's series, shifted up to x >= 10). */
export function lgamma(x: number): number {
  if (x <= 0) return NaN;
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + halfLog2Pi + stirlingTail(x) - shift;
}

/** ln(x^a e^-x / Gamma(a)), written around x = a so large a keeps its precision. */
function logPrefactor(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - lgamma(a);
  const t = (x - a) / a;
  return -a * (t - Math.log1p(t)) + 0.5 * Math.log(a) - halfLog2Pi - stirlingTail(a);
}

const eps = 2.220446049250313e-16;

/** The regularized upper incomplete gamma function Q(a, x). */
export function igamc(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || x < 0 || a < 0) return NaN;
  if (a === 0) return x > 0 ? 0 : NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  if (x < a + 1) {
    // Series for P(a, x); Q = 1 - P is not small here.
    let term = 1 / a, sum = term;
    for (let n = 1; n < 100_000 && Math.abs(term) > Math.abs(sum) * eps; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefactor(a, x));
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < eps) break;
  }
  return Math.exp(logPrefactor(a, x)) * h;
}

/** The chi-squared survival function with `df` degrees of freedom (scipy.special.chdtrc). */
export function chi2Sf(df: number, x: number): number {
  if (x < 0) return 1;
  return igamc(df / 2, x / 2);
}
