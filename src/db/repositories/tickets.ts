import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { Database } from "../client.ts";
import { ticketFeatures, tickets } from "../schema.ts";
import { inTransaction } from "../transaction.ts";
import { chunked } from "./chunked.ts";
import { excludedColumns } from "./excluded.ts";

export type NewTicket = typeof tickets.$inferInsert;
export type Ticket = typeof tickets.$inferSelect;
export type TicketFeatures = typeof ticketFeatures.$inferSelect;
export type NewTicketFeatures = typeof ticketFeatures.$inferInsert;

/**
 * Inserts tickets in chunks inside one transaction, skipping ids already stored (re-running
 * a seeded generator is idempotent); returns the ids actually inserted.
 */
export function insertTickets(db: Database, rows: readonly NewTicket[]): Promise<string[]> {
  return inTransaction(db, async (tx) => {
    const ids: string[] = [];
    for (const chunk of chunked(rows)) {
      const inserted = await tx.insert(tickets).values(chunk).onConflictDoNothing()
        .returning({ id: tickets.id });
      ids.push(...inserted.map((row) => row.id));
    }
    return ids;
  });
}

/**
 * Stores a ticket and its features atomically (the `POST /v1/tickets` path): ONE statement,
 * both inserts as data-modifying CTEs, with the id chosen here; one round trip on the
 * request path instead of a transaction's four.
 */
export async function insertTicketWithFeatures(
  db: Database,
  ticket: Omit<NewTicket, "id">,
  features: Omit<NewTicketFeatures, "ticketId">,
): Promise<Ticket> {
  const id = uuidv7();
  const stored = db.$with("stored").as(db.insert(tickets).values({ ...ticket, id }).returning());
  const withFeatures = db.$with("features").as(
    db.insert(ticketFeatures).values({ ...features, ticketId: id }).returning(),
  );
  const [row] = await db.with(stored, withFeatures).select().from(stored);
  return row;
}

/** Inserts or replaces computed features (re-running the features step is idempotent). */
export async function upsertTicketFeatures(
  db: Database,
  rows: readonly NewTicketFeatures[],
): Promise<void> {
  for (const chunk of chunked(rows)) {
    await db.insert(ticketFeatures).values(chunk).onConflictDoUpdate({
      target: ticketFeatures.ticketId,
      set: excludedColumns(ticketFeatures, [
        "text",
        "language",
        "tokenCount",
        "featureVersion",
        "computedAt",
      ]),
    });
  }
}

/** A ticket with its stored features (`features` is null until computed). */
export async function findTicket(
  db: Database,
  id: string,
): Promise<(Ticket & { features: TicketFeatures | null }) | undefined> {
  const [row] = await db.select().from(tickets)
    .leftJoin(ticketFeatures, eq(ticketFeatures.ticketId, tickets.id))
    .where(eq(tickets.id, id));
  return row && { ...row.tickets, features: row.ticket_features };
}

/** Every ticket with its features, ordered by id (deterministic exports). */
export async function listTicketsWithFeatures(
  db: Database,
): Promise<(Ticket & { features: TicketFeatures | null })[]> {
  const rows = await db.select().from(tickets)
    .leftJoin(ticketFeatures, eq(ticketFeatures.ticketId, tickets.id))
    .orderBy(tickets.id);
  return rows.map((row) => ({ ...row.tickets, features: row.ticket_features }));
}
