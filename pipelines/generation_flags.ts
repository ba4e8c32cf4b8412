/** The flags of the data-generation steps, shared by `generate` and `pipeline`. */
import { positiveInt } from "../src/cli.ts";

/** `--tickets`, `--customers` and `--seed`, for `parseArgs`. */
export const generationFlags = {
  tickets: { type: "string" },
  customers: { type: "string" },
  seed: { type: "string" },
} as const;

/** Parsed {@link generationFlags} with the embedded defaults (20k tickets, 10k customers, 42). */
export function generationOptions(
  values: { tickets?: string; customers?: string; seed?: string },
): { tickets: number; customers: number; seed: number } {
  return {
    tickets: positiveInt("tickets", values.tickets, 20_000),
    customers: positiveInt("customers", values.customers, 10_000),
    seed: positiveInt("seed", values.seed, 42),
  };
}
