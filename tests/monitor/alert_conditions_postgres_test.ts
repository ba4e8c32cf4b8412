import { openDatabase } from "../../src/db/mod.ts";
import { createScratchPostgres } from "../support/postgres.ts";
import { alertConditionsSuite } from "./alert_conditions_suite.ts";

alertConditionsSuite("Postgres through the Neon driver", async () => {
  const scratch = await createScratchPostgres();
  const handle = await openDatabase(scratch.options);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
});
