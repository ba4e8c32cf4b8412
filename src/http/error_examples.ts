import {
  type UnavailableCode,
  unavailableMessages,
  unsupportedMediaTypeMessage,
} from "./error_messages.ts";

interface ErrorExample {
  code: string;
  message: string;
  details?: unknown;
}

/** The example body of a 503 code; `model` names the route's model. */
export function unavailableExample(code: UnavailableCode, model = "churn"): ErrorExample {
  const message = unavailableMessages[code](model);
  return code === "database_unavailable"
    ? { code, message, details: { reason: "Connection terminated unexpectedly" } }
    : { code, message };
}

/** The `code` each error status usually carries, as `onError` and the routers produce them. */
const examples: Record<string, ErrorExample> = {
  "400": { code: "bad_request", message: "Malformed JSON in request body" },
  "401": {
    code: "unauthorized",
    message: "Missing or invalid API key (Authorization: Bearer <key>)",
  },
  "403": { code: "forbidden", message: "This key is not an admin key" },
  "404": { code: "not_found", message: 'Unknown model "nope"' },
  "413": { code: "payload_too_large", message: "Body larger than 1048576 bytes" },
  "415": { code: "unsupported_media_type", message: unsupportedMediaTypeMessage },
  "422": {
    code: "invalid_input",
    message: "Request is invalid",
    details: { fields: [{ path: "tenure", message: "Too small: expected number to be >=0" }] },
  },
  "503": unavailableExample("model_not_ready"),
};

type Responses = Record<
  string,
  {
    description?: string;
    content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }>;
  }
>;

/** What the JSON body parser and the body limit answer on any route that takes a body. */
const bodyErrors: Record<string, string> = {
  "400": "Malformed JSON in the request body",
  "413": "Body larger than MAX_BODY_BYTES",
  "415": "A body sent without a JSON Content-Type",
};

/**
 * Completes the error responses of the OpenAPI document: every operation with a request body
 * lists 400, 413 and 415, and every error response gets an example body, so a third party sees the
 * exact shape of each error code without calling the API.
 */
export function withErrorDocs<T extends { paths?: object }>(document: T): T {
  for (const operations of Object.values(document.paths ?? {}) as object[]) {
    for (
      const operation of Object.values(operations) as {
        requestBody?: unknown;
        responses?: Responses;
      }[]
    ) {
      const responses = operation.responses ??= {};
      // A route that declares its own 400 answers body errors its own way (`/v2`'s protocol).
      if (operation.requestBody && !responses["400"]) {
        for (const [status, description] of Object.entries(bodyErrors)) {
          responses[status] ??= {
            description,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          };
        }
      }
      for (const [status, response] of Object.entries(responses)) {
        const media = response.content?.["application/json"];
        const example = examples[status];
        const documented = media?.example !== undefined || media?.examples !== undefined;
        if (media && example && !documented && Number(status) >= 400) {
          media.example = { error: example };
        }
      }
    }
  }
  return document;
}
