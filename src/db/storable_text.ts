import type { z } from "zod";

// Matches strings free of U+0000 (the one character Postgres cannot store).
// deno-lint-ignore no-control-regex
const withoutNul = /^[^\u0000]*$/;

/**
 * A client string bound for the database: Postgres's `text` and `jsonb` refuse U+0000, and a
 * lone UTF-16 surrogate (JSON's `"\ud800"`) is not Unicode, so `jsonb` refuses it and `text`
 * would store U+FFFD in its place. Either is a 422 naming the field here rather than a failed
 * write (a 503, or a prediction log entry set aside) or a silently altered text later.
 */
export function storable<T extends z.ZodString>(schema: T): T {
  return schema.regex(withoutNul, "must not contain the NUL character (U+0000)")
    .refine(
      (text) => text.isWellFormed(),
      "must be valid Unicode (a lone UTF-16 surrogate is not)",
    ) as T;
}
