import assert from "node:assert/strict";
import { ksPValueOf } from "../../src/monitor/stats/ks_two_sample.ts";
import { kolmogornSf } from "../../src/monitor/stats/kolmogorov.ts";
import { chi2Sf } from "../../src/monitor/stats/gamma.ts";
import { ndtr } from "../../src/monitor/stats/normal.ts";
import { smirnovSf } from "../../src/monitor/stats/smirnov.ts";
import { assertClose } from "../support/drift_parity.ts";

const values = JSON.parse(
  await Deno.readTextFile(new URL("./fixtures/scipy_values.json", import.meta.url)),
) as Record<string, number[][]>;

Deno.test("ks_2samp p-values match scipy's, exact and asymptotic, from 1 to 30,000 rows", () => {
  for (const [n1, n2, d, p] of values.ks_2samp) {
    assertClose(ksPValueOf(n1, n2, d), p, `ks_2samp n1=${n1} n2=${n2} d=${d}`);
  }
});

Deno.test("kstwo.sf and smirnov match scipy's in every region of their methods", () => {
  for (const [n, x, p] of values.kstwo_sf) assertClose(kolmogornSf(n, x), p, `kstwo n=${n} x=${x}`);
  for (const [n, x, p] of values.smirnov) assertClose(smirnovSf(n, x), p, `smirnov n=${n} x=${x}`);
});

Deno.test("the chi-squared tail and the normal CDF match scipy's", () => {
  for (const [df, x, p] of values.chdtrc) assertClose(chi2Sf(df, x), p, `chdtrc(${df}, ${x})`);
  for (const [x, p] of values.ndtr) assertClose(ndtr(x), p, `ndtr(${x})`);
  assert.equal(chi2Sf(3, Infinity), 0);
});
