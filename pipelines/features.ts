/**
 * Step 2: model-ready features stored in `ticket_features` and `customer_features`.
 *   deno task features
 */
import type { Database } from "../src/db/client.ts";
import {
  listCustomersWithFeatures,
  upsertCustomerFeatures,
} from "../src/db/repositories/customers.ts";
import { listTicketsWithFeatures, upsertTicketFeatures } from "../src/db/repositories/tickets.ts";
import { customerFeatureValues } from "../src/models/churn/customer_features.ts";
import { ticketFeatureValues } from "../src/models/ticket_triage/ticket_features.ts";
import { runMain, withDatabase } from "../src/cli.ts";

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

if (import.meta.main) {
  await runMain(async () => {
    const counts = await withDatabase(computeFeatures);
    console.log(
      `Features computed for ${counts.tickets} tickets and ${counts.customers} customers`,
    );
  });
}
