/**
 * The hello-world baseline of `deno task bench:serve`: a bare Hono app on `Deno.serve`, the
 * same runtime and framework as our server, answering every POST /predict with a small JSON
 * (the body is not read). The ceiling our prediction route is measured against.
 *   PORT=8001 deno run -A bench/hello_hono.ts
 */
import { Hono } from "hono";

/** The app: one POST route returning a fixed JSON object, and GET /health for readiness. */
export const app = new Hono()
  .post("/predict", (c) => c.json({ label: "network", confidence: 0.9 }))
  .get("/health", (c) => c.text("ok"));

if (import.meta.main) {
  Deno.serve({
    hostname: "127.0.0.1",
    port: Number(Deno.env.get("PORT") ?? 8001),
    onListen: () => {},
  }, app.fetch);
}
