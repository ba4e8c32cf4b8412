/**
 * A new embedded database copied from an initialised template (what the container image does
 * instead of PGlite's initdb): created once, then kept; a directory that is not a database is
 * refused by name.
 */
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../src/db/client.ts";

Deno.test("a new PGLITE_DIR is copied from PGLITE_TEMPLATE_DIR, an existing one is kept", async () => {
  const root = await Deno.makeTempDir({ prefix: "pglite-template-" });
  try {
    const template = join(root, "template");
    const initialised = await openDatabase({ PGLITE_DIR: template });
    await initialised.migrate();
    await initialised.close();
    const options = { PGLITE_DIR: join(root, "data"), PGLITE_TEMPLATE_DIR: template };

    const created = await openDatabase(options);
    assert.equal(created.createdFrom, template);
    // The template's migrations came along: the tables are there before migrate runs.
    assert.deepEqual(await created.queryRows(sql`select id from customers`), []);
    await created.db.execute(sql`create table marker (id text)`);
    await created.db.execute(sql`insert into marker values ('kept')`);
    await created.close();
    assert.ok((await readdir(options.PGLITE_DIR)).includes("PG_VERSION"));

    const reopened = await openDatabase(options);
    assert.equal(reopened.createdFrom, undefined, "an existing database is not replaced");
    const rows = await reopened.queryRows<{ id: string }>(sql`select id from marker`);
    assert.deepEqual(rows.map((row) => row.id), ["kept"]);
    await reopened.close();

    await assert.rejects(
      openDatabase({ PGLITE_DIR: join(root, "other"), PGLITE_TEMPLATE_DIR: join(root, "empty") }),
      /PGLITE_TEMPLATE_DIR=.*empty: it holds no initialised database/,
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
