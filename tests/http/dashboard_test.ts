/**
 * The dashboard's guards in-process (`app.request()`): security headers, the sign-in when API
 * keys are configured (a cookie, never the URL), cross-site form posts refused, bad input
 * answered with a clear 4xx and no stored change, the assets served by the app.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson } from "../support/test_app.ts";
import { sampleTicket } from "../support/payloads.ts";

const workspace = await trainedWorkspace();
const key = "dashboard-guard-key";

const form = (
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams(fields).toString(),
});

Deno.test("without API keys every page answers, with the security headers", async () => {
  const { app, close } = await testApp(workspace);
  try {
    for (
      const path of [
        "/dashboard",
        "/dashboard/model",
        "/dashboard/drift",
        "/dashboard/tickets",
        "/dashboard/customers",
      ]
    ) {
      const response = await app.request(path);
      assert.equal(response.status, 200, path);
      const csp = response.headers.get("content-security-policy")!;
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(response.headers.get("x-frame-options"), "DENY");
      assert.doesNotMatch(await response.text(), /<script>/, "no inline script");
    }
    const script = await app.request("/dashboard/assets/uplot.js");
    assert.equal(script.status, 200);
    assert.match(script.headers.get("content-type")!, /javascript/);
    assert.match(await script.text(), /uPlot/);
    assert.equal((await app.request("/dashboard/assets/nothing.js")).status, 404);
  } finally {
    await close();
  }
});

Deno.test("with API keys the dashboard needs the sign-in; the key stays in a cookie", async () => {
  const { app, close } = await testApp(workspace, { API_KEYS: key });
  try {
    const redirected = await app.request("/dashboard/tickets");
    assert.equal(redirected.status, 303);
    assert.equal(redirected.headers.get("location"), "/dashboard/login");
    assert.equal((await app.request("/dashboard/login")).status, 200);
    assert.equal((await app.request("/dashboard/assets/dashboard.css")).status, 200);

    const origin = { origin: "http://localhost" };
    const refused = await app.request(
      "http://localhost/dashboard/login",
      form({ key: "wrong" }, origin),
    );
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get("set-cookie"), null);

    const signedIn = await app.request("http://localhost/dashboard/login", form({ key }, origin));
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get("location"), "/dashboard");
    const cookie = signedIn.headers.get("set-cookie")!;
    assert.match(cookie, /^dashboard_key=/);
    for (const flag of [/HttpOnly/, /Secure/, /SameSite=Strict/, /Path=\/dashboard/]) {
      assert.match(cookie, flag);
    }
    const session = { cookie: cookie.split(";")[0] };
    assert.equal((await app.request("/dashboard/customers", { headers: session })).status, 200);
    // The key is never taken from a URL.
    assert.equal((await app.request(`/dashboard/customers?key=${key}`)).status, 303);
    // A form posted without the cookie is refused.
    const anonymous = await app.request(
      "http://localhost/dashboard/tickets/feedback",
      form({ prediction_id: crypto.randomUUID(), topic: "email", urgency: "low" }, origin),
    );
    assert.equal(anonymous.status, 401);
  } finally {
    await close();
  }
});

Deno.test("form posts: cross-site refused, bad labels and ids a clear error, nothing stored", async () => {
  const harness = await testApp(workspace);
  const { app } = harness;
  try {
    const triaged = await (await app.request("/v1/tickets", postJson(sampleTicket))).json();
    await harness.flush();
    const labels = { prediction_id: triaged.prediction_id, topic: "network", urgency: "high" };

    const crossSite = await app.request(
      "http://localhost/dashboard/tickets/feedback",
      form(labels, { origin: "http://evil.example" }),
    );
    assert.equal(crossSite.status, 403);

    const same = { origin: "http://localhost" };
    const badLabel = await app.request(
      "http://localhost/dashboard/tickets/feedback",
      form({ ...labels, topic: "weather" }, same),
    );
    assert.equal(badLabel.status, 422);
    assert.match((await badLabel.json()).error.message, /topic/);
    const unknown = await app.request(
      "http://localhost/dashboard/tickets/feedback",
      form({ ...labels, prediction_id: crypto.randomUUID() }, same),
    );
    assert.equal(unknown.status, 404);
    const badFilter = await app.request("/dashboard/tickets?urgency=whenever");
    assert.equal(badFilter.status, 422);
    assert.equal((await app.request("/dashboard/model?model=nope")).status, 404);
    assert.equal((await app.request("/dashboard/reports/not-a-uuid")).status, 422);
    const [{ count }] = await harness.database.queryRows<{ count: number }>(
      sql`select count(*)::int as count from feedback`,
    );
    assert.equal(count, 0);

    const stored = await app.request(
      "http://localhost/dashboard/tickets/feedback",
      form({ ...labels, back: "?topic=network" }, same),
    );
    assert.equal(stored.status, 303);
    assert.equal(
      stored.headers.get("location"),
      `/dashboard/tickets?topic=network&saved=${triaged.prediction_id}`,
    );
    const rows = await harness.database.queryRows<{ head: string; label: string }>(
      sql`select head, label from feedback order by head`,
    );
    assert.deepEqual(rows, [{ head: "topic", label: "network" }, {
      head: "urgency",
      label: "high",
    }]);
  } finally {
    await harness.close();
  }
});
