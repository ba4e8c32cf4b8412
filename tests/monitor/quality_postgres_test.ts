import { openDatabase } from "../../src/db/client.ts";
import { createScratchPostgres, type ScratchPostgres } from "../support/postgres.ts";
import { qualitySuite } from "./quality_suite.ts";

let scratch: ScratchPostgres | undefined;

qualitySuite("Postgres through the Neon driver", async () => {
  scratch = await createScratchPostgres();
  const handle = await openDatabase(scratch.options);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch?.drop();
    },
  };
});
