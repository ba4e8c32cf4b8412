import assert from "node:assert/strict";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { InvalidInputError, NotFoundError } from "../../src/domain/errors.ts";
import { CorruptArtifactError, MissingArtifactError } from "../../src/dvc/errors.ts";
import { captureLogger } from "../support/logger.ts";
import { ModelNotReadyError } from "../../src/serving/registry/model_registry.ts";
import type { AppEnv } from "../../src/http/create_router.ts";
import { errorHandler } from "../../src/app/error_handler.ts";
import { HttpError } from "../../src/http/http_error.ts";

const attempts = [{ source: "cache /srv/.dvc/cache", reason: "not found" }];

/** Each error a route may throw, and the status and body a client gets for it. */
const cases: [string, Error, number, unknown][] = [
  ["unknown id", new NotFoundError("ticket", "t1"), 404, {
    code: "not_found",
    message: 'Unknown ticket "t1"',
  }],
  [
    "field errors",
    new InvalidInputError("label is bad", [{ path: "label", message: "bad" }]),
    422,
    {
      code: "invalid_input",
      message: "label is bad",
      details: { fields: [{ path: "label", message: "bad" }] },
    },
  ],
  ["model never loaded", new ModelNotReadyError("churn"), 503, {
    code: "model_not_ready",
    message: 'Model "churn" is not loaded',
  }],
  ["model refused", new ModelNotReadyError("churn", "md5 mismatch"), 503, {
    code: "model_not_ready",
    message: 'Model "churn" is not loaded: md5 mismatch',
  }],
  ["corrupt artifact", new CorruptArtifactError("m/w.bin", "aa", "bb", "remote r", attempts), 503, {
    code: "artifact_corrupt",
    message: 'Cannot load "m/w.bin": md5 mismatch (expected aa, got bb) from remote r',
    details: { artifact: "m/w.bin", expected: "aa", actual: "bb", source: "remote r", attempts },
  }],
  ["missing artifact", new MissingArtifactError("m/w.bin", "aa", attempts), 503, {
    code: "artifact_missing",
    message:
      'Cannot load "m/w.bin": object aa not found; looked in cache /srv/.dvc/cache (not found)',
    details: { artifact: "m/w.bin", hash: "aa", attempts },
  }],
  ["http error", new HttpError(503, "database_unavailable", "retry", { reason: "hung" }), 503, {
    code: "database_unavailable",
    message: "retry",
    details: { reason: "hung" },
  }],
  ["no JSON content type", new HTTPException(415), 415, {
    code: "unsupported_media_type",
    message: 'The body must be JSON, sent with "Content-Type: application/json"',
  }],
  ["malformed JSON", new HTTPException(400, { message: "Malformed JSON" }), 400, {
    code: "bad_request",
    message: "Malformed JSON",
  }],
];

Deno.test("onError answers each domain error class with its status, code and body", async () => {
  for (const [name, error, status, body] of cases) {
    const app = new Hono<AppEnv>().get("/", () => {
      throw error;
    });
    app.onError(errorHandler(captureLogger()));
    const response = await app.request("/");
    assert.equal(response.status, status, name);
    assert.deepEqual(await response.json(), { error: body }, name);
  }
});

Deno.test("onError answers a bug 500 without details and logs its stack", async () => {
  const logger = captureLogger();
  const app = new Hono<AppEnv>().get("/", () => {
    throw new TypeError("x is undefined");
  });
  app.onError(errorHandler(logger));
  const response = await app.request("/");
  assert.equal(response.status, 500);
  assert.deepEqual(await response.json(), {
    error: { code: "internal_error", message: "Internal server error" },
  });
  assert.equal(logger.lines[0].message, "Unhandled error");
  assert.match(String(logger.lines[0].fields?.error), /TypeError: x is undefined/);
});
