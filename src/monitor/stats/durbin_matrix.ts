/**
 * Pr(D_n <= d) for the two-sided one-sample Kolmogorov-Smirnov statistic by Durbin's matrix
 * method as Marsaglia, Tsang and Wang compute it (scipy's `_kolmogn_DMTW`): the k-th diagonal
 * entry of H^n, scaled by n!/n^n, with powers of two kept aside against overflow.
 * @module
 */

const scaleExponent = 128;
const scaleUp = 2 ** scaleExponent;
const scaleDown = 2 ** -scaleExponent;

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] += aik * b[k * m + j];
    }
  }
  return out;
}

/** Pr(D_n <= d). */
export function durbinMatrixCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  // v: first column and (reversed) last row; w[j] = 1/j!.
  const v = new Float64Array(m), w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let hm = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) hm[r * m + i] = w[r - i + 1];
  }
  for (let r = 0; r < m; r++) hm[r * m] = v[r];
  for (let c = 0; c < m; c++) hm[(m - 1) * m + c] = v[m - 1 - c];

  let power = new Float64Array(m * m);
  for (let i = 0; i < m; i++) power[i * m + i] = 1;
  let nn = n, exponent = 0, hExponent = 0;
  while (nn > 0) {
    if (nn % 2) {
      power = multiply(power, hm, m);
      exponent += hExponent;
    }
    hm = multiply(hm, hm, m);
    hExponent *= 2;
    if (Math.abs(hm[(k - 1) * m + (k - 1)]) > scaleUp) {
      for (let i = 0; i < hm.length; i++) hm[i] /= scaleUp;
      hExponent += scaleExponent;
    }
    nn = Math.floor(nn / 2);
  }
  let p = power[(k - 1) * m + (k - 1)];
  for (let i = 1; i <= n; i++) {
    p = i * p / n;
    if (Math.abs(p) < scaleDown) {
      p *= scaleUp;
      exponent -= scaleExponent;
    }
  }
  if (exponent !== 0) p *= 2 ** exponent;
  return Math.min(1, Math.max(0, p));
}
