import { readFile } from "node:fs/promises";
import { Scalar } from "@scalar/hono-api-reference";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../http/create_router.ts";

// The Scalar bundle is served by the app itself, so /docs works without internet access.
const bundle = new URL(
  "../../node_modules/@scalar/api-reference/dist/browser/standalone.js",
  import.meta.url,
);

/** `/docs`: interactive API reference over `/openapi.json`. */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  let script: Promise<Uint8Array> | undefined;
  app.get("/docs/scalar.js", async (c) => {
    script ??= readFile(bundle);
    c.header("content-type", "application/javascript; charset=utf-8");
    c.header("cache-control", "public, max-age=86400");
    return c.body(await script as Uint8Array<ArrayBuffer>);
  });
  app.get(
    "/docs",
    Scalar({
      url: "/openapi.json",
      pageTitle: "Edge inference API",
      cdn: "/docs/scalar.js",
      // Nothing from elsewhere: no web fonts, no hosted AI agent or MCP, no telemetry.
      withDefaultFonts: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      telemetry: false,
      showDeveloperTools: "never",
      defaultOpenAllTags: true,
    }),
  );
}
