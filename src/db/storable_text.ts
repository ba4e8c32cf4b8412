import type { z } from "zod";

// Matches strings free of U+0000 (the one character Postgres cannot store).
// deno-lint-ignore no-control-regex
const withoutNul = /^[^\u0000]*$/;

/**
 * A client string bound for the database: Postgres's `text` and `jsonb` refuse U+0000, so it
 * is a 422 naming the field here rather than a failed write (a 503, or a prediction log entry
 * set aside) later.
 */
export function storable<T extends z.ZodString>(schema: T): T {
  return schema.regex(withoutNul, "must not contain the NUL character (U+0000)") as T;
}
