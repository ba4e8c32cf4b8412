/**
 * Who may see the dashboard: anyone when the server has no API keys, otherwise a browser that
 * signed in with one. The key is kept in a `Secure`, `HttpOnly`, `SameSite=Strict` cookie
 * scoped to `/dashboard` (never in a URL); form posts are also checked for a same-origin
 * `Origin` (Hono's CSRF guard).
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { dashboardPaths } from "./dashboard.routes.ts";

/** The cookie holding the signed-in key. */
export const sessionCookie = "dashboard_key";

/** The keys that open the dashboard (API and admin keys). */
export class DashboardKeys {
  readonly #keys: Set<string>;

  constructor(apiKeys: readonly string[], adminKeys: readonly string[]) {
    this.#keys = apiKeys.length > 0 ? new Set([...apiKeys, ...adminKeys]) : new Set();
  }

  /** Whether a key is needed at all. */
  get required(): boolean {
    return this.#keys.size > 0;
  }

  accepts(key: string | undefined): boolean {
    return key !== undefined && this.#keys.has(key);
  }

  /** Whether the request carries an accepted key in its cookie. */
  signedIn(c: Context): boolean {
    return this.accepts(getCookie(c, sessionCookie));
  }
}

/** Keeps `key` for this browser, for the dashboard's paths only. */
export function startSession(c: Context, key: string): void {
  setCookie(c, sessionCookie, key, {
    path: "/dashboard",
    secure: true,
    httpOnly: true,
    sameSite: "Strict",
    maxAge: 12 * 60 * 60,
  });
}

/** Forgets the key. */
export function endSession(c: Context): void {
  deleteCookie(c, sessionCookie, { path: "/dashboard", secure: true });
}

/** Sends a browser without an accepted key to the sign-in form (assets and the form are open). */
export function requireSession(keys: DashboardKeys): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const open = path === dashboardPaths.login || path.startsWith("/dashboard/assets/");
    if (!keys.required || open || keys.signedIn(c)) return await next();
    if (c.req.method === "GET" || c.req.method === "HEAD") {
      return c.redirect(dashboardPaths.login, 303);
    }
    return c.text("Sign in first: the dashboard needs an API key", 401);
  };
}
