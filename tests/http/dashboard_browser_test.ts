/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the
 * server on loopback with seeded production data (tickets, customers, feedback, a monitor run,
 * an alert; tests/support/dashboard_seed.ts): signing in with the API key (kept in a secure,
 * HTTP-only cookie, never in a URL), each page's charts drawn with the numbers the API gave,
 * labels sent from the tickets page landing in the database and moving the production
 * accuracy, the error rate over time adding up to the answers since start, the pointer commit
 * of each served version and a promotion's metric deltas in the version history, a phone's
 * width without horizontal scroll, no serious axe-core violation, no console error, and no
 * request leaving loopback. Screenshots go to test-artifacts/dashboard/.
 */
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { shown } from "../../src/routes/dashboard/chart.ts";
import { dashboardPages } from "../../src/routes/dashboard/layout.ts";
import { chromiumMissing, launchChromium, watchPage } from "../support/browser.ts";
import { seedDashboard } from "../support/dashboard_seed.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";
import {
  commitPointer,
  copyVersion,
  deploymentsOnce,
  pinVersion,
} from "../support/version_pins.ts";

if (chromiumMissing) console.warn(`dashboard_browser_test: ignored: ${chromiumMissing}`);

const artifacts = new URL("../../test-artifacts/dashboard/", import.meta.url);
const axeSource = await readFile(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
  "utf8",
);

/** The data a chart drew (uPlot's own arrays), once the page script has drawn it. */
async function drawn(page: Page, id: string): Promise<(number | null)[][]> {
  const figure = page.locator(`#${id}[data-drawn]`);
  await figure.waitFor({ state: "attached", timeout: 10_000 });
  return JSON.parse((await figure.getAttribute("data-drawn"))!);
}

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).innerText()).trim();
const sum = (values: (number | null)[]) => values.reduce((n: number, v) => n + (v ?? 0), 0);

