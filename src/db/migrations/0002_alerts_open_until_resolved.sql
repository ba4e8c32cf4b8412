ALTER TABLE "alerts" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_kind_model_idx" ON "alerts" USING btree ("kind","model_name") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "alerts_undelivered_idx" ON "alerts" USING btree ("created_at") WHERE delivered_at is null;