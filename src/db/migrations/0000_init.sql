CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"severity" text NOT NULL,
	"model_name" text,
	"message" text NOT NULL,
	"details" jsonb,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_features" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"features" jsonb NOT NULL,
	"feature_version" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"tenure" integer NOT NULL,
	"monthly_charges" double precision NOT NULL,
	"total_charges" double precision NOT NULL,
	"contract_type" text NOT NULL,
	"payment_method" text NOT NULL,
	"complaints" integer,
	"usage_minutes" double precision,
	"age" integer,
	"income" double precision,
	"churned" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drift_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_name" text NOT NULL,
	"model_version" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"drift_detected" boolean NOT NULL,
	"drift_share" real NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prediction_id" uuid NOT NULL,
	"head" text NOT NULL,
	"label" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_name" text NOT NULL,
	"version" text NOT NULL,
	"role" text NOT NULL,
	"event" text NOT NULL,
	"model_hash" text,
	"data_hash" text,
	"environment" text,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prediction_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prediction_id" uuid NOT NULL,
	"role" text NOT NULL,
	"model_version" text NOT NULL,
	"head" text NOT NULL,
	"label" text NOT NULL,
	"confidence" real NOT NULL,
	"scores" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prediction_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" text NOT NULL,
	"model_name" text NOT NULL,
	"model_version" text NOT NULL,
	"input" jsonb NOT NULL,
	"latency_ms" real NOT NULL,
	"ticket_id" uuid,
	"customer_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_features" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"language" text NOT NULL,
	"token_count" integer NOT NULL,
	"feature_version" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"channel" text NOT NULL,
	"language" text,
	"topic" text,
	"urgency" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_features" ADD CONSTRAINT "customer_features_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_prediction_id_prediction_requests_id_fk" FOREIGN KEY ("prediction_id") REFERENCES "public"."prediction_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_outputs" ADD CONSTRAINT "prediction_outputs_prediction_id_prediction_requests_id_fk" FOREIGN KEY ("prediction_id") REFERENCES "public"."prediction_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_requests" ADD CONSTRAINT "prediction_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_requests" ADD CONSTRAINT "prediction_requests_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_features" ADD CONSTRAINT "ticket_features_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_created_at_idx" ON "alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "drift_reports_model_created_at_idx" ON "drift_reports" USING btree ("model_name","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_prediction_head_idx" ON "feedback" USING btree ("prediction_id","head");--> statement-breakpoint
CREATE INDEX "model_deployments_model_created_at_idx" ON "model_deployments" USING btree ("model_name","created_at");--> statement-breakpoint
CREATE INDEX "prediction_outputs_prediction_id_idx" ON "prediction_outputs" USING btree ("prediction_id");--> statement-breakpoint
CREATE INDEX "prediction_requests_model_created_at_idx" ON "prediction_requests" USING btree ("model_name","model_version","created_at");--> statement-breakpoint
CREATE INDEX "prediction_requests_request_id_idx" ON "prediction_requests" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "tickets_created_at_idx" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_source_created_at_idx" ON "tickets" USING btree ("source","created_at");