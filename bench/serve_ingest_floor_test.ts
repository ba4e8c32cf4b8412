import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { logPredictions, openDatabase } from "../src/db/mod.ts";
import { entry } from "../tests/support/prediction_log.ts";
import { createScratchPostgres } from "../tests/support/postgres.ts";
import { ingestFloor } from "./serve_ingest_floor.ts";

Deno.test("the ingest floor copies logged predictions back in and reads the backend's CPU", async () => {
  const scratch = await createScratchPostgres();
  const database = await openDatabase(scratch.options);
  try {
    await database.migrate();
    await logPredictions(database.db, Array.from({ length: 3000 }, (_, i) => entry(i)));
    const floor = await ingestFloor(scratch.options.DATABASE_URL!, {
      predictions: 2000,
      rounds: 2,
    });
    assert.equal(floor.predictions, 2000);
    assert.equal(floor.rounds.length, 2);
    // About 25 µs of CPU each: 50 ms a round, five of the kernel's 10 ms clock ticks.
    assert.ok(floor.rounds.some((microseconds) => microseconds > 0), `${floor.rounds}`);
    assert.ok(floor.rounds.every((microseconds) => microseconds < 5_000), `${floor.rounds}`);
    const left = await database.queryRows<{ name: string }>(
      sql`select table_name as name from information_schema.tables where table_name like 'ingest_floor%'`,
    );
    assert.deepEqual(left, [], "the floor's tables are dropped");
    await assert.rejects(
      ingestFloor(scratch.options.DATABASE_URL!.replace(/\/[^/]+$/, "/postgres"), {
        predictions: 10,
        rounds: 1,
      }),
      /prediction_requests/,
    );
  } finally {
    await database.close();
    await scratch.drop();
  }
});
