import type { SQL } from "drizzle-orm";
import type { Database } from "../client.ts";

/**
 * Rows read page by page by keyset, not OFFSET: `query(after)` selects the `pageSize` rows
 * that follow `after` (the last row of the previous page) in the query's order, so a window of
 * millions of rows costs one pass and one page in memory. `keyOf` names a row's position; a
 * page that does not move past it would read the same page forever, so it throws instead.
 * `what` names the rows in errors.
 */
export async function* keysetPages<Row>(
  db: Database,
  what: string,
  pageSize: number,
  query: (after: Row | undefined) => SQL,
  keyOf: (row: Row) => string,
): AsyncGenerator<Row[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`Cannot page ${what}: page size ${pageSize} is not >= 1`);
  }
  let after: Row | undefined;
  while (true) {
    const result = await db.execute(query(after));
    const rows = (result as unknown as { rows: Row[] }).rows;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    if (after && keyOf(last) === keyOf(after)) {
      throw new Error(`Cannot page ${what}: no progress after ${keyOf(after)}`);
    }
    after = last;
    yield rows;
    if (rows.length < pageSize) return;
  }
}

/** A jsonb value as JSON: a driver may hand jsonb back as text. */
export const fromJsonb = <T>(value: T | string): T =>
  typeof value === "string" ? JSON.parse(value) : value;
