/** The `code` each error status carries, as `onError` and the routers produce them. */
const examples: Record<string, { code: string; message: string; details?: unknown }> = {
  "400": { code: "bad_request", message: "Malformed JSON in request body" },
  "401": {
    code: "unauthorized",
    message: "Missing or invalid API key (Authorization: Bearer <key>)",
  },
  "403": { code: "forbidden", message: "This key is not an admin key" },
  "404": { code: "not_found", message: 'Unknown model "nope"' },
  "413": { code: "payload_too_large", message: "Body larger than 1048576 bytes" },
  "422": {
    code: "invalid_input",
    message: "Request is invalid",
    details: { fields: [{ path: "tenure", message: "Too small: expected number to be >=0" }] },
  },
  "503": { code: "model_not_ready", message: 'Model "churn" is not loaded' },
};

type Responses = Record<string, { content?: Record<string, { example?: unknown }> }>;

/**
 * Gives every error response of the OpenAPI document an example body, so a third party sees
 * the exact shape of each error code without calling the API.
 */
export function withErrorExamples<T extends { paths?: object }>(document: T): T {
  for (const operations of Object.values(document.paths ?? {}) as object[]) {
    for (const operation of Object.values(operations) as { responses?: Responses }[]) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const media = response.content?.["application/json"];
        const example = examples[status];
        if (media && example && media.example === undefined && Number(status) >= 400) {
          media.example = { error: example };
        }
      }
    }
  }
  return document;
}
