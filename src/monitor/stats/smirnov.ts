/**
 * The one-sided Kolmogorov-Smirnov (Smirnov) survival function, Pr(D+_n >= x), as
 * scipy.special.smirnov computes it: the same special cases and the same choice between the
 * Birnbaum-Tingey lower sum and the upper sum, each term evaluated in log space.
 * @module
 */

const minLog = -7.08396418532264106224e2;
const eps = 2.220446049250313e-16;

/** floor(n * x) and the remainder, exact even when n * x rounds to an integer. */
function floorAndRemainder(n: number, x: number): { floor: number; alpha: number } {
  const hi = n * x;
  // Dekker's two-product: lo is the rounding error of hi.
  const split = (v: number) => {
    const c = 134217729 * v;
    const big = c - (c - v);
    return [big, v - big];
  };
  const [nh, nl] = split(n), [xh, xl] = split(x);
  const lo = ((nh * xh - hi) + nh * xl + nl * xh) + nl * xl;
  let fl = Math.floor(hi);
  if (fl === hi && lo < 0) fl -= 1;
  let alpha = (hi - fl) + lo;
  if (alpha >= 1) {
    fl += 1;
    alpha = 0;
  }
  return { floor: fl, alpha: Math.max(alpha, 0) };
}

/** x * sum of A_v = C(n, v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v) over the given v, in order. */
function sumTerms(n: number, x: number, vs: number[]): number {
  let sum = 0;
  for (let j = 0; j < vs.length; j++) {
    const v = vs[j];
    const logC = logBinomial(n, v);
    const a = x + v / n;
    const b = (n - v) / n - x;
    // The upper sum's last terms have 1 - x - v/n < 0, raised to a small integer power.
    const term = b > 0
      ? Math.exp(logC + (v - 1) * Math.log(a) + (n - v) * Math.log(b))
      : Math.exp(logC + (v - 1) * Math.log(a)) * Math.pow(b, n - v);
    if (Number.isFinite(term) && term !== 0) sum += term;
    if (term !== 0) {
      if (4 * (vs.length - j) * Math.abs(term) < eps * sum && j !== vs.length - 1) break;
    } else if (j > n / 2) break;
  }
  return x * sum;
}

const logFactorials: number[] = [0];

/** ln C(n, v), from a table of ln k! grown on demand (exact sums of logs). */
function logBinomial(n: number, v: number): number {
  for (let k = logFactorials.length; k <= n; k++) {
    logFactorials.push(logFactorials[k - 1] + Math.log(k));
  }
  return logFactorials[n] - logFactorials[v] - logFactorials[n - v];
}

/** scipy.special.smirnov(n, x): Pr(D+_n >= x) for n >= 1, 0 <= x <= 1. */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, alpha } = floorAndRemainder(n, x);
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    n1mxfl -= 1;
    n1mxceil += 1;
  }
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) return 1 - x * Math.pow(1 + x, n - 1);
  if (-2 * n * x * x < minLog) return 0;
  if (nxfl >= n - 1) return Math.pow(1 - x, n);
  if (n > 1_000_000) {
    const logp = -Math.pow(6 * n * x + 1, 2) / 18 / n;
    return logp < -Math.LN2 ? Math.exp(logp) : 1 + Math.expm1(logp);
  }
  const nUpperTerms = n - n1mxceil + 1;
  const useUpper = (nUpperTerms <= 1 && x < 0.5) ||
    (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
  if (useUpper) {
    const vs = Array.from({ length: nUpperTerms }, (_, j) => n - j);
    return Math.min(1, Math.max(0, 1 - sumTerms(n, x, vs)));
  }
  const vs = Array.from({ length: n1mxfl + 1 }, (_, j) => j);
  return Math.min(1, Math.max(0, sumTerms(n, x, vs)));
}
