-- Read-only views for BI tools (Power BI, Metabase) and the dashboard: plain columns, one row
-- per fact, times in UTC. docs/dashboard.md describes each one. `needs_review` is read from the
-- stored row as JSON, so a column of that name added to the prediction log is picked up and
-- its absence reads as false.
CREATE VIEW "bi_predictions" AS
SELECT r.id AS prediction_id, r.request_id, r.model_name, o.model_version, o.head,
  o.label AS predicted_label, o.confidence,
  COALESCE((to_jsonb(o) ->> 'needs_review')::boolean, (to_jsonb(r) ->> 'needs_review')::boolean, false) AS needs_review,
  r.latency_ms, r.ticket_id, r.customer_id, r.created_at AS predicted_at,
  c.model_version AS challenger_version, c.label AS challenger_label,
  f.label AS true_label, f.created_at AS feedback_at,
  CASE WHEN f.label IS NULL THEN NULL ELSE f.label = o.label END AS correct
FROM prediction_requests r
JOIN prediction_outputs o ON o.prediction_id = r.id AND o.role = 'champion'
LEFT JOIN prediction_outputs c ON c.prediction_id = r.id AND c.role = 'challenger' AND c.head = o.head
LEFT JOIN feedback f ON f.prediction_id = r.id AND f.head = o.head;
--> statement-breakpoint
CREATE VIEW "bi_feedback" AS
SELECT f.id AS feedback_id, f.prediction_id, r.model_name, o.model_version, f.head,
  o.label AS predicted_label, f.label AS true_label, o.label = f.label AS correct, f.comment,
  r.created_at AS predicted_at, f.created_at AS feedback_at
FROM feedback f
JOIN prediction_requests r ON r.id = f.prediction_id
JOIN prediction_outputs o ON o.prediction_id = f.prediction_id AND o.head = f.head AND o.role = 'champion';
--> statement-breakpoint
CREATE VIEW "bi_production_accuracy" AS
SELECT model_name, model_version, head, (predicted_at AT TIME ZONE 'UTC')::date AS day_utc,
  count(*)::integer AS labelled, (count(*) FILTER (WHERE correct))::integer AS correct,
  avg(correct::integer)::double precision AS accuracy
FROM bi_feedback
GROUP BY model_name, model_version, head, day_utc;
--> statement-breakpoint
CREATE VIEW "bi_traffic_hourly" AS
SELECT date_trunc('hour', created_at AT TIME ZONE 'UTC') AS hour_utc, model_name,
  count(*)::integer AS requests,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS latency_p50_ms,
  percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS latency_p99_ms
FROM prediction_requests
GROUP BY hour_utc, model_name;
--> statement-breakpoint
CREATE VIEW "bi_ticket_triage" AS
-- The latest triage of each ticket found in one pass over the ticket predictions (no lookup
-- per ticket), then its outputs and labels by their keys on the prediction id.
SELECT t.id AS ticket_id, t.subject, t.body, t.channel, t.language, t.source,
  t.created_at AS ticket_created_at, latest.prediction_id, latest.model_version,
  latest.predicted_at, p.topic, p.topic_confidence, p.urgency, p.urgency_confidence,
  COALESCE(p.needs_review, latest.needs_review, false) AS needs_review, p.true_topic, p.true_urgency
FROM (
  SELECT DISTINCT ON (r.ticket_id) r.ticket_id, r.id AS prediction_id, r.model_version,
    r.created_at AS predicted_at, (to_jsonb(r) ->> 'needs_review')::boolean AS needs_review
  FROM prediction_requests r
  WHERE r.ticket_id IS NOT NULL
  ORDER BY r.ticket_id, r.created_at DESC, r.id DESC
) latest
JOIN tickets t ON t.id = latest.ticket_id
CROSS JOIN LATERAL (
  SELECT max(o.label) FILTER (WHERE o.head = 'topic') AS topic,
    max(o.confidence) FILTER (WHERE o.head = 'topic') AS topic_confidence,
    max(o.label) FILTER (WHERE o.head = 'urgency') AS urgency,
    max(o.confidence) FILTER (WHERE o.head = 'urgency') AS urgency_confidence,
    bool_or((to_jsonb(o) ->> 'needs_review')::boolean) AS needs_review,
    max(f.label) FILTER (WHERE o.head = 'topic') AS true_topic,
    max(f.label) FILTER (WHERE o.head = 'urgency') AS true_urgency
  FROM prediction_outputs o
  LEFT JOIN feedback f ON f.prediction_id = o.prediction_id AND f.head = o.head
  WHERE o.prediction_id = latest.prediction_id AND o.role = 'champion'
) p;
--> statement-breakpoint
CREATE VIEW "bi_customers" AS
SELECT c.id AS customer_id, c.tenure, c.monthly_charges, c.total_charges, c.contract_type,
  c.payment_method, c.complaints, c.usage_minutes, c.age, c.income, c.churned,
  p.prediction_id, p.model_version, p.predicted_at, p.churn_probability, p.predicted_churn
FROM customers c
LEFT JOIN (
  SELECT DISTINCT ON (r.customer_id) r.customer_id, r.id AS prediction_id, o.model_version,
    r.created_at AS predicted_at, (o.scores ->> '1')::double precision AS churn_probability,
    o.label = '1' AS predicted_churn
  FROM prediction_requests r
  JOIN prediction_outputs o ON o.prediction_id = r.id AND o.role = 'champion'
  WHERE r.customer_id IS NOT NULL AND r.model_name = 'churn'
  ORDER BY r.customer_id, r.created_at DESC, r.id DESC
) p ON p.customer_id = c.id;
--> statement-breakpoint
CREATE VIEW "bi_drift_reports" AS
SELECT id AS report_id, model_name, model_version, window_start, window_end,
  report ->> 'status' AS status, drift_detected, drift_share,
  (report -> 'summary' ->> 'requests')::integer AS requests,
  jsonb_array_length(COALESCE(report -> 'summary' -> 'drifted_columns', '[]'::jsonb)) AS drifted_column_count,
  (SELECT string_agg(col, ', ') FROM jsonb_array_elements_text(COALESCE(report -> 'summary' -> 'drifted_columns', '[]'::jsonb)) AS col) AS drifted_columns,
  created_at
FROM drift_reports;
--> statement-breakpoint
CREATE VIEW "bi_report_accuracy" AS
SELECT d.id AS report_id, d.model_name, d.model_version, a.key AS head,
  (a.value #>> '{}')::double precision AS accuracy, d.created_at
FROM drift_reports d
CROSS JOIN LATERAL jsonb_each(COALESCE(d.report -> 'summary' -> 'accuracy', '{}'::jsonb)) AS a;
--> statement-breakpoint
CREATE VIEW "bi_alerts" AS
SELECT id AS alert_id, kind, severity, model_name, message, created_at, resolved_at,
  resolved_at IS NULL AS is_open, delivered_at
FROM alerts;
