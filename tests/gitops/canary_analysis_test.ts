/**
 * Production's canary analysis against a real Prometheus scraping real servers on loopback: the
 * AnalysisTemplate's queries, with the arguments Argo Rollouts gives them, judged by its
 * conditions. A healthy canary passes every metric; one whose predictions fail (503) fails the
 * error rate; one no client reached is inconclusive (the rollout pauses for a human) and drops
 * nothing. Without Debian's `prometheus` the test is ignored, except in CI, where it fails.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { type AnalysisMetric, judge, substituteArgs } from "../support/analysis_template.ts";
import { seedCustomer } from "../support/payloads.ts";
import { startPrometheus } from "../support/prometheus.ts";
import { assertToolPresent, ignoredWithout, toolMissing } from "../support/system_tool.ts";
import { postJson, type TestApp, testApp } from "../support/test_app.ts";
import { trainedWorkspace } from "../support/trained_models.ts";

const templatePath = fileURLToPath(
  new URL("../../gitops/overlays/production/analysis-template.yaml", import.meta.url),
);
const missing = await toolMissing("prometheus", ["--version"]);
const ignore = ignoredWithout("canary_analysis_test", missing);
const namespace = "edge-inference-production";
const predictPath = "/v1/models/churn/predict";

/** One server on loopback, standing for the pods of one revision. */
function serve(app: TestApp) {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, app.app.fetch);
  return { address: `127.0.0.1:${server.addr.port}`, shutdown: () => server.shutdown() };
}

/** `count` requests to `path` (probes are GETs, predictions POSTs); their statuses. */
async function send(app: TestApp, path: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const init = path === predictPath ? postJson({ instances: [seedCustomer] }) : undefined;
    const response = await app.app.request(path, init);
    await response.body?.cancel();
    statuses.push(response.status);
  }
  return statuses;
}

Deno.test({
  name: "the canary analysis on a real Prometheus: healthy passes, 5xx fails, no traffic pauses",
  ignore,
  async fn() {
    assertToolPresent(missing);
    const template = parse(await readFile(templatePath, "utf8"));
    const metrics: AnalysisMetric[] = template.spec.metrics;
    const workspace = await trainedWorkspace();
    const [healthy, failing, idle] = await Promise.all([1, 2, 3].map(() => testApp(workspace)));
    const revisions = { healthy, failing, idle };
    // The failing revision cannot serve churn: its predictions answer 503.
    revisions.failing.runtime.registry.swap("champion", undefined, "churn");
    const servers = Object.values(revisions).map(serve);
    const prometheus = await startPrometheus(
      Object.keys(revisions).map((hash, i) => ({
        address: servers[i].address,
        labels: { namespace, rollouts_pod_template_hash: hash },
      })),
    );
    try {
      // Probes everywhere; a first client request creates each series before Prometheus reads
      // it, so the rate over the window counts the requests that follow.
      for (const app of Object.values(revisions)) await send(app, "/health", 3);
      assert.deepEqual(await send(revisions.healthy, predictPath, 1), [200]);
      assert.deepEqual(await send(revisions.failing, predictPath, 1), [503]);
      const predictions = `sum by (rollouts_pod_template_hash) ` +
        `(http_requests_total{route="${predictPath}"})`;
      await prometheus.waitFor(predictions, (r) => r.length === 2);
      assert.deepEqual(await send(revisions.healthy, predictPath, 20), Array(20).fill(200));
      assert.deepEqual(await send(revisions.failing, predictPath, 20), Array(20).fill(503));
      for (const app of Object.values(revisions)) await send(app, "/ready", 3);
      await prometheus.waitFor(predictions, (r) => r.length === 2 && r.every((n) => n === 21));
      await prometheus.waitFor(
        `min(count_over_time(prediction_log_dropped_total[2m]))`,
        (r) => r[0] >= 3,
      );

      const verdicts: Record<string, Record<string, string>> = {};
      const results: Record<string, Record<string, number[]>> = {};
      for (const hash of Object.keys(revisions)) {
        const args = { "prometheus-address": prometheus.url, "canary-hash": hash, namespace };
        verdicts[hash] = {};
        results[hash] = {};
        for (const metric of metrics) {
          assert.equal(substituteArgs(metric.provider.prometheus.address, args), prometheus.url);
          const result = await prometheus.query(
            substituteArgs(metric.provider.prometheus.query, args),
          );
          results[hash][metric.name] = result;
          verdicts[hash][metric.name] = judge(metric, result);
        }
      }
      const details = JSON.stringify(results);
      assert.deepEqual(verdicts, {
        healthy: {
          "error-rate": "Successful",
          "latency-p99": "Successful",
          "prediction-log-drops": "Successful",
        },
        failing: {
          "error-rate": "Failed",
          "latency-p99": "Successful",
          "prediction-log-drops": "Successful",
        },
        idle: {
          "error-rate": "Inconclusive",
          "latency-p99": "Inconclusive",
          "prediction-log-drops": "Successful",
        },
      }, details);
      assert.deepEqual(results.healthy["error-rate"], [0], details);
      assert.deepEqual(results.failing["error-rate"], [1], details);
      assert.ok(results.healthy["latency-p99"][0] > 0, details);
    } finally {
      await prometheus.close();
      for (const server of servers) await server.shutdown();
      for (const app of Object.values(revisions)) await app.close();
      await Deno.remove(workspace.root, { recursive: true });
    }
  },
});
