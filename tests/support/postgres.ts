import { sql } from "drizzle-orm";
import { startWsProxy } from "../../scripts/ws_proxy.ts";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../../src/db/client.ts";

/**
 * The real local Postgres, reached the way production reaches Neon: through the Neon
 * serverless driver and the WebSocket-to-TCP proxy. Override with TEST_DATABASE_URL.
 */
const adminUrl = Deno.env.get("TEST_DATABASE_URL") ??
  "postgres://postgres@127.0.0.1:5432/postgres";

/** A throw-away database on the real server, removed by `drop()`. */
export interface ScratchPostgres {
  options: DatabaseOptions;
  drop(): Promise<void>;
}

/** Creates an empty database with a unique name, behind a proxy of its own. */
export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const proxy = startWsProxy({ port: 0 });
  const wsProxy = `127.0.0.1:${proxy.port}`;
  const admin = await openDatabase({
    DATABASE_URL: adminUrl,
    DATABASE_WS_PROXY: wsProxy,
    PGLITE_DIR: "",
  });
  const name = `mlops_test_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  try {
    await admin.queryRows(sql.raw(`create database ${name}`));
  } catch (error) {
    await admin.close();
    await proxy.close();
    throw new Error(
      `Cannot create a test database at ${adminUrl} (is Postgres running? set TEST_DATABASE_URL to use another): ${error}`,
    );
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    options: { DATABASE_URL: url.href, DATABASE_WS_PROXY: wsProxy, PGLITE_DIR: "" },
    drop: async () => {
      await admin.queryRows(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
      await proxy.close();
    },
  };
}

/** A scratch database opened (not migrated); its `close` also drops the database. */
export async function openScratchPostgres(): Promise<DatabaseHandle> {
  const scratch = await createScratchPostgres();
  const handle = await openDatabase(scratch.options);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
