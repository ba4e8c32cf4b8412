import { PGlite } from "@electric-sql/pglite";
import { neonConfig, Pool, type PoolClient } from "@neondatabase/serverless";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { migrate as migrateNeon } from "drizzle-orm/neon-serverless/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { lockDatabaseDirectory } from "./pglite_lock.ts";
import { copyTemplateIfNew } from "./pglite_template.ts";
import * as schema from "./schema.ts";

/** A drizzle database over either driver; repositories take this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its lifecycle; `kind` tells which driver is behind it. */
export interface DatabaseHandle {
  readonly kind: "pglite" | "neon";
  readonly db: Database;
  /** Applies pending migrations; safe to call on an up-to-date database. */
  migrate(): Promise<void>;
  /** Runs raw SQL (reports, checks) and returns its rows; both drivers answer `{ rows }`. */
  queryRows<T>(query: SQL): Promise<T[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The template an embedded database was just created from, if it was. */
  readonly createdFrom?: string;
  /**
   * Resolves once the schema is migrated, for a server that migrates in the background
   * (`src/serving/background_migration.ts`); absent when the caller migrated it already.
   */
  readonly migrated?: Promise<void>;
}

/** Where to connect: a Postgres URL (Neon driver) or else an embedded PGlite directory. */
export interface DatabaseOptions {
  DATABASE_URL?: string;
  DATABASE_WS_PROXY?: string;
  PGLITE_DIR: string;
  /** An initialised PGlite directory that a new `PGLITE_DIR` is copied from. */
  PGLITE_TEMPLATE_DIR?: string;
}

const migrationsFolder = new URL("./migrations", import.meta.url).pathname;

/**
 * Opens the configured database: the Neon serverless driver (WebSocket pool) when
 * `DATABASE_URL` is set, otherwise embedded PGlite stored in `PGLITE_DIR`
 * (`memory://` keeps it in memory).
 */
export function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.DATABASE_URL
    ? Promise.resolve(openNeon(options.DATABASE_URL, options.DATABASE_WS_PROXY))
    : openPglite(options.PGLITE_DIR, options.PGLITE_TEMPLATE_DIR);
}

/**
 * The embedded database shares the server's process, and all its shared memory is resident:
 * Postgres's default 128 MB of shared buffers would be most of the server's memory, and pages
 * evicted from a small pool are read back from the OS's file cache. One backend runs, so the
 * per-connection tables (locks, snapshots) need few slots.
 */
const pgliteStartParams = [
  ...PGlite.defaultStartParams,
  ...["-c", "shared_buffers=4MB", "-c", "max_connections=4"],
];

async function openPglite(dir: string, template: string | undefined): Promise<DatabaseHandle> {
  const lock = dir.includes("://") ? undefined : await lockDatabaseDirectory(dir);
  let copied = false;
  const client = await (async () => {
    if (lock && template) copied = await copyTemplateIfNew(dir, template);
    return await PGlite.create(dir, { startParams: pgliteStartParams });
  })().catch((error) => {
    lock?.release();
    throw error;
  });
  const db = drizzlePglite({ client, schema });
  return {
    kind: "pglite",
    db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    queryRows: (query) => rowsOf(db.execute(query)),
    ping: async () => void await client.query("select 1"),
    close: () => client.close().finally(() => lock?.release()),
    ...(copied ? { createdFrom: template } : {}),
  };
}

function openNeon(url: string, wsProxy: string | undefined): DatabaseHandle {
  if (wsProxy) {
    // A plain Postgres behind a local WebSocket-to-TCP proxy: no TLS on either hop.
    neonConfig.wsProxy = (host, port) => `${wsProxy}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  // A host that never answers must fail a connection attempt, not hang it forever.
  const pool = new Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A client losing its socket (server restart, network blip) must not crash the process:
  // the pool listens only to idle clients, and a checked-out client (inside a transaction)
  // would otherwise emit an unhandled "error". The failed query still rejects, and the
  // dead client is discarded when released.
  let closing = false;
  pool.on("error", (error: Error) => {
    if (!closing) console.error(`Database pool error: ${error.message}`);
  });
  pool.on("connect", (client: PoolClient) => client.on("error", () => {}));
  const db = drizzleNeon({ client: pool, schema });
  return {
    kind: "neon",
    db,
    migrate: () => migrateNeon(db, { migrationsFolder }),
    queryRows: (query) => rowsOf(db.execute(query)),
    ping: async () => void await db.execute(sql`select 1`),
    close: () => {
      closing = true; // idle sockets torn down by the close are no news
      return pool.end();
    },
  };
}

async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  return ((await result) as { rows: T[] }).rows;
}
