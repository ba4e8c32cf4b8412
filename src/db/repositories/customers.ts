import { eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { customerFeatures, customers } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked } from "./chunked.ts";
import { excludedColumns } from "./excluded.ts";

export type NewCustomer = typeof customers.$inferInsert;
export type Customer = typeof customers.$inferSelect;
export type NewCustomerFeatures = typeof customerFeatures.$inferInsert;
export type CustomerFeatures = typeof customerFeatures.$inferSelect;

/** Inserts or updates customers by id, in chunks inside one transaction. */
export function upsertCustomers(db: Database, rows: readonly NewCustomer[]): Promise<void> {
  return inTransaction(db, async (tx) => {
    for (const chunk of chunked(rows)) {
      await tx.insert(customers).values(chunk).onConflictDoUpdate({
        target: customers.id,
        set: excludedColumns(customers, [
          "tenure",
          "monthlyCharges",
          "totalCharges",
          "contractType",
          "paymentMethod",
          "complaints",
          "usageMinutes",
          "age",
          "income",
          "churned",
        ]),
      });
    }
  });
}

/** Inserts or replaces computed churn features. */
export async function upsertCustomerFeatures(
  db: Database,
  rows: readonly NewCustomerFeatures[],
): Promise<void> {
  for (const chunk of chunked(rows)) {
    await db.insert(customerFeatures).values(chunk).onConflictDoUpdate({
      target: customerFeatures.customerId,
      set: excludedColumns(customerFeatures, ["features", "featureVersion", "computedAt"]),
    });
  }
}

/** The stored features of one customer, or undefined when the customer has none yet. */
export async function findCustomerFeatures(
  db: Database,
  customerId: string,
): Promise<CustomerFeatures | undefined> {
  const [row] = await db.select().from(customerFeatures)
    .where(eq(customerFeatures.customerId, customerId));
  return row;
}

/** One customer by id. */
export async function findCustomer(db: Database, id: string): Promise<Customer | undefined> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row;
}

/** Every customer with its features, ordered by id (deterministic exports). */
export async function listCustomersWithFeatures(
  db: Database,
): Promise<(Customer & { features: CustomerFeatures | null })[]> {
  const rows = await db.select().from(customers)
    .leftJoin(customerFeatures, eq(customerFeatures.customerId, customers.id))
    .orderBy(customers.id);
  return rows.map((row) => ({ ...row.customers, features: row.customer_features }));
}
