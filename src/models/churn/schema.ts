import { z } from "@hono/zod-openapi";
import { contractTypes, paymentMethods } from "../../domain/customer.ts";

/** The seed's payload, accepted verbatim: the documented example. */
export const churnExample = {
  tenure: 12,
  monthly_charges: 65.5,
  total_charges: 786.0,
  contract_type: "Month-to-month",
  payment_method: "Electronic check",
} as const;

/** One customer to score; the seed's payload (the five required fields) is accepted verbatim. */
export const ChurnInput = z.object({
  tenure: z.number().int().min(0).max(1200).describe("Months as a customer"),
  monthly_charges: z.number().min(0).max(100_000),
  total_charges: z.number().min(0).max(10_000_000),
  contract_type: z.enum(contractTypes),
  payment_method: z.enum(paymentMethods),
  complaints: z.number().int().min(0).max(1000).optional(),
  usage_minutes: z.number().min(0).max(1_000_000).optional(),
  age: z.number().int().min(16).max(120).optional(),
  income: z.number().min(0).max(100_000_000).optional(),
}).openapi("ChurnInput", { example: churnExample });

export type ChurnInput = z.infer<typeof ChurnInput>;

/**
 * What the model scores: any subset of the fields. The preprocessing fills in the absent ones
 * (numbers: the training median and a missing flag; categories: none of their values), and
 * the network was trained with such gaps (feature dropout).
 */
export type ChurnFeatures = Partial<ChurnInput>;
