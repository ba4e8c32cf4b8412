import type { Customer } from "../../db/mod.ts";
import type { ChurnInput } from "./schema.ts";

/** Version of the stored customer features. */
export const customerFeatureVersion = "1";

/** A stored customer as the churn request schema (snake_case; unknown values left out). */
export function churnInputOf(customer: Customer): ChurnInput {
  const optional = {
    complaints: customer.complaints,
    usage_minutes: customer.usageMinutes,
    age: customer.age,
    income: customer.income,
  };
  return {
    tenure: customer.tenure,
    monthly_charges: customer.monthlyCharges,
    total_charges: customer.totalCharges,
    contract_type: customer.contractType,
    payment_method: customer.paymentMethod,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
  };
}

/** The `customer_features` values of a customer. */
export function customerFeatureValues(customer: Customer) {
  return { features: churnInputOf(customer), featureVersion: customerFeatureVersion };
}
