/**
 * The normal CDF as scipy computes it (`scipy.special.ndtr`, hence `scipy.stats.norm.cdf`):
 * Cephes' rational approximations of erf and erfc, so two-sided p-values match scipy's to
 * the last digits.
 * @module
 */

// Cephes (Stephen L. Moshier, BSD) coefficients of erf and erfc, as scipy's xsf uses them.
const erfcP = [
  2.46196981473530512524e-10,
  5.64189564831068821977e-1,
  7.46321056442269912687e0,
  4.86371970985681366614e1,
  1.96520832956077098242e2,
  5.26445194995477358631e2,
  9.3452852717195760754e2,
  1.02755188689515710272e3,
  5.57535335369399327526e2,
];
const erfcQ = [
  1.32281951154744992508e1,
  8.67072140885989742329e1,
  3.54937778887819891062e2,
  9.75708501743205489753e2,
  1.82390916687909736289e3,
  2.24633760818710981792e3,
  1.65666309194161350182e3,
  5.57535340817727675546e2,
];
const erfcR = [
  5.64189583547755073984e-1,
  1.27536670759978104416e0,
  5.01905042251180477414e0,
  6.16021097993053585195e0,
  7.4097426995044893916e0,
  2.9788666537210024067e0,
];
const erfcS = [
  2.2605286322011727659e0,
  9.39603524938001434673e0,
  1.20489539808096656605e1,
  1.70814450747565897222e1,
  9.60896809063285878198e0,
  3.3690764510008151605e0,
];
const erfT = [
  9.60497373987051638749e0,
  9.00260197203842689217e1,
  2.23200534594684319226e3,
  7.00332514112805075473e3,
  5.55923013010394962768e4,
];
const erfU = [
  3.35617141647503099647e1,
  5.21357949780152679795e2,
  4.59432382970980127987e3,
  2.26290000613890934246e4,
  4.92673942608635921086e4,
];
const maxLog = 7.09782712893383996843e2;

/** Polynomial with leading coefficient `coef[0]`. */
function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0];
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i];
  return ans;
}

/** Polynomial whose leading coefficient is an implied 1. */
function p1evl(x: number, coef: readonly number[]): number {
  let ans = x + coef[0];
  for (let i = 1; i < coef.length; i++) ans = ans * x + coef[i];
  return ans;
}

/** The error function. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (x > 1) return 1 - erfc(x);
  const z = x * x;
  return x * polevl(z, erfT) / p1evl(z, erfU);
}

/** The complementary error function. */
export function erfc(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = -a * a;
  if (z < -maxLog) return a < 0 ? 2 : 0;
  const e = Math.exp(z);
  const y = x < 8
    ? (e * polevl(x, erfcP)) / p1evl(x, erfcQ)
    : (e * polevl(x, erfcR)) / p1evl(x, erfcS);
  const result = a < 0 ? 2 - y : y;
  return result !== 0 ? result : (a < 0 ? 2 : 0);
}

/** The standard normal CDF (scipy.special.ndtr, hence scipy.stats.norm.cdf). */
export function ndtr(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = a * Math.SQRT1_2;
  const z = Math.abs(x);
  if (z < 1) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}
