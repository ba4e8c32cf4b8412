/**
 * A bulk insert's transaction on the Neon pool when the server has dropped the pooled
 * connection (as Neon does to idle sessions): BEGIN fails, and the pool must get its client
 * back, or enough such blips leave it empty and every later query waits forever.
 */
import assert from "node:assert/strict";
import type { Pool } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/db/client.ts";
import { insertTickets } from "../../src/db/repositories/tickets.ts";
import { createScratchPostgres } from "../support/postgres.ts";

const ticket = {
  subject: "VPN down",
  body: "Cannot reach the VPN since this morning.",
  channel: "email" as const,
  source: "api" as const,
};

Deno.test("a transaction whose BEGIN meets a dropped connection gives the pool its client back", async () => {
  const scratch = await createScratchPostgres();
  const database = await openDatabase(scratch.options);
  try {
    await database.migrate();
    const pool = (database.db as unknown as { $client: Pool }).$client;
    // The pool's one idle connection: the server ends it once it has idled 100 ms.
    await database.db.execute(sql`set idle_session_timeout = 100`);
    assert.equal(pool.idleCount, pool.totalCount);
    // Hold the event loop past that, so the client has not yet heard of it when BEGIN is sent.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    await assert.rejects(insertTickets(database.db, [ticket]), (error: Error) => {
      assert.match(String(error.cause), /idle-session timeout/);
      return true;
    });

    assert.equal(pool.totalCount - pool.idleCount, 0, "no client is left checked out");
    const ids = await insertTickets(database.db, [ticket]);
    assert.equal(ids.length, 1, "the next transaction runs");
    assert.equal(pool.totalCount - pool.idleCount, 0);
  } finally {
    // A client still checked out would hold the pool's close forever: bound the wait.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      database.close(),
      new Promise((resolve) => timer = setTimeout(resolve, 5_000)),
    ]);
    clearTimeout(timer);
    await scratch.drop();
  }
});
