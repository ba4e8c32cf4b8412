/**
 * Alerts from monitor runs, with no storm: a condition that holds raises one alert for its
 * (kind, model) and nothing more while that alert is open; once the condition no longer
 * holds the alert is resolved, and a later breach raises a new one. Raises and resolutions
 * go to the webhook in the background; a raised dataset-drift or accuracy alert may start
 * retraining. Nothing here waits for a delivery or a retraining.
 */
import {
  type Alert,
  type Database,
  listUndeliveredAlerts,
  markAlertDelivered,
} from "../../db/mod.ts";
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/logger.ts";
import { type AlertChanges, applyReadings, mergeChanges } from "./apply_readings.ts";
import { readConditions, retrainingKinds } from "./conditions.ts";
import type { LocalRetrainer, LocalRetrainOptions } from "./local_retrain.ts";
import { type MonitorObservation, parseObservation } from "./observation.ts";
import type { Fetch } from "./post_json.ts";
import { createRetrainTrigger, type RetrainConfig } from "./retrain_trigger.ts";
import { RetryingQueue, type RetryingQueueOptions } from "./retrying_queue.ts";
import { alertState, webhookDelivery, type WebhookTarget } from "./webhook.ts";

/** The configuration alerting reads. */
export type AlertsConfig =
  & Pick<
    Config,
    | "ALERT_WEBHOOK_URL"
    | "ALERT_WEBHOOK_SECRET"
    | "ACCURACY_ALERT_THRESHOLD"
    | "LATENCY_P99_BUDGET_MS"
  >
  & RetrainConfig;

/** What {@link createAlerter} needs. */
export interface AlerterOptions {
  db: Database;
  config: AlertsConfig;
  logger: Logger;
  /** Default the global `fetch`. */
  fetch?: Fetch;
  /** Retries, timeouts and bounds of the background deliveries. */
  delivery?: Partial<RetryingQueueOptions>;
  /** The local retraining's command, directory and environment (`RETRAIN_ON_ALERT=local`). */
  retrain?: Omit<LocalRetrainOptions, "logger">;
}

/** Alerting for monitor runs; see the module's doc. */
export interface Alerter {
  /** One monitor run: re-sends what earlier runs left undelivered, then evaluates each model. */
  run(observations: readonly MonitorObservation[]): Promise<AlertChanges & { redelivered: number }>;
  /** Raises, keeps or resolves the alerts of one model's observation. */
  evaluate(observation: MonitorObservation): Promise<AlertChanges>;
  /** Queues every alert whose latest state the webhook has not taken; returns how many. */
  redeliver(): Promise<number>;
  /** Resolves once every queued delivery succeeded or was given up (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops delivering; what is undelivered is re-sent by the next process's first run. */
  close(): Promise<void>;
  /** The local retrainer, when `RETRAIN_ON_ALERT` is `local`. */
  readonly retrainer?: LocalRetrainer;
}

/** Builds the alerter of `options.config`. */
export function createAlerter(options: AlerterOptions): Alerter {
  const { db, config, logger } = options;
  const fetcher = options.fetch ?? fetch;
  const queue = new RetryingQueue(logger, options.delivery);
  const retrain = createRetrainTrigger(config, {
    logger,
    queue,
    fetch: fetcher,
    local: options.retrain,
  });
  const target: WebhookTarget | undefined = config.ALERT_WEBHOOK_URL && config.ALERT_WEBHOOK_SECRET
    ? { url: config.ALERT_WEBHOOK_URL, secret: config.ALERT_WEBHOOK_SECRET, fetch: fetcher }
    : undefined;
  const defaults = {
    accuracyThreshold: config.ACCURACY_ALERT_THRESHOLD,
    latencyBudgetMs: config.LATENCY_P99_BUDGET_MS,
  };

  const send = (alert: Alert): boolean => {
    if (!target) return false;
    const state = alertState(alert);
    return queue.enqueue({
      ...webhookDelivery(alert, target),
      delivered: () => markAlertDelivered(db, alert.id, state),
    }) === "queued";
  };
  const logged = (alert: Alert) => ({
    alert_id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    model: alert.modelName,
    message: alert.message,
  });

  const evaluate = async (input: MonitorObservation): Promise<AlertChanges> => {
    // Checked here too: the runner builds it in-process, but from numbers that may be NaN.
    const observation = parseObservation(input);
    const { model, version } = observation;
    return await applyReadings(db, model, readConditions(observation, defaults), {
      raised: (alert, { kind }) => {
        logger.warn("alert raised", logged(alert));
        send(alert);
        // On the raise only: an alert that stays open retrains nothing more.
        if (retrainingKinds.has(kind)) {
          retrain.trigger({ model, version, reason: kind, alertId: alert.id });
        }
      },
      resolved: (alert) => {
        logger.info("alert resolved", logged(alert));
        send(alert);
      },
    });
  };

  const redeliver = async (): Promise<number> => {
    if (!target) return 0;
    const pending = await listUndeliveredAlerts(db);
    return pending.filter(send).length;
  };

  return {
    run: async (observations) => {
      const redelivered = await redeliver();
      const changes: AlertChanges[] = [];
      for (const observation of observations) changes.push(await evaluate(observation));
      return { ...mergeChanges(changes), redelivered };
    },
    evaluate,
    redeliver,
    idle: () => queue.idle(),
    close: () => queue.close(),
    retrainer: retrain.local,
  };
}
