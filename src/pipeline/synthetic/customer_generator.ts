/**
 * Seeded synthetic telecom-style customers for the churn model. Churn is drawn from a logistic
 * model of the features (contract, payment method, tenure, charges, complaints, usage) plus
 * noise, the way classic synthetic churn data sets are built, so that a logistic regression
 * reaches a ROC AUC in the mid 0.80s at a churn rate near 25%.
 */
import type { contractTypes, paymentMethods } from "../../domain/customer.ts";
import { createRandom, type Random } from "../../ml/random.ts";

/** Contract type of the `customers` table. */
export type ContractType = (typeof contractTypes)[number];
/** Payment method of the `customers` table. */
export type PaymentMethod = (typeof paymentMethods)[number];

/** One generated customer: exactly the insert shape of the `customers` table. */
export interface SyntheticCustomer {
  /** "C" and a zero-padded 6-digit index, from C000001. */
  id: string;
  /** Whole months as a customer, 0-72. */
  tenure: number;
  monthlyCharges: number;
  totalCharges: number;
  contractType: ContractType;
  paymentMethod: PaymentMethod;
  complaints: number | null;
  usageMinutes: number | null;
  age: number | null;
  income: number | null;
  churned: boolean;
}

/** Options of {@linkcode generateCustomers}. */
export interface CustomerGeneratorOptions {
  /** How many customers (a non-negative integer, at most 999,999 so ids keep 6 digits). */
  count: number;
  /** Seed of the PRNG: equal options give deeply equal output. */
  seed: number;
  /** Draw from the shifted population: dearer, newer, more month-to-month, more complaints. */
  drifted?: boolean;
}

interface CustomerProfile {
  readonly contracts: Readonly<Record<ContractType, number>>;
  readonly tenureScale: number;
  readonly chargeScale: number;
  readonly complaintRate: number;
}

const baseline: CustomerProfile = {
  contracts: { "Month-to-month": 0.5, "One year": 0.25, "Two year": 0.25 },
  tenureScale: 1,
  chargeScale: 1,
  complaintRate: 0.9,
};
const drifted: CustomerProfile = {
  contracts: { "Month-to-month": 0.65, "One year": 0.2, "Two year": 0.15 },
  tenureScale: 0.7,
  chargeScale: 1.25,
  complaintRate: 1.6,
};

// Month-to-month customers pay by electronic check far more often (as in the Telco data).
const paymentsMonthly = {
  "Electronic check": 0.45,
  "Mailed check": 0.2,
  "Bank transfer": 0.17,
  "Credit card": 0.18,
} as const;
const paymentsContract = {
  "Electronic check": 0.18,
  "Mailed check": 0.22,
  "Bank transfer": 0.3,
  "Credit card": 0.3,
} as const;

/** Log-odds contributions of the categorical features. */
const contractEffect: Record<ContractType, number> = {
  "Month-to-month": 0.9,
  "One year": -0.4,
  "Two year": -1.4,
};
const paymentEffect: Record<PaymentMethod, number> = {
  "Electronic check": 0.5,
  "Mailed check": 0.05,
  "Bank transfer": -0.2,
  "Credit card": -0.25,
};
const INTERCEPT = -1.6;
/** Unobserved causes of churn: keeps the best achievable AUC well below 1. */
const LOGIT_NOISE_SD = 0.9;
/** Share of nulls per optional column (the quality gate refuses more than 5%). */
const missingShare = { complaints: 0.012, usageMinutes: 0.018, age: 0.015, income: 0.02 } as const;

/** Generates `count` customers C000001...; pure and deterministic for given options. */
export function generateCustomers(options: CustomerGeneratorOptions): SyntheticCustomer[] {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0 || count > 999_999) {
    throw new RangeError(
      `Cannot generate customers: count must be an integer in [0, 999999], got ${count}`,
    );
  }
  const random = createRandom(seed);
  const profile = options.drifted ? drifted : baseline;
  const customers = Array.from({ length: count }, (_, i) => drawCustomer(random, profile, i + 1));
  for (
    const [column, share] of Object.entries(missingShare) as [keyof typeof missingShare, number][]
  ) {
    for (const index of sampleIndices(random, count, Math.round(share * count))) {
      customers[index][column] = null;
    }
  }
  return customers;
}

function drawCustomer(random: Random, profile: CustomerProfile, index: number): SyntheticCustomer {
  const contractType = random.weighted(profile.contracts);
  const paymentMethod = random.weighted(
    contractType === "Month-to-month" ? paymentsMonthly : paymentsContract,
  );
  const tenure = drawTenure(random, contractType, profile.tenureScale);
  const monthlyCharges = round2(drawCharge(random) * profile.chargeScale);
  const totalCharges = round2(
    tenure === 0
      ? monthlyCharges * random.next()
      : Math.max(monthlyCharges, tenure * monthlyCharges * random.normal(1, 0.05)),
  );
  const complaints = Math.min(10, poisson(random, profile.complaintRate));
  const usageMinutes = round1(Math.max(0, random.normal(380, 140) + 2 * Math.min(tenure, 36)));
  const age = Math.round(clamp(random.normal(45, 14), 18, 90));
  const income = Math.round(clamp(Math.exp(random.normal(Math.log(42_000), 0.45)), 8_000, 400_000));

  const logit = INTERCEPT + contractEffect[contractType] + paymentEffect[paymentMethod] -
    0.035 * (tenure - 24) +
    0.02 * (monthlyCharges - 65) +
    0.35 * (complaints - 1) -
    0.003 * (usageMinutes - 380) -
    0.008 * (age - 45) +
    random.normal(0, LOGIT_NOISE_SD);
  return {
    id: `C${String(index).padStart(6, "0")}`,
    tenure,
    monthlyCharges,
    totalCharges,
    contractType,
    paymentMethod,
    complaints,
    usageMinutes,
    age,
    income,
    churned: random.chance(1 / (1 + Math.exp(-logit))),
  };
}

/** Long contracts belong to long-standing customers; month-to-month ones are often new. */
function drawTenure(random: Random, contract: ContractType, scale: number): number {
  const months = contract === "Month-to-month"
    ? -Math.log(1 - random.next()) * 16
    : contract === "One year"
    ? random.normal(32, 16)
    : random.normal(48, 16);
  return Math.round(clamp(months * scale, contract === "Month-to-month" ? 0 : 1, 72));
}

/** Two tiers, like phone-only versus bundled plans; redrawn rather than clamped (no spikes). */
function drawCharge(random: Random): number {
  if (random.chance(0.22)) return 18 + 10 * random.next() ** 1.5;
  let charge: number;
  do charge = random.normal(74, 21); while (charge < 30 || charge > 120);
  return charge;
}

/** Knuth's method; fine for the small rates used here. */
function poisson(random: Random, rate: number): number {
  const limit = Math.exp(-rate);
  let k = 0;
  for (let p = random.next(); p > limit; p *= random.next()) k++;
  return k;
}

/** `k` distinct indices below `n` (partial Fisher-Yates), so the null share is exact. */
function sampleIndices(random: Random, n: number, k: number): number[] {
  const pool = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = random.int(i, n - 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const round2 = (x: number) => Math.round(x * 100) / 100;
const round1 = (x: number) => Math.round(x * 10) / 10;
