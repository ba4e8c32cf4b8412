/**
 * The generator's urgency follows the ticket's impact, not its loud words: on the generated
 * test split a keyword rule (the words people use to sound urgent) scores far below the model,
 * which has to read who is stopped, whether there is a workaround and what the deadline is.
 */
import assert from "node:assert/strict";
import { classificationReport } from "../../src/ml/metrics/classification_metrics.ts";
import { initTensorflow } from "../../src/ml/inference/backend.ts";
import { trainAndEvaluate } from "../../src/ml/training/train_and_evaluate.ts";
import { type TicketRow, ticketTriage } from "../../src/models/ticket_triage/model.ts";
import { urgencies } from "../../src/domain/ticket.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import { ticketRowOf } from "../support/ticket_rows.ts";

/** Urgency from cue words alone, in English and French. */
function keywordUrgency({ subject, body }: { subject: string; body: string }): string {
  const text = `${subject} ${body}`.toLowerCase();
  if (/critical|critique|outage|panne|p1\b|sev1|emergency/.test(text)) return "critical";
  if (/urgent|asap|au plus vite|!!|immediately|immédiatement/.test(text)) return "high";
  if (/no rush|not urgent|pas urgent|rien ne presse|question|when you have time/.test(text)) {
    return "low";
  }
  return "medium";
}

Deno.test("a keyword rule scores far below the model on the generated urgency", async () => {
  await initTensorflow();
  const rows = generateTickets({ count: 4000, seed: 23 }).map(ticketRowOf);
  const outcome = await trainAndEvaluate(ticketTriage, rows, {
    seed: 23,
    quiet: true,
    maxEpochs: 4,
  });
  try {
    const test = outcome.test.rows as TicketRow[];
    const rule = classificationReport(
      test.map((row) => row.urgency),
      test.map(keywordUrgency),
      urgencies,
    ).macro.f1;
    const model = outcome.evaluations[1].model.macro.f1;
    assert.ok(model - rule > 0.2, `model ${model.toFixed(3)}, keyword rule ${rule.toFixed(3)}`);
  } finally {
    outcome.model.dispose();
  }
});
