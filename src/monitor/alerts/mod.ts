/**
 * Alerting for monitoring: conditions judged per model and run, alerts raised once and
 * resolved when they clear, a signed webhook delivered in the background, and retraining
 * triggered by dataset-drift and accuracy alerts (docs/monitoring.md, "Alerts").
 */
export { type Alerter, type AlerterOptions, type AlertsConfig, createAlerter } from "./alerter.ts";
export { type AlertChanges } from "./apply_readings.ts";
export {
  type AlertKind,
  alertKinds,
  alertSeverity,
  type ConditionDefaults,
  type ConditionReading,
  readConditions,
  retrainingKinds,
} from "./conditions.ts";
export {
  dispatchBody,
  dispatchUrl,
  githubDispatchDelivery,
  type GitHubTarget,
  type RetrainRequest,
} from "./github_dispatch.ts";
export {
  defaultRetrainCommand,
  LocalRetrainer,
  type LocalRetrainOptions,
  type RetrainStart,
} from "./local_retrain.ts";
export {
  type MonitorObservation,
  monitorObservationSchema,
  parseObservation,
} from "./observation.ts";
export type { Fetch } from "./post_json.ts";
export {
  createRetrainTrigger,
  type RetrainConfig,
  type RetrainTrigger,
} from "./retrain_trigger.ts";
export {
  type Delivery,
  type EnqueueResult,
  PermanentDeliveryError,
  RetryingQueue,
  type RetryingQueueOptions,
} from "./retrying_queue.ts";
export {
  defaultToleranceSeconds,
  signatureHeader,
  type SignedDelivery,
  signWebhook,
  timestampHeader,
  verifyWebhookSignature,
} from "./signature.ts";
export { type AlertPayload, alertPayload, webhookDelivery, type WebhookTarget } from "./webhook.ts";
