import type { MiddlewareHandler } from "hono";
import { errorBody } from "../http/error_schema.ts";

/** The Open Inference Protocol's probes answer without a key, like `/health` and `/ready`. */
const probes = new Set(["/v2/health/live", "/v2/health/ready"]);

/** The seed services' routes that read customers or score: behind the keys like `/v1`. */
const seedRoutes = new Set(["/predict", "/predict_raw", "/model-info"]);

/** What a 401 must name (RFC 9110): the scheme the client should use. */
const challenge = { "www-authenticate": 'Bearer realm="edge-inference"' };

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1].trim();
}

/**
 * API keys: when `apiKeys` is non-empty `/v1`, `/v2` (but for its health probes) and the
 * seed services' `/predict`, `/predict_raw` and `/model-info` need one of them; `/admin` always
 * needs one of `adminKeys` (admin routes are disabled when none is configured).
 * 401: no or unknown key; 403: a valid API key used on an admin route.
 */
export function apiKeyAuth(
  apiKeys: readonly string[],
  adminKeys: readonly string[],
): MiddlewareHandler {
  const api = new Set(apiKeys);
  const admin = new Set(adminKeys);
  return async (c, next) => {
    const path = c.req.path;
    const key = bearer(c.req.header("authorization"));
    if (path.startsWith("/admin")) {
      if (admin.size === 0) {
        return c.json(errorBody("forbidden", "Admin API disabled: set ADMIN_API_KEYS"), 403);
      }
      if (key && admin.has(key)) return await next();
      if (key && api.has(key)) {
        return c.json(errorBody("forbidden", "This key is not an admin key"), 403);
      }
      return c.json(
        errorBody("unauthorized", "Missing or invalid admin key (Authorization: Bearer <key>)"),
        401,
        challenge,
      );
    }
    const guarded = path.startsWith("/v1") || (path.startsWith("/v2") && !probes.has(path)) ||
      seedRoutes.has(path);
    if (api.size > 0 && guarded) {
      if (!key || !(api.has(key) || admin.has(key))) {
        return c.json(
          errorBody("unauthorized", "Missing or invalid API key (Authorization: Bearer <key>)"),
          401,
          challenge,
        );
      }
    }
    return await next();
  };
}
