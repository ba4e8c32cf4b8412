import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contractTypes, paymentMethods } from "../domain/customer.ts";
import { channels, languages, ticketSources } from "../domain/ticket.ts";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Support tickets, from the synthetic generator or from `POST /v1/tickets`. */
export const tickets = pgTable("tickets", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  channel: text("channel", { enum: channels }).notNull(),
  language: text("language", { enum: languages }),
  topic: text("topic"),
  urgency: text("urgency"),
  source: text("source", { enum: ticketSources }).notNull(),
  createdAt: createdAt(),
}, (table) => [
  index("tickets_created_at_idx").on(table.createdAt),
  index("tickets_source_created_at_idx").on(table.source, table.createdAt),
]);

/** Model-ready view of a ticket, computed once by the features step or on ingestion. */
export const ticketFeatures = pgTable("ticket_features", {
  ticketId: uuid("ticket_id").primaryKey().references(() => tickets.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  language: text("language", { enum: languages }).notNull(),
  tokenCount: integer("token_count").notNull(),
  featureVersion: text("feature_version").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Customers with the raw attributes of the churn schema and, when known, the outcome. */
export const customers = pgTable("customers", {
  id: text("id").primaryKey(),
  tenure: integer("tenure").notNull(),
  monthlyCharges: doublePrecision("monthly_charges").notNull(),
  totalCharges: doublePrecision("total_charges").notNull(),
  contractType: text("contract_type", { enum: contractTypes }).notNull(),
  paymentMethod: text("payment_method", { enum: paymentMethods }).notNull(),
  complaints: integer("complaints"),
  usageMinutes: doublePrecision("usage_minutes"),
  age: integer("age"),
  income: doublePrecision("income"),
  churned: boolean("churned"),
  createdAt: createdAt(),
});

/** Model-ready churn inputs per customer (the churn request schema, missing values resolved). */
export const customerFeatures = pgTable("customer_features", {
  customerId: text("customer_id").primaryKey().references(() => customers.id, {
    onDelete: "cascade",
  }),
  features: jsonb("features").$type<Record<string, number | string>>().notNull(),
  featureVersion: text("feature_version").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One row per scored instance; its id is the `prediction_id` returned to clients. */
export const predictionRequests = pgTable("prediction_requests", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  requestId: text("request_id").notNull(),
  modelName: text("model_name").notNull(),
  modelVersion: text("model_version").notNull(),
  input: jsonb("input").$type<Record<string, unknown>>().notNull(),
  latencyMs: real("latency_ms").notNull(),
  ticketId: uuid("ticket_id").references(() => tickets.id, { onDelete: "set null" }),
  customerId: text("customer_id").references(() => customers.id, { onDelete: "set null" }),
  createdAt: createdAt(),
}, (table) => [
  // Ends with id so the monitor's keyset pages (ordered by created_at, id) read only a page.
  index("prediction_requests_model_created_at_id_idx").on(
    table.modelName,
    table.modelVersion,
    table.createdAt,
    table.id,
  ),
  index("prediction_requests_request_id_idx").on(table.requestId),
]);

/** What a model answered for a request: one row per head, for the champion and any challenger. */
export const predictionOutputs = pgTable("prediction_outputs", {
  // No foreign key: the log writes a request and its outputs in one statement that only
  // inserts outputs of inserted requests, and a per-row key check cost about 40% of every
  // write (bench/RESULTS.md). Retention deletes both tables by prediction id.
  predictionId: uuid("prediction_id").notNull(),
  role: text("role", { enum: ["champion", "challenger"] }).notNull(),
  modelVersion: text("model_version").notNull(),
  head: text("head").notNull(),
  label: text("label").notNull(),
  confidence: real("confidence").notNull(),
  scores: jsonb("scores").$type<Record<string, number>>().notNull(),
  createdAt: createdAt(),
}, (table) => [
  // One row per head and role of a prediction; the key also serves lookups by prediction.
  primaryKey({ columns: [table.predictionId, table.role, table.head] }),
]);

/** Ground truth sent back by clients for a prediction and head. */
export const feedback = pgTable("feedback", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  predictionId: uuid("prediction_id").notNull().references(() => predictionRequests.id, {
    onDelete: "cascade",
  }),
  head: text("head").notNull(),
  label: text("label").notNull(),
  comment: text("comment"),
  createdAt: createdAt(),
}, (table) => [
  uniqueIndex("feedback_prediction_head_idx").on(table.predictionId, table.head),
]);

/** Drift and quality reports (Evidently-compatible JSON) computed by the monitor. */
export const driftReports = pgTable("drift_reports", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  modelName: text("model_name").notNull(),
  modelVersion: text("model_version").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
  driftDetected: boolean("drift_detected").notNull(),
  driftShare: real("drift_share").notNull(),
  report: jsonb("report").$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
}, (table) => [
  index("drift_reports_model_created_at_idx").on(table.modelName, table.createdAt),
]);

/**
 * Alerts raised by monitoring (drift, accuracy drop, latency), open until their condition
 * clears (`resolved_at`), and whether the webhook took their latest state (`delivered_at`:
 * the raise, or once resolved the resolution).
 */
export const alerts = pgTable("alerts", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  kind: text("kind").notNull(),
  severity: text("severity", { enum: ["info", "warning", "critical"] }).notNull(),
  modelName: text("model_name"),
  message: text("message").notNull(),
  details: jsonb("details").$type<Record<string, unknown>>(),
  deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  createdAt: createdAt(),
}, (table) => [
  index("alerts_created_at_idx").on(table.createdAt),
  // At most one open alert per condition and model: two monitor runs racing (two replicas)
  // cannot both raise it, and finding the open one is an index lookup.
  uniqueIndex("alerts_open_kind_model_idx").on(table.kind, table.modelName)
    .where(sql`resolved_at is null`),
  // What the webhook has not taken yet, re-sent on the next monitor run.
  index("alerts_undelivered_idx").on(table.createdAt).where(sql`delivered_at is null`),
]);

/** Which model version served when: every load, swap or refusal the server performed. */
export const modelDeployments = pgTable("model_deployments", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  modelName: text("model_name").notNull(),
  version: text("version").notNull(),
  role: text("role", { enum: ["champion", "challenger"] }).notNull(),
  event: text("event", { enum: ["loaded", "refused", "unloaded"] }).notNull(),
  modelHash: text("model_hash"),
  dataHash: text("data_hash"),
  environment: text("environment"),
  reason: text("reason"),
  /**
   * The last commit of the pointer file the server read, when it was committed as read in a
   * git checkout: which commit pinned the version, who made it and when.
   */
  pointerCommit: text("pointer_commit"),
  pointerAuthor: text("pointer_author"),
  pointerCommittedAt: timestamp("pointer_committed_at", { withTimezone: true }),
  pointerSubject: text("pointer_subject"),
  createdAt: createdAt(),
}, (table) => [
  index("model_deployments_model_created_at_idx").on(table.modelName, table.createdAt),
]);
