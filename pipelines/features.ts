/**
 * Step 2: model-ready features stored in `ticket_features` and `customer_features`.
 *   deno task features
 */
import { runMain } from "../src/cli.ts";
import { withDatabase } from "../src/cli_database.ts";
import { computeFeatures } from "../src/pipeline/features.ts";

if (import.meta.main) {
  await runMain(async () => {
    const counts = await withDatabase(computeFeatures);
    console.log(
      `Features computed for ${counts.tickets} tickets and ${counts.customers} customers`,
    );
  });
}
