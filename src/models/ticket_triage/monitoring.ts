import {
  type MonitoredOutput,
  type MonitoringSpec,
  outputColumns,
} from "../../domain/monitoring_spec.ts";
import type { TicketPreprocessing } from "./codec.ts";
import type { TicketInput } from "./schema.ts";

const textOrNull = (value: unknown) => typeof value === "string" ? value : null;

/**
 * The ticket columns a drift report compares: subject and body as text (the drift engine
 * turns them into length, language and out-of-vocabulary descriptors), the channel, and
 * each head's label and confidence.
 */
export function ticketMonitoringColumns(
  input: TicketInput,
  outputs: Readonly<Record<string, MonitoredOutput>>,
): Record<string, unknown> {
  const fields = input as unknown as Record<string, unknown>;
  return {
    subject: textOrNull(fields.subject),
    body: textOrNull(fields.body),
    // Absent is a value of its own: clients that stop sending a channel is a drift to see.
    channel: textOrNull(fields.channel) ?? "none",
    ...outputColumns(outputs),
  };
}

/** Ticket-triage's monitoring: text descriptors, channel, both heads' answers. */
export const ticketTriageMonitoring: MonitoringSpec<TicketInput, TicketPreprocessing> = {
  columns: ticketMonitoringColumns,
  mapping: {
    numerical_features: ["confidence_topic", "confidence_urgency"],
    categorical_features: ["channel", "prediction_topic", "prediction_urgency"],
    text_features: ["subject", "body"],
  },
  // Unigrams only: the out-of-vocabulary share counts single words.
  vocabulary: (preprocessing) => preprocessing.vocabulary.terms.filter((t) => !t.includes(" ")),
};
