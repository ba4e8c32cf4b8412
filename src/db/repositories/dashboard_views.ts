/**
 * What the dashboard reads, through the BI views of migration 0003 (the numbers a BI tool
 * sees are the numbers the dashboard shows). Times come back as UTC ISO text and numbers as
 * doubles or integers, the same from PGlite and from Postgres.
 * @module
 */
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../client.ts";

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Requests and latency of one model in one UTC hour. */
export interface TrafficHour {
  hour: string;
  model: string;
  requests: number;
  p50: number;
  p99: number;
}

/** Hourly request volume and latency percentiles since `since`, oldest first. */
export function trafficByHour(db: Database, since: Date): Promise<TrafficHour[]> {
  return rows(
    db,
    sql`select ${iso(sql`hour_utc at time zone 'UTC'`)} as "hour", model_name as "model",
      requests as "requests", latency_p50_ms::float8 as "p50", latency_p99_ms::float8 as "p99"
    from bi_traffic_hourly
    where hour_utc >= date_trunc('hour', ${since.toISOString()}::timestamptz at time zone 'UTC')
    order by hour_utc, model_name`,
  );
}

/** Feedback-labelled predictions of one model, version, head and UTC day. */
export interface AccuracyDay {
  day: string;
  version: string;
  head: string;
  labelled: number;
  correct: number;
}

/** Production accuracy from feedback per day, version and head of `model`, oldest first. */
export function productionAccuracy(db: Database, model: string): Promise<AccuracyDay[]> {
  return rows(
    db,
    sql`select day_utc::text as "day", model_version as "version", head as "head",
      labelled as "labelled", correct as "correct"
    from bi_production_accuracy where model_name = ${model}
    order by day_utc, model_version, head`,
  );
}

/** How often the challenger predicted the champion's class, per head and version pair. */
export interface ChallengerAgreement {
  head: string;
  champion: string;
  challenger: string;
  scored: number;
  agreed: number;
}

/** Agreement of the shadow-scoring challenger with the champion, per head. */
export function challengerAgreement(db: Database, model: string): Promise<ChallengerAgreement[]> {
  return rows(
    db,
    sql`select head as "head", model_version as "champion", challenger_version as "challenger",
      count(*)::int as "scored",
      (count(*) filter (where challenger_label = predicted_label))::int as "agreed"
    from bi_predictions where model_name = ${model} and challenger_label is not null
    group by head, model_version, challenger_version order by head, model_version`,
  );
}

/** A labelled binary prediction: the champion's P(positive) and the truth. */
export interface LabelledScore {
  probability: number;
  positive: boolean;
}

/** The newest `limit` labelled predictions of a binary head (its positive class `positive`). */
export function labelledScores(
  db: Database,
  model: string,
  positive: string,
  limit: number,
): Promise<LabelledScore[]> {
  return rows(
    db,
    sql`select (o.scores ->> ${positive})::float8 as "probability", f.label = ${positive} as "positive"
    from feedback f
    join prediction_requests r on r.id = f.prediction_id
    join prediction_outputs o on o.prediction_id = f.prediction_id and o.head = f.head
      and o.role = 'champion'
    where r.model_name = ${model}
    order by r.created_at desc, r.id desc limit ${limit}`,
  );
}

/** A ticket's latest triage, as the tickets page lists it. */
export interface TicketTriageRow {
  ticketId: string;
  subject: string;
  body: string;
  channel: string;
  language: string | null;
  predictionId: string;
  version: string;
  predictedAt: string;
  topic: string;
  topicConfidence: number;
  urgency: string;
  urgencyConfidence: number;
  needsReview: boolean;
  trueTopic: string | null;
  trueUrgency: string | null;
}

/** Which triaged tickets to list. */
export interface TicketFilter {
  topic?: string;
  urgency?: string;
  needsReview?: boolean;
  limit: number;
}

/** The most recently triaged tickets matching `filter`, newest first. */
export function recentTicketTriage(db: Database, filter: TicketFilter): Promise<TicketTriageRow[]> {
  const conditions = [
    filter.topic === undefined ? undefined : sql`topic = ${filter.topic}`,
    filter.urgency === undefined ? undefined : sql`urgency = ${filter.urgency}`,
    filter.needsReview === undefined ? undefined : sql`needs_review = ${filter.needsReview}`,
  ].filter((c) => c !== undefined);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return rows(
    db,
    sql`select ticket_id::text as "ticketId", subject as "subject", body as "body",
      channel as "channel", language as "language", prediction_id::text as "predictionId",
      model_version as "version", ${iso(sql`predicted_at`)} as "predictedAt",
      topic as "topic", topic_confidence::float8 as "topicConfidence", urgency as "urgency",
      urgency_confidence::float8 as "urgencyConfidence", needs_review as "needsReview",
      true_topic as "trueTopic", true_urgency as "trueUrgency"
    from bi_ticket_triage ${where}
    order by predicted_at desc, prediction_id desc limit ${filter.limit}`,
  );
}

/** A customer's profile and latest churn score. */
export interface CustomerRisk {
  customerId: string;
  tenure: number;
  monthlyCharges: number;
  totalCharges: number;
  contractType: string;
  paymentMethod: string;
  complaints: number | null;
  churnProbability: number;
  predictedAt: string;
}

/** Customers by latest churn probability, highest first (scored customers only). */
export function highestRiskCustomers(db: Database, limit: number): Promise<CustomerRisk[]> {
  return rows(
    db,
    sql`select customer_id as "customerId", tenure as "tenure",
      monthly_charges::float8 as "monthlyCharges", total_charges::float8 as "totalCharges",
      contract_type as "contractType", payment_method as "paymentMethod",
      complaints as "complaints", churn_probability as "churnProbability",
      ${iso(sql`predicted_at`)} as "predictedAt"
    from bi_customers where churn_probability is not null
    order by churn_probability desc, customer_id limit ${limit}`,
  );
}

/** How many scored customers fall in each tenth of churn probability (index 0: [0, 0.1)). */
export async function churnRiskDeciles(db: Database): Promise<number[]> {
  const counted = await rows<{ bucket: number; customers: number }>(
    db,
    sql`select least(floor(churn_probability * 10), 9)::int as "bucket",
      count(*)::int as "customers"
    from bi_customers where churn_probability is not null group by 1`,
  );
  const deciles = Array<number>(10).fill(0);
  for (const { bucket, customers } of counted) deciles[bucket] = customers;
  return deciles;
}
