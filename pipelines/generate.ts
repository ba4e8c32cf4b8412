/**
 * Step 1: seeded synthetic tickets and customers written into Postgres.
 *   deno task generate [--tickets 80000] [--customers 10000] [--seed 42] [--drifted]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { withDatabase } from "../src/cli_database.ts";
import { generationFlags, generationOptions } from "./generation_flags.ts";
import { generate } from "../src/pipeline/generate.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { ...generationFlags, drifted: { type: "boolean", default: false } },
    });
    const options = { ...generationOptions(values), drifted: values.drifted };
    const result = await withDatabase((db) => generate(db, options));
    console.log(
      `Generated ${options.tickets} tickets (${result.tickets} new) and ${result.customers} customers` +
        ` (seed ${options.seed}${options.drifted ? ", drifted" : ""})`,
    );
  });
}
