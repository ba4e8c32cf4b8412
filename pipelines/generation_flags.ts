/** The flags of the data-generation steps, shared by `generate` and `pipeline`. */
import { positiveInt } from "../src/cli.ts";
import { defaultGeneration } from "../src/shared/generation_defaults.ts";

/** `--tickets`, `--customers` and `--seed`, for `parseArgs`. */
export const generationFlags = {
  tickets: { type: "string" },
  customers: { type: "string" },
  seed: { type: "string" },
} as const;

/** Parsed {@link generationFlags}, with {@linkcode defaultGeneration} for what is not given. */
export function generationOptions(
  values: { tickets?: string; customers?: string; seed?: string },
): { tickets: number; customers: number; seed: number } {
  return {
    tickets: positiveInt("tickets", values.tickets, defaultGeneration.tickets),
    customers: positiveInt("customers", values.customers, defaultGeneration.customers),
    seed: positiveInt("seed", values.seed, defaultGeneration.seed),
  };
}
