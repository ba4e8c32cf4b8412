ALTER TABLE "model_deployments" ADD COLUMN "pointer_commit" text;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_author" text;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_subject" text;--> statement-breakpoint
-- Who pinned what, for BI tools: the deployment log with the pointer commit of each event.
CREATE VIEW "bi_model_deployments" AS
SELECT id AS deployment_id, model_name, version AS model_version, role, event, environment,
  reason, model_hash, data_hash, pointer_commit, pointer_author, pointer_committed_at,
  pointer_subject, created_at
FROM model_deployments;
