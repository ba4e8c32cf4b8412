/**
 * The dashboard's guards in-process (`app.request()`): security headers, the sign-in when API
 * keys are configured (a cookie, never the URL), cross-site form posts refused, bad input
 * answered with a clear 4xx and no stored change, the assets served by the app; the error
 * rate over time adding up to the answers given; the pointer commit of each served role and
 * deployment, and the version history with its metric deltas.
 */
import assert from "node:assert/strict";
import { sql } from "drizzle-orm";
import type { ChartSpec } from "../../src/routes/dashboard/chart.ts";
import { shown } from "../../src/routes/dashboard/chart.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import { postJson } from "../support/test_app.ts";
import { sampleTicket } from "../support/payloads.ts";
import {
  commitPointer,
  copyVersion,
  deploymentsOnce,
  pinVersion,
} from "../support/version_pins.ts";

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

const entities: Record<string, string> = { quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" };
const unescaped = (text: string) => text.replace(/&(quot|#39|lt|gt|amp);/g, (_, e) => entities[e]);

/** The numbers a page's chart carries (what the browser draws). */
function chartSpec(page: string, id: string): ChartSpec {
  const attribute = page.match(new RegExp(`id="${id}" data-chart="([^"]*)"`))?.[1];
  assert.ok(attribute, `no chart ${id}`);
  return JSON.parse(unescaped(attribute));
}

/** The text of a page's table row whose opening tag has `attribute`, tags dropped. */
function row(page: string, attribute: string): string {
  const found = page.match(new RegExp(`<tr ${attribute}>([\\s\\S]*?)</tr>`))?.[1];
  assert.ok(found, `no row ${attribute}`);
  return unescaped(found.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).trim();
}

Deno.test("the overview's error rate over time adds up to the answers given", async () => {
  const { app, close } = await testApp(workspace);
  try {
    const statuses = [
      (await app.request("/health")).status,
      (await app.request("/health")).status,
      (await app.request("/v1/nothing")).status,
      (await app.request("/v1/tickets", postJson("{"))).status,
      (await app.request("/dashboard/model?model=nope")).status,
    ];
    assert.deepEqual(statuses.map((s) => Math.floor(s / 100)), [2, 2, 4, 4, 4]);
    const page = await (await app.request("/dashboard")).text();
    const spec = chartSpec(page, "chart-errors");
    const [requests, clientShare, serverShare] = spec.series.map((s) => s.values as number[]);
    const count = (share: number[]) =>
      Math.round(requests.reduce((n, r, i) => n + r * share[i] / 100, 0));
    assert.equal(requests.reduce((n, r) => n + r, 0), statuses.length);
    assert.equal(count(clientShare), 3);
    assert.equal(count(serverShare), 0);
    assert.ok(spec.x.every((x) => x % 300 === 0), "5-minute buckets");
    assert.match(page, new RegExp(`<span id="requests-since-start">${statuses.length}</span>`));
  } finally {
    await close();
  }
});

Deno.test("served roles and deployments name their pointer commit; versions show metric deltas", async () => {
  const trained = workspace.versions.churn;
  const ada = await commitPointer(
    workspace,
    "Ada Ops <ada@example.com>",
    "Pin the trained versions",
  );
  let accuracy = 0;
  const lower = await copyVersion(workspace, "churn", "lower", (metrics) => {
    accuracy = metrics.heads[0].model.accuracy;
    metrics.heads[0].model.accuracy -= 0.05;
  });
  const gone = `${trained}-gone`;
  const harness = await testApp(workspace);
  const { app, runtime } = harness;
  try {
    await pinVersion(workspace, "churn", lower, gone);
    const bob = await commitPointer(workspace, "Bob Ops <bob@example.com>", "Promote churn lower");
    await runtime.reload();
    const log = await deploymentsOnce(
      harness,
      "churn",
      (log) =>
        log.some((d) => d.version === lower && d.event === "loaded") &&
        log.some((d) => d.version === gone && d.event === "refused"),
    );
    const first = log.findLast((d) => d.version === trained && d.event === "loaded")!;
    assert.equal(first.pointerCommit, ada);
    assert.equal(first.pointerAuthor, "Ada Ops");
    assert.equal(first.pointerSubject, "Pin the trained versions");
    const promoted = log.find((d) => d.version === lower && d.event === "loaded")!;
    assert.deepEqual(
      [promoted.pointerCommit, promoted.pointerAuthor, promoted.pointerSubject],
      [bob, "Bob Ops", "Promote churn lower"],
    );
    assert.ok(promoted.pointerCommittedAt instanceof Date);

    const overview = await (await app.request("/dashboard")).text();
    const champion = row(overview, `id="served-churn-champion"`);
    for (const part of [lower, bob.slice(0, 12), "Bob Ops", "Promote churn lower"]) {
      assert.ok(champion.includes(part), `${part} in ${champion}`);
    }
    assert.ok(row(overview, `id="served-ticket-triage-champion"`).includes(ada.slice(0, 12)));

    const model = await (await app.request("/dashboard/model?model=churn")).text();
    const before = row(model, `data-version="${trained}"`);
    assert.ok(before.includes(`Ada Ops`), before);
    assert.ok(before.includes(shown(accuracy)) && !before.includes("("), before);
    const after = row(model, `data-version="${lower}"`);
    assert.ok(after.includes(`${shown(accuracy - 0.05)} (${shown(-0.05)})`), after);
    assert.ok(after.includes("Bob Ops") && after.includes(trained), after);
    const missing = row(model, `data-version="${gone}"`);
    assert.ok(missing.includes("never loaded") && missing.includes("metrics not available"));
    assert.ok(
      model.indexOf(`data-version="${gone}"`) < model.indexOf(`data-version="${trained}"`),
      "newest first",
    );

    // An edit of the pointer nobody committed: what was read is no commit's.
    await pinVersion(workspace, "churn", trained);
    await runtime.reload();
    const edited = await deploymentsOnce(
      harness,
      "churn",
      (log) => log[0].version === trained && log[0].event === "loaded",
    );
    assert.equal(edited[0].pointerCommit, null);
  } finally {
    await harness.close();
    await pinVersion(workspace, "churn", trained);
  }
});
