import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { InvalidInputError, NotFoundError } from "../domain/errors.ts";
import { CorruptArtifactError, MissingArtifactError } from "../dvc/mod.ts";
import type { Logger } from "../shared/logger.ts";
import { ModelNotReadyError } from "../serving/registry/model_registry.ts";
import type { AppEnv } from "../http/create_router.ts";
import { type ErrorBody, errorBody } from "../http/error_schema.ts";
import { unavailableMessages, unsupportedMediaTypeMessage } from "../http/error_messages.ts";
import { type ErrorStatus, HttpError } from "../http/http_error.ts";

/** How the API answers one domain error class: status, code, and what the body says. */
interface DomainErrorAnswer {
  type: abstract new (...args: never[]) => Error;
  status: ErrorStatus;
  code: string;
  // A method, not a function property: its parameter is bivariant, so a row's message can
  // take its own class (`answer` below types it so).
  /** The body's message; the error's own message when absent. */
  message?(error: Error): string;
  /** The error's properties the body's `details` copies, in this order; no details if absent. */
  details?: readonly string[];
}

/** One row of the table, its `message` and `details` typed by the row's own class. */
function answer<E extends Error>(
  type: abstract new (...args: never[]) => E,
  status: ErrorStatus,
  code: string,
  body: { message?(error: E): string; details?: readonly (keyof E & string)[] } = {},
): DomainErrorAnswer {
  return { type, status, code, ...body };
}

// The documented 503 message (`error_messages.ts`), with the reason the load was refused.
const notReadyMessage = ({ model, problem }: ModelNotReadyError) =>
  `${unavailableMessages.model_not_ready(model)}${problem ? `: ${problem}` : ""}`;

/**
 * Every domain error class a request may meet, and how it is answered; the first class the
 * error is an instance of wins. Domain modules stay free of HTTP: the statuses live here only.
 */
const domainErrorAnswers: readonly DomainErrorAnswer[] = [
  answer(NotFoundError, 404, "not_found"),
  answer(InvalidInputError, 422, "invalid_input", { details: ["fields"] }),
  answer(ModelNotReadyError, 503, "model_not_ready", { message: notReadyMessage }),
  answer(CorruptArtifactError, 503, "artifact_corrupt", {
    details: ["artifact", "expected", "actual", "source", "attempts"],
  }),
  answer(MissingArtifactError, 503, "artifact_missing", {
    details: ["artifact", "hash", "attempts"],
  }),
];

/** The status and body of an error a client caused or may retry; undefined for a bug. */
function httpAnswer(error: Error): { status: ContentfulStatusCode; body: ErrorBody } | undefined {
  if (error instanceof HttpError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  }
  const row = domainErrorAnswers.find((candidate) => error instanceof candidate.type);
  if (row) {
    const message = row.message?.(error) ?? error.message;
    const properties = error as unknown as Record<string, unknown>;
    const details = row.details &&
      Object.fromEntries(row.details.map((key) => [key, properties[key]]));
    return { status: row.status, body: errorBody(row.code, message, details) };
  }
  // Hono's own: the JSON body parser's 415 (no JSON content type) and 400 (malformed JSON).
  if (error instanceof HTTPException) {
    return error.status === 415
      ? { status: 415, body: errorBody("unsupported_media_type", unsupportedMediaTypeMessage) }
      : { status: error.status, body: errorBody("bad_request", error.message) };
  }
  return undefined;
}

/**
 * The app's one `onError`: `HttpError`s, mapped domain errors and Hono's body-parse errors
 * answer their status with the JSON error body; anything else is a bug, logged with its stack
 * and answered 500 without details.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const known = httpAnswer(error);
    if (known) return c.json(known.body, known.status);
    logger.error("Unhandled error", {
      requestId: c.get("requestId"),
      path: c.req.path,
      error: error instanceof Error ? error.stack : String(error),
    });
    return c.json(errorBody("internal_error", "Internal server error"), 500);
  };
}
