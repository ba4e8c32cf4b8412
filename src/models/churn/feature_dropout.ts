import type { InputSubset } from "../../domain/model_definition.ts";
import { createRandom } from "../../ml/random.ts";
import { numericColumns } from "./preprocessing.ts";
import type { ChurnFeatures } from "./schema.ts";

/** Every field a client may leave out. */
const droppable = [...numericColumns, "contract_type", "payment_method"] as const;

/**
 * Feature dropout, for the gaps the model will meet: one copy of each training row, half of
 * them cut down to one of the partial payloads clients are known to send (`known`), the
 * others with each field left out at random (rate 1/2). Seeded. The network thus learns to
 * score partial inputs instead of meeting imputed values for the first time in production.
 */
export function withFeatureDropout<Row extends ChurnFeatures>(
  rows: readonly Row[],
  seed: number,
  known: readonly InputSubset[],
): Row[] {
  const random = createRandom(seed);
  return rows.map((row) => {
    const copy = { ...row };
    const subset = known.length > 0 && random.chance(0.5) ? random.pick(known) : undefined;
    for (const field of droppable) {
      if (subset ? !subset.fields.includes(field) : random.chance(0.5)) delete copy[field];
    }
    return copy;
  });
}