Deno.test({
  name: "the dashboard in Chromium: sign-in, charts with the API's numbers, feedback, phone, axe",
  ignore: chromiumMissing !== undefined,
  async fn(t) {
    const apiKey = "dashboard-test-key";
    const workspace = await trainedWorkspace();
    const pinned = await commitPointer(workspace, "Ada Ops <ada@example.com>", "Pin v1");
    const harness = await testApp(workspace, { API_KEYS: apiKey });
    const seed = await seedDashboard(harness, workspace, { authorization: `Bearer ${apiKey}` });
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, harness.app.fetch);
    const base = `http://127.0.0.1:${server.addr.port}`;
    await mkdir(artifacts, { recursive: true });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const problems = await watchPage(page, base);
      const shot = (name: string) =>
        page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
      const registry = harness.runtime.registry;

      await t.step("signing in keeps the key in a secure, HTTP-only cookie", async () => {
        await page.goto(`${base}/dashboard/tickets`);
        assert.equal(new URL(page.url()).pathname, "/dashboard/login");
        await page.getByLabel("API key").fill("not-the-key");
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("alert").waitFor();
        await page.getByLabel("API key").fill(apiKey);
        await page.keyboard.press("Enter");
        await page.waitForURL(`${base}/dashboard`);
        const [cookie] = (await context.cookies()).filter((c) => c.name === "dashboard_key");
        assert.equal(cookie.httpOnly, true);
        assert.equal(cookie.secure, true);
        assert.equal(cookie.sameSite, "Strict");
        assert.equal(cookie.path, "/dashboard");
        assert.ok(!page.url().includes(apiKey));
        const headers = (await page.request.get(`${base}/dashboard`)).headers();
        assert.match(headers["content-security-policy"], /script-src 'self'/);
        assert.match(headers["content-security-policy"], /frame-ancestors 'none'/);
        assert.equal(headers["x-frame-options"], "DENY");
        assert.equal(headers["x-content-type-options"], "nosniff");
      });

      await t.step("overview: served versions, request volume, latency, open alerts", async () => {
        const requests = seed.tickets.length + seed.customers.length;
        assert.equal(await text(page, "#requests-48h"), String(requests));
        assert.equal(await text(page, "#open-alert-count"), "1");
        const volume = await drawn(page, "chart-requests");
        assert.equal(sum(volume.slice(1).flat()), requests);
        const latency = await drawn(page, "chart-latency");
        assert.equal(latency.length, 1 + 2 * 2, "p50 and p99 of both models");
        const served = await text(page, "#served-models");
        for (const version of Object.values(workspace.versions)) {
          assert.ok(served.includes(version));
        }
        assert.match(await text(page, "#open-alerts"), /Seeded: production accuracy/);
        const commit = await text(page, "#served-churn-champion .pointer-commit");
        assert.ok(commit.startsWith(`${pinned.slice(0, 12)} by Ada Ops`), commit);
        assert.ok(commit.endsWith("Pin v1"), commit);
        // The answers per 5 minutes add up to those since start (the wrong key's 401 among them).
        const [, answered, clientShare, serverShare] = await drawn(page, "chart-errors");
        const total = sum(answered);
        const share = (shares: (number | null)[]) =>
          answered.reduce((n: number, r, i) => n + r! * shares[i]! / 100, 0);
        assert.equal(String(total), await text(page, "#requests-since-start"));
        assert.ok(share(clientShare) >= 1);
        assert.equal(
          await text(page, "#client-errors-since-start"),
          `${shown(100 * Math.round(share(clientShare)) / total)}%`,
        );
        assert.equal(
          await text(page, "#error-rate"),
          `${shown(100 * share(serverShare) / total)}%`,
        );
        await shot("overview");
      });

      const labelled = seed.tickets.filter((t) => t.labelled);
      const topicCorrect = labelled.filter((t) => t.topic === t.trueTopic).length;
      await t.step("model: test metrics, confusion matrix, production accuracy", async () => {
        await page.getByRole("link", { name: "Model" }).click();
        const metrics = registry.champion("ticket-triage")!.metrics;
        const topic = metrics.heads.find((h) => h.head === "topic")!;
        assert.equal(await text(page, "#test-accuracy-topic"), shown(topic.model.accuracy));
        assert.equal(
          await text(page, "#prod-accuracy-topic"),
          shown(topicCorrect / labelled.length),
        );
        const cells = await page.locator("#confusion-topic tbody td").allInnerTexts();
        assert.equal(sum(cells.map(Number)), sum(topic.model.confusionMatrix.flat()));
        const perClass = await drawn(page, "chart-classes-topic");
        assert.deepEqual(perClass[3], topic.model.classes.map((c) => topic.model.perClass[c].f1));
        const production = await drawn(page, "chart-production-accuracy");
        assert.equal(production[1][0], topicCorrect / labelled.length);
        await shot("model-ticket-triage");
      });

      const corrected = seed.tickets.find((t) => !t.labelled)!;
      const wrongTopic = corrected.topic === "printing" ? "storage" : "printing";
      await t.step("tickets: filters, suggested reply, labels sent in one click", async () => {
        await page.getByRole("link", { name: "Tickets" }).click();
        assert.equal(
          await text(page, "#ticket-count"),
          `${seed.tickets.length} tickets shown (newest triage first).`,
        );
        const byTopic = await drawn(page, "chart-topics");
        assert.equal(sum(byTopic[1]), seed.tickets.length);
        const topic = seed.tickets[0].topic;
        await page.getByLabel("Topic", { exact: true }).selectOption(topic);
        await page.getByRole("button", { name: "Filter" }).click();
        const expected = seed.tickets.filter((t) => t.topic === topic).length;
        await page.waitForURL(/topic=/);
        assert.equal(
          await text(page, "#ticket-count"),
          `${expected} tickets shown (newest triage first).`,
        );
        await page.getByLabel("Review").selectOption("needed");
        await page.getByRole("button", { name: "Filter" }).click();
        await page.waitForURL(/review=needed/);
        assert.match(
          await text(page, "#ticket-count"),
          /^0 tickets/,
          "none flagged by the seeded model",
        );

        await page.goto(`${base}/dashboard/tickets`);
        const card = page.locator(`#ticket-${corrected.ticketId}`);
        assert.equal(await card.locator(".topic").innerText(), corrected.topic);
        assert.equal(await card.locator(".needs-review").innerText(), "no");
        await card.getByText("Ticket and suggested reply").click();
        assert.ok((await card.locator(".reply").nth(1).innerText()).length > 20);
        await card.getByLabel("Correct topic").selectOption(wrongTopic);
        await card.getByLabel("Correct urgency").selectOption(corrected.trueUrgency);
        // From the keyboard: the button takes focus and Enter sends the form.
        await card.getByRole("button", { name: "Send labels" }).focus();
        await page.keyboard.press("Enter");
        await page.waitForURL(/saved=/);
        await page.locator("#saved").waitFor();
        const stored = await harness.database.queryRows<{ head: string; label: string }>(
          sql`select head, label from feedback where prediction_id = ${corrected.predictionId}::uuid order by head`,
        );
        assert.deepEqual(stored, [
          { head: "topic", label: wrongTopic },
          { head: "urgency", label: corrected.trueUrgency },
        ]);
        assert.equal(
          await page.locator(`#ticket-${corrected.ticketId} .true-topic`).innerText(),
          wrongTopic,
        );
        await shot("tickets");
        await page.getByRole("link", { name: "Model" }).click();
        assert.equal(
          await text(page, "#prod-accuracy-topic"),
          shown((topicCorrect + (wrongTopic === corrected.topic ? 1 : 0)) / (labelled.length + 1)),
        );
      });

      await t.step("model (churn): ROC curve with the threshold, calibration", async () => {
        await page.goto(`${base}/dashboard/model?model=churn`);
        const roc = await drawn(page, "chart-roc");
        assert.deepEqual([roc[0].at(-1), roc[1].at(-1)], [1, 1]);
        assert.equal(roc[2].filter((v) => v !== null).length, 1, "one threshold point");
        const calibration = await page.locator("#chart-calibration").getAttribute("data-drawn");
        assert.ok(calibration);
        const scored = seed.customers.filter((c) => c.labelled);
        const correct = scored.filter((c) =>
          (c.probability >= registry.champion("churn")!.threshold!) === c.churned
        );
        assert.equal(
          await text(page, "#prod-accuracy-churn"),
          shown(correct.length / scored.length),
        );
        await shot("model-churn");
      });

      await t.step("drift: latest report per model, distributions, the full reports", async () => {
        await page.getByRole("link", { name: "Drift" }).click();
        const api = await (await harness.app.request("/v1/monitoring/reports", {
          headers: { authorization: `Bearer ${apiKey}` },
        })).json();
        for (const report of api.reports) {
          const slug = report.model.replace(/[^a-z0-9]+/gi, "-");
          assert.equal(await text(page, `#drift-share-${slug}`), shown(report.drift_share));
        }
        const first = await drawn(page, "chart-drift-churn-0");
        assert.ok(Math.abs(sum(first[1]) - 1) < 1e-6, "reference shares sum to 1");
        await shot("drift");
        await page.getByRole("link", { name: "Full HTML report" }).first().click();
        await page.getByText(/columns drifted/).first().waitFor();
        await page.goBack();
      });

      await t.step("customers: churn-risk distribution and the riskiest profiles", async () => {
        await page.getByRole("link", { name: "Customers" }).click();
        assert.equal(await text(page, "#scored-customers"), String(seed.customers.length));
        const deciles = Array(10).fill(0);
        for (const c of seed.customers) deciles[Math.min(9, Math.floor(c.probability * 10))]++;
        assert.deepEqual((await drawn(page, "chart-churn-risk"))[1], deciles);
        const riskiest = [...seed.customers].sort((a, b) => b.probability - a.probability)[0];
        assert.equal(await text(page, "#highest-risk tbody tr:first-child th"), riskiest.id);
        await shot("customers");
      });

      await t.step(
        "model (churn): version history with metric deltas, who pinned what",
        async () => {
          const trained = workspace.versions.churn;
          let accuracy = 0;
          const lower = await copyVersion(workspace, "churn", "lower", (metrics) => {
            accuracy = metrics.heads[0].model.accuracy;
            metrics.heads[0].model.accuracy -= 0.05;
          });
          const gone = `${trained}-gone`;
          await pinVersion(workspace, "churn", lower, gone);
          await commitPointer(workspace, "Bob Ops <bob@example.com>", "Promote churn lower");
          await harness.runtime.reload();
          await deploymentsOnce(harness, "churn", (log) => log[0]?.version === gone);
          await page.goto(`${base}/dashboard/model?model=churn`);
          const cell = (version: string) =>
            text(
              page,
              `#version-history tr[data-version="${version}"] td[data-metric="churn accuracy"]`,
            );
          assert.equal(await cell(trained), shown(accuracy));
          assert.equal(await cell(lower), `${shown(accuracy - 0.05)} (${shown(-0.05)})`);
          assert.match(
            await text(page, `#version-history tr[data-version="${gone}"]`),
            /never loaded.*metrics not available/s,
          );
          assert.match(
            await text(page, `#version-history tr[data-version="${lower}"] .pointer-commit`),
            /by Bob Ops, .*Promote churn lower/,
          );
          assert.match(await text(page, "#deployments"), /refused.*Bob Ops/s);
          await shot("model-churn-history");
          await pinVersion(workspace, "churn", trained);
          await harness.runtime.reload();
        },
      );

      await t.step(
        "every page at 375 px: no horizontal scroll, no serious axe violation",
        async () => {
          await page.setViewportSize({ width: 375, height: 800 });
          const paths = [...dashboardPages.map((p) => p.path), "/dashboard/model?model=churn"];
          for (const path of paths) {
            await page.goto(`${base}${path}`);
            await page.waitForLoadState("load");
            const widths = await page.evaluate(
              "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            ) as number[];
            assert.ok(widths[0] <= widths[1], `${path}: scroll width ${widths[0]} > ${widths[1]}`);
            await page.evaluate(axeSource);
            const violations = await page.evaluate(
              `axe.run(document).then((r) => r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id + ": " + v.nodes.map((n) => n.target).join(" ")))`,
            );
            assert.deepEqual(violations, [], path);
            await shot(`phone-${path.replace(/\W+/g, "-")}`);
          }
        },
      );

      assert.deepEqual(problems, [`401 ${base}/dashboard/login`], "only the wrong key's refusal");
    } finally {
      await browser.close();
      await server.shutdown();
      await harness.close();
    }
  },
});
