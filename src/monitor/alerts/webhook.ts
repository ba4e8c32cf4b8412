/**
 * The alert webhook: one JSON POST per raise and per resolution of an alert, signed
 * (signature.ts) and delivered through the retrying queue. docs/monitoring.md, "Alerts",
 * documents the payload and headers for receivers.
 */
import type { Alert, AlertState } from "../../db/mod.ts";
import { product } from "../../shared/product.ts";
import { type Fetch, postJson } from "./post_json.ts";
import type { Delivery } from "./retrying_queue.ts";
import { signatureHeader, signWebhook, timestampHeader } from "./signature.ts";

/** The JSON body of a delivery. */
export interface AlertPayload {
  id: string;
  kind: string;
  severity: "info" | "warning" | "critical";
  model: string | null;
  message: string;
  details: Record<string, unknown>;
  /** ISO 8601, when the alert was raised. */
  created_at: string;
  /** True in the delivery of a resolution: the condition cleared. */
  resolved: boolean;
  /** ISO 8601, when it cleared; only in a resolution. */
  resolved_at?: string;
}

/** The alert's latest state as the webhook sends it. */
export function alertPayload(alert: Alert): AlertPayload {
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    model: alert.modelName,
    message: alert.message,
    details: alert.details ?? {},
    created_at: alert.createdAt.toISOString(),
    resolved: alert.resolvedAt !== null,
    ...(alert.resolvedAt ? { resolved_at: alert.resolvedAt.toISOString() } : {}),
  };
}

/** Which state of the alert a payload carries. */
export function alertState(alert: Alert): AlertState {
  return alert.resolvedAt === null ? "raised" : "resolved";
}

/** Where and how to deliver. */
export interface WebhookTarget {
  url: string;
  secret: string;
  fetch: Fetch;
  /** The clock the timestamp header is read from, Unix milliseconds. */
  now?: () => number;
}

/**
 * A queue delivery POSTing `alert`'s latest state. Each attempt is signed anew with its own
 * timestamp, so a retry after a long backoff is not refused as a replay; the body does not
 * change between attempts, and `X-Alert-Id` with `resolved` lets the receiver drop repeats.
 */
export function webhookDelivery(alert: Alert, target: WebhookTarget): Omit<Delivery, "delivered"> {
  const body = JSON.stringify(alertPayload(alert));
  const state = alertState(alert);
  return {
    key: `webhook:${alert.id}:${state}`,
    fields: { alert_id: alert.id, kind: alert.kind, model: alert.modelName, state, to: "webhook" },
    attempt: async (signal) => {
      const timestamp = Math.floor((target.now?.() ?? Date.now()) / 1000);
      await postJson(target.fetch, target.url, body, {
        "user-agent": `${product.name}/${product.version} alerts`,
        "x-alert-id": alert.id,
        "x-alert-event": state,
        [timestampHeader]: String(timestamp),
        [signatureHeader]: await signWebhook(target.secret, timestamp, body),
      }, signal);
    },
  };
}
