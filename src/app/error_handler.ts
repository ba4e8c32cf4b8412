import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { InvalidInputError, NotFoundError } from "../domain_errors.ts";
import { CorruptArtifactError, MissingArtifactError } from "../dvc/errors.ts";
import type { Logger } from "../logger.ts";
import { ModelNotReadyError } from "../serving/model_registry.ts";
import type { AppEnv } from "./create_router.ts";
import { type ErrorBody, errorBody } from "./error_schema.ts";
import { unavailableMessages, unsupportedMediaTypeMessage } from "./error_messages.ts";
import { type ErrorStatus, HttpError } from "./http_error.ts";

/** How the API answers one domain error class: status, code, and what the body says. */
interface DomainErrorAnswer<E extends Error> {
  type: abstract new (...args: never[]) => E;
  status: ErrorStatus;
  code: string;
  // Methods, not function properties: their parameter is bivariant, so a row typed by its
  // own class (`answer` below) fits the table of rows for any `Error`.
  /** The body's message; the error's own message when absent. */
  message?(error: E): string;
  details?(error: E): unknown;
}

/** One row of the table, its `message` and `details` typed by the row's own class. */
const answer = <E extends Error>(row: DomainErrorAnswer<E>): DomainErrorAnswer<Error> => row;

/**
 * Every domain error class a request may meet, and how it is answered; the first class the
 * error is an instance of wins. Domain modules stay free of HTTP: the statuses live here only.
 */
const domainErrorAnswers: readonly DomainErrorAnswer<Error>[] = [
  answer({ type: NotFoundError, status: 404, code: "not_found" }),
  answer({
    type: InvalidInputError,
    status: 422,
    code: "invalid_input",
    details: (error) => ({ fields: error.fields }),
  }),
  answer({
    type: ModelNotReadyError,
    status: 503,
    code: "model_not_ready",
    message: ({ model, problem }) =>
      `${unavailableMessages.model_not_ready(model)}${problem ? `: ${problem}` : ""}`,
  }),
  answer({
    type: CorruptArtifactError,
    status: 503,
    code: "artifact_corrupt",
    details: ({ artifact, expected, actual, source, attempts }) => ({
      artifact,
      expected,
      actual,
      source,
      attempts,
    }),
  }),
  answer({
    type: MissingArtifactError,
    status: 503,
    code: "artifact_missing",
    details: ({ artifact, hash, attempts }) => ({ artifact, hash, attempts }),
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
    return { status: row.status, body: errorBody(row.code, message, row.details?.(error)) };
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
