import assert from "node:assert/strict";
import { stratifiedSplit } from "./split.ts";

const strata = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? "rare" : "common"));

Deno.test("the split covers every row exactly once", () => {
  const split = stratifiedSplit(strata, { validation: 0.1, test: 0.2, seed: 1 });
  const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
  assert.deepEqual(all, strata.map((_, i) => i));
  assert.equal(split.test.length, 200);
  assert.equal(split.validation.length, 100);
});

Deno.test("every stratum keeps its share in every part", () => {
  const split = stratifiedSplit(strata, { validation: 0.1, test: 0.2, seed: 1 });
  for (const part of [split.train, split.validation, split.test]) {
    const rare = part.filter((i) => strata[i] === "rare").length;
    assert.equal(rare / part.length, 0.1);
  }
});

Deno.test("the same seed gives the same split, another seed another", () => {
  const options = { validation: 0.1, test: 0.1, seed: 5 };
  assert.deepEqual(stratifiedSplit(strata, options), stratifiedSplit(strata, options));
  assert.notDeepEqual(
    stratifiedSplit(strata, options).test,
    stratifiedSplit(strata, { ...options, seed: 6 }).test,
  );
});
