ALTER TABLE "model_deployments" ADD COLUMN "pointer_commit" text;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_author" text;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "model_deployments" ADD COLUMN "pointer_subject" text;