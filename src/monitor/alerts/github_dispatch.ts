/**
 * Retraining in production: a GitHub `repository_dispatch` event of type `retrain`, which the
 * GitOps workflow receives (`on: repository_dispatch: types: [retrain]`) and answers by
 * running the pipeline and opening the promotion. Delivered through the retrying queue.
 */
import { product } from "../../shared/product.ts";
import { type Fetch, postJson } from "./post_json.ts";
import type { Delivery } from "./retrying_queue.ts";

/** Why retraining is asked for: the alert that was raised. */
export interface RetrainRequest {
  model: string;
  version: string;
  /** The alert's kind: `dataset_drift` or `accuracy_below_threshold`. */
  reason: string;
  alertId: string;
}

/** The repository and credentials of the dispatch (`GITHUB_*` of the configuration). */
export interface GitHubTarget {
  /** `GITHUB_API_URL`: https://api.github.com, or a GitHub Enterprise server's `/api/v3`. */
  apiUrl: string;
  /** `owner/name`. */
  repository: string;
  token: string;
  fetch: Fetch;
}

/** The dispatch endpoint under `apiUrl`, which may itself have a path (GitHub Enterprise). */
export function dispatchUrl(apiUrl: string, repository: string): string {
  const base = apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
  return new URL(`repos/${repository}/dispatches`, base).href;
}

/** The body GitHub receives; the workflow reads it as `github.event.client_payload`. */
export function dispatchBody(request: RetrainRequest): string {
  return JSON.stringify({
    event_type: "retrain",
    client_payload: {
      model: request.model,
      reason: request.reason,
      alert_id: request.alertId,
      version: request.version,
    },
  });
}

/** A queue delivery sending the dispatch; GitHub answers 204 when it accepts it. */
export function githubDispatchDelivery(request: RetrainRequest, target: GitHubTarget): Delivery {
  const url = dispatchUrl(target.apiUrl, target.repository);
  const body = dispatchBody(request);
  return {
    key: `dispatch:${request.alertId}`,
    fields: {
      alert_id: request.alertId,
      model: request.model,
      reason: request.reason,
      to: `github ${target.repository}`,
    },
    attempt: (signal) =>
      postJson(target.fetch, url, body, {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${target.token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": `${product.name}/${product.version} alerts`,
      }, signal),
  };
}
