-- Output rows are keyed by what they are (a prediction's head, per role): the random
-- surrogate id and its index cost every logged prediction two scattered index inserts.
ALTER TABLE "prediction_outputs" DROP COLUMN "id";--> statement-breakpoint
DROP INDEX "prediction_outputs_prediction_id_idx";--> statement-breakpoint
ALTER TABLE "prediction_outputs" ADD CONSTRAINT "prediction_outputs_prediction_id_role_head_pk" PRIMARY KEY("prediction_id","role","head");
