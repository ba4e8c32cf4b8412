import type { z } from "@hono/zod-openapi";
import type { HeadOutput } from "./head_output.ts";

/** The HTTP face of a model: request and response schemas and the response builder. */
export interface ServingSpec {
  readonly name: string;
  readonly summary: string;
  readonly input: z.ZodType;
  /** One valid input: the documented example of the predict route. */
  readonly example: Readonly<Record<string, unknown>>;
  readonly output: z.ZodType;
  /**
   * The API response fields of one instance, from its head outputs, the threshold and whether
   * a person should check it (undefined: the version cannot tell).
   */
  respond(
    outputs: readonly HeadOutput[],
    threshold: number | undefined,
    needsReview?: boolean,
  ): Record<string, unknown>;
}
