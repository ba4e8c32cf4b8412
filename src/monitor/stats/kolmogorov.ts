/**
 * The survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n
 * (scipy.stats.kstwo.sf, scipy's `_kolmogn(n, x, cdf=False)`), which ks_2samp's asymptotic
 * branch uses: the same method per region (Ruben-Gambino ends, twice Smirnov's one-sided
 * tail, the Durbin matrix, the Pelz-Good approximation) and the same cut-offs.
 * @module
 */
import { durbinMatrixCdf } from "./durbin_matrix.ts";
import { smirnovSf } from "./smirnov.ts";

const clip = (p: number) => Math.min(1, Math.max(0, p));
const stirling = [
  -2.955065359477124183e-2,
  6.4102564102564102564e-3,
  -1.9175269175269175269e-3,
  8.4175084175084175084e-4,
  -5.952380952380952381e-4,
  7.9365079365079365079e-4,
  -2.7777777777777777778e-3,
  8.3333333333333333333e-2,
];

/** ln(n! / n^n) by Stirling's series. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of stirling) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

/** Pelz-Good's approximation of Pr(D_n <= x). */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2;
  const pi2 = Math.PI ** 2, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
  const qlog = -pi2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2, k1b = pi2 / 4;
  const k2a = 6 * z6 + 2 * z4, k2b = (2 * z4 - 5 * z2) * pi2 / 4, k2c = pi4 * (1 - 2 * z2) / 16;
  const k3d = pi6 * (5 - 30 * z2) / 64, k3c = pi4 * (-60 * z2 + 212 * z4) / 16;
  const k3b = pi2 * (135 * z4 - 96 * z6) / 4, k3a = -30 * z6 - 90 * z ** 8;
  const k = [0, 0, 0, 0];
  const maxk = Math.ceil(16 * z / Math.PI);
  for (let i = maxk; i > 0; i--) {
    const m = 2 * i - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
    const qpower = Math.pow(q, 8 * i);
    const coeffs = [
      1,
      k1a + k1b * m2,
      k2a + k2b * m2 + k2c * m4,
      k3a + k3b * m2 + k3c * m4 + k3d * m6,
    ];
    for (let j = 0; j < 4; j++) k[j] = k[j] * qpower + coeffs[j];
  }
  const scale = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let j = 0; j < 4; j++) k[j] = k[j] * q * Math.sqrt(2 * Math.PI) / scale[j];
  q = Math.exp(-pi2 / 2 / z2);
  let k2extra = 0, k3extra = 0;
  const sqrt3z = Math.sqrt(3) * z;
  for (let i = maxk; i > 0; i--) {
    const qp = Math.pow(q, i * i), kspi = Math.PI * i;
    k2extra += i * i * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * i * i * qp;
  }
  k[2] += k2extra * pi2 * Math.sqrt(2 * Math.PI) / (-36 * z3);
  k[3] += k3extra * pi2 * Math.sqrt(2 * Math.PI) / (216 * z6);
  return k.reduce((sum, term, j) => sum + term / Math.pow(n, j / 2), 0);
}

/** scipy.stats.kstwo.sf(x, n): Pr(D_n > x). */
export function kolmogornSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0) return NaN;
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    return clip(1 - prob);
  }
  if (t >= n - 1) return clip(2 * Math.pow(1 - x, n));
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nx2 = t * x;
  if (n <= 140) {
    // scipy uses the Durbin matrix below 0.754693 and Pomeranz's recursion up to 4; both are
    // exact, so the Durbin matrix serves for both.
    if (nx2 <= 4) return clip(1 - durbinMatrixCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nx2 >= 370) return 0;
  if (nx2 >= 2.2) return clip(2 * smirnovSf(n, x));
  const cdf = nx2 >= 18
    ? 1
    : n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4
    ? durbinMatrixCdf(n, x)
    : pelzGoodCdf(n, x);
  return clip(1 - cdf);
}
