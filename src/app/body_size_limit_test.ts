import assert from "node:assert/strict";
import { Hono } from "hono";
import { bodySizeLimit } from "./body_size_limit.ts";

const limit = 100;
const app = new Hono()
  .use(bodySizeLimit(limit, (c) => c.json({ error: "too large" }, 413)))
  .post("/echo", async (c) => c.json({ bytes: (await c.req.text()).length }));

const post = (port: number, body: BodyInit) =>
  fetch(`http://127.0.0.1:${port}/echo`, { method: "POST", body });
const chunked = (text: string) =>
  ReadableStream.from([
    new TextEncoder().encode(text.slice(0, 10)),
    new TextEncoder().encode(text.slice(10)),
  ]);

Deno.test("bodySizeLimit: by content-length and by counting a streamed body, over HTTP", async () => {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
  try {
    const { port } = server.addr;
    for (
      const [name, body, status] of [
        ["declared, at the limit", "x".repeat(limit), 200],
        ["declared, over", "x".repeat(limit + 1), 413],
        ["chunked, at the limit", chunked("x".repeat(limit)), 200],
        ["chunked, over", chunked("x".repeat(limit + 1)), 413],
      ] as const
    ) {
      const response = await post(port, body);
      assert.equal(response.status, status, name);
      if (status === 200) assert.deepEqual(await response.json(), { bytes: limit }, name);
      else await response.body?.cancel();
    }
  } finally {
    await server.shutdown();
  }
});

Deno.test("bodySizeLimit: a request without a body passes", async () => {
  const response = await app.request("/echo", { method: "POST" });
  assert.deepEqual(await response.json(), { bytes: 0 });
});
