/**
 * The customer vocabulary the churn model, the database schema and the synthetic generator
 * share: the categorical attributes of the seed's payload.
 * @module
 */

/** Contract types, as the seed's payload spells them. */
export const contractTypes = ["Month-to-month", "One year", "Two year"] as const;

/** Payment methods, as the seed's payload spells them. */
export const paymentMethods = [
  "Electronic check",
  "Mailed check",
  "Bank transfer",
  "Credit card",
] as const;

export type ContractType = (typeof contractTypes)[number];
export type PaymentMethod = (typeof paymentMethods)[number];
