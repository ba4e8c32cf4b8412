import type { z } from "zod";
import type { FieldError } from "../domain/errors.ts";

const missingBatch = (issues: readonly z.core.$ZodIssue[]) =>
  issues.some((issue) =>
    issue.path.length === 1 && issue.path[0] === "instances" && issue.code === "invalid_type"
  );

/**
 * Field errors of a failed parse. A union (one instance or `{ instances }`) reports only the
 * branch the client meant: the batch branch when the body has `instances`, else the single.
 */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length === 2) {
      const [batch, single] = issue.errors;
      return fieldErrors(missingBatch(batch) ? single : batch, path);
    }
    return [{ path: path.map(String).join("."), message: issue.message }];
  });
}
