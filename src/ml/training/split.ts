import { createRandom } from "../random.ts";

/** Index lists of a train/validation/test split. */
export interface Split {
  train: number[];
  validation: number[];
  test: number[];
}

/**
 * Stratified split: each stratum (e.g. a label combination) is shuffled with the seed and
 * cut by the same fractions, so every class keeps its share in every part.
 */
export function stratifiedSplit(
  strata: readonly string[],
  { validation, test, seed }: { validation: number; test: number; seed: number },
): Split {
  const random = createRandom(seed);
  const groups = new Map<string, number[]>();
  strata.forEach((key, index) => {
    const members = groups.get(key);
    if (members) members.push(index);
    else groups.set(key, [index]);
  });
  const split: Split = { train: [], validation: [], test: [] };
  for (const key of [...groups.keys()].sort()) {
    const members = random.shuffle(groups.get(key)!);
    const testCount = Math.round(members.length * test);
    const validationCount = Math.round(members.length * validation);
    split.test.push(...members.slice(0, testCount));
    split.validation.push(...members.slice(testCount, testCount + validationCount));
    split.train.push(...members.slice(testCount + validationCount));
  }
  for (const part of [split.train, split.validation, split.test]) part.sort((a, b) => a - b);
  return split;
}
