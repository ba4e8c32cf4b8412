/**
 * Step 3: export the labelled training set from Postgres to `data/` and version it with
 * `dvc add data` (writes `data.dvc`); prints the data hash.
 *   deno task snapshot
 */
import { runMain } from "../src/cli.ts";
import { withDatabase } from "../src/cli_database.ts";
import { snapshot } from "../src/pipeline/snapshot.ts";

if (import.meta.main) {
  await runMain(async () => {
    const result = await withDatabase((db) => snapshot(db, Deno.cwd()));
    console.log(
      `Snapshot: ${result.tickets} tickets, ${result.customers} customers -> data/ (data.dvc md5 ${result.dataHash})`,
    );
  });
}
