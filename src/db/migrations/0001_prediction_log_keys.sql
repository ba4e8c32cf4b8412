-- The prediction log's output rows: keyed by what they are (a prediction's head, per role)
-- instead of a random surrogate id and a second index, and without a per-row foreign-key
-- check (the writer's single statement inserts outputs only for inserted requests).
ALTER TABLE "prediction_outputs" DROP CONSTRAINT "prediction_outputs_prediction_id_prediction_requests_id_fk";--> statement-breakpoint
ALTER TABLE "prediction_outputs" DROP COLUMN "id";--> statement-breakpoint
DROP INDEX "prediction_outputs_prediction_id_idx";--> statement-breakpoint
ALTER TABLE "prediction_outputs" ADD CONSTRAINT "prediction_outputs_prediction_id_role_head_pk" PRIMARY KEY("prediction_id","role","head");
