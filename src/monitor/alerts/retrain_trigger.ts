/**
 * What a raised dataset-drift or accuracy alert sets off, by `RETRAIN_ON_ALERT`: nothing
 * (`off`), `deno task retrain` here (`local`), or a `repository_dispatch` (`github`).
 */
import type { Config } from "../../shared/config.ts";
import type { Logger } from "../../shared/logger.ts";
import { githubDispatchDelivery, type RetrainRequest } from "./github_dispatch.ts";
import { LocalRetrainer, type LocalRetrainOptions } from "./local_retrain.ts";
import type { Fetch } from "./post_json.ts";
import type { RetryingQueue } from "./retrying_queue.ts";

/** The configuration the trigger reads. */
export type RetrainConfig = Pick<
  Config,
  "RETRAIN_ON_ALERT" | "GITHUB_REPOSITORY" | "GITHUB_TOKEN" | "GITHUB_API_URL"
>;

/** Starts retraining for a raised alert, never waiting for it. */
export interface RetrainTrigger {
  trigger(request: RetrainRequest): void;
  /** The local retrainer, when `RETRAIN_ON_ALERT` is `local`. */
  readonly local?: LocalRetrainer;
}

/** The trigger of `config`'s mode; a `github` dispatch goes through `queue`. */
export function createRetrainTrigger(
  config: RetrainConfig,
  dependencies: {
    logger: Logger;
    queue: RetryingQueue;
    fetch: Fetch;
    local?: Omit<LocalRetrainOptions, "logger">;
  },
): RetrainTrigger {
  const { logger, queue } = dependencies;
  const fields = (request: RetrainRequest) => ({
    model: request.model,
    version: request.version,
    reason: request.reason,
    alert_id: request.alertId,
  });
  switch (config.RETRAIN_ON_ALERT) {
    case "off":
      return {
        trigger: (request) => logger.debug("retraining off (RETRAIN_ON_ALERT)", fields(request)),
      };
    case "local": {
      const local = new LocalRetrainer({ ...dependencies.local, logger });
      return { local, trigger: (request) => void local.trigger(fields(request)) };
    }
    case "github": {
      // loadConfig requires both with this mode; a hand-built config may still lack them.
      const { GITHUB_REPOSITORY: repository, GITHUB_TOKEN: token } = config;
      if (!repository || !token) {
        throw new Error("RETRAIN_ON_ALERT=github needs GITHUB_REPOSITORY and GITHUB_TOKEN");
      }
      const target = {
        apiUrl: config.GITHUB_API_URL,
        repository,
        token,
        fetch: dependencies.fetch,
      };
      return {
        trigger: (request) => {
          logger.info("retraining requested from GitHub", fields(request));
          queue.enqueue(githubDispatchDelivery(request, target));
        },
      };
    }
  }
}
