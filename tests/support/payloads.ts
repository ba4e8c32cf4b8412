/** Request bodies the serving tests send. */

/** A ticket-triage instance. */
export const sampleTicket = {
  subject: "VPN down",
  body: "Nobody in finance can connect since 9am",
};

/** The seed's churn payload, verbatim. */
export const seedCustomer = {
  tenure: 12,
  monthly_charges: 65.5,
  total_charges: 786.0,
  contract_type: "Month-to-month",
  payment_method: "Electronic check",
};
