import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * The `set` of an upsert that takes every listed column from the row being inserted
 * (`excluded.<column>`), keyed by the drizzle property names.
 */
export function excludedColumns<T extends PgTable>(
  table: T,
  properties: readonly (keyof T["_"]["columns"] & string)[],
): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    properties.map((property) => [property, sql.raw(`excluded."${columns[property].name}"`)]),
  );
}
