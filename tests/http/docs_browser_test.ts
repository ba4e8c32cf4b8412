/**
 * The interactive docs in a real browser (Debian's Chromium driven by playwright-core): the
 * page loads with nothing from outside the server and lists every operation, and its "Test
 * Request" client sends the documented example, with the API key typed into the page, and
 * shows the prediction. A third party integrates from this page alone. Without Chromium the
 * test is reported as ignored, with the reason.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { churnExample } from "../../src/models/churn/schema.ts";
import { chromiumMissing, launchChromium, watchPage } from "../support/browser.ts";
import { testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

if (chromiumMissing) console.warn(`docs_browser_test: ignored: ${chromiumMissing}`);

/** Opens the operation from the sidebar, then its client, and sends the prefilled request. */
async function sendFromDocs(page: Page, summary: string, method: string, path: string) {
  await page.getByText(summary).first().click();
  await page.locator("button", { hasText: `Test Request(${method} ${path})` }).click();
  const answered = page.waitForResponse((response) => response.url().endsWith(path));
  await page.getByRole("button", { name: /^Send/ }).first().click();
  return await answered;
}

Deno.test({
  name: "the docs page works offline, lists every operation and its client gets a prediction",
  ignore: chromiumMissing !== undefined,
  async fn() {
    const apiKey = "docs-page-key";
    const { app, close } = await testApp(await trainedWorkspace(), { API_KEYS: apiKey });
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.fetch);
    const base = `http://127.0.0.1:${server.addr.port}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Anything from elsewhere (fonts, a CDN, telemetry) is refused and recorded.
      const problems = await watchPage(page, base);

      await page.goto(`${base}/docs`);
      const document = await (await fetch(`${base}/openapi.json`)).json();
      const operations = Object.values(document.paths).flatMap((methods) =>
        Object.values(methods as Record<string, { summary: string }>)
      );
      assert.equal(operations.length, 27);
      for (const { summary } of operations) {
        await page.getByText(summary).first().waitFor({ timeout: 10_000 });
      }

      const refused = await sendFromDocs(
        page,
        "Predict whether a customer will churn",
        "post",
        "/v1/models/churn/predict",
      );
      assert.equal(refused.status(), 401, "no key typed yet");
      await page.getByText("401 Unauthorized").first().waitFor();
      await page.keyboard.press("Escape");

      // The key typed once in the page's Authentication box goes with every request.
      await page.getByPlaceholder("Token").first().fill(apiKey);
      const answered = await sendFromDocs(
        page,
        "Predict whether a customer will churn",
        "post",
        "/v1/models/churn/predict",
      );
      assert.equal(answered.request().headers().authorization, `Bearer ${apiKey}`);
      assert.equal(answered.status(), 200, await answered.text());
      // The first documented example: one customer, the seed's payload.
      assert.deepEqual(answered.request().postDataJSON(), churnExample);
      const body = await answered.json();
      assert.equal(body.model, "churn");
      await page.getByText(body.prediction_id).waitFor();
      await page.getByText("200 OK").first().waitFor();
      assert.deepEqual(problems, [`401 ${base}/v1/models/churn/predict`], "only the refusal");
    } finally {
      await browser.close();
      await server.shutdown();
      await close();
    }
  },
});
