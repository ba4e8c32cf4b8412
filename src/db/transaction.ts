import { Pool } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import type { Database } from "./client.ts";
import * as schema from "./schema.ts";

/** The transaction handle `run` gets, as `db.transaction` gives it. */
type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * `db.transaction(run)`, except that on the Neon pool the client is checked out here and
 * always given back: drizzle-orm 0.45 keeps it forever when BEGIN fails (a connection the
 * server dropped while it sat idle; upstream issue 6241), and returns it as healthy when
 * ROLLBACK fails on a dead connection. After a failure the client is destroyed rather than
 * reused: failures are rare, and a fresh connection costs one round trip.
 */
export async function inTransaction<T>(
  db: Database,
  run: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const pool = (db as { $client?: unknown }).$client;
  if (!(pool instanceof Pool)) return db.transaction(run);
  const client = await pool.connect();
  let failed = true;
  try {
    const connection: Database = drizzle({ client, schema });
    const result = await connection.transaction(run);
    failed = false;
    return result;
  } finally {
    client.release(failed); // true destroys the client
  }
}
