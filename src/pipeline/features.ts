/**
 * Step 2: model-ready features stored in `ticket_features` and `customer_features`.
 */
import {
  type Database,
  listCustomersWithFeatures,
  listTicketsWithFeatures,
  upsertCustomerFeatures,
  upsertTicketFeatures,
} from "../db/mod.ts";
import { customerFeatureValues } from "../models/churn/customer_features.ts";
import { ticketFeatureValues } from "../models/ticket_triage/ticket_features.ts";

/** Computes (or recomputes) the features of every ticket and customer. */
export async function computeFeatures(
  db: Database,
): Promise<{ tickets: number; customers: number }> {
  const tickets = await listTicketsWithFeatures(db);
  await upsertTicketFeatures(
    db,
    tickets.map((ticket) => ({
      ticketId: ticket.id,
      ...ticketFeatureValues(ticket),
    })),
  );
  const customers = await listCustomersWithFeatures(db);
  await upsertCustomerFeatures(
    db,
    customers.map((customer) => ({
      customerId: customer.id,
      ...customerFeatureValues(customer),
    })),
  );
  return { tickets: tickets.length, customers: customers.length };
}
